"""Bot API requests that survive Telegram's bad moments.

`RetryingRequest` retries a call that failed on Telegram's side or on the way there: HTTP 5xx,
a timeout, a dropped connection. It waits 0.5 s, 1 s, 2 s … between tries (capped), and gives
up after `tries`. A 4xx is the bot's own mistake (or a blocked chat) and is never retried here;
429 "Too Many Requests" comes back to PTB as `RetryAfter`, which `rate_limiter()` waits out.

A timed-out call may have reached Telegram, so a retried `sendMessage` can, rarely, show twice:
a duplicate is better than a seller never getting the report.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from datetime import timedelta
from http import HTTPStatus
from typing import Any

from telegram._utils.types import JSONDict
from telegram.error import NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, BaseRateLimiter
from telegram.request import HTTPXRequest, RequestData

from bot.services.store.send_slots import SendSlots

log = logging.getLogger(__name__)

BACKOFF: tuple[float, ...] = (0.5, 1.0, 2.0)
"""Seconds to wait before the 2nd, 3rd … try; the last value repeats if `tries` is larger."""

RETRY_AFTER_TRIES = 3
"""How many times a 429 is waited out (Telegram says how long) before the call fails."""


def retry_after_seconds(error: RetryAfter) -> float:
    """How long Telegram asked us to wait after a 429, in seconds (PTB gives a timedelta
    once time periods are opted in, see `rate_limiter`, else an int)."""
    wait = error.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


def _method(url: str) -> str:
    """The Bot API method of a request URL: never log the URL itself, it holds the token."""
    return url.rsplit("/", 1)[-1]


class RetryingRequest(HTTPXRequest):
    """`HTTPXRequest` that retries 5xx answers, timeouts and network errors with backoff."""

    def __init__(
        self,
        *,
        tries: int = 3,
        backoff: Sequence[float] | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        **httpx_options: Any,
    ) -> None:
        super().__init__(**httpx_options)
        self.backoff = tuple(BACKOFF if backoff is None else backoff)
        if tries < 1 or not self.backoff:
            raise ValueError("need at least one try and one backoff delay")
        self.tries = tries
        self._sleep = sleep

    def _delay(self, attempt: int) -> float:
        """Seconds to wait after failed try number `attempt` (1-based)."""
        return self.backoff[min(attempt, len(self.backoff)) - 1]

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = HTTPXRequest.DEFAULT_NONE,
        write_timeout: object = HTTPXRequest.DEFAULT_NONE,
        connect_timeout: object = HTTPXRequest.DEFAULT_NONE,
        pool_timeout: object = HTTPXRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """One Bot API call, tried up to `tries` times; the last answer or error is PTB's."""
        for attempt in range(1, self.tries + 1):
            last = attempt == self.tries
            try:
                status, payload = await super().do_request(
                    url=url,
                    method=method,
                    request_data=request_data,
                    read_timeout=read_timeout,  # type: ignore[arg-type]  # PTB's sentinel type is private
                    write_timeout=write_timeout,  # type: ignore[arg-type]  # PTB's sentinel type is private
                    connect_timeout=connect_timeout,  # type: ignore[arg-type]  # PTB's sentinel type is private
                    pool_timeout=pool_timeout,  # type: ignore[arg-type]  # PTB's sentinel type is private
                )
            except NetworkError as error:  # TimedOut is a NetworkError
                if last:
                    raise
                reason = type(error).__name__
            else:
                if status < HTTPStatus.INTERNAL_SERVER_ERROR or last:
                    return status, payload
                reason = f"HTTP {status}"
            await self._wait_before_retry(url, reason, attempt)
        raise AssertionError("unreachable: the last try returns or raises")

    async def _wait_before_retry(self, url: str, reason: str, attempt: int) -> None:
        delay = self._delay(attempt)
        log.warning(
            "%s failed (%s), try %d of %d; retrying in %.1f s",
            _method(url),
            reason,
            attempt,
            self.tries,
            delay,
        )
        await self._sleep(delay)


OVERALL_PER_SECOND = 29
OVERALL_BURST = 1
"""Telegram allows a bot about 30 messages a second. PTB's default bucket holds a full
second's worth on top of the steady rate, which lets a queue through well past 30 in one
second; a bucket of one keeps any one-second window at 30 at most (burst + rate).
docs/decisions/002-rate-limiter.md says why, docs/performance.md what was seen."""


def rate_limiter(
    max_retries: int = RETRY_AFTER_TRIES, database_url: str | None = None
) -> BaseRateLimiter[int]:
    """Telegram's flood limits kept and a 429's `retry_after` waited out: in this process
    (PTB's limiter), or across every replica sharing `database_url` (PostgreSQL)."""
    # PTB 22 warns on every RetryAfter unless time periods are opted in as timedelta (the
    # default from v23); the bot reads no time period as an int, so opt in.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    if database_url:
        return SharedRateLimiter(SendSlots(database_url), max_retries=max_retries)
    return AIORateLimiter(
        overall_max_rate=OVERALL_BURST,
        overall_time_period=OVERALL_BURST / OVERALL_PER_SECOND,
        max_retries=max_retries,
    )


SHARED_PER_SECOND = 25
"""The shared limiter's steady rate for the whole bot. Slots are spaced 1/25 s apart, so a
one-second window holds 26 at most on schedule; the spare four absorb the jitter of several
processes' requests reaching Telegram early or late (docs/decisions/002-rate-limiter.md)."""
GROUP_INTERVAL = 3.0
GROUP_BURST = 5
"""Telegram allows about 20 messages a minute in one group: one every 3 s, after a short
burst so a report's few messages are not spread over 15 s."""
LATE = 0.05
"""A process that wakes this much after its slot (its event loop was busy) takes a new slot
rather than sending late into the next replica's slots."""


def _group(data: dict[str, Any]) -> str | None:
    """The chat a group limit applies to: negative IDs and @channel names are groups."""
    chat_id = data.get("chat_id")
    if chat_id is None:
        return None
    try:
        return str(chat_id) if int(chat_id) < 0 else None
    except (TypeError, ValueError):
        return str(chat_id)


class SharedRateLimiter(BaseRateLimiter[int]):
    """Every request with a chat waits for a slot from PostgreSQL shared by all replicas (see
    `SendSlots`); as PTB's limiter, calls without a chat (getMe, setWebhook) go at once."""

    def __init__(
        self,
        slots: SendSlots,
        max_retries: int = RETRY_AFTER_TRIES,
        per_second: float = SHARED_PER_SECOND,
    ) -> None:
        self.slots = slots
        self.max_retries = max_retries
        self.interval = 1 / per_second

    async def initialize(self) -> None:
        await self.slots.open()

    async def shutdown(self) -> None:
        await self.slots.close()

    async def _wait_for(self, key: str, interval: float, burst: int = 1) -> None:
        loop = asyncio.get_running_loop()
        for _ in range(3):
            delay = await self.slots.take(key, interval, burst)
            if delay <= 0:
                return
            due = loop.time() + delay
            await asyncio.sleep(delay)
            if loop.time() - due < LATE:
                return

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        tries = (rate_limit_args or self.max_retries) + 1
        for attempt in range(1, tries + 1):
            if data.get("chat_id") is not None:
                if group := _group(data):
                    await self._wait_for(f"group:{group}", GROUP_INTERVAL, GROUP_BURST)
                await self._wait_for("bot", self.interval)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == tries:
                    raise
                seconds = retry_after_seconds(error)
                log.info(
                    "%s: Telegram asked to wait %.0f s; every replica waits", endpoint, seconds
                )
                await self.slots.pause("bot", seconds + 0.1)
        raise AssertionError("unreachable: the last try returns or raises")


READ_TIMEOUT = 5.0
"""Seconds to wait for Telegram's answer before the try counts as timed out (PTB's default)."""


def bot_request() -> RetryingRequest:
    """The request every Bot API call but getUpdates goes through (the Updater retries that)."""
    return RetryingRequest(read_timeout=READ_TIMEOUT)
