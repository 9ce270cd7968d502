"""The daily pass run by several real processes on one PostgreSQL: each chat alerted once.

Each replica here is a real `vtrbot alerts --now` process (the pass a replica's daily jobs
run), sending through the fake Bot API on 127.0.0.1; the test counts what that server
received. An alert is a chart (sendPhoto) followed by its text.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.domain.alerts import Subscription
from bot.domain.models import ShipmentRecord
from bot.services.store import Store
from tests.bot.fake_bot_api import FakeBotApi
from tests.stored import merge_records

pytestmark = [
    pytest.mark.slow,
    pytest.mark.scale,
    # aiohttp (the fake server) warns while reading some multipart chunkings of a photo,
    # and a killed replica leaves a half-sent one: not the bot's doing.
    pytest.mark.filterwarnings("ignore:unread_data:DeprecationWarning"),
]

CHATS = 60
"""Subscribed chats, every one below the bar (so every one is sent an alert). Each alert
renders a chart (~0.3 s of CPU here) and sends two messages through the replicas' shared
25/s limit, so 500 chats would take well over a minute a run (see README)."""
ZONE = "Asia/Shanghai"


async def seed(url: str, folder: Path) -> None:
    """CHATS chats at 90% VTR yesterday (local), all subscribed."""
    yesterday = datetime.now(UTC).astimezone(ZoneInfo(ZONE)).date() - timedelta(days=1)
    async with Store(folder / "seed.sqlite3", database_url=url) as store:
        for chat in range(1, CHATS + 1):
            rows = [
                ShipmentRecord(order_id=f"{chat}-{i}", ship_date=yesterday, carrier="云途",
                               tracking="YT2611000000000001" if i < 18 else "", category="玩具")
                for i in range(20)
            ]  # fmt: skip
            await merge_records(store, chat, rows)
            await store.subscribe(Subscription(chat, time(9), ZONE))


def replica(api: FakeBotApi, url: str, folder: Path) -> asyncio.Future:  # type: ignore[type-arg]
    env = os.environ | {
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_BASE_URL": api.base_url,
        "TELEGRAM_BASE_FILE_URL": api.base_file_url,
        "VTRBOT_DATABASE_URL": url,
        "VTRBOT_DATA_DIR": str(folder / "data"),
        "VTRBOT_DEFAULT_LANG": "en",
    }
    return asyncio.ensure_future(
        asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "alerts",
            "--now",
            cwd=folder,
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
    )


def charts_per_chat(api: FakeBotApi) -> Counter[int]:
    return Counter(call.chat_id for call in api.sent("sendPhoto") if call.chat_id is not None)


@pytest.fixture
async def api():
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


async def test_three_replicas_alert_every_chat_exactly_once(
    api: FakeBotApi, postgres_url: str, tmp_path: Path
) -> None:
    await seed(postgres_url, tmp_path)
    processes = [await replica(api, postgres_url, tmp_path) for _ in range(3)]
    results = await asyncio.gather(*(p.communicate() for p in processes))
    for process, (_, stderr) in zip(processes, results, strict=True):
        assert process.returncode == 0, stderr.decode()[-2000:]
    charts = charts_per_chat(api)
    assert set(charts) == set(range(1, CHATS + 1))
    assert set(charts.values()) == {1}
    texts = Counter(call.chat_id for call in api.sent("sendMessage"))
    assert set(texts) == set(charts) and min(texts.values()) >= 1


async def test_a_replica_killed_mid_pass_has_its_chats_finished_by_the_others(
    api: FakeBotApi, postgres_url: str, tmp_path: Path
) -> None:
    """SIGKILL one replica once about half the chats have their alert; two more replicas
    then run the pass. No chat is alerted twice; every chat is alerted, except at most the
    one whose alert was in flight at the kill (claimed, so never sent twice: at most once)."""
    await seed(postgres_url, tmp_path)
    first = await replica(api, postgres_url, tmp_path)
    try:
        await api.wait_for("sendPhoto", count=CHATS // 2, timeout=300)
    finally:
        first.send_signal(signal.SIGKILL)
        await first.wait()
    assert first.returncode == -signal.SIGKILL
    assert len(charts_per_chat(api)) < CHATS  # it really died mid-pass

    processes = [await replica(api, postgres_url, tmp_path) for _ in range(2)]
    results = await asyncio.gather(*(p.communicate() for p in processes))
    for process, (_, stderr) in zip(processes, results, strict=True):
        assert process.returncode == 0, stderr.decode()[-2000:]

    charts = charts_per_chat(api)
    assert set(charts.values()) == {1}  # nobody twice
    missing = set(range(1, CHATS + 1)) - set(charts)
    assert len(missing) <= 1
    async with Store(tmp_path / "check.sqlite3", database_url=postgres_url) as store:
        for chat in missing:  # the one in flight: its day was claimed before the kill
            assert await store.alert_sent_for(chat, _today())


def _today():  # type: ignore[no-untyped-def]
    return datetime.now(UTC).astimezone(ZoneInfo(ZONE)).date()
