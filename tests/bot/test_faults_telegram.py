"""Telegram misbehaving: 5xx and timeouts are retried with backoff, a 429 is waited out, and a
400 is the bot's own mistake, never retried. The real bot, over HTTP, against the fake server."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Bot
from telegram.error import BadRequest, NetworkError

from bot.adapters.telegram import requests
from bot.adapters.telegram.requests import RetryingRequest
from tests.bot.fake_bot_api import TIMED_OUT, FakeBotApi


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production waits 0.5 s, 1 s, 2 s and 5 s for an answer; tests cannot."""
    monkeypatch.setattr(requests, "BACKOFF", (0.01, 0.02))
    monkeypatch.setattr(requests, "READ_TIMEOUT", 0.3)


@pytest.mark.usefixtures("running_bot")
async def test_500_twice_then_ok_still_reaches_the_user(bot_api: FakeBotApi) -> None:
    bot_api.fail_next("sendMessage", status=500, times=2)
    bot_api.user_sends(801, "What is Buy Shipping?", lang="en")
    [answer] = await bot_api.wait_for("sendMessage", chat_id=801)
    assert "Buy Shipping" in answer.text
    assert [c.status for c in bot_api.attempts("sendMessage", chat_id=801)] == [500, 500, 200]


@pytest.mark.slow
@pytest.mark.usefixtures("running_bot")
async def test_429_is_waited_out_for_as_long_as_telegram_asks(bot_api: FakeBotApi) -> None:
    bot_api.fail_next("sendMessage", status=429, retry_after=1)
    bot_api.user_sends(802, "/help", lang="en")
    [help_text] = await bot_api.wait_for("sendMessage", chat_id=802)
    assert "What I can do" in help_text.text
    refused, delivered = bot_api.attempts("sendMessage", chat_id=802)
    assert refused.status == 429
    assert delivered.at - refused.at >= 1.0


@pytest.mark.usefixtures("running_bot")
async def test_a_timed_out_reply_is_sent_again(bot_api: FakeBotApi) -> None:
    bot_api.delay_next("sendMessage", seconds=0.6)
    bot_api.user_sends(803, "/help", lang="en")
    [help_text] = await bot_api.wait_for("sendMessage", chat_id=803)
    assert "What I can do" in help_text.text
    async with asyncio.timeout(2):  # the first try is answered too, after the bot gave up
        while len(bot_api.attempts("sendMessage", chat_id=803)) < 2:
            await asyncio.sleep(0.05)
    assert sorted(c.status for c in bot_api.attempts("sendMessage", chat_id=803)) == [
        200,
        TIMED_OUT,
    ]


async def test_a_400_is_not_retried(bot_api: FakeBotApi) -> None:
    async with Bot(bot_api.token, base_url=bot_api.base_url, request=requests.bot_request()) as bot:
        bot_api.fail_next("sendMessage", status=400, times=3)
        with pytest.raises(BadRequest):
            await bot.send_message(chat_id=804, text="hello")
    assert len(bot_api.attempts("sendMessage", chat_id=804)) == 1


async def test_retries_stop_after_the_last_try_and_wait_longer_each_time(
    bot_api: FakeBotApi,
) -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    request = RetryingRequest(tries=4, backoff=(0.5, 1.0, 2.0), sleep=record)
    async with Bot(bot_api.token, base_url=bot_api.base_url, request=request) as bot:
        bot_api.fail_next("sendMessage", status=502, times=4)
        with pytest.raises(NetworkError):
            await bot.send_message(chat_id=805, text="hello")
    assert waits == [0.5, 1.0, 2.0]
    assert len(bot_api.attempts("sendMessage", chat_id=805)) == 4
