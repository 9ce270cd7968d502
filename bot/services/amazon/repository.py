"""What the Amazon connection keeps, in the bot's store beside everything else.

Tables (see `bot.services.store.schema`): `amazon_connections` (region, marketplaces, the
refresh token *encrypted*, whether the seller must reconnect), `amazon_sync_state` (the
incremental cursor, the last good sync, the last attempt, the last problem),
`amazon_packages` (each synced package's status: tracking can be edited until delivery; its
category and where it came from; the items it holds), `amazon_item_categories` (SKU/ASIN →
category learned from the seller's uploads), `amazon_snapshots` (Amazon's own VTR per
marketplace and day: Amazon keeps no history) and `amazon_catalog` (ASIN → category per
marketplace from Amazon's catalog, shared by all chats: it holds no chat's data).

In the store, not a file of its own: replicas sharing one PostgreSQL then share the
connected stores, and a sync done by one is seen by all (docs/vtr-rules.md §8). The SQL is
written once, with `?` placeholders, for both backends, as in `store.py`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal, NamedTuple

from bot.domain.amazon_orders import DELIVERED, PackageItem, SyncedPackage
from bot.domain.amazon_regions import Region
from bot.domain.values import vocabulary_meaning
from bot.services.store import Store
from bot.services.store.backend import Backend, Row, blob, stored_now, stored_time

ConnectionState = Literal["active", "needs_reconnect"]
CategoryPreference = Literal["amazon", "upload"]
ROWS_PER_INSERT = 100
"""Rows written by one multi-row INSERT: a backfill's thousands of packages in a few
statements, each well under SQLite's limit on bound values."""
IDS_PER_SELECT = 500
"""Keys bound in one `IN (…)` read."""
CATALOG_RECHECK = timedelta(days=30)
"""An ASIN Amazon gave no category for is asked again after this long: listings get
classified later. A found category is kept: Amazon rarely moves an item."""


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


ConnectStepName = Literal["region", "marketplaces", "token"]


@dataclass(slots=True)
class ConnectStep:
    """A /connect half answered: the next question and the answers so far (no token)."""

    step: ConnectStepName
    region: Region | None = None
    marketplaces: tuple[str, ...] = ()
    updated_at: datetime | None = None


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
    """The Amazon tables of `store`, which the caller opens and closes."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def backend(self) -> Backend:
        return self.store.backend

    async def _one(self, sql: str, params: Sequence[object]) -> Row | None:
        rows = await self.backend.fetch(sql, params)
        return rows[0] if rows else None

    async def _upsert(
        self, chat_id: int, table: str, columns: str, keys: str, rows: Sequence[Row]
    ) -> None:
        """Insert `rows`, replacing those with the same `keys`, in one transaction. Rows
        repeating a key keep the last (PostgreSQL refuses to update one row twice)."""
        width = len(columns.split(","))
        key_count = len(keys.split(","))
        unique = list({tuple(row[:key_count]): row for row in rows}.values())
        updates = ", ".join(
            f"{c.strip()} = excluded.{c.strip()}" for c in columns.split(",")[key_count:]
        )
        async with self.backend.transaction(chat_id) as transaction:
            for start in range(0, len(unique), ROWS_PER_INSERT):
                chunk = unique[start : start + ROWS_PER_INSERT]
                values = ", ".join(["(" + ", ".join("?" * width) + ")"] * len(chunk))
                await transaction.execute(
                    f"INSERT INTO {table} ({columns}) VALUES {values} "
                    f"ON CONFLICT ({keys}) DO UPDATE SET {updates}",
                    [value for row in chunk for value in row],
                )

    # -- connections ---------------------------------------------------------------------------

    async def connect(
        self, chat_id: int, region: Region, marketplace_ids: Sequence[str], sealed_token: bytes
    ) -> None:
        """Store (or replace) a chat's connection; a new token starts a new backfill."""
        now = stored_now()
        async with self.backend.transaction(chat_id) as transaction:
            await transaction.execute(
                "INSERT INTO amazon_connections (chat_id, region, marketplaces, sealed_token, "
                "state, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET region = excluded.region, "
                "marketplaces = excluded.marketplaces, sealed_token = excluded.sealed_token, "
                "state = 'active', updated_at = excluded.updated_at",
                (chat_id, region, ",".join(marketplace_ids), sealed_token, now, now),
            )
            await transaction.execute("DELETE FROM amazon_sync_state WHERE chat_id = ?", (chat_id,))

    async def connection(self, chat_id: int) -> Connection | None:
        row = await self._one(
            "SELECT chat_id, region, marketplaces, sealed_token, state FROM amazon_connections "
            "WHERE chat_id = ?",
            (chat_id,),
        )
        return ConnectionRow._make(row).record() if row else None

    async def connections(self) -> list[Connection]:
        """Every connected chat: for the sync only (no chat's data, only its store)."""
        rows = await self.backend.fetch(
            "SELECT chat_id, region, marketplaces, sealed_token, state FROM amazon_connections "
            "ORDER BY chat_id",
        )
        return [ConnectionRow._make(row).record() for row in rows]

    async def mark_needs_reconnect(self, chat_id: int) -> None:
        await self.backend.execute(
            "UPDATE amazon_connections SET state = 'needs_reconnect', updated_at = ? "
            "WHERE chat_id = ?",
            (stored_now(), chat_id),
        )

    async def disconnect(self, chat_id: int) -> bool:
        """Delete the chat's credentials and sync state; False if it had none. Snapshots and
        package statuses stay until /forget (`Store.forget`): they are the chat's history,
        not a secret."""
        async with self.backend.transaction(chat_id) as transaction:
            removed = await transaction.execute(
                "DELETE FROM amazon_connections WHERE chat_id = ?", (chat_id,)
            )
            await transaction.execute("DELETE FROM amazon_sync_state WHERE chat_id = ?", (chat_id,))
        return removed > 0

    # -- a /connect in progress --------------------------------------------------------------

    async def connect_step(self, chat_id: int) -> ConnectStep | None:
        row = await self._one(
            "SELECT step, region, marketplaces, updated_at FROM connect_steps WHERE chat_id = ?",
            (chat_id,),
        )
        if row is None:
            return None
        step, region, marketplaces, updated_at = row
        return ConnectStep(
            step,  # type: ignore[arg-type]  # the column holds only ConnectStepName values
            region,  # type: ignore[arg-type]  # and this one only Region values
            tuple(filter(None, str(marketplaces).split(","))),
            _moment(updated_at),
        )

    async def save_connect_step(self, chat_id: int, step: ConnectStep, at: datetime) -> None:
        await self.backend.execute(
            "INSERT INTO connect_steps (chat_id, step, region, marketplaces, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET step = excluded.step, "
            "region = excluded.region, marketplaces = excluded.marketplaces, "
            "updated_at = excluded.updated_at",
            (chat_id, step.step, step.region, ",".join(step.marketplaces), _text(at)),
        )

    async def drop_connect_step(self, chat_id: int) -> None:
        await self.backend.execute("DELETE FROM connect_steps WHERE chat_id = ?", (chat_id,))

    # -- sync state ----------------------------------------------------------------------------

    async def sync_state(self, chat_id: int) -> SyncState:
        row = await self._one(
            "SELECT orders_cursor, last_good_sync, last_attempt, last_problem, report_retry_on "
            "FROM amazon_sync_state WHERE chat_id = ?",
            (chat_id,),
        )
        if row is None:
            return SyncState()
        return SyncStateRow._make(row).record()

    async def save_sync_state(self, chat_id: int, state: SyncState) -> None:
        await self._upsert(
            chat_id,
            "amazon_sync_state",
            "chat_id, orders_cursor, last_good_sync, last_attempt, last_problem, report_retry_on",
            "chat_id",
            [(
                chat_id, _text(state.orders_cursor), _text(state.last_good_sync),
                _text(state.last_attempt), state.last_problem,
                state.report_retry_on.isoformat() if state.report_retry_on else None,
            )],
        )  # fmt: skip

    async def restart_backfill(self, chat_id: int) -> None:
        """The next sync fetches the whole backfill window again (the cursor is dropped)."""
        await self.backend.execute(
            "UPDATE amazon_sync_state SET orders_cursor = NULL WHERE chat_id = ?", (chat_id,)
        )

    # -- packages and categories -----------------------------------------------------------------

    async def save_packages(self, chat_id: int, packages: Iterable[SyncedPackage]) -> None:
        rows = [
            (
                chat_id, p.record.order_id, p.package_id, p.record.tracking, p.status,
                p.record.category, p.category_source, p.marketplace_id,
                json.dumps([asdict(item) for item in p.items]), p.record.carrier, p.ship_time,
                ",".join(p.programs),
            )
            for p in packages
        ]  # fmt: skip
        if rows:
            await self._upsert(
                chat_id, "amazon_packages",
                "chat_id, order_id, package_id, tracking, status, category, category_source, "
                "marketplace_id, items_json, carrier, ship_time, programs",
                "chat_id, order_id, package_id", rows,
            )  # fmt: skip

    async def stored_packages(self, chat_id: int, order_id: str) -> list[StoredPackage]:
        """The order's synced packages with what confirmShipment needs to edit one."""
        rows = await self.backend.fetch(
            f"SELECT {PACKAGE_COLUMNS} FROM amazon_packages WHERE chat_id = ? AND order_id = ? "
            "ORDER BY package_id",
            (chat_id, order_id),
        )
        return [stored_package(row) for row in rows]

    async def synced_categories(self, chat_id: int) -> dict[str, SyncedCategory]:
        """order ID → the category the sync wrote for it, its source and the order's item
        keys: a stored shipment carrying that very category came from Amazon, not from the
        seller's upload; one carrying another was uploaded since."""
        rows = await self.backend.fetch(
            "SELECT order_id, category, category_source, items_json FROM amazon_packages "
            "WHERE chat_id = ? AND category IS NOT NULL",
            (chat_id,),
        )
        out: dict[str, SyncedCategory] = {}
        for order_id, category, source, items in rows:
            keys = out[str(order_id)].item_keys if str(order_id) in out else ()
            out[str(order_id)] = SyncedCategory(
                str(category), str(source or "none"), keys + _item_keys(items)
            )
        return out

    async def category_sources(self, chat_id: int) -> dict[str, set[str]]:
        """category → the sources its synced packages' categories came from."""
        rows = await self.backend.fetch(
            "SELECT DISTINCT category, category_source FROM amazon_packages "
            "WHERE chat_id = ? AND category IS NOT NULL",
            (chat_id,),
        )
        out: dict[str, set[str]] = {}
        for category, source in rows:
            out.setdefault(str(category), set()).add(str(source or "none"))
        return out

    async def package_evidence(self, chat_id: int) -> dict[tuple[str, str], str]:
        """(order ID, tracking) → "delivered" or "in_transit", Amazon's package status in the
        words a file's delivery status is read into (vocabulary.yaml); a cancelled, pending
        or undeliverable package says neither."""
        rows = await self.backend.fetch(
            "SELECT order_id, tracking, status FROM amazon_packages WHERE chat_id = ?",
            (chat_id,),
        )
        evidence = {}
        for order_id, tracking, status in rows:
            meaning = vocabulary_meaning("delivery", str(status or ""))
            if meaning in ("delivered", "in_transit"):
                evidence[(str(order_id), str(tracking))] = meaning
        return evidence

    async def category_preference(self, chat_id: int) -> CategoryPreference:
        """Whose category wins for a synced order: Amazon's (the default) or the upload's."""
        rows = await self.backend.fetch(
            "SELECT category_source FROM chats WHERE chat_id = ?", (chat_id,)
        )
        return "upload" if rows and rows[0][0] == "upload" else "amazon"

    async def set_category_preference(self, chat_id: int, preference: CategoryPreference) -> None:
        now = stored_now()
        await self.backend.execute(
            "INSERT INTO chats (chat_id, category_source, created_at, updated_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET "
            "category_source = excluded.category_source, updated_at = excluded.updated_at",
            (chat_id, "upload" if preference == "upload" else None, now, now),
        )

    # -- Amazon's catalog (no chat's data) -------------------------------------------------------

    async def catalog_categories(
        self, keys: Iterable[tuple[str, str]], now: datetime
    ) -> dict[tuple[str, str], str | None]:
        """The cached answers for these (marketplace ID, ASIN): the category, or None when
        Amazon gave none less than `CATALOG_RECHECK` ago; keys not returned must be asked."""
        wanted = set(keys)
        asins = sorted({asin for _, asin in wanted})
        out: dict[tuple[str, str], str | None] = {}
        for start in range(0, len(asins), IDS_PER_SELECT):
            chunk = asins[start : start + IDS_PER_SELECT]
            rows = await self.backend.fetch(
                "SELECT marketplace_id, asin, category, looked_up_at FROM amazon_catalog "
                f"WHERE asin IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for marketplace_id, asin, category, looked_up in rows:
                key = (str(marketplace_id), str(asin))
                asked = _moment(looked_up) or datetime.min.replace(tzinfo=UTC)
                fresh = category is not None or now - asked < CATALOG_RECHECK
                if key in wanted and fresh:
                    out[key] = str(category) if category is not None else None
        return out

    async def save_catalog(
        self, chat_id: int, found: Mapping[tuple[str, str], str | None], now: datetime
    ) -> None:
        """Amazon's answers (written under the syncing chat's transaction)."""
        rows = [(m, a, category, _text(now)) for (m, a), category in found.items()]
        if rows:
            await self._upsert(
                chat_id, "amazon_catalog", "marketplace_id, asin, category, looked_up_at",
                "marketplace_id, asin", rows,
            )  # fmt: skip

    async def package_statuses(self, chat_id: int, order_ids: Iterable[str]) -> dict[str, str]:
        """order ID → its packages' status; DELIVERED only when every package is delivered."""
        wanted = list(dict.fromkeys(order_ids))
        statuses: dict[str, str] = {}
        for start in range(0, len(wanted), IDS_PER_SELECT):
            chunk = wanted[start : start + IDS_PER_SELECT]
            marks = ",".join("?" * len(chunk))
            rows = await self.backend.fetch(
                f"SELECT order_id, status FROM amazon_packages WHERE chat_id = ? "
                f"AND order_id IN ({marks})",
                (chat_id, *chunk),
            )
            for order_id, status in map(PackageStatusRow._make, rows):
                if statuses.get(order_id, DELIVERED) == DELIVERED:
                    statuses[order_id] = status
        return statuses

    async def item_categories(self, chat_id: int) -> dict[str, str]:
        rows = await self.backend.fetch(
            "SELECT item_key, category FROM amazon_item_categories WHERE chat_id = ?", (chat_id,)
        )
        return {str(key): str(category) for key, category in rows}

    async def learn_categories(self, chat_id: int, learned: dict[str, str]) -> None:
        if learned:
            await self._upsert(
                chat_id, "amazon_item_categories", "chat_id, item_key, category",
                "chat_id, item_key", [(chat_id, key, cat) for key, cat in learned.items()],
            )  # fmt: skip

    # -- performance snapshots -------------------------------------------------------------------

    async def save_snapshot(
        self, chat_id: int, snapshot: PerformanceSnapshot, metrics: dict[str, Any]
    ) -> None:
        """Today's numbers for a marketplace; a second sync the same day replaces them."""
        s = snapshot
        await self._upsert(
            chat_id, "amazon_snapshots", SNAPSHOT_COLUMNS,
            "chat_id, marketplace_id, snapshot_date",
            [(
                chat_id, s.marketplace_id, s.snapshot_date.isoformat(), s.shipment_count,
                s.valid_tracking_count, s.status, s.rate, s.date_from, s.date_to,
                s.account_status, json.dumps(metrics, sort_keys=True),
            )],
        )  # fmt: skip

    async def snapshots(self, chat_id: int, since: date | None = None) -> list[PerformanceSnapshot]:
        """The chat's snapshots, oldest first (per marketplace, a daily trend)."""
        rows = await self.backend.fetch(
            "SELECT marketplace_id, snapshot_date, shipment_count, valid_tracking_count, "
            "status, rate, date_from, date_to, account_status FROM amazon_snapshots "
            "WHERE chat_id = ? AND snapshot_date >= ? ORDER BY snapshot_date, marketplace_id",
            (chat_id, (since or date.min).isoformat()),
        )
        return [SnapshotRow._make(row).record() for row in rows]


@dataclass(frozen=True, slots=True)
class SyncedCategory:
    category: str
    source: str
    item_keys: tuple[str, ...] = ()
    """'sku:…' then 'asin:…' of the items in the order's packages."""


@dataclass(frozen=True, slots=True)
class StoredPackage:
    """A synced package with what editing it needs (Orders v0 `confirmShipment`): its
    package reference ID, marketplace, carrier, tracking and ship time as Amazon holds them,
    the items in it (empty when synced before fixes were built) and the order's programs
    (a label Amazon made is not edited this way)."""

    order_id: str
    package_id: str
    """Amazon's `packageReferenceId`."""
    carrier: str
    tracking: str
    status: str
    ship_time: str
    marketplace_id: str
    items: tuple[PackageItem, ...]
    programs: tuple[str, ...]


PACKAGE_COLUMNS = (
    "order_id, package_id, carrier, tracking, status, ship_time, marketplace_id, items_json, "
    "programs"
)
"""What `stored_package` reads, in its order."""


def stored_package(row: Row) -> StoredPackage:
    """A row of `SELECT {PACKAGE_COLUMNS} FROM amazon_packages`."""
    order_id, package_id, carrier, tracking, status, ship_time, market, items, programs = row
    return StoredPackage(
        str(order_id), str(package_id), str(carrier or ""), str(tracking or ""), str(status),
        str(ship_time or ""), str(market or ""), _package_items(items),
        tuple(filter(None, str(programs or "").split(","))),
    )  # fmt: skip


def _package_items(items_json: object) -> tuple[PackageItem, ...]:
    """The items stored as JSON (`save_packages`); unreadable entries are left out."""
    try:
        items = json.loads(str(items_json)) if items_json else []
    except ValueError:
        return ()
    entries = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    return tuple(
        PackageItem(str(i.get("order_item_id", "")), int(i.get("quantity") or 0),
                    str(i.get("asin", "")), str(i.get("sku", "")))
        for i in entries
    )  # fmt: skip


def _item_keys(items_json: object) -> tuple[str, ...]:
    items = _package_items(items_json)
    skus = [f"sku:{i.sku}" for i in items if i.sku]
    return tuple(skus + [f"asin:{i.asin}" for i in items if i.asin])


SNAPSHOT_COLUMNS = (
    "chat_id, marketplace_id, snapshot_date, shipment_count, valid_tracking_count, status, "
    "rate, date_from, date_to, account_status, metrics_json"
)


# -- rows as read, by name and type (see bot/services/store/store.py) -------------------------


class ConnectionRow(NamedTuple):
    """`SELECT chat_id, region, marketplaces, sealed_token, state FROM amazon_connections`."""

    chat_id: int
    region: Region
    marketplaces: str
    sealed_token: object
    state: ConnectionState

    def record(self) -> Connection:
        markets = tuple(filter(None, self.marketplaces.split(",")))
        return Connection(self.chat_id, self.region, markets, blob(self.sealed_token), self.state)


class SyncStateRow(NamedTuple):
    """`SELECT orders_cursor, last_good_sync, last_attempt, last_problem, report_retry_on`."""

    orders_cursor: str | None
    last_good_sync: str | None
    last_attempt: str | None
    last_problem: str | None
    report_retry_on: str | None

    def record(self) -> SyncState:
        retry_on = self.report_retry_on
        return SyncState(
            _moment(self.orders_cursor), _moment(self.last_good_sync),
            _moment(self.last_attempt), self.last_problem,
            date.fromisoformat(retry_on) if retry_on else None,
        )  # fmt: skip


class PackageStatusRow(NamedTuple):
    order_id: str
    status: str


class SnapshotRow(NamedTuple):
    """`SELECT marketplace_id, snapshot_date, … FROM amazon_snapshots` (as `snapshots` reads)."""

    marketplace_id: str
    snapshot_date: str
    shipment_count: int
    valid_tracking_count: int
    status: str
    rate: float
    date_from: str
    date_to: str
    account_status: str | None

    def record(self) -> PerformanceSnapshot:
        return PerformanceSnapshot(
            self.marketplace_id, date.fromisoformat(self.snapshot_date), self.shipment_count,
            self.valid_tracking_count, self.status, self.rate, self.date_from, self.date_to,
            self.account_status,
        )  # fmt: skip


def _moment(text: object) -> datetime | None:
    return datetime.fromisoformat(str(text)) if text else None


def _text(moment: datetime | None) -> str | None:
    return stored_time(moment) if moment else None
