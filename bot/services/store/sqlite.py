"""The default backend: one embedded SQLite file (aiosqlite, WAL), for one process."""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from bot.services.store.backend import (
    SHIPMENT_COLUMNS,
    STAGING_COLUMNS,
    UPLOAD_BATCH_ROWS,
    Frames,
    Params,
    Row,
    StoreClosedError,
    StoreTimeoutError,
)
from bot.services.store.schema import MIGRATIONS, SCHEMA_VERSION, Dialect

CACHE_KIB = 16 << 10
"""Page cache per connection and schema, allocated only as pages are used. With SQLite's
default (2 MiB) a million-row upload thrashed it while merging into two indexes:
bench_upload at 1M rows took 17.9 s / 340 MiB; 8 MiB 11.6 s / 355; 16 MiB 9.9 s / 375;
64 MiB 10.6 s / 505."""

WAL_AUTOCHECKPOINT_PAGES = 1000
"""SQLite's default: a commit that leaves the WAL longer than this copies it into the
database (every write but an upload's, `_checkpoint_after`)."""
_HELD: set[tuple[str, str]] = set()
log = logging.getLogger(__name__)
"""Names held now, per database file, by any store in this process."""


class SqliteBackend:
    """Two connections: every write goes through one writer, one at a time (an asyncio lock),
    so a chat's multi-statement merge never interleaves with another chat's write; reads
    use a second connection, which in WAL mode sees committed data and never waits for a
    merge in progress, so questions are answered while uploads are being stored."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: Path, busy_timeout_ms: int = 5000) -> None:
        self.path = path
        self.busy_timeout_ms = busy_timeout_ms
        self._writer: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()
        self._background: set[asyncio.Task[None]] = set()
        """Checkpoints deferred past an upload's commit (`_checkpoint_after`)."""

    async def _connect(self) -> aiosqlite.Connection:
        connection = await aiosqlite.connect(self.path, isolation_level=None)
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute("PRAGMA synchronous = NORMAL")
        # Deleted rows are overwritten with zeros, not left in free pages: /forget means gone.
        await connection.execute("PRAGMA secure_delete = ON")
        await connection.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
        await connection.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
        for schema in ("main", "temp"):
            await connection.execute(f"PRAGMA {schema}.cache_size = -{CACHE_KIB}")
        return connection

    async def open(self) -> None:
        in_memory = str(self.path) == ":memory:"
        if not in_memory:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = await self._connect()
        try:
            await self._migrate()
            # An in-memory database exists once per connection: there it reads what it writes.
            self._reader = self._writer if in_memory else await self._connect()
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        if self._background:
            await asyncio.gather(*self._background, return_exceptions=True)
        if self._reader is not None and self._reader is not self._writer:
            await self._reader.close()
        self._reader = None
        if self._writer is not None:
            await self._writer.close()
            self._writer = None

    @property
    def writer(self) -> aiosqlite.Connection:
        if self._writer is None:
            raise StoreClosedError("store is not open")
        return self._writer

    @property
    def reader(self) -> aiosqlite.Connection:
        if self._reader is None:
            raise StoreClosedError("store is not open")
        return self._reader

    async def schema_version(self) -> int:
        async with self.writer.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def _migrate(self) -> None:
        version = await self.schema_version()
        if version > SCHEMA_VERSION:
            raise RuntimeError(
                f"database {self.path} has schema {version}, newer than this code ({SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            # executescript commits first; BEGIN…COMMIT keeps each step all-or-nothing.
            await self.writer.executescript(
                f"BEGIN;\n{MIGRATIONS[number]['sqlite']}\n"
                f"PRAGMA user_version = {number + 1};\nCOMMIT;"
            )

    async def fetch(self, sql: str, params: Params = ()) -> list[Row]:
        async with self.reader.execute(sql, tuple(params)) as cursor:
            return [tuple(row) for row in await cursor.fetchall()]

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self._write_lock:
            cursor = await self.writer.execute(sql, tuple(params))
        return cursor.rowcount

    @asynccontextmanager
    async def transaction(self, chat_id: int) -> AsyncIterator[_SqliteTransaction]:
        """All or nothing: a failure (or a crash) part-way leaves the database as it was.
        The single writer makes every transaction the only one, whatever the chat."""
        async with self._write_lock, self._begun(chat_id) as transaction:
            yield transaction

    @asynccontextmanager
    async def _begun(self, chat_id: int, staged: int = 0) -> AsyncIterator[_SqliteTransaction]:
        """A transaction on the writer, whose lock the caller holds."""
        await self.writer.execute("BEGIN IMMEDIATE")
        try:
            yield _SqliteTransaction(self.writer, chat_id, staged)
        except BaseException:
            await self.writer.rollback()
            raise
        await self.writer.commit()

    @asynccontextmanager
    async def upload(
        self, chat_id: int, frames: Frames, scratch: Path | None
    ) -> AsyncIterator[_SqliteTransaction]:
        """The upload's columns are first written to a staging database of their own, by
        ADBC's SQLite driver straight from Arrow (`stage`), before the write lock is taken:
        no Python tuple per row, which was most of a merge's time (docs/performance.md,
        Storage). Then, attached to the writer, they are merged by SQL alone."""
        folder = await asyncio.to_thread(tempfile.mkdtemp, prefix="vtrbot-stage-", dir=scratch)
        try:
            staged = Path(folder) / "upload.sqlite3"
            rows = await asyncio.to_thread(stage, frames, staged)
            async with self._write_lock:
                # Outside any transaction, as SQLite requires; detached before the lock goes.
                await self.writer.execute("ATTACH DATABASE ? AS stage", (str(staged),))
                try:
                    async with self._checkpoint_after(), self._begun(chat_id, rows) as transaction:
                        yield transaction
                finally:
                    await self.writer.execute("DETACH DATABASE stage")
        finally:
            await asyncio.to_thread(shutil.rmtree, folder, True)

    @asynccontextmanager
    async def _checkpoint_after(self) -> AsyncIterator[None]:
        """No checkpoint in this transaction's commit: SQLite would copy the whole upload
        from the WAL into the database and sync it there, on the upload's way to its replies
        (docs/performance.md). It runs once the write lock is free again, in the background
        (`_checkpoint`)."""
        await self.writer.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            yield
        finally:
            await self.writer.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
        task = asyncio.ensure_future(self._checkpoint())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _checkpoint(self) -> None:
        """What the deferred commit's checkpoint would have done; if it fails, the next
        commit's own checkpoint catches up."""
        try:
            async with self._write_lock:
                await self.writer.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except Exception as error:
            log.warning("background checkpoint failed: %s", type(error).__name__)

    async def stream(self, sql: str, params: Params, size: int) -> AsyncIterator[list[Row]]:
        async with self.reader.execute(sql, tuple(params)) as cursor:
            while rows := await cursor.fetchmany(size):
                yield [tuple(row) for row in rows]

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[bool]:
        """In this process only: one SQLite file serves one bot process."""
        name = (str(self.path), key)
        if name in _HELD:
            yield False
            return
        _HELD.add(name)
        try:
            yield True
        finally:
            _HELD.discard(name)

    async def ping(self, seconds: float) -> None:
        """SQLite answers from this process's own file: a read on the reader connection."""
        try:
            async with asyncio.timeout(seconds):
                await self.fetch("SELECT 1")
        except TimeoutError as error:
            raise StoreTimeoutError("the database did not answer the health check") from error

    async def scrub(self) -> None:
        """Copy the WAL into the database and truncate it to nothing: the WAL still holds
        every page as it was before the delete, order IDs and tracking numbers included."""
        async with self._write_lock:
            await self.writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def stage(frames: Frames, path: Path) -> int:
    """The frames, in turn, as the rows of table `upload` of a new SQLite file at `path`
    (rowids from 1 in their order); the number of rows. Blocking: call it in a thread."""
    import adbc_driver_sqlite.dbapi as adbc  # here: only an upload's merge needs it

    rows = 0
    with adbc.connect(str(path)) as connection, connection.cursor() as cursor:
        for frame in frames:
            cursor.adbc_ingest("upload", frame, mode="create_append")
            rows += frame.height
        connection.commit()
    return rows


class _SqliteTransaction:
    def __init__(self, connection: aiosqlite.Connection, chat_id: int, staged: int = 0) -> None:
        self._connection = connection
        self._upload_chat = chat_id
        self._staged = staged
        """Rows of the attached `stage.upload` (`SqliteBackend.upload`)."""
        self._chat_id: int | None = None
        self._replace_below: int | None = None
        """Rowids up to this one were stored before the merge; None when the chat had none."""

    async def execute(self, sql: str, params: Params = ()) -> int:
        cursor = await self._connection.execute(sql, tuple(params))
        return cursor.rowcount

    async def write_returning(self, sql: str, params: Params = ()) -> Row | None:
        async with self._connection.execute(sql, tuple(params)) as cursor:
            row = await cursor.fetchone()
        return tuple(row) if row is not None else None

    async def start_merge(self, chat_id: int) -> None:
        """Note the highest rowid stored before the upload: a batch replaces only rows at
        or below it, never those an earlier batch of the same order just wrote (`merge`
        keeps every new row above it)."""
        await self._connection.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS upload ({STAGING_COLUMNS})"
        )
        await self._connection.execute("DELETE FROM temp.upload")
        await self._note_stored(chat_id)

    async def _note_stored(self, chat_id: int) -> None:
        self._chat_id = chat_id
        async with self._connection.execute(
            "SELECT EXISTS (SELECT 1 FROM shipments WHERE chat_id = ?), "
            "(SELECT MAX(rowid) FROM shipments)",
            (chat_id,),
        ) as cursor:
            row = await cursor.fetchone()
        stored_any, top = row if row is not None else (0, None)
        self._replace_below = int(top or 0) if stored_any else None

    async def merge(self, rows: Sequence[Row]) -> None:
        """One statement each: the batch staged, inserted, then the chat's rows of its
        orders stored before the merge deleted. Inserted first: SQLite gives a new row the
        highest rowid plus one, so while the first batch's rows are there every new row
        is above the rows stored before, even once the newest of those is deleted.

        A statement per batch rather than one for the whole upload: one DELETE of a
        million rows cost more than twice its twenty batches (docs/performance.md,
        Storage). The index is probed in the order of the staged rows, so keys in order ID
        order (as the engine sends them) reach neighbouring pages instead of random ones,
        and the inserted rows grow the order index at one place."""
        if self._chat_id is None:
            raise RuntimeError("merge() before start_merge()")
        await self._connection.executemany(
            "INSERT INTO temp.upload VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
        await self._connection.execute(
            f"INSERT INTO shipments (chat_id, {SHIPMENT_COLUMNS}) "
            f"SELECT ?, {SHIPMENT_COLUMNS} FROM temp.upload",
            (self._chat_id,),
        )
        if self._replace_below is not None:
            await self._connection.execute(
                "DELETE FROM shipments WHERE chat_id = ? AND rowid <= ? "
                "AND order_id IN (SELECT order_id FROM temp.upload)",
                (self._chat_id, self._replace_below),
            )
        await self._connection.execute("DELETE FROM temp.upload")

    async def finish_merge(self) -> None:
        """Each batch was replaced as it came: nothing is left to do."""
        self._chat_id = None

    async def merge_upload(self) -> int:
        """The staged upload merged by SQL alone, a range of its rowids at a time: first the
        chat's stored rows of its orders deleted, range by range, then its rows inserted.
        Deleted first, the inserted rows reuse the pages the deleted ones freed instead of
        growing the file (about an eighth less CPU replacing every order of a million:
        docs/performance.md), and no delete can meet a row of this upload, which is not
        stored yet."""
        chat_id = self._upload_chat
        await self._note_stored(chat_id)
        ranges = [
            (first, first + UPLOAD_BATCH_ROWS - 1)
            for first in range(1, self._staged + 1, UPLOAD_BATCH_ROWS)
        ]
        if self._replace_below is not None:  # the chat has shipments stored
            for rowids in ranges:
                await self._connection.execute(
                    "DELETE FROM shipments WHERE chat_id = ? AND order_id IN "
                    "(SELECT order_id FROM stage.upload WHERE rowid BETWEEN ? AND ?)",
                    (chat_id, *rowids),
                )
        for rowids in ranges:
            await self._connection.execute(
                f"INSERT INTO shipments (chat_id, {SHIPMENT_COLUMNS}) "
                f"SELECT ?, {SHIPMENT_COLUMNS} FROM stage.upload WHERE rowid BETWEEN ? AND ?",
                (chat_id, *rowids),
            )
        self._chat_id = None
        return self._staged
