"""What the Amazon connection keeps, in its own SQLite file beside the bot's database.

Tables: `connections` (region, marketplaces, the refresh token *encrypted*, whether the
seller must reconnect), `sync_state` (the incremental cursor, the last good sync, the last
problem), `packages` (each synced package's status: tracking can be edited until delivery),
`item_categories` (SKU/ASIN → category learned from the seller's uploads) and
`performance_snapshots` (Amazon's own VTR per marketplace and day: Amazon keeps no history).

Why a file of its own: the main store's schema and backend are changing under other hands;
this keeps the coupling to the two public `Store` methods the sync uses (`shipment_rows` to
read uploaded categories, `merge_shipment_rows` to write shipments). Versioned like the
store, with `PRAGMA user_version`: append to MIGRATIONS, never edit a shipped one.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

import aiosqlite

from bot.domain.amazon_orders import SyncedPackage
from bot.domain.amazon_regions import Region

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE connections (
        chat_id      INTEGER PRIMARY KEY,
        region       TEXT NOT NULL,
        marketplaces TEXT NOT NULL,
        sealed_token BLOB NOT NULL,
        state        TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
    );
    CREATE TABLE sync_state (
        chat_id         INTEGER PRIMARY KEY,
        orders_cursor   TEXT,
        last_good_sync  TEXT,
        last_attempt    TEXT,
        last_problem    TEXT,
        report_retry_on TEXT
    );
    CREATE TABLE packages (
        chat_id    INTEGER NOT NULL,
        order_id   TEXT NOT NULL,
        package_id TEXT NOT NULL,
        tracking   TEXT NOT NULL,
        status     TEXT NOT NULL,
        PRIMARY KEY (chat_id, order_id, package_id)
    );
    CREATE TABLE item_categories (
        chat_id  INTEGER NOT NULL,
        item_key TEXT NOT NULL,
        category TEXT NOT NULL,
        PRIMARY KEY (chat_id, item_key)
    );
    CREATE TABLE performance_snapshots (
        chat_id              INTEGER NOT NULL,
        marketplace_id       TEXT NOT NULL,
        snapshot_date        TEXT NOT NULL,
        shipment_count       INTEGER NOT NULL,
        valid_tracking_count INTEGER NOT NULL,
        status               TEXT NOT NULL,
        rate                 REAL NOT NULL,
        date_from            TEXT NOT NULL,
        date_to              TEXT NOT NULL,
        account_status       TEXT,
        metrics_json         TEXT NOT NULL,
        PRIMARY KEY (chat_id, marketplace_id, snapshot_date)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
ConnectionState = Literal["active", "needs_reconnect"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Connection:
    """A chat's connected store. `sealed_token` is the encrypted refresh token."""

    chat_id: int
    region: Region
    marketplace_ids: tuple[str, ...]
    sealed_token: bytes
    state: ConnectionState

    def __repr__(self) -> str:  # the sealed token is useless without the key; still, keep it out
        return f"Connection({self.chat_id}, {self.region}, {self.marketplace_ids}, {self.state})"


@dataclass(frozen=True, slots=True)
class SyncState:
    orders_cursor: datetime | None = None
    last_good_sync: datetime | None = None
    last_attempt: datetime | None = None
    last_problem: str | None = None
    report_retry_on: date | None = None


@dataclass(frozen=True, slots=True)
class PerformanceSnapshot:
    """Amazon's Valid Tracking Rate of one marketplace on one day (its report's numbers)."""

    marketplace_id: str
    snapshot_date: date
    shipment_count: int
    valid_tracking_count: int
    status: str
    rate: float
    date_from: str
    date_to: str
    account_status: str | None = None


class AmazonRepository:
    """Async access to the Amazon file. Open once at start-up, close at shutdown."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._db: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()

    @classmethod
    def beside(cls, database_path: Path) -> AmazonRepository:
        """The Amazon file next to the bot's database (same folder, same backups); in
        memory beside an in-memory database (tests)."""
        if str(database_path) == ":memory:":
            return cls(":memory:")
        return cls(Path(database_path).with_name("amazon.sqlite3"))

    @property
    def is_open(self) -> bool:
        return self._db is not None

    async def open(self) -> None:
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = await aiosqlite.connect(self.path, isolation_level=None)
        await self._db.execute("PRAGMA journal_mode = WAL")
        await self._db.execute("PRAGMA busy_timeout = 5000")
        async with self._db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path} has schema {version}, newer than this code")
        for number in range(version, SCHEMA_VERSION):
            await self._db.executescript(
                f"BEGIN;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
            )

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    async def __aenter__(self) -> AmazonRepository:
        await self.open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("Amazon repository is not open")
        return self._db

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._lock:
            await self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                await self.db.rollback()
                raise
            await self.db.commit()

    async def _one(self, sql: str, params: Sequence[object]) -> Any:
        async with self.db.execute(sql, tuple(params)) as cursor:
            return await cursor.fetchone()

    async def _all(self, sql: str, params: Sequence[object]) -> list[Any]:
        async with self.db.execute(sql, tuple(params)) as cursor:
            return list(await cursor.fetchall())

    # -- connections ---------------------------------------------------------------------------

    async def connect(
        self, chat_id: int, region: Region, marketplace_ids: Sequence[str], sealed_token: bytes
    ) -> None:
        """Store (or replace) a chat's connection; a new token starts a new backfill."""
        now = _now()
        async with self._transaction() as db:
            await db.execute(
                "INSERT INTO connections VALUES (?, ?, ?, ?, 'active', ?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET region = excluded.region, "
                "marketplaces = excluded.marketplaces, sealed_token = excluded.sealed_token, "
                "state = 'active', updated_at = excluded.updated_at",
                (chat_id, region, ",".join(marketplace_ids), sealed_token, now, now),
            )
            await db.execute("DELETE FROM sync_state WHERE chat_id = ?", (chat_id,))

    async def connection(self, chat_id: int) -> Connection | None:
        row = await self._one(
            "SELECT chat_id, region, marketplaces, sealed_token, state FROM connections "
            "WHERE chat_id = ?",
            (chat_id,),
        )
        return _connection(row) if row else None

    async def connections(self) -> list[Connection]:
        """Every connected chat: for the daily sync only (no chat's data, only its store)."""
        rows = await self._all(
            "SELECT chat_id, region, marketplaces, sealed_token, state FROM connections "
            "ORDER BY chat_id",
            (),
        )
        return [_connection(row) for row in rows]

    async def mark_needs_reconnect(self, chat_id: int) -> None:
        async with self._transaction() as db:
            await db.execute(
                "UPDATE connections SET state = 'needs_reconnect', updated_at = ? "
                "WHERE chat_id = ?",
                (_now(), chat_id),
            )

    async def disconnect(self, chat_id: int) -> bool:
        """Delete the chat's credentials and sync state; False if it had none. Snapshots and
        package statuses stay until /forget: they are the chat's history, not a secret."""
        async with self._transaction() as db:
            cursor = await db.execute("DELETE FROM connections WHERE chat_id = ?", (chat_id,))
            await db.execute("DELETE FROM sync_state WHERE chat_id = ?", (chat_id,))
        return cursor.rowcount > 0

    async def forget(self, chat_id: int) -> None:
        """Delete everything kept about the chat, credentials first, in one transaction."""
        async with self._transaction() as db:
            for table in (
                "connections", "sync_state", "packages", "item_categories",
                "performance_snapshots",
            ):  # fmt: skip
                await db.execute(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,))

    # -- sync state ----------------------------------------------------------------------------

    async def sync_state(self, chat_id: int) -> SyncState:
        row = await self._one(
            "SELECT orders_cursor, last_good_sync, last_attempt, last_problem, report_retry_on "
            "FROM sync_state WHERE chat_id = ?",
            (chat_id,),
        )
        if row is None:
            return SyncState()
        cursor, good, attempt, problem, retry_on = row
        return SyncState(
            _moment(cursor), _moment(good), _moment(attempt), problem,
            date.fromisoformat(retry_on) if retry_on else None,
        )  # fmt: skip

    async def save_sync_state(self, chat_id: int, state: SyncState) -> None:
        async with self._transaction() as db:
            await db.execute(
                "INSERT OR REPLACE INTO sync_state VALUES (?, ?, ?, ?, ?, ?)",
                (
                    chat_id,
                    _text(state.orders_cursor),
                    _text(state.last_good_sync),
                    _text(state.last_attempt),
                    state.last_problem,
                    state.report_retry_on.isoformat() if state.report_retry_on else None,
                ),
            )

    # -- packages and categories -----------------------------------------------------------------

    async def save_packages(self, chat_id: int, packages: Iterable[SyncedPackage]) -> None:
        rows = [
            (chat_id, p.record.order_id, p.package_id, p.record.tracking, p.status)
            for p in packages
        ]
        async with self._transaction() as db:
            await db.executemany("INSERT OR REPLACE INTO packages VALUES (?, ?, ?, ?, ?)", rows)

    async def package_statuses(self, chat_id: int, order_ids: Iterable[str]) -> dict[str, str]:
        """order ID → its packages' status; DELIVERED only when every package is delivered."""
        wanted = list(dict.fromkeys(order_ids))
        statuses: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for order_id, status in await self._all(
                f"SELECT order_id, status FROM packages WHERE chat_id = ? "
                f"AND order_id IN ({marks})",
                (chat_id, *chunk),
            ):
                if statuses.get(order_id, "DELIVERED") == "DELIVERED":
                    statuses[order_id] = status
        return statuses

    async def item_categories(self, chat_id: int) -> dict[str, str]:
        rows = await self._all(
            "SELECT item_key, category FROM item_categories WHERE chat_id = ?", (chat_id,)
        )
        return dict(rows)

    async def learn_categories(self, chat_id: int, learned: dict[str, str]) -> None:
        if not learned:
            return
        async with self._transaction() as db:
            await db.executemany(
                "INSERT OR REPLACE INTO item_categories VALUES (?, ?, ?)",
                [(chat_id, key, category) for key, category in learned.items()],
            )

    # -- performance snapshots -------------------------------------------------------------------

    async def save_snapshot(
        self, chat_id: int, snapshot: PerformanceSnapshot, metrics: dict[str, Any]
    ) -> None:
        """Today's numbers for a marketplace; a second sync the same day replaces them."""
        s = snapshot
        async with self._transaction() as db:
            await db.execute(
                "INSERT OR REPLACE INTO performance_snapshots VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    chat_id, s.marketplace_id, s.snapshot_date.isoformat(), s.shipment_count,
                    s.valid_tracking_count, s.status, s.rate, s.date_from, s.date_to,
                    s.account_status, json.dumps(metrics, sort_keys=True),
                ),
            )  # fmt: skip

    async def snapshots(self, chat_id: int, since: date | None = None) -> list[PerformanceSnapshot]:
        """The chat's snapshots, oldest first (per marketplace, a daily trend)."""
        rows = await self._all(
            "SELECT marketplace_id, snapshot_date, shipment_count, valid_tracking_count, "
            "status, rate, date_from, date_to, account_status FROM performance_snapshots "
            "WHERE chat_id = ? AND snapshot_date >= ? ORDER BY snapshot_date, marketplace_id",
            (chat_id, (since or date.min).isoformat()),
        )
        return [
            PerformanceSnapshot(m, date.fromisoformat(d), n, v, st, r, f, t, a)
            for m, d, n, v, st, r, f, t, a in rows
        ]


def _connection(row: Sequence[Any]) -> Connection:
    chat_id, region, marketplaces, sealed, state = row
    return Connection(chat_id, region, tuple(filter(None, marketplaces.split(","))), sealed, state)


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _text(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None
