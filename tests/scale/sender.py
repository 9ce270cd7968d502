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
import time
from typing import Any

from telegram.ext import BaseRateLimiter, ExtBot

from bot.adapters.telegram.requests import bot_request, rate_limiter
from bot.settings import Settings


def stamped(limiter: BaseRateLimiter[int]) -> BaseRateLimiter[int]:
    """`limiter`, printing when it lets each request go (after its waits, before sending)."""
    process_request = limiter.process_request

    async def recorded(*, callback: Any, endpoint: str, **rest: Any) -> Any:
        async def released(*args: Any, **kwargs: Any) -> Any:
            print(f"released {endpoint} {time.perf_counter()}", flush=True)
            return await callback(*args, **kwargs)

        return await process_request(callback=released, endpoint=endpoint, **rest)

    limiter.process_request = recorded  # type: ignore[method-assign]  # wrapped, same call
    return limiter


async def send(first: int, count: int) -> None:
    settings = Settings()
    assert settings.telegram_bot_token is not None
    url = settings.database_url.get_secret_value() if settings.database_url else None
    async with ExtBot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.base_url,
        request=bot_request(),
        rate_limiter=stamped(rate_limiter(database_url=url)),
    ) as bot:
        await asyncio.gather(
            *(bot.send_message(chat, f"message {chat}") for chat in range(first, first + count))
        )


if __name__ == "__main__":
    asyncio.run(send(int(sys.argv[1]), int(sys.argv[2])))
