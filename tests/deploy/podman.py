"""podman through the `vtr-podman` wrapper, for the image tests: calls that keep the event
loop free (the fake Bot API runs in it), and containers of the image under test."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).parents[2]
WRAPPER = "vtr-podman"
SETUP_HINT = (
    "`bash ../shared/tools/podman-setup.sh` as root (the workplace's script: it installs "
    "podman, a python:3.11-slim stand-in and the vtr-podman wrapper)"
)
SIZE_TARGET_MB = 400
"""What the Dockerfile may add on top of its base image (README, Docker)."""

FIGURES: list[str] = []
"""Measured figures, printed in the terminal summary (never asserted as times)."""


def podman_missing() -> str | None:
    if shutil.which(WRAPPER) is None:
        return f"{WRAPPER} is not installed"
    if os.geteuid() != 0:
        return "podman here needs root (chroot isolation, host network)"
    return None


def podman_sync(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """A podman call outside any running bot test (nothing to keep serving meanwhile)."""
    return subprocess.run(
        [WRAPPER, *args], capture_output=True, text=True, timeout=timeout, check=False
    )


async def podman(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """A podman call that leaves the event loop free: the fake Bot API runs in it."""
    process = await asyncio.create_subprocess_exec(
        WRAPPER, *args, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None
    return subprocess.CompletedProcess(
        [WRAPPER, *args], process.returncode, out.decode(), err.decode()
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"{' '.join(result.args)}: {result.returncode}\n{result.stderr}"
    return result.stdout


@dataclass
class Container:
    """One `podman run -d` of the image; removed (with its logs kept) at teardown."""

    image: str
    name: str = field(default_factory=lambda: f"vtrbot-test-{uuid.uuid4().hex[:10]}")
    started_at: float = 0.0
    removed: bool = False

    async def start(self, env: dict[str, str], volume: str, *args: str) -> None:
        options = [f"--env={key}={value}" for key, value in env.items()]
        run = [
            *("run", "--detach", "--name", self.name),
            # Host network: the fake Bot API listens on the host's 127.0.0.1.
            *("--network", "host"),
            # No systemd here to time health checks; the tests run them by hand.
            *("--health-interval", "disable"),
            *("--volume", f"{volume}:/data"),
        ]
        self.started_at = time.monotonic()
        ok(await podman(*run, *options, *args, self.image))

    async def exec(self, *command: str) -> subprocess.CompletedProcess[str]:
        return await podman("exec", self.name, *command)

    async def logs(self) -> str:
        result = await podman("logs", self.name)
        return result.stdout + result.stderr

    async def remove(self) -> None:
        await podman("rm", "--force", "--time", "0", self.name)
        self.removed = True
