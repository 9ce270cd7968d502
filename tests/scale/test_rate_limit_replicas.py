"""One rate limit for the bot token across replicas, measured where Telegram would see it.

Three real processes share one PostgreSQL and each queues its share of the messages at once;
the fake Bot API enforces Telegram's 30 messages a second (it answers 429 beyond that) and
stamps every call it receives. bench/bench_scale.py runs the same with 3,000 messages.

What is held to the limit is the schedule the replicas kept: when each one's limiter let a
request go (the senders print it). Arrival at the fake server is that plus the network and
the machine's load, which on two busy cores can bunch a few requests into one second; such
a 429 is waited out like any other, and every message is still sent once.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from telegram.ext import ExtBot

from bot.adapters.telegram.requests import SharedRateLimiter, rate_limiter
from bot.services.store.send_slots import SendSlots
from tests.bot.fake_bot_api import Call, FakeBotApi
from tests.loopback import busiest_second

pytestmark = [pytest.mark.slow, pytest.mark.scale]

TELEGRAM_PER_SECOND = 30
MESSAGES = 150
REPLICAS = 3


async def run_senders(api: FakeBotApi, database_url: str | None, folder: Path) -> list[float]:
    """REPLICAS sender processes, MESSAGES between them, to distinct private chats; when
    their limiters let each message go (`time.perf_counter`, one clock for all processes)."""
    env = os.environ | {
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_BASE_URL": api.base_url,
        "VTRBOT_DATA_DIR": str(folder),
    }
    env.pop("VTRBOT_DATABASE_URL", None)
    if database_url:
        env["VTRBOT_DATABASE_URL"] = database_url
    share = MESSAGES // REPLICAS
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.scale.sender", str(1 + n * share), str(share),
            env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        for n in range(REPLICAS)
    ]  # fmt: skip
    released = []
    for process in processes:
        stdout, stderr = await process.communicate()
        assert process.returncode == 0, stderr.decode()[-2000:]
        lines = [line.split() for line in stdout.decode().splitlines()]
        released += [float(at) for _, endpoint, at in lines if endpoint == "sendMessage"]
    return released


def test_the_window_counter_counts_by_hand() -> None:
    calls = [Call("sendMessage", {}, at=at) for at in (1.5, 0.0, 0.4, 0.9, 1.0, 2.6)]
    assert busiest_second(c.at for c in calls) == 4  # 0.0, 0.4, 0.9 and 1.0 lie within [0.0, 1.0]


async def test_three_replicas_keep_the_bots_thirty_messages_a_second(
    postgres_url: str, tmp_path: Path
) -> None:
    api = FakeBotApi(flood_limit=TELEGRAM_PER_SECOND)
    await api.start()
    try:
        released = await run_senders(api, postgres_url, tmp_path)
    finally:
        await api.stop()
    attempts = api.attempts("sendMessage")
    sent = sorted(call.chat_id or 0 for call in attempts if call.status == 200)
    assert sent == list(range(1, MESSAGES + 1))  # every one, once
    assert len(released) == len(attempts)  # each attempt went through a limiter
    # The three limiters kept 30 a second between them (each alone would send 25 a second:
    # 75 between three). Where the requests arrived is printed, not held to it (see above).
    assert busiest_second(released) <= TELEGRAM_PER_SECOND
    refused = sum(call.status == 429 for call in attempts)
    print(f"\nreleased at most {busiest_second(released)} a second; arrived at most "
          f"{busiest_second(c.at for c in attempts)}; {refused} refused (429) and sent again")  # fmt: skip


async def test_a_429_is_waited_out_and_the_message_still_sent(postgres_url: str) -> None:
    api = FakeBotApi()
    await api.start()
    api.fail_next("sendMessage", status=429, retry_after=1)
    try:
        async with ExtBot(
            api.token, base_url=api.base_url, rate_limiter=rate_limiter(database_url=postgres_url)
        ) as bot:
            assert isinstance(bot.rate_limiter, SharedRateLimiter)
            await bot.send_message(5, "after the wait")
    finally:
        await api.stop()
    assert [call.status for call in api.attempts("sendMessage")] == [429, 200]
    assert api.sent("sendMessage")[0].text == "after the wait"


async def test_slots_allow_the_burst_then_space_messages_and_a_pause_holds_everyone(
    postgres_url: str,
) -> None:
    """Two `SendSlots` act as two replicas: their slots come from the same rows."""
    first, second = SendSlots(postgres_url), SendSlots(postgres_url)
    await first.open()
    await second.open()
    try:
        burst = [await (first, second)[n % 2].take("group:-5", 3.0, burst=5) for n in range(5)]
        assert burst == [0.0] * 5  # a group's first five go at once
        assert 2.5 < await second.take("group:-5", 3.0, burst=5) <= 3.0  # then one every 3 s
        assert 5.5 < await first.take("group:-5", 3.0, burst=5) <= 6.0
        assert await first.take("bot", 0.04) == 0.0
        await second.pause("bot", 60)  # a 429 seen by one replica
        assert 59 < await first.take("bot", 0.04) <= 60.1
    finally:
        await first.close()
        await second.close()
