"""Sending slots shared by every process on one PostgreSQL: one rate limit for one bot token.

Telegram counts a bot's messages per token, not per process, so replicas that each kept
30 messages a second would send 90 between them. Each limit (the whole bot, one group) is a
row holding its *theoretical arrival time* (the generic cell rate algorithm, GCRA): taking a
slot is one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` that moves the row on by one
interval and answers how long this caller waits before sending. Row locks order the callers;
nobody polls. Times are the database server's, so replicas on machines whose clocks differ
still space their messages correctly.

A 429 seen by any replica pushes the bot's row past Telegram's `retry_after`, so every
replica waits it out, not only the one that was told.
"""

from __future__ import annotations

import asyncpg

from bot.services.store.postgres import migrate

TAKE_SQL = """
INSERT INTO send_slots AS slot (key, tat)
VALUES ($1, clock_timestamp() + make_interval(secs => $2))
ON CONFLICT (key) DO UPDATE
    SET tat = GREATEST(slot.tat, clock_timestamp()) + make_interval(secs => $2)
RETURNING GREATEST(0, EXTRACT(EPOCH FROM (slot.tat - make_interval(secs => $2 * $3)
                                          - clock_timestamp())))::float8
"""
"""Reserve the next slot of `key` ($1) for a limit of one message per $2 seconds with bursts
of $3: the new arrival time minus the burst allowance is when this message may go."""

PAUSE_SQL = """
INSERT INTO send_slots AS slot (key, tat)
VALUES ($1, clock_timestamp() + make_interval(secs => $2))
ON CONFLICT (key) DO UPDATE
    SET tat = GREATEST(slot.tat, clock_timestamp() + make_interval(secs => $2))
"""


class SendSlots:
    """The shared slot table, through a small pool of its own (one query per message)."""

    def __init__(self, url: str, pool_size: int = 4) -> None:
        self.url = url
        self.pool_size = pool_size
        self._pool: asyncpg.Pool | None = None

    async def open(self) -> None:
        """Connect, and migrate the schema (the table is the store's, see `schema.py`):
        the bot opens its rate limiter before its store."""
        self._pool = await asyncpg.create_pool(self.url, min_size=1, max_size=self.pool_size)
        async with self._pool.acquire() as connection:
            await migrate(connection)

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError("send slots are not open")
        return self._pool

    async def take(self, key: str, interval: float, burst: int = 1) -> float:
        """Reserve a slot of `key`; the seconds to wait before using it (0: send now)."""
        async with self.pool.acquire() as connection:
            return float(await connection.fetchval(TAKE_SQL, key, interval, burst))

    async def pause(self, key: str, seconds: float) -> None:
        """No slot of `key` before `seconds` from now, for every process (a 429's wait)."""
        async with self.pool.acquire() as connection:
            await connection.execute(PAUSE_SQL, key, seconds)
