"""An upload whose file arrives only when the test says so: tests order concurrent uploads
with events, never with sleeps (a loaded machine makes any sleep too short)."""

from __future__ import annotations

import asyncio
from pathlib import Path


class GatedFetch:
    """`Upload.fetch` that says when the core has started fetching (`started`: the chat is
    then held by this upload) and writes the file once `release` is set."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def __call__(self, dest: Path) -> None:
        self.started.set()
        await self.release.wait()
        dest.write_bytes(self.data)
