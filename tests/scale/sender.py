"""One replica's share of a burst of messages: `python -m tests.scale.sender FIRST COUNT`.

Queues COUNT messages at once, to private chats FIRST … FIRST+COUNT-1, through the bot's own
request and rate limiter (`bot.adapters.telegram.requests`), configured from the
environment as `vtrbot run` is (TELEGRAM_BOT_TOKEN, TELEGRAM_BASE_URL, VTRBOT_DATABASE_URL).
Exits 0 once every message was answered. Prints, for each request the rate limiter lets go,
`released ENDPOINT SECONDS` (`time.perf_counter`, the system-wide monotonic clock on Linux): the
schedule the shared limiter kept, whatever the network and the load did afterwards.
"""

from __future__ import annotations

import asyncio
import sys

from telegram.ext import ExtBot

from bot.adapters.telegram.requests import bot_request, rate_limiter
from bot.settings import Settings
from tests.loopback import RecordedLimiter


def printed(endpoint: str, at: float) -> None:
    print(f"released {endpoint} {at}", flush=True)


async def send(first: int, count: int) -> None:
    settings = Settings()
    assert settings.telegram_bot_token is not None
    url = settings.database_url.get_secret_value() if settings.database_url else None
    async with ExtBot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.base_url,
        request=bot_request(),
        rate_limiter=RecordedLimiter(rate_limiter(database_url=url), printed),
    ) as bot:
        await asyncio.gather(
            *(bot.send_message(chat, f"message {chat}") for chat in range(first, first + count))
        )


if __name__ == "__main__":
    asyncio.run(send(int(sys.argv[1]), int(sys.argv[2])))
