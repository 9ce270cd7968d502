"""The Amazon tables in the store, on both backends: what is written reads back the same,
upserts replace."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.amazon_orders import SyncedPackage
from bot.domain.models import ShipmentRecord
from bot.services.amazon.repository import AmazonRepository, PerformanceSnapshot, SyncState
from bot.services.store import Store

US, UK = "ATVPDKIKX0DER", "A1F83G8C2ARO7P"
SEALED = b"gAAAAABsealed\x00\xff\x80token"
"""Not valid UTF-8 and holding a NUL: bytes must come back as bytes on both backends."""


@pytest.fixture
def repo(both_backends_store: Store) -> AmazonRepository:
    return AmazonRepository(both_backends_store)


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


async def test_disconnect_keeps_history_and_forget_deletes_everything(
    repo, both_backends_store
) -> None:
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

    await both_backends_store.forget(1)
    assert await repo.snapshots(1) == [] and await repo.item_categories(1) == {}
    assert await repo.package_statuses(1, ["A"]) == {}
    # The other chat keeps everything.
    assert (await repo.connection(2)).sealed_token == SEALED
    assert await repo.package_statuses(2, ["A"]) == {"A": "SHIPPED"}
    assert len(await repo.snapshots(2)) == 1
