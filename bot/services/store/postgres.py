"""The backend for many sellers: PostgreSQL through asyncpg's connection pool.

Several bot processes may share one database. Per-chat work is serialised by the database
itself (a transaction-scoped advisory lock on the chat ID), not by a lock in one process, and
the schema is migrated under an advisory lock so replicas starting together migrate once.
Uploads are staged with binary COPY, the fastest way into PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache

import asyncpg

from bot.services.store.backend import (
    SHIPMENT_COLUMNS,
    STAGING_COLUMNS,
    Params,
    Row,
    StoreClosedError,
)
from bot.services.store.schema import MIGRATIONS, SCHEMA_VERSION, Dialect

MIGRATION_LOCK = 0x76747262
"""Advisory lock key held while migrating ("vtrb"); chat locks use the chat ID, and chat IDs
this small are private chats' user IDs, which a migration only delays."""
POOL_SIZE = 10
"""Connections per process: a merge, a streamed read and a few questions at once."""


@lru_cache(maxsize=256)
def numbered(sql: str) -> str:
    """`?` placeholders as PostgreSQL's `$1, $2, …` (our SQL has no `?` inside literals)."""
    counter = iter(range(1, sql.count("?") + 1))
    return re.sub(r"\?", lambda _: f"${next(counter)}", sql)


def _count(status: str) -> int:
    """Rows changed, from a command tag such as "DELETE 3" or "INSERT 0 1"."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


class PostgresBackend:
    dialect: Dialect = "postgresql"

    def __init__(self, url: str, pool_size: int = POOL_SIZE) -> None:
        self.url = url
        self.pool_size = pool_size
        self._pool: asyncpg.Pool | None = None

    async def open(self) -> None:
        self._pool = await asyncpg.create_pool(
            self.url, min_size=1, max_size=self.pool_size, command_timeout=None
        )
        try:
            await self._migrate()
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise StoreClosedError("store is not open")
        return self._pool

    async def schema_version(self) -> int:
        async with self.pool.acquire() as connection:
            return await _version(connection)

    async def _migrate(self) -> None:
        async with self.pool.acquire() as connection:
            await migrate(connection)

    async def fetch(self, sql: str, params: Params = ()) -> list[Row]:
        async with self.pool.acquire() as connection:
            return [tuple(row) for row in await connection.fetch(numbered(sql), *params)]

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self.pool.acquire() as connection:
            return _count(await connection.execute(numbered(sql), *params))

    @asynccontextmanager
    async def transaction(self, chat_id: int) -> AsyncIterator[_PostgresTransaction]:
        """All or nothing, and one per chat across every process: two replicas merging the
        same chat's uploads would otherwise both delete the old orders and both insert."""
        async with self.pool.acquire() as connection, connection.transaction():
            await connection.execute("SELECT pg_advisory_xact_lock($1)", chat_id)
            yield _PostgresTransaction(connection)

    async def stream(self, sql: str, params: Params, size: int) -> AsyncIterator[list[Row]]:
        async with self.pool.acquire() as connection, connection.transaction():
            cursor = await connection.cursor(numbered(sql), *params)
            while rows := await cursor.fetch(size):
                yield [tuple(row) for row in rows]

    @asynccontextmanager
    async def hold(self, key: str, wait: bool) -> AsyncIterator[bool]:
        """A session advisory lock on a connection kept while inside: when a process dies,
        the server closes its connection and the lock is free for the others at once."""
        async with self.pool.acquire() as connection:
            if wait:
                await connection.execute("SELECT pg_advisory_lock(hashtextextended($1, 0))", key)
            elif not await connection.fetchval(
                "SELECT pg_try_advisory_lock(hashtextextended($1, 0))", key
            ):
                yield False
                return
            try:
                yield True
            finally:
                await connection.execute("SELECT pg_advisory_unlock(hashtextextended($1, 0))", key)

    async def scrub(self) -> None:
        """Nothing to do at once: deleted rows are reclaimed by autovacuum (docs/operating.md, "Storage")."""


async def migrate(connection: asyncpg.Connection) -> None:
    """Bring the database to this code's schema, once however many processes start at once.
    Whoever connects first does it: the store, or the shared rate limiter (which the bot
    opens before the store)."""
    async with connection.transaction():
        await connection.execute("SELECT pg_advisory_xact_lock($1)", MIGRATION_LOCK)
        version = await _version(connection)
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"database has schema {version}, newer than this code ({SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            await connection.execute(MIGRATIONS[number]["postgresql"])
        await connection.execute("DELETE FROM schema_version")
        await connection.execute("INSERT INTO schema_version VALUES ($1)", SCHEMA_VERSION)


async def _version(connection: asyncpg.Connection) -> int:
    await connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
    return int(await connection.fetchval("SELECT MAX(version) FROM schema_version") or 0)


class _PostgresTransaction:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, params: Params = ()) -> int:
        return _count(await self._connection.execute(numbered(sql), *params))

    async def write_returning(self, sql: str, params: Params = ()) -> Row | None:
        row = await self._connection.fetchrow(numbered(sql), *params)
        return tuple(row) if row is not None else None

    async def start_staging(self) -> None:
        await self._connection.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS upload ({STAGING_COLUMNS}) ON COMMIT DROP"
        )

    async def stage(self, rows: Sequence[Row]) -> None:
        await self._connection.copy_records_to_table("upload", records=rows)

    async def staged(self) -> None:
        """Statistics for the planner: without them it guessed the staged upload's size and
        deleting 200k replaced orders took 3.0 s; with them 0.4 s + 0.65 s."""
        await self._connection.execute("ANALYZE upload")

    async def replace_orders(self, chat_id: int) -> None:
        """A hash semi-join on the analysed upload, then one insert of it."""
        await self._connection.execute(
            "DELETE FROM shipments WHERE chat_id = $1 AND order_id IN (SELECT order_id FROM upload)",
            chat_id,
        )
        await self._connection.execute(
            f"INSERT INTO shipments (chat_id, {SHIPMENT_COLUMNS}) "
            f"SELECT $1, {SHIPMENT_COLUMNS} FROM upload",
            chat_id,
        )

    async def end_staging(self) -> None:
        """Nothing to do: the table is dropped at commit."""
