"""The daily alerts of 500 chats, run by three real `vtrbot run --webhook` replicas on one
PostgreSQL: each chat gets its chart and its text exactly once, even when a replica is
SIGKILLed halfway through the pass.

As deployed (compose.scale.yaml), every replica sweeps for chats whose alert time has passed
with their day undecided; the chats here subscribed at 00:00 local, so all 500 are due as
soon as the replicas start, and the replicas' sweeps (every 2 s here) share them out. Each
replica calls the fake Bot API through its own path (`Call.via`), so the test knows who
sent what; it counts what the fake Bot API received, not what the bot says it did.
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.domain.alerts import Subscription
from bot.domain.models import ShipmentRecord
from bot.services.store import Store
from tests.bot.fake_bot_api import FakeBotApi
from tests.loopback import free_port, wait_until_listening
from tests.scale.replicas import start_replica
from tests.stored import merge_records

pytestmark = [
    pytest.mark.slow,
    pytest.mark.scale,
    # aiohttp (the fake server) warns while reading some multipart chunkings of a photo,
    # and a killed replica leaves a half-sent one: not the bot's doing.
    pytest.mark.filterwarnings("ignore:unread_data:DeprecationWarning"),
]

CHATS = 500
"""Subscribed chats, every one below the bar: each is sent a chart and one text message."""
REPLICAS = 3
ZONE = "Asia/Shanghai"
SWEEP_SECONDS = 2
SWEEP = {"VTRBOT_ALERT_SWEEP_SECONDS": str(SWEEP_SECONDS)}


def _today() -> datetime:
    return datetime.now(UTC).astimezone(ZoneInfo(ZONE))


async def seed(url: str, folder: Path, chats: int = CHATS) -> None:
    """`chats` chats at 90% VTR yesterday (local), all subscribed at 00:00 local (always
    past)."""
    yesterday = _today().date() - timedelta(days=1)

    async def one(store: Store, chat: int) -> None:
        rows = [
            ShipmentRecord(order_id=f"{chat}-{i}", ship_date=yesterday, carrier="云途",
                           tracking="YT2611000000000001" if i < 18 else "", category="玩具")
            for i in range(20)
        ]  # fmt: skip
        await merge_records(store, chat, rows)
        await store.subscribe(Subscription(chat, time(0), ZONE))

    async with Store(folder / "seed.sqlite3", database_url=url) as store:
        for first in range(1, chats + 1, 10):
            batch = range(first, min(first + 10, chats + 1))
            await asyncio.gather(*(one(store, chat) for chat in batch))


async def wait_until_every_day_is_decided(
    url: str, folder: Path, timeout: float, chats: int = CHATS
) -> None:
    """Until every chat's day is decided "sent": a decided day is never run again, and each
    part is confirmed before its day is decided, so after that nothing more can be sent."""
    today = _today().date().isoformat()
    async with Store(folder / "check.sqlite3", database_url=url) as store, asyncio.timeout(timeout):
        while True:
            ((decided,),) = await store.backend.fetch(
                "SELECT COUNT(*) FROM alert_days WHERE day = ? AND outcome = 'sent'", (today,)
            )
            if decided >= chats:
                return
            await asyncio.sleep(1)


async def stop(replicas: list[asyncio.subprocess.Process]) -> list[bytes]:
    for process in replicas:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
    return [(await process.communicate())[1] for process in replicas]


def per_chat(api: FakeBotApi, method: str) -> Counter[int]:
    return Counter(call.chat_id for call in api.sent(method) if call.chat_id is not None)


@pytest.fixture
async def api():
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


async def run_replicas(api: FakeBotApi, url: str, folder: Path) -> list[asyncio.subprocess.Process]:
    ports = [free_port() for _ in range(REPLICAS)]
    replicas = [
        await start_replica(api, url, folder, f"r{number}", port, SWEEP)
        for number, port in enumerate(ports)
    ]
    for port in ports:
        await wait_until_listening(f"http://127.0.0.1:{port}/telegram")
    return replicas


def assert_one_chart_and_one_text_each(api: FakeBotApi) -> None:
    everyone = Counter(range(1, CHATS + 1))
    assert per_chat(api, "sendPhoto") == everyone
    assert per_chat(api, "sendMessage") == everyone
    for photo in api.sent("sendPhoto"):
        assert photo.files["photo"][1].startswith(b"\x89PNG")
    assert all("90.0%" in text.text for text in api.sent("sendMessage"))


async def test_three_replicas_alert_every_chat_exactly_once(
    api: FakeBotApi, postgres_url: str, tmp_path: Path
) -> None:
    await seed(postgres_url, tmp_path)
    replicas = await run_replicas(api, postgres_url, tmp_path)
    try:
        await wait_until_every_day_is_decided(postgres_url, tmp_path, timeout=600)
    finally:
        errors = await stop(replicas)
    for process, stderr in zip(replicas, errors, strict=True):
        assert process.returncode == 0, stderr.decode()[-2000:]
    assert_one_chart_and_one_text_each(api)
    senders = Counter(call.via for call in api.sent("sendPhoto"))
    assert len(senders) > 1  # the replicas shared the pass


async def test_a_replica_killed_mid_pass_has_its_chats_finished_by_the_others(
    api: FakeBotApi, postgres_url: str, tmp_path: Path
) -> None:
    """The replica sending the 250th chart is SIGKILLed while it waits for Telegram's answer:
    that chart reached Telegram, its text was never started. The survivors' sweep sends that
    text, and every chat the dead replica had not reached, each exactly once."""
    await seed(postgres_url, tmp_path)
    gate = api.hold_answer("sendPhoto", nth=CHATS // 2)
    replicas = await run_replicas(api, postgres_url, tmp_path)
    try:
        held = await gate.reached(timeout=600)
        victim = replicas[int(held.via.removeprefix("r"))]
        victim.send_signal(signal.SIGKILL)
        await victim.wait()
        gate.release()
        await wait_until_every_day_is_decided(postgres_url, tmp_path, timeout=600)
    finally:
        gate.release()
        errors = await stop(replicas)
    assert victim.returncode == -signal.SIGKILL
    for process, stderr in zip(replicas, errors, strict=True):
        if process is not victim:
            assert process.returncode == 0, stderr.decode()[-2000:]
    assert_one_chart_and_one_text_each(api)
    (text,) = api.sent("sendMessage", held.chat_id)
    assert text.via != held.via  # finished by a survivor
    assert len(per_chat(api, "sendPhoto")) > CHATS // 2  # the others did the rest
