"""The heartbeat is touched only while the store answers, and a store that cannot answer
says so within a bounded time instead of keeping the heartbeat waiting."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.healthcheck import beat_if_store_answers, heartbeat_path, is_healthy
from bot.services.store import Store, StoreTimeoutError


async def test_a_heartbeat_waits_for_the_stores_answer(tmp_path: Path) -> None:
    async def answers(seconds: float) -> None:
        pass

    async def silent(seconds: float) -> None:
        raise StoreTimeoutError("no answer")

    assert await beat_if_store_answers(tmp_path, silent) is False
    assert not heartbeat_path(tmp_path).exists()
    assert not is_healthy(tmp_path)
    assert await beat_if_store_answers(tmp_path, answers) is True
    assert is_healthy(tmp_path)


async def test_a_store_whose_connections_are_all_taken_fails_the_ping_in_time(
    postgres_url: str, tmp_path: Path
) -> None:
    """One pooled connection, held by a transaction that does not end: the ping gives up
    after its bound instead of waiting for the connection."""
    store = Store(tmp_path / "unused.sqlite3", database_url=postgres_url, connections=1)
    await store.open()
    holding, release = asyncio.Event(), asyncio.Event()

    async def hold_the_only_connection() -> None:
        async with store.backend.transaction(1):
            holding.set()
            await release.wait()

    holder = asyncio.create_task(hold_the_only_connection())
    try:
        await holding.wait()
        with pytest.raises(StoreTimeoutError):
            await store.ping(0.3)
        release.set()
        await holder
        await store.ping(5)  # answers again once the connection is free
    finally:
        release.set()
        await store.close()
