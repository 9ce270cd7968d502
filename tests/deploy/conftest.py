"""The image tests' fixtures: the image built once per session from a clean clone, a data
volume, and containers that are always removed afterwards.

These tests carry the `deploy` marker and run only when a -m expression names it (`.ci/run`
says `-m deploy`): the README's test command, and the fast tier `-m "not slow"`, leave them
out, since they take minutes and need podman as root. Where podman or root is missing they
skip, unless VTRBOT_REQUIRE_PODMAN=1 (set by `.ci/run`) turns the skip into a failure.
"""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from tests.bot.fake_bot_api import FakeBotApi
from tests.deploy.podman import (
    FIGURES,
    ROOT,
    SETUP_HINT,
    WRAPPER,
    Container,
    ok,
    podman_missing,
    podman_sync,
)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("image figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def podman_ready() -> None:
    missing = podman_missing()
    if missing is None:
        return
    if os.environ.get("VTRBOT_REQUIRE_PODMAN") == "1":
        pytest.fail(f"{missing}, and VTRBOT_REQUIRE_PODMAN=1: run {SETUP_HINT}")
    pytest.skip(f"{missing}: run {SETUP_HINT}")


def clean_clone(dest: Path) -> str:
    """The committed tree at HEAD, as CI's fresh clone sees it: nothing untracked or ignored
    (no .venv, .env or local data) can reach the build."""
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(dest)], check=True)
    subprocess.run(["git", "-C", str(dest), "checkout", "--quiet", "--detach", head], check=True)
    return head


@pytest.fixture(scope="session")
def image(podman_ready: None, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The image, built once per session from a clean clone of HEAD (docker format: OCI
    images drop HEALTHCHECK)."""
    source = tmp_path_factory.mktemp("clone") / "vtrbot"
    head = clean_clone(source)
    tag = "localhost/vtrbot-test"
    log = source.parent / "build.log"
    started = time.monotonic()
    with log.open("w") as out:
        build = subprocess.run(
            [WRAPPER, "build", "--format", "docker", "-t", tag, str(source)],
            stdout=out, stderr=subprocess.STDOUT, timeout=1800, check=False,
        )  # fmt: skip
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-40:])
    assert build.returncode == 0, f"image build failed ({log}):\n{tail}"
    FIGURES.append(f"build from a clean clone of {head[:12]}: {time.monotonic() - started:.0f} s")
    return tag


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def new_container(
    image: str, volume: str, api: FakeBotApi
) -> AsyncIterator[Callable[[], Container]]:
    """Call it for a container of the image; each is removed when the test ends, its log
    printed first (pytest shows it when the test fails). It asks for `volume` and `api` so
    both outlive the containers: removing a volume by force removes the containers using
    it, and a bot whose API has gone logs network errors."""
    made: list[Container] = []

    def new() -> Container:
        made.append(Container(image))
        return made[-1]

    yield new
    for container in (c for c in made if not c.removed):
        print(f"--- log of {container.name}:\n{await container.logs()}")
        await container.remove()


@pytest.fixture
def volume(podman_ready: None) -> Iterator[str]:
    """A named volume for /data, as a deployment would use; removed at the end."""
    name = f"vtrbot-test-data-{uuid.uuid4().hex[:10]}"
    ok(podman_sync("volume", "create", name))
    yield name
    podman_sync("volume", "rm", "--force", name)
