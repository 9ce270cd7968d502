"""Serving a fake (Bot API, SP-API) on 127.0.0.1 at a free port: the one way tests do it."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable, Iterable
from typing import Any

import aiohttp
from aiohttp import web
from telegram.ext import BaseRateLimiter


async def serve_on_loopback(app: web.Application) -> tuple[web.AppRunner, int]:
    """The started runner and the port the system gave it; `await runner.cleanup()` stops it."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert server is not None
    return runner, server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def wait_until_listening(url: str, timeout: float = 60) -> None:
    """Until a GET is answered at `url` (any status: a webhook answers 405 to a GET)."""
    async with asyncio.timeout(timeout), aiohttp.ClientSession() as http:
        while True:
            try:
                async with http.get(url):
                    return
            except aiohttp.ClientConnectionError:
                await asyncio.sleep(0.2)


def busiest_second(times: Iterable[float]) -> int:
    """The most events in any one-second window (both ends included): what Telegram's
    30 calls a second is measured against, by a two-pointer sweep."""
    ordered = sorted(times)
    most, start = 0, 0
    for end, at in enumerate(ordered):
        while ordered[start] < at - 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


class RecordedLimiter(BaseRateLimiter[Any]):
    """Another rate limiter, calling `record(endpoint, time.perf_counter())` as it lets each
    request go (after its waits, before sending): the schedule it kept, which the network
    and a loaded machine then shift before the fake server stamps the call's arrival."""

    def __init__(self, inner: BaseRateLimiter[Any], record: Callable[[str, float], None]) -> None:
        self.inner = inner
        self.record = record

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def process_request(  # type: ignore[override]
        self, *, callback: Any, endpoint: str, **rest: Any
    ) -> Any:
        async def released(*args: Any, **kwargs: Any) -> Any:
            self.record(endpoint, time.perf_counter())
            return await callback(*args, **kwargs)

        return await self.inner.process_request(callback=released, endpoint=endpoint, **rest)
