"""The backend for many sellers: PostgreSQL through asyncpg's connection pool.

Several bot processes may share one database. Per-chat work is serialised by the database
itself (a transaction-scoped advisory lock on the chat ID), not by a lock in one process, and
the schema is migrated under an advisory lock so replicas starting together migrate once.
Uploads are staged with binary COPY, the fastest way into PostgreSQL.

No work holds a pooled connection while it waits for another: the named locks that last a
whole alert pass or sync (`hold`) live on one connection of their own (`_NamedLocks`), never
in the pool the work needs, so a burst of long holders can never take every connection.
Every wait on the database (a connection, a chat's lock, a statement) has a deadline that
ends in `StoreTimeoutError`, which the seller hears as "the database is busy".
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import asyncpg

from bot.services.store.backend import (
    SHIPMENT_COLUMNS,
    STAGING_COLUMNS,
    Frames,
    Params,
    Row,
    StoreClosedError,
    StoreTimeoutError,
)
from bot.services.store.schema import MIGRATIONS, SCHEMA_VERSION, Dialect

if TYPE_CHECKING:
    import polars as pl

MIGRATION_LOCK = 0x76747262
"""Advisory lock key held while migrating ("vtrb"); chat locks use the chat ID, and chat IDs
this small are private chats' user IDs, which a migration only delays."""
POOL_SIZE = 10
"""Connections per process when the caller does not size the pool from its own work."""
ACQUIRE_TIMEOUT_S = 20.0
"""Longest wait for a pooled connection. The pool is sized for the work a replica admits at
once, so a wait this long means something is stuck: the seller hears the store is busy."""
QUERY_TIMEOUT_S = 60.0
"""Longest one statement may take, a big report's read included."""
MERGE_TIMEOUT_S = 600.0
"""Longest one statement inside a transaction may take: a million-row upload's merge."""
LOCK_TIMEOUT = "30s"
"""Longest a transaction waits for another process's transaction on the same chat."""

log = logging.getLogger(__name__)


@contextmanager
def _deadline(what: str) -> Iterator[None]:
    """asyncpg's timeouts (TimeoutError) and a lock wait cut short by `lock_timeout`, as
    the one error the services know: the database did not answer in time."""
    try:
        yield
    except TimeoutError as error:
        raise StoreTimeoutError(f"the database did not answer in time ({what})") from error
    except asyncpg.LockNotAvailableError as error:
        raise StoreTimeoutError(f"a lock was held too long elsewhere ({what})") from error


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
        self._locks = _NamedLocks(url)

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
        await self._locks.close()
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise StoreClosedError("store is not open")
        return self._pool

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection, waited for at most ACQUIRE_TIMEOUT_S."""
        with _deadline("no free connection"):
            connection = await self.pool.acquire(timeout=ACQUIRE_TIMEOUT_S)
        try:
            with _deadline("a statement"):
                yield connection
        finally:
            await self.pool.release(connection)

    async def schema_version(self) -> int:
        async with self._connection() as connection:
            return await _version(connection)

    async def _migrate(self) -> None:
        async with self._connection() as connection:
            await migrate(connection)

    async def ping(self, seconds: float) -> None:
        with _deadline("the health check"):
            async with asyncio.timeout(seconds), self._connection() as connection:
                await connection.fetchval("SELECT 1")

    async def fetch(self, sql: str, params: Params = ()) -> list[Row]:
        async with self._connection() as connection:
            rows = await connection.fetch(numbered(sql), *params, timeout=QUERY_TIMEOUT_S)
            return [tuple(row) for row in rows]

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self._connection() as connection:
            return _count(await connection.execute(numbered(sql), *params, timeout=QUERY_TIMEOUT_S))

    @asynccontextmanager
    async def transaction(self, chat_id: int) -> AsyncIterator[_PostgresTransaction]:
        """All or nothing, and one per chat across every process: two replicas merging the
        same chat's uploads would otherwise both delete the old orders and both insert.
        The wait for the other's transaction is bounded by LOCK_TIMEOUT."""
        async with self._connection() as connection, connection.transaction():
            await connection.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
            await connection.execute("SELECT pg_advisory_xact_lock($1)", chat_id)
            yield _PostgresTransaction(connection)

    @asynccontextmanager
    async def upload(
        self, chat_id: int, frames: Frames, scratch: Path | None
    ) -> AsyncIterator[_PostgresTransaction]:
        """`transaction`, whose `merge_upload` copies `frames` in as CSV (nothing staged on
        disk here: `scratch` is not needed)."""
        async with self.transaction(chat_id) as transaction:
            transaction.frames = frames
            await transaction.start_merge(chat_id)
            yield transaction

    async def stream(self, sql: str, params: Params, size: int) -> AsyncIterator[list[Row]]:
        async with self._connection() as connection, connection.transaction():
            cursor = await connection.cursor(numbered(sql), *params)
            while rows := await cursor.fetch(size, timeout=QUERY_TIMEOUT_S):
                yield [tuple(row) for row in rows]

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[bool]:
        """A session advisory lock, on the named locks' own connection: when a process dies,
        the server closes that connection and its locks are free for the others at once."""
        mine = await self._locks.take(key)
        try:
            yield mine
        finally:
            if mine:
                await self._locks.release(key)

    async def scrub(self) -> None:
        """Nothing to do at once: deleted rows are reclaimed by autovacuum (docs/operating.md, "Storage")."""


class _NamedLocks:
    """Every named lock this process holds, on one connection kept for them alone.

    A session advisory lock lasts as long as its connection, so a holder needs a connection
    for its whole pass; taken from the work pool, a burst of holders took every connection
    and then waited forever for one more. One connection holds any number of them, and each
    take or release is one short statement. PostgreSQL lets a session take its own lock
    again, so the names held in this process are also kept here: a second holder in the same
    process is refused like one in another."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._connection: asyncpg.Connection | None = None
        self._turn = asyncio.Lock()
        self._held: set[str] = set()

    async def take(self, key: str) -> bool:
        if key in self._held:
            return False
        self._held.add(key)  # before the first await: no other task here can take it too
        try:
            taken = await self._query("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", key)
        except BaseException:
            self._held.discard(key)
            raise
        if not taken:
            self._held.discard(key)
        return bool(taken)

    async def release(self, key: str) -> None:
        try:
            await self._query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", key)
        finally:
            self._held.discard(key)

    async def _query(self, sql: str, key: str) -> object:
        """One statement at a time on the shared connection, reconnecting if it was lost
        (its locks went with it: the server freed them for the other processes)."""
        async with self._turn:
            with _deadline("a named lock"):
                if self._connection is None or self._connection.is_closed():
                    if self._connection is not None:
                        log.warning("named-lock connection lost; its locks were released")
                    self._connection = await asyncpg.connect(self.url, timeout=ACQUIRE_TIMEOUT_S)
                return await self._connection.fetchval(sql, key, timeout=QUERY_TIMEOUT_S)

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()
            self._connection = None


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
        self._chat_id: int | None = None
        self.frames: Frames = iter(())
        """An upload's columns (`PostgresBackend.upload`), for `merge_upload`."""

    async def execute(self, sql: str, params: Params = ()) -> int:
        return _count(
            await self._connection.execute(numbered(sql), *params, timeout=MERGE_TIMEOUT_S)
        )

    async def write_returning(self, sql: str, params: Params = ()) -> Row | None:
        row = await self._connection.fetchrow(numbered(sql), *params, timeout=MERGE_TIMEOUT_S)
        return tuple(row) if row is not None else None

    async def start_merge(self, chat_id: int) -> None:
        self._chat_id = chat_id
        await self._connection.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS upload ({STAGING_COLUMNS}) ON COMMIT DROP"
        )

    async def merge(self, rows: Sequence[Row]) -> None:
        """Staged only: binary COPY, the fastest way in. The orders are replaced once the
        upload is whole, by one statement over all its batches (`finish_merge`)."""
        await self._connection.copy_records_to_table(
            "upload", records=rows, timeout=MERGE_TIMEOUT_S
        )

    async def merge_upload(self) -> int:
        """The upload's frames copied in by `COPY … (FORMAT csv)` of the text polars writes,
        with no Python tuple per row. A chat with shipments stored has them staged, then
        replaced as `finish_merge` replaces; a chat with none has them copied straight into
        `shipments`, with nothing to replace: no staged copy written and read again."""
        chat_id = self._chat_id
        if chat_id is None:
            raise RuntimeError("merge_upload() before start_merge()")
        replacing = await self._connection.fetchval(
            "SELECT EXISTS (SELECT 1 FROM shipments WHERE chat_id = $1)",
            chat_id,
            timeout=MERGE_TIMEOUT_S,
        )
        if replacing:
            written = await self._copy_frames("upload", None)
            await self.finish_merge()
            return written
        self._chat_id = None
        return await self._copy_frames("shipments", chat_id)

    async def _copy_frames(self, table: str, chat_id: int | None) -> int:
        """Each frame copied into `table` (with `chat_id` as its first column, if given),
        the next one's text written by polars in a thread while the server takes this one's:
        the two halves of the copy overlap on two cores."""
        columns = None if chat_id is None else ["chat_id", *SHIPMENT_COLUMNS.split(", ")]
        written = 0
        ahead = asyncio.ensure_future(asyncio.to_thread(_next_csv, self.frames, chat_id))
        try:
            while (batch := await ahead) is not None:
                text, rows = batch
                ahead = asyncio.ensure_future(asyncio.to_thread(_next_csv, self.frames, chat_id))
                await self._connection.copy_to_table(
                    table,
                    source=io.BytesIO(text),
                    columns=columns,
                    format="csv",
                    null=_NULL,
                    timeout=MERGE_TIMEOUT_S,
                )
                written += rows
        finally:
            # Never left running over the frames once the copy ended, even by an error.
            await asyncio.wait({ahead})
            if not ahead.cancelled():
                ahead.exception()  # retrieved: an error of the copy is the one raised
        return written

    async def finish_merge(self) -> None:
        """Statistics for the planner first: without them it guessed the staged upload's
        size and chose a plan several times slower for a big upload (docs/performance.md,
        Storage). Its size and its order IDs' are all the plan needs, so only that column is
        analysed. Then a hash semi-join on the analysed upload, and one insert of it. The
        table is dropped at commit."""
        if self._chat_id is None:
            raise RuntimeError("finish_merge() before start_merge()")
        await self._connection.execute("ANALYZE upload (order_id)", timeout=MERGE_TIMEOUT_S)
        await self._connection.execute(
            "DELETE FROM shipments WHERE chat_id = $1 AND order_id IN (SELECT order_id FROM upload)",
            self._chat_id,
            timeout=MERGE_TIMEOUT_S,
        )
        await self._connection.execute(
            f"INSERT INTO shipments (chat_id, {SHIPMENT_COLUMNS}) "
            f"SELECT $1, {SHIPMENT_COLUMNS} FROM upload",
            self._chat_id,
            timeout=MERGE_TIMEOUT_S,
        )
        self._chat_id = None


_NULL = "\\N"
"""NULL in the upload's CSV: unquoted, while every text is quoted (so a text "\\N" or ""
stays a text, as PostgreSQL's CSV format reads only unquoted fields as NULL)."""


def _next_csv(frames: Frames, chat_id: int | None) -> tuple[bytes, int] | None:
    """The next frame as CSV with its row count (None once there are no more), with
    `chat_id` as its first column when given. Blocking: call it in a thread."""
    frame = next(frames, None)
    if frame is None:
        return None
    if chat_id is not None:
        import polars as pl  # here: polars loads with an upload, not with the store

        frame = frame.select(pl.lit(chat_id, pl.Int64).alias("chat_id"), pl.all())
    return _csv(frame), frame.height


def _csv(frame: pl.DataFrame) -> bytes:
    text = frame.write_csv(include_header=False, null_value=_NULL, quote_style="non_numeric")
    return text.encode()
