"""compose.scale.yaml's deployment, process by process: Caddy running deploy/Caddyfile in
front of three `vtrbot run --webhook` replicas on one throwaway PostgreSQL.

The fake Bot API plays Telegram: it delivers every update to the one URL the replicas
registered with setWebhook (its path on the proxy's address: the test serves plain HTTP on
127.0.0.1 where production has HTTPS for BOT_DOMAIN), with the registered secret, and
retries a delivery that failed. Which replica handled an update is read from the fake's
side, not from the proxy: each replica is given its own Bot API base URL, so every answer
it sends carries its name (`Call.via`).

Caddy is the installed binary (Debian's `caddy`); where it is missing these tests skip,
unless VTRBOT_REQUIRE_CADDY=1 (set by `.ci/run`) makes that a failure.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest
import yaml

from tests.bot.fake_bot_api import Delivery, FakeBotApi
from tests.loopback import free_port, wait_until_listening

pytestmark = [pytest.mark.slow, pytest.mark.scale]

ROOT = Path(__file__).parents[2]
CADDYFILE = ROOT / "deploy" / "Caddyfile"
SECRET = "proxy-secret_1"
PUBLIC_URL = "https://bot.example.com/telegram"
"""What the replicas register: the proxy's public address, as in compose.scale.yaml."""
REPLICAS = ("bot1", "bot2", "bot3")
UPDATES = 60
CONNECTIONS = 4
"""Deliveries in flight at once (Telegram's max_connections, 40 by default)."""


@pytest.fixture(scope="module")
def caddy() -> str:
    binary = shutil.which("caddy")
    if binary is None:
        reason = "caddy is not installed (apt-get install caddy)"
        if os.environ.get("VTRBOT_REQUIRE_CADDY") == "1":
            pytest.fail(f"{reason}, and VTRBOT_REQUIRE_CADDY=1")
        pytest.skip(reason)
    return binary


@dataclass
class Deployment:
    """The running processes, and the address Telegram would deliver to."""

    api: FakeBotApi
    proxy_port: int
    replicas: dict[str, asyncio.subprocess.Process] = field(default_factory=dict)
    killed: set[str] = field(default_factory=set)

    async def kill(self, name: str) -> None:
        """SIGKILL one replica, as a crash or an OOM kill would stop it."""
        self.killed.add(name)
        self.replicas[name].send_signal(signal.SIGKILL)
        await self.replicas[name].wait()

    @property
    def webhook(self) -> tuple[str, str]:
        """Where and with which secret Telegram delivers: the one URL and secret every
        replica registered, with the proxy's test address in place of BOT_DOMAIN."""
        registered = {
            (c.params["url"], c.params["secret_token"]) for c in self.api.sent("setWebhook")
        }
        [(url, secret)] = registered
        return f"http://127.0.0.1:{self.proxy_port}{urlsplit(url).path}", secret

    async def deliver(self) -> float:
        """Deliver every queued update; the updates acknowledged per second."""
        url, secret = self.webhook
        before, started = len(self.api.deliveries), time.perf_counter()
        await self.api.deliver_to_webhook(url, secret, connections=CONNECTIONS)
        succeeded = sum(d.succeeded for d in self.api.deliveries[before:])
        return succeeded / (time.perf_counter() - started)


def replica_settings(database_url: str, port: int) -> dict[str, str]:
    """What compose.scale.yaml sets on every replica (test_compose_scale.py holds the file to
    these names): one database, one public webhook URL and secret, a port for the proxy."""
    return {
        "VTRBOT_DATABASE_URL": database_url,
        "VTRBOT_WEBHOOK_URL": PUBLIC_URL,
        "VTRBOT_WEBHOOK_SECRET": SECRET,
        "VTRBOT_WEBHOOK_LISTEN": "127.0.0.1",
        "VTRBOT_WEBHOOK_PORT": str(port),
    }


def proxy_settings(port: int, upstreams: list[int]) -> dict[str, str]:
    """What compose.scale.yaml sets on the proxy, with the test's site and replicas."""
    return {
        "BOT_DOMAIN": f"http://127.0.0.1:{port}",
        "BOT_UPSTREAMS": " ".join(f"127.0.0.1:{upstream}" for upstream in upstreams),
    }


async def start_replica(
    api: FakeBotApi, name: str, database_url: str, folder: Path, port: int
) -> asyncio.subprocess.Process:
    env = (
        os.environ
        | replica_settings(database_url, port)
        | {
            "TELEGRAM_BOT_TOKEN": api.token,
            "TELEGRAM_BASE_URL": api.base_url_via(name),
            "VTRBOT_DATA_DIR": str(folder / f"data-{name}"),
            "VTRBOT_DEFAULT_LANG": "en",
        }
    )
    with (folder / f"{name}.log").open("wb") as log:  # the child keeps its own descriptor
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run",
            cwd=folder, env=env, stdout=log, stderr=log,
        )  # fmt: skip


async def start_proxy(
    caddy: str, folder: Path, port: int, upstreams: list[int]
) -> asyncio.subprocess.Process:
    """deploy/Caddyfile as compose.scale.yaml runs it, with the test's site and replicas."""
    env = (
        os.environ
        | proxy_settings(port, upstreams)
        | {
            "XDG_DATA_HOME": str(folder / "caddy-data"),
            "XDG_CONFIG_HOME": str(folder / "caddy-config"),
        }
    )
    with (folder / "caddy.log").open("wb") as log:  # the child keeps its own descriptor
        return await asyncio.create_subprocess_exec(
            caddy, "run", "--config", str(CADDYFILE), "--adapter", "caddyfile",
            cwd=folder, env=env, stdout=log, stderr=log,
        )  # fmt: skip


def test_the_caddy_tested_is_the_one_composed(caddy: str) -> None:
    """compose.scale.yaml pins the caddy image to the minor version these tests run."""
    image = yaml.safe_load((ROOT / "compose.scale.yaml").read_text())["services"]["proxy"]["image"]
    installed = subprocess.run([caddy, "version"], capture_output=True, text=True, check=True)
    version = installed.stdout.strip().removeprefix("v")  # Debian's build has no "v"
    assert version.startswith(image.removeprefix("caddy:") + "."), version


def test_with_the_composed_values_the_proxy_serves_https_for_the_domain(caddy: str) -> None:
    """The same Caddyfile, adapted with compose.scale.yaml's values: TLS on 443 for the
    domain (automatic HTTPS, on unless disabled) and the three bot services as upstreams."""
    from tests.deploy.test_compose_scale import SERVICES

    environment = SERVICES["proxy"]["environment"]
    adapted = subprocess.run(
        [caddy, "adapt", "--config", str(CADDYFILE)],
        env=os.environ | environment, capture_output=True, text=True, check=True,
    )  # fmt: skip
    [server] = json.loads(adapted.stdout)["apps"]["http"]["servers"].values()
    assert server["listen"] == [":443"]
    assert "automatic_https" not in server
    [route] = server["routes"]
    assert route["match"] == [{"host": [urlsplit(PUBLIC_URL).hostname]}]
    dials = re.findall(r'"dial":\s*"([^"]+)"', adapted.stdout)
    assert dials == environment["BOT_UPSTREAMS"].split() == ["bot1:8443", "bot2:8443", "bot3:8443"]


@asynccontextmanager
async def deployment(caddy: str, database_url: str, folder: Path) -> AsyncIterator[Deployment]:
    """Three replicas and the proxy, started and listening; every process that is still
    running is stopped with SIGTERM at the end, and each replica not killed must exit 0."""
    api = FakeBotApi()
    await api.start()
    ports = {name: free_port() for name in REPLICAS}
    running = Deployment(api, free_port())
    proxy = await start_proxy(caddy, folder, running.proxy_port, list(ports.values()))
    try:
        for name, port in ports.items():
            running.replicas[name] = await start_replica(api, name, database_url, folder, port)
        for port in ports.values():
            await wait_until_listening(f"http://127.0.0.1:{port}/telegram")
        await wait_until_listening(f"http://127.0.0.1:{running.proxy_port}/")
        await api.wait_for("setWebhook", count=len(REPLICAS), timeout=30)
        yield running
    finally:
        for process in [proxy, *running.replicas.values()]:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in [proxy, *running.replicas.values()]:
            await process.wait()
        await api.stop()
    for name, process in running.replicas.items():
        log = (folder / f"{name}.log").read_text(errors="replace")
        expected = -signal.SIGKILL if name in running.killed else 0
        assert process.returncode == expected, log[-2000:]


async def calibrate(running: Deployment) -> int:
    """One /help through the proxy, fully answered: the messages one update gets."""
    running.api.user_sends(0, "/help", lang="en")
    await running.deliver()
    await running.api.wait_for("sendMessage", chat_id=0, timeout=30)
    await asyncio.sleep(1)  # nothing more comes for it
    return len(running.api.sent("sendMessage", chat_id=0))


def who_answered(api: FakeBotApi, chats: range) -> dict[int, set[str]]:
    """For each chat, the replicas whose messages answered it."""
    return {chat: {c.via for c in api.sent("sendMessage", chat_id=chat)} for chat in chats}


def assert_acknowledged_once(api: FakeBotApi, update_ids: set[int]) -> None:
    """Telegram's side: each update was acknowledged (2xx) exactly once."""
    succeeded = Counter(d.update_id for d in api.deliveries if d.succeeded)
    assert succeeded == Counter(dict.fromkeys(update_ids, 1))


def failed(api: FakeBotApi) -> list[Delivery]:
    return [d for d in api.deliveries if not d.succeeded]


async def refused_by_the_proxy(port: int) -> dict[str, int]:
    """What the proxy answers to requests it must not forward: another path, a body over
    the replicas' 1 MiB limit (a replica would answer 400), a body of unknown length."""

    async def chunks() -> AsyncIterator[bytes]:
        yield b"{}"

    base = f"http://127.0.0.1:{port}"
    statuses = {}
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{base}/health") as response:
            statuses["other path"] = response.status
        too_big = io.BytesIO(b"{" + b" " * (1 << 20) + b"}")
        async with http.post(f"{base}/telegram", data=too_big) as response:
            statuses["over 1 MiB"] = response.status
        async with http.post(f"{base}/telegram", data=chunks()) as response:
            statuses["no length"] = response.status
    return statuses


def report(capsys: pytest.CaptureFixture[str], figure: str) -> None:
    """A figure for the README, printed with the test's result (never asserted on)."""
    with capsys.disabled():
        print(f"\n{figure}")


async def wait_answered(api: FakeBotApi, chats: range, per_update: int) -> None:
    for chat in chats:
        await api.wait_for("sendMessage", chat_id=chat, count=per_update, timeout=60)
    await asyncio.sleep(1)  # time for any duplicate to show


async def test_updates_through_the_proxy_are_spread_and_answered_once(
    caddy: str, postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with deployment(caddy, postgres_url, tmp_path) as running:
        api = running.api
        per_update = await calibrate(running)
        refusals = await refused_by_the_proxy(running.proxy_port)
        chats = range(1, UPDATES + 1)
        first_update = len(api.pushed_at) + 1
        for chat in chats:
            api.user_sends(chat, "/help", lang="en")
        rate = await running.deliver()
        await wait_answered(api, chats, per_update)
    assert {c.params["url"] for c in api.sent("setWebhook")} == {PUBLIC_URL}
    assert_acknowledged_once(api, set(range(first_update, first_update + UPDATES)) | {1})
    assert failed(api) == []
    answered = who_answered(api, chats)
    assert all(len(replicas) == 1 for replicas in answered.values()), answered
    assert Counter(c.chat_id for c in api.sent("sendMessage")) == Counter(
        dict.fromkeys([0, *chats], per_update)
    )
    shares = Counter(replica for replicas in answered.values() for replica in replicas)
    # Round robin: every replica gets the same share of the stream.
    assert shares == Counter(dict.fromkeys(REPLICAS, UPDATES // len(REPLICAS)))
    # Refused by the proxy itself, and without counting against a replica: the shares
    # above, taken right after, include every replica.
    assert refusals == {"other path": 404, "over 1 MiB": 413, "no length": 411}
    report(
        capsys,
        f"proxy, 3 replicas: {UPDATES} updates acknowledged at {rate:.0f}/s, "
        f"shares {dict(sorted(shares.items()))}",
    )


async def test_a_killed_replica_is_skipped_and_no_update_is_lost(
    caddy: str, postgres_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """bot2 is SIGKILLed once its share of a first stream is answered, so nothing it had
    acknowledged is left unhandled (PTB answers 200 when it queues an update, before
    handling it: an update queued in a replica at the moment it is killed is lost, since
    Telegram does not send an acknowledged update again). The proxy still believes bot2
    is up; every update of the second stream must be answered once, by the others."""
    async with deployment(caddy, postgres_url, tmp_path) as running:
        api = running.api
        per_update = await calibrate(running)
        before = range(1, UPDATES // 2 + 1)
        after = range(UPDATES // 2 + 1, UPDATES + 1)
        for chat in before:
            api.user_sends(chat, "/help", lang="en")
        await running.deliver()
        await wait_answered(api, before, per_update)
        await running.kill("bot2")
        first_after = len(api.pushed_at) + 1
        for chat in after:
            api.user_sends(chat, "/help", lang="en")
        rate = await running.deliver()
        await wait_answered(api, after, per_update)
    assert_acknowledged_once(api, set(range(1, first_after + len(after))))
    # The proxy still sent bot2 a request or two (at most one per connection Telegram
    # holds, before the first failure took bot2 out of rotation); each got the proxy's
    # 502, and its update was delivered again and answered once, by another replica.
    assert failed(api), "the proxy believed bot2 up: its first request must have failed"
    assert {d.status for d in failed(api)} == {502}
    assert len(failed(api)) <= CONNECTIONS
    assert Counter(c.chat_id for c in api.sent("sendMessage")) == Counter(
        dict.fromkeys([0, *before, *after], per_update)
    )
    shares_before = Counter(r for rs in who_answered(api, before).values() for r in rs)
    assert set(shares_before) == set(REPLICAS)
    answered_after = who_answered(api, after)
    assert all(len(replicas) == 1 for replicas in answered_after.values()), answered_after
    shares_after = Counter(r for rs in answered_after.values() for r in rs)
    assert set(shares_after) == {"bot1", "bot3"}
    assert sum(shares_after.values()) == len(after)
    report(
        capsys,
        f"proxy, bot2 killed: {len(after)} updates acknowledged at {rate:.0f}/s, "
        f"shares {dict(sorted(shares_after.items()))}, {len(failed(api))} delivery "
        "answered 502 and delivered again",
    )
