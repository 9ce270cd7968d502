"""The Amazon tables in the store, on both backends: what is written reads back the same,
upserts replace, and the previous release's own file is imported once."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest

from bot.domain.amazon_orders import SyncedPackage
from bot.domain.models import ShipmentRecord
from bot.services.amazon.repository import AmazonRepository, PerformanceSnapshot, SyncState
from bot.services.amazon.service import AmazonService
from bot.services.store import Store
from tests.conftest import Database

US, UK = "ATVPDKIKX0DER", "A1F83G8C2ARO7P"
SEALED = b"gAAAAABsealed\x00\xff\x80token"
"""Not valid UTF-8 and holding a NUL: bytes must come back as bytes on both backends."""


@pytest.fixture
async def store(database: Database) -> AsyncIterator[Store]:
    async with database.store() as opened:
        yield opened


@pytest.fixture
def repo(store: Store) -> AmazonRepository:
    return AmazonRepository(store)


def package(order_id: str, package_id: str, status: str) -> SyncedPackage:
    record = ShipmentRecord(
        order_id=order_id, ship_date=date(2026, 11, 20), tracking=f"T-{order_id}-{package_id}"
    )
    return SyncedPackage(record, package_id, status)


def snapshot(day: date, rate: float, valid: int = 376) -> PerformanceSnapshot:
    return PerformanceSnapshot(US, day, 400, valid, "BAD", rate, "2026-10-18", "2026-11-16")


async def test_a_connection_reads_back_and_a_reconnect_replaces_it(repo) -> None:
    await repo.connect(-5, "NA", [US], SEALED)
    await repo.connect(7, "EU", [UK, "A1PA6795UKMFR9"], b"first")
    await repo.save_sync_state(7, SyncState(last_problem="unavailable"))
    await repo.mark_needs_reconnect(7)
    assert (await repo.connection(7)).state == "needs_reconnect"
    await repo.connect(7, "EU", [UK], b"second")  # a new token: active again, state reset
    again = await repo.connection(7)
    assert (again.region, again.marketplace_ids, again.sealed_token, again.state) == (
        "EU", (UK,), b"second", "active",
    )  # fmt: skip
    assert await repo.sync_state(7) == SyncState()
    assert [c.chat_id for c in await repo.connections()] == [-5, 7]
    assert (await repo.connection(-5)).sealed_token == SEALED
    assert await repo.connection(8) is None


async def test_sync_state_round_trips_in_utc(repo) -> None:
    moment = datetime(2026, 11, 30, 12, 0, 5, tzinfo=UTC)
    state = SyncState(moment, moment, moment, "report_FATAL", date(2026, 12, 1))
    await repo.save_sync_state(3, state)
    assert await repo.sync_state(3) == state
    await repo.save_sync_state(3, SyncState(last_attempt=moment))  # replaces, whole
    assert await repo.sync_state(3) == SyncState(last_attempt=moment)


async def test_packages_categories_and_snapshots_replace_by_key(repo) -> None:
    await repo.save_packages(1, [package("A", "1", "IN_TRANSIT"), package("A", "2", "DELIVERED")])
    await repo.save_packages(1, [package("A", "1", "DELIVERED"), package("B", "1", "SHIPPED")])
    await repo.save_packages(2, [package("A", "1", "IN_TRANSIT")])
    assert await repo.package_statuses(1, ["A", "B", "C"]) == {"A": "DELIVERED", "B": "SHIPPED"}
    # A page repeating a package keeps its last status (one INSERT never updates a row twice).
    await repo.save_packages(1, [package("B", "1", "DELIVERED"), package("B", "1", "LOST")])
    assert (await repo.package_statuses(1, ["B"]))["B"] == "LOST"
    many = [package(f"O{n}", "1", "SHIPPED") for n in range(250)]  # three INSERTs
    await repo.save_packages(4, many)
    assert len(await repo.package_statuses(4, [f"O{n}" for n in range(600)])) == 250

    await repo.learn_categories(1, {"sku:X": "Toys", "asin:B1": "Toys"})
    await repo.learn_categories(1, {"sku:X": "Garden"})
    assert await repo.item_categories(1) == {"sku:X": "Garden", "asin:B1": "Toys"}
    assert await repo.item_categories(2) == {}

    await repo.save_snapshot(1, snapshot(date(2026, 11, 29), 0.975, 390), {"a": 1})
    await repo.save_snapshot(1, snapshot(date(2026, 11, 30), 0.9), {})
    await repo.save_snapshot(1, snapshot(date(2026, 11, 30), 0.94), {})  # the same day again
    assert await repo.snapshots(1) == [
        snapshot(date(2026, 11, 29), 0.975, 390), snapshot(date(2026, 11, 30), 0.94),
    ]  # fmt: skip
    assert await repo.snapshots(1, since=date(2026, 11, 30)) == [snapshot(date(2026, 11, 30), 0.94)]


async def test_disconnect_keeps_history_and_forget_deletes_everything(repo, store) -> None:
    for chat in (1, 2):
        await repo.connect(chat, "NA", [US], SEALED)
        await repo.save_sync_state(chat, SyncState(last_problem="x"))
        await repo.save_packages(chat, [package("A", "1", "SHIPPED")])
        await repo.learn_categories(chat, {"sku:X": "Toys"})
        await repo.save_snapshot(chat, snapshot(date(2026, 11, 30), 0.94), {})
    assert await repo.disconnect(1) is True
    assert await repo.disconnect(1) is False
    assert await repo.connection(1) is None and await repo.sync_state(1) == SyncState()
    assert len(await repo.snapshots(1)) == 1 and await repo.item_categories(1)

    await store.forget(1)
    assert await repo.snapshots(1) == [] and await repo.item_categories(1) == {}
    assert await repo.package_statuses(1, ["A"]) == {}
    # The other chat keeps everything.
    assert (await repo.connection(2)).sealed_token == SEALED
    assert await repo.package_statuses(2, ["A"]) == {"A": "SHIPPED"}
    assert len(await repo.snapshots(2)) == 1


OLD_RELEASE_SQL = """
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
"""
"""The previous release's amazon.sqlite3 schema (its only migration), as it shipped."""


def write_old_release_file(path) -> None:  # type: ignore[no-untyped-def]
    """An amazon.sqlite3 as the previous release left it, WAL mode and all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.executescript(f"BEGIN;\n{OLD_RELEASE_SQL}\nPRAGMA user_version = 1;\nCOMMIT;")
    now = "2026-11-01T08:00:00+00:00"
    with connection:
        connection.execute(
            "INSERT INTO connections VALUES (?, 'NA', ?, ?, 'active', ?, ?)",
            (9, f"{US},A2EUQ1WTGCTBG2", SEALED, now, now),
        )
        connection.execute(
            "INSERT INTO connections VALUES (10, 'EU', ?, ?, 'needs_reconnect', ?, ?)",
            (UK, b"other", now, now),
        )
        connection.execute(
            "INSERT INTO sync_state VALUES (9, ?, ?, ?, NULL, '2026-12-01')",
            ("2026-11-30T12:00:00+00:00",) * 3,
        )
        connection.execute("INSERT INTO packages VALUES (9, 'A', '1', 'T1', 'DELIVERED')")
        connection.execute("INSERT INTO item_categories VALUES (9, 'sku:X', 'Toys')")
        connection.execute(
            "INSERT INTO performance_snapshots VALUES "
            "(9, ?, '2026-11-30', 400, 376, 'BAD', 0.94, '2026-10-18', '2026-11-16', "
            "'NORMAL', '{}')",
            (US,),
        )
    connection.close()


async def test_the_previous_releases_file_is_imported_once(database: Database) -> None:
    old = database.path.with_name("amazon.sqlite3")
    write_old_release_file(old)
    async with database.store() as store:
        service = AmazonService(AmazonRepository(store), store, None, None)
        await service.open()
        repo = service.repo
        first = await repo.connection(9)
        assert (first.region, first.marketplace_ids, first.sealed_token, first.state) == (
            "NA", (US, "A2EUQ1WTGCTBG2"), SEALED, "active",
        )  # fmt: skip
        assert (await repo.connection(10)).state == "needs_reconnect"
        moment = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
        assert await repo.sync_state(9) == SyncState(
            moment, moment, moment, None, date(2026, 12, 1)
        )
        assert await repo.package_statuses(9, ["A"]) == {"A": "DELIVERED"}
        assert await repo.item_categories(9) == {"sku:X": "Toys"}
        expected = PerformanceSnapshot(
            US, date(2026, 11, 30), 400, 376, "BAD", 0.94, "2026-10-18", "2026-11-16", "NORMAL"
        )
        assert await repo.snapshots(9) == [expected]
    assert not old.exists()
    assert old.with_name("amazon.sqlite3.imported").is_file()

    # A seller disconnects; the next start must not bring the old credentials back.
    async with database.store() as store:
        assert await AmazonRepository(store).disconnect(9)
    async with database.store() as store:
        await AmazonService(AmazonRepository(store), store, None, None).open()
        assert await AmazonRepository(store).connection(9) is None
        assert [c.chat_id for c in await AmazonRepository(store).connections()] == [10]


async def test_a_start_without_the_old_file_imports_nothing(database: Database) -> None:
    async with database.store() as store:
        await AmazonService(AmazonRepository(store), store, None, None).open()
        assert await AmazonRepository(store).connections() == []
    assert not database.path.with_name("amazon.sqlite3.imported").exists()
