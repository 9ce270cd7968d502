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
from collections.abc import Awaitable, Callable, Sequence
from http import HTTPStatus

from telegram.error import NetworkError
from telegram.ext import AIORateLimiter
from telegram.request import HTTPXRequest, RequestData

log = logging.getLogger(__name__)

BACKOFF: tuple[float, ...] = (0.5, 1.0, 2.0)
"""Seconds to wait before the 2nd, 3rd … try; the last value repeats if `tries` is larger."""

RETRY_AFTER_TRIES = 3
"""How many times a 429 is waited out (Telegram says how long) before the call fails."""


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
        **httpx_options: object,
    ) -> None:
        super().__init__(**httpx_options)  # type: ignore[arg-type]
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
                    read_timeout=read_timeout,  # type: ignore[arg-type]
                    write_timeout=write_timeout,  # type: ignore[arg-type]
                    connect_timeout=connect_timeout,  # type: ignore[arg-type]
                    pool_timeout=pool_timeout,  # type: ignore[arg-type]
                )
            except NetworkError as error:  # TimedOut is a NetworkError
                if last:
                    raise
                reason = type(error).__name__
            else:
                if status < HTTPStatus.INTERNAL_SERVER_ERROR or last:
                    return status, payload
                reason = f"HTTP {status}"
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
        raise AssertionError("unreachable: the last try returns or raises")


OVERALL_PER_SECOND = 29
OVERALL_BURST = 1
"""Telegram allows a bot about 30 messages a second. PTB's default bucket holds a full
second's worth on top of the steady rate, so a queue let 46-54 calls through in one
second; a bucket of one keeps any one-second window at 30 at most (burst + rate)."""


def rate_limiter(max_retries: int = RETRY_AFTER_TRIES) -> AIORateLimiter:
    """PTB's limiter: Telegram's flood limits kept, and a 429's `retry_after` waited out."""
    # PTB 22 warns on every RetryAfter unless time periods are opted in as timedelta (the
    # default from v23); the bot reads no time period as an int, so opt in.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    return AIORateLimiter(
        overall_max_rate=OVERALL_BURST,
        overall_time_period=OVERALL_BURST / OVERALL_PER_SECOND,
        max_retries=max_retries,
    )


READ_TIMEOUT = 5.0
"""Seconds to wait for Telegram's answer before the try counts as timed out (PTB's default)."""


def bot_request() -> RetryingRequest:
    """The request every Bot API call but getUpdates goes through (the Updater retries that)."""
    return RetryingRequest(read_timeout=READ_TIMEOUT)
