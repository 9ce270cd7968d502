"""Per-chat storage in one embedded SQLite file (aiosqlite, WAL).

Holds chats (language, time zone, as-of date), each chat's last report and the shipments
VTR needs: order ID, ship date, carrier, tracking, category, marketplace, exclusion. No buyer
data is ever stored. Every query is filtered by `chat_id`, so one chat never sees another's.

The schema is versioned with `PRAGMA user_version`; `MIGRATIONS[n]` moves a database from
version n to n + 1. Append to the list, never edit a migration that has shipped.
"""

from __future__ import annotations

import asyncio
import errno
import sqlite3
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Literal

import aiosqlite

from bot.domain.models import RECORD_FIELDS, ShipmentRecord, VtrReport
from bot.services.i18n import SUPPORTED_LANGS, Lang

MIGRATIONS: tuple[str, ...] = (
    # 1: chats, their last report and their shipments.
    """
    CREATE TABLE chats (
        chat_id    INTEGER PRIMARY KEY,
        lang       TEXT,
        timezone   TEXT,
        as_of      TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE last_report (
        chat_id     INTEGER PRIMARY KEY,
        report_json TEXT NOT NULL,
        created_at  TEXT NOT NULL
    );
    CREATE TABLE shipments (
        chat_id     INTEGER NOT NULL,
        order_id    TEXT NOT NULL,
        ship_date   TEXT,
        carrier     TEXT NOT NULL,
        tracking    TEXT NOT NULL,
        category    TEXT NOT NULL,
        marketplace TEXT NOT NULL,
        excluded    TEXT
    );
    CREATE INDEX shipments_by_chat_date ON shipments (chat_id, ship_date);
    CREATE INDEX shipments_by_chat_order ON shipments (chat_id, order_id);
    """,
    # 2: daily alerts: who wants them and when, and what each chat was told.
    """
    CREATE TABLE subscriptions (
        chat_id    INTEGER PRIMARY KEY,
        at_time    TEXT NOT NULL,
        timezone   TEXT NOT NULL,
        digest     INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE alert_history (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id       INTEGER NOT NULL,
        sent_at       TEXT NOT NULL,
        as_of         TEXT NOT NULL,
        triggers      TEXT NOT NULL,
        snapshot_json TEXT NOT NULL
    );
    CREATE INDEX alert_history_by_chat ON alert_history (chat_id, id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Subscription:
    """A chat's daily alert: local time of day, its time zone, and whether it wants a
    message even when all is well."""

    chat_id: int
    at: time
    timezone: str
    digest: bool = False


@dataclass(frozen=True, slots=True)
class AlertRecord:
    """One alert sent: when, for which as-of date, why, and what it said (JSON)."""

    chat_id: int
    sent_at: datetime
    as_of: date
    triggers: tuple[str, ...]
    snapshot_json: str


StorageProblem = Literal["locked", "full"]


def storage_problem(error: BaseException) -> StorageProblem | None:
    """Whether an error means the database cannot be written now, and why.

    SQLite reports both as OperationalError text; a full disk can also surface as ENOSPC,
    which polars (writing a big file's parts) reports only in its message."""
    if isinstance(error, OSError) and (
        error.errno == errno.ENOSPC or f"os error {errno.ENOSPC})" in str(error)
    ):
        return "full"
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            return "locked"
        if "full" in text:
            return "full"
    return None


_STAGING_TABLE = (
    "CREATE TEMP TABLE IF NOT EXISTS upload (order_id TEXT NOT NULL, ship_date TEXT, "
    "carrier TEXT NOT NULL, tracking TEXT NOT NULL, category TEXT NOT NULL, "
    "marketplace TEXT NOT NULL, excluded TEXT)"
)
_STAGING_INDEX = "CREATE INDEX IF NOT EXISTS temp.upload_by_order ON upload (order_id)"


def _storable(batch: Sequence[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """Dates as ISO text (sqlite3's implicit date adapter is deprecated)."""
    return [
        (order_id, ship_date.isoformat() if ship_date else None, carrier or "", tracking or "",
         category, marketplace or "", excluded)
        for order_id, ship_date, carrier, tracking, category, marketplace, excluded in batch
    ]  # fmt: skip


CACHE_KIB = 16 << 10
"""Page cache per connection and schema, allocated only as pages are used. With SQLite's
default (2 MiB) a million-row upload thrashed it while merging into two indexes:
bench_upload at 1M rows took 17.9 s / 340 MiB; 8 MiB 11.6 s / 355; 16 MiB 9.9 s / 375;
64 MiB 10.6 s / 505."""


class StoreClosedError(RuntimeError):
    """The store was used before `open()` or after `close()`."""


class Store:
    """Async access to the bot's database. Open once at start-up, close at shutdown.

    Two connections: every write goes through one writer, one at a time (an asyncio lock),
    so a chat's multi-statement merge never interleaves with another chat's write; reads
    use a second connection, which in WAL mode sees committed data and never waits for a
    merge in progress, so questions are answered while uploads are being stored."""

    def __init__(self, path: Path | str, busy_timeout_ms: int = 5000) -> None:
        self.path = Path(path)
        self.busy_timeout_ms = busy_timeout_ms
        self._db: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()

    async def _connect(self) -> aiosqlite.Connection:
        connection = await aiosqlite.connect(self.path, isolation_level=None)
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute("PRAGMA synchronous = NORMAL")
        await connection.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
        for schema in ("main", "temp"):
            await connection.execute(f"PRAGMA {schema}.cache_size = -{CACHE_KIB}")
        return connection

    async def open(self) -> None:
        in_memory = str(self.path) == ":memory:"
        if not in_memory:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = await self._connect()
        try:
            await self._migrate()
            # An in-memory database exists once per connection: there it reads what it writes.
            self._reader = self._db if in_memory else await self._connect()
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        if self._reader is not None and self._reader is not self._db:
            await self._reader.close()
        self._reader = None
        if self._db is not None:
            await self._db.close()
            self._db = None

    async def __aenter__(self) -> Store:
        await self.open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        """The writer connection."""
        if self._db is None:
            raise StoreClosedError("store is not open")
        return self._db

    @property
    def reader(self) -> aiosqlite.Connection:
        if self._reader is None:
            raise StoreClosedError("store is not open")
        return self._reader

    async def _write(self, sql: str, params: Iterable[object] = ()) -> aiosqlite.Cursor:
        """One statement on the writer, never inside another caller's transaction."""
        async with self._write_lock:
            return await self.db.execute(sql, tuple(params))

    async def schema_version(self) -> int:
        async with self.db.execute("PRAGMA user_version") as cursor:
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
            await self.db.executescript(
                f"BEGIN;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
            )

    # -- chats -------------------------------------------------------------------------------

    async def _chat_value(self, chat_id: int, column: str) -> str | None:
        async with self.reader.execute(
            f"SELECT {column} FROM chats WHERE chat_id = ?", (chat_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None

    async def _set_chat_value(self, chat_id: int, column: str, value: str | None) -> None:
        now = _now()
        await self._write(
            f"INSERT INTO chats (chat_id, {column}, created_at, updated_at) VALUES (?, ?, ?, ?) "
            f"ON CONFLICT (chat_id) DO UPDATE SET {column} = excluded.{column}, "
            "updated_at = excluded.updated_at",
            (chat_id, value, now, now),
        )

    async def get_lang(self, chat_id: int) -> Lang | None:
        value = await self._chat_value(chat_id, "lang")
        return value if value in SUPPORTED_LANGS else None  # type: ignore[return-value]

    async def set_lang(self, chat_id: int, lang: Lang) -> None:
        if lang not in SUPPORTED_LANGS:
            raise ValueError(f"unsupported language {lang!r}")
        await self._set_chat_value(chat_id, "lang", lang)

    async def get_timezone(self, chat_id: int) -> str | None:
        return await self._chat_value(chat_id, "timezone")

    async def set_timezone(self, chat_id: int, timezone: str) -> None:
        await self._set_chat_value(chat_id, "timezone", timezone)

    async def get_as_of(self, chat_id: int) -> date | None:
        value = await self._chat_value(chat_id, "as_of")
        return date.fromisoformat(value) if value else None

    async def set_as_of(self, chat_id: int, as_of: date | None) -> None:
        await self._set_chat_value(chat_id, "as_of", as_of.isoformat() if as_of else None)

    # -- reports -----------------------------------------------------------------------------

    async def save_report(self, chat_id: int, report: VtrReport) -> None:
        await self._write(
            "INSERT INTO last_report (chat_id, report_json, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET report_json = excluded.report_json, "
            "created_at = excluded.created_at",
            (chat_id, report.model_dump_json(), _now()),
        )

    async def last_report(self, chat_id: int) -> VtrReport | None:
        async with self.reader.execute(
            "SELECT report_json FROM last_report WHERE chat_id = ?", (chat_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return VtrReport.model_validate_json(row[0]) if row else None

    async def last_report_as_of(self, chat_id: int) -> date | None:
        """The last report's as-of date, without parsing the report: a big file's report
        holds every defect (hundreds of thousands), and /chart needs only this date."""
        async with self.reader.execute(
            "SELECT json_extract(report_json, '$.as_of') FROM last_report WHERE chat_id = ?",
            (chat_id,),
        ) as cursor:
            row = await cursor.fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    # -- shipments ---------------------------------------------------------------------------

    async def merge_shipments(self, chat_id: int, records: Iterable[ShipmentRecord]) -> int:
        """`merge_shipment_rows` for records (tests, small uploads)."""
        rows = [tuple(getattr(record, name) for name in RECORD_FIELDS) for record in records]
        return await self.merge_shipment_rows(chat_id, iter([rows]))

    async def merge_shipment_rows(
        self, chat_id: int, batches: Iterator[Sequence[tuple[object, ...]]]
    ) -> int:
        """Store an upload: each order in it replaces that chat's stored shipments of the order.

        So a corrected tracking number replaces the defective one, and orders not in the new
        file stay. `batches` yields tuples in RECORD_FIELDS order; they are staged in a
        temporary table, so memory follows one batch and an order split across batches keeps
        all its rows. All in one transaction: a failed merge leaves the old data as it was.
        Returns the number of shipments written.
        """
        written = 0
        async with self._transaction():
            await self.db.execute(_STAGING_TABLE)
            await self.db.execute(_STAGING_INDEX)
            await self.db.execute("DELETE FROM temp.upload")
            while batch := await asyncio.to_thread(next, batches, None):
                rows = await asyncio.to_thread(_storable, batch)
                await self.db.executemany(
                    "INSERT INTO temp.upload VALUES (?, ?, ?, ?, ?, ?, ?)", rows
                )
                written += len(rows)
            await self.db.execute(
                "DELETE FROM shipments WHERE chat_id = ? "
                "AND order_id IN (SELECT order_id FROM temp.upload)",
                (chat_id,),
            )
            await self.db.execute(
                "INSERT INTO shipments (chat_id, order_id, ship_date, carrier, tracking, "
                "category, marketplace, excluded) SELECT ?, order_id, ship_date, carrier, "
                "tracking, category, marketplace, excluded FROM temp.upload",
                (chat_id,),
            )
            await self.db.execute("DELETE FROM temp.upload")
        return written

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[None]:
        """All or nothing: a failure (or a crash) part-way leaves the database as it was."""
        async with self._write_lock:
            await self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                await self.db.rollback()
                raise
            await self.db.commit()

    async def shipments(self, chat_id: int) -> list[ShipmentRecord]:
        async with self.reader.execute(
            "SELECT order_id, ship_date, carrier, tracking, category, marketplace, excluded "
            "FROM shipments WHERE chat_id = ? ORDER BY ship_date, order_id",
            (chat_id,),
        ) as cursor:
            rows = await cursor.fetchall()
        return [
            ShipmentRecord.model_construct(
                order_id=order_id,
                ship_date=date.fromisoformat(ship_date) if ship_date else None,
                carrier=carrier,
                tracking=tracking,
                category=category,
                marketplace=marketplace,
                excluded=excluded,
            )
            for order_id, ship_date, carrier, tracking, category, marketplace, excluded in rows
        ]

    async def shipment_rows(
        self, chat_id: int, since: date | None = None, size: int = 50_000
    ) -> AsyncIterator[list[tuple[object, ...]]]:
        """The chat's shipments shipped on `since` or later (all of them when None), `size`
        raw rows at a time, dates as ISO text: a million stored shipments are never a
        million objects at once (as `shipments()` makes them)."""
        sql = (
            "SELECT order_id, ship_date, carrier, tracking, category, marketplace, excluded "
            "FROM shipments WHERE chat_id = ?"
        )
        params: tuple[object, ...] = (chat_id,)
        if since is not None:
            sql += " AND ship_date >= ?"
            params += (since.isoformat(),)
        async with self.reader.execute(sql, params) as cursor:
            while rows := await cursor.fetchmany(size):
                yield list(rows)

    async def shipment_count(self, chat_id: int) -> int:
        async with self.reader.execute(
            "SELECT COUNT(*) FROM shipments WHERE chat_id = ?", (chat_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def newest_ship_date(self, chat_id: int) -> date | None:
        async with self.reader.execute(
            "SELECT MAX(ship_date) FROM shipments WHERE chat_id = ?", (chat_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    # -- alerts ------------------------------------------------------------------------------

    async def subscribe(self, subscription: Subscription) -> None:
        now = _now()
        await self._write(
            "INSERT INTO subscriptions (chat_id, at_time, timezone, digest, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET "
            "at_time = excluded.at_time, timezone = excluded.timezone, "
            "digest = excluded.digest, updated_at = excluded.updated_at",
            (
                subscription.chat_id,
                subscription.at.strftime("%H:%M"),
                subscription.timezone,
                int(subscription.digest),
                now,
                now,
            ),
        )

    async def unsubscribe(self, chat_id: int) -> bool:
        """Stop a chat's alerts; False if it had none."""
        cursor = await self._write("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
        return cursor.rowcount > 0

    async def subscription(self, chat_id: int) -> Subscription | None:
        rows = await self._subscriptions("WHERE chat_id = ?", (chat_id,))
        return rows[0] if rows else None

    async def all_subscriptions(self) -> list[Subscription]:
        """Every chat's subscription: for scheduling the daily jobs at start-up only
        (the one read that spans chats; it returns no chat's data, only its schedule)."""
        return await self._subscriptions("", ())

    async def _subscriptions(self, where: str, params: tuple[object, ...]) -> list[Subscription]:
        async with self.reader.execute(
            f"SELECT chat_id, at_time, timezone, digest FROM subscriptions {where} "
            "ORDER BY chat_id",
            params,
        ) as cursor:
            rows = await cursor.fetchall()
        return [
            Subscription(chat_id, time.fromisoformat(at_time), timezone, bool(digest))
            for chat_id, at_time, timezone, digest in rows
        ]

    async def record_alert(
        self, chat_id: int, as_of: date, triggers: Iterable[str], snapshot_json: str
    ) -> None:
        await self._write(
            "INSERT INTO alert_history (chat_id, sent_at, as_of, triggers, snapshot_json) "
            "VALUES (?, ?, ?, ?, ?)",
            (chat_id, _now(), as_of.isoformat(), ",".join(triggers), snapshot_json),
        )

    async def alert_sent_for(self, chat_id: int, as_of: date) -> bool:
        """Whether the chat was already alerted for this day (so a restart never doubles it)."""
        async with self.reader.execute(
            "SELECT 1 FROM alert_history WHERE chat_id = ? AND as_of = ? LIMIT 1",
            (chat_id, as_of.isoformat()),
        ) as cursor:
            return await cursor.fetchone() is not None

    async def claim_alert(
        self, chat_id: int, as_of: date, triggers: Iterable[str], snapshot_json: str
    ) -> int | None:
        """Record today's alert before sending it; None when it was already claimed.

        Claiming first makes delivery at most once: a crash after the claim can lose one
        message, never send it twice. `release_alert` undoes a claim whose send failed."""
        async with self._write_lock:
            async with self.db.execute(
                "SELECT 1 FROM alert_history WHERE chat_id = ? AND as_of = ? LIMIT 1",
                (chat_id, as_of.isoformat()),
            ) as cursor:
                if await cursor.fetchone() is not None:
                    return None
            cursor = await self.db.execute(
                "INSERT INTO alert_history (chat_id, sent_at, as_of, triggers, snapshot_json) "
                "VALUES (?, ?, ?, ?, ?)",
                (chat_id, _now(), as_of.isoformat(), ",".join(triggers), snapshot_json),
            )
        return cursor.lastrowid

    async def release_alert(self, chat_id: int, alert_id: int) -> None:
        await self._write(
            "DELETE FROM alert_history WHERE chat_id = ? AND id = ?", (chat_id, alert_id)
        )

    async def forget(self, chat_id: int) -> None:
        """Delete everything stored about a chat, in one transaction."""
        async with self._transaction():
            for table in ("shipments", "last_report", "subscriptions", "alert_history", "chats"):
                await self.db.execute(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,))

    async def alert_history(self, chat_id: int, limit: int = 10) -> list[AlertRecord]:
        """The chat's latest alerts, newest first."""
        async with self.reader.execute(
            "SELECT sent_at, as_of, triggers, snapshot_json FROM alert_history "
            "WHERE chat_id = ? ORDER BY id DESC LIMIT ?",
            (chat_id, limit),
        ) as cursor:
            rows = await cursor.fetchall()
        return [
            AlertRecord(
                chat_id,
                datetime.fromisoformat(sent_at),
                date.fromisoformat(as_of),
                tuple(filter(None, triggers.split(","))),
                snapshot_json,
            )
            for sent_at, as_of, triggers, snapshot_json in rows
        ]
