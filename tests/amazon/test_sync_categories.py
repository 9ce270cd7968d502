"""A connected store's categories come from Amazon's catalog, once per ASIN, and its sync
gives the same per-category report, fix plan and editable defects as an upload would.

The store of issue 23, by hand: Toys & Games 124 of 140 valid = 88.6% (needed: ⌊95 × 140
/ 100⌋ + 1 − 124 = 10 fixes), Home & Kitchen 160 of 166 = 96.4% and Garden 131 of 135 =
97.0% (both above 95%); 441 packages, 415 valid (94.1%) on Amazon.com, which alone needs
⌊95 × 441 / 100⌋ + 1 − 415 = 4, all among Toys' 10. Of the 26 defects, 21 are on their
way (IN_TRANSIT, shipped 1-3 days ago) and 5 are DELIVERED (shipped 10-14 days ago).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import SecretStr

from bot.domain.models import ShipmentRecord
from bot.services.amazon.client import LwaApp, RetryPolicy, SpApiClient
from bot.services.amazon.repository import AmazonRepository
from bot.services.amazon.sync import AmazonSync
from tests.amazon.conftest import DE, NOW, UK, UPS_OK, US, VirtualTime, connected_sync
from tests.amazon.fake_spapi import (
    CLIENT_ID,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    FakeOrder,
    FakePackage,
    FakeSpApi,
)
from tests.stored import merge_records, stored_records

CHAT = 2323
CATEGORIES = {  # category: (ASIN, packages, valid, defects in transit); the rest delivered
    "Toys & Games": ("B0TOYS0001", 140, 124, 12),
    "Home & Kitchen": ("B0HOME0001", 166, 160, 5),
    "Garden": ("B0GARD0001", 135, 131, 4),
}


@pytest.fixture
def time() -> VirtualTime:
    return VirtualTime()


@pytest.fixture
async def sync(spapi: FakeSpApi, repo, clock, time, secret_key) -> AmazonSync:
    """A sync whose client and the fake share one virtual clock: pacing costs no time."""
    spapi.clock = time.monotonic
    app = LwaApp(CLIENT_ID, SecretStr(CLIENT_SECRET), spapi.lwa_url)

    def clients(region, token) -> SpApiClient:  # type: ignore[no-untyped-def]
        retry = RetryPolicy(sleep=time.sleep, attempts=3, base_delay_s=0.1)
        return SpApiClient(app, token, spapi.endpoint, retry, clock=time.monotonic)

    return await connected_sync(CHAT, repo, secret_key, clients, clock)


def toy_store() -> list[FakeOrder]:
    """The 441 packages of the module docstring, one order each."""
    orders: list[FakeOrder] = []
    for asin, packages, valid, in_transit in CATEGORIES.values():
        for n in range(packages):
            number = len(orders) + 1
            defect = n >= valid
            late = defect and n - valid >= in_transit  # the delivered defects, shipped long ago
            days_ago = 10 + n % 5 if late else (1 + n % 3 if defect else 4 + n % 25)
            shipped = NOW - timedelta(days=days_ago, hours=number % 7)
            status = "DELIVERED" if late or (not defect and days_ago > 6) else "IN_TRANSIT"
            package = FakePackage("UPS", "" if defect else UPS_OK, shipped, status)
            orders.append(
                FakeOrder(f"114-{number:07d}-0000001", US, "Amazon.com", shipped - timedelta(hours=5),
                          shipped + timedelta(hours=1), sku=f"SKU-{asin}", asin=asin,
                          packages=[package])
            )  # fmt: skip
    return orders


def stock_catalog(spapi: FakeSpApi) -> None:
    spapi.add_item(US, "B0TOYS0001", "Toys & Games", "Puzzles", "Jigsaw Puzzles")
    spapi.add_item(US, "B0HOME0001", "Home & Kitchen", "Kitchen & Dining")
    spapi.add_item(US, "B0GARD0001", "Garden", "Planters")


async def test_the_sync_alone_gives_the_per_category_report_and_its_fix_plan(
    spapi, sync, sqlite_store, repo
):
    spapi.orders = toy_store()
    stock_catalog(spapi)
    outcome = await sync.sync_chat(CHAT)
    assert outcome.status == "ok" and outcome.packages == 441
    assert outcome.catalog_lookups == 3 and spapi.catalog_throttled == 0
    report = await sqlite_store.last_report(CHAT)
    assert report is not None and report.as_of == NOW.date()
    figures = {
        s.name: (s.valid, s.shipments, s.below_threshold, s.needed) for s in report.by_category
    }
    assert figures == {
        "Toys & Games": (124, 140, True, 10),
        "Home & Kitchen": (160, 166, False, 0),
        "Garden": (131, 135, False, 0),
    }
    assert (report.overall.valid, report.overall.shipments) == (415, 441)
    [toys, market] = report.plan
    assert (toys.scope, toys.name, toys.needed, len(toys.fixes)) == (
        "category",
        "Toys & Games",
        10,
        10,
    )
    # The marketplace's 4 are among Toys' 10 already: nothing more to fix for it.
    assert (market.scope, market.name, market.needed, market.covered) == (
        "marketplace",
        "US",
        4,
        10,
    )
    assert market.fixes == []
    assert toys.recovery_date is not None
    # Amazon's package status: the 5 delivered defects can no longer be edited; 21 can.
    editable = [d for d in report.defects if d.editable(report.as_of)]
    assert len(report.defects) == 26 and len(editable) == 21
    assert sum(d.in_transit for d in report.defects) == 21  # Amazon's word, not an estimate
    # What editing a package later needs (confirmShipment) is kept with it.
    order = toy_store()[0]
    [package] = await repo.stored_packages(CHAT, order.order_id)
    assert (package.package_id, package.marketplace_id) == ("1", US)
    [item] = package.items
    assert (item.order_item_id, item.quantity, item.asin) == (order.item_id, 1, "B0TOYS0001")
    assert all(d.delivered is not True for d in toys.fixes)
    notes = {w.code: w.detail for w in report.warnings}
    assert notes["categories_from_amazon"] == "Toys & Games, Home & Kitchen, Garden"
    assert "categories_not_found" not in notes and "categories_from_upload" not in notes


async def test_each_asin_is_looked_up_once_over_two_syncs(spapi, sync, sqlite_store, clock):
    spapi.orders = toy_store()[:3] + toy_store()[140:142]
    stock_catalog(spapi)
    await sync.sync_chat(CHAT)
    assert spapi.catalog_lookups() == 2  # Toys' and Home's ASINs
    clock.now = NOW + timedelta(days=1)
    later = toy_store()[310]  # a Garden order, and more Toys
    for order in (later, toy_store()[5]):
        order.updated = clock.now - timedelta(hours=1)
        spapi.orders.append(order)
    second = await sync.sync_chat(CHAT)
    assert second.status == "ok" and second.catalog_lookups == 1
    assert spapi.catalog_lookups("B0TOYS0001") == 1 and spapi.catalog_lookups("B0GARD0001") == 1
    categories = {s.category for s in await stored_records(sqlite_store, CHAT)}
    assert categories == {"Toys & Games", "Home & Kitchen", "Garden"}


async def test_a_429_from_the_catalog_is_waited_out(spapi, sync, sqlite_store, time):
    spapi.orders = toy_store()[:1]
    stock_catalog(spapi)
    spapi.throttle_catalog(2)
    outcome = await sync.sync_chat(CHAT)
    assert outcome.status == "ok" and outcome.catalog_problem is None
    assert spapi.catalog_lookups("B0TOYS0001") == 3 and min(time.waits) >= 0.5
    [stored] = await stored_records(sqlite_store, CHAT)
    assert stored.category == "Toys & Games"


async def test_an_asin_without_classifications_is_uncategorized_and_never_planned(
    spapi, sync, sqlite_store
):
    orders = toy_store()
    for order in orders[:140]:
        order.asin = "B0NOCLASS1"  # Toys' ASIN has no classification in the catalog
    spapi.orders = orders
    stock_catalog(spapi)
    spapi.add_item(US, "B0NOCLASS1")
    await sync.sync_chat(CHAT)
    report = await sqlite_store.last_report(CHAT)
    assert report is not None
    unfound = next(s for s in report.by_category if s.name == "Uncategorized")
    assert (unfound.valid, unfound.shipments, unfound.needed) == (124, 140, 10)
    # The plan has no "Uncategorized" category: only the marketplace's own 4 fixes.
    assert [(g.scope, g.name, len(g.fixes)) for g in report.plan] == [("marketplace", "US", 4)]
    notes = {w.code: w for w in report.warnings}
    assert notes["categories_not_found"].count == 140
    # The answer "no classification" is kept: the next sync does not ask again.
    assert (US, "B0NOCLASS1") in await AmazonRepository(sqlite_store).catalog_categories(
        [(US, "B0NOCLASS1")], NOW
    )


async def test_a_catalog_outage_keeps_the_orders_and_is_asked_again_next_time(
    spapi, sync, sqlite_store, clock
):
    spapi.orders = toy_store()[:2] + toy_store()[140:141]
    stock_catalog(spapi)
    spapi.catalog_outage(100)
    outcome = await sync.sync_chat(CHAT)
    assert outcome.status == "ok" and outcome.catalog_problem == "unavailable"
    assert spapi.catalog_lookups() == 3  # one ASIN's three tries, then no more this sync
    stored = await stored_records(sqlite_store, CHAT)
    assert len(stored) == 3 and {s.category for s in stored} == {"Uncategorized"}
    report = await sqlite_store.last_report(CHAT)
    assert report is not None and {w.code for w in report.warnings} >= {"categories_not_found"}
    spapi.end_catalog_outage()
    clock.now = NOW + timedelta(hours=3)
    for order in spapi.orders:
        order.updated = clock.now - timedelta(minutes=1)
    await sync.sync_chat(CHAT)
    categories = {s.category for s in await stored_records(sqlite_store, CHAT)}
    assert categories == {"Toys & Games", "Home & Kitchen"}


async def test_the_sellers_own_category_wins_only_when_chosen(
    spapi, sync, sqlite_store, repo, clock
):
    shipped = (NOW - timedelta(days=2)).date()
    order = toy_store()[0]
    await merge_records(sqlite_store, CHAT, [
        ShipmentRecord(order_id=order.order_id, ship_date=shipped, carrier="UPS", tracking=UPS_OK,
                       category="Spielwaren (mine)", marketplace="US"),
    ])  # fmt: skip
    spapi.orders = [order]
    stock_catalog(spapi)
    await sync.sync_chat(CHAT)
    [amazons] = await stored_records(sqlite_store, CHAT)
    assert amazons.category == "Toys & Games"  # Amazon's by default
    report = await sqlite_store.last_report(CHAT)
    assert report is not None
    assert {w.code: w.detail for w in report.warnings}["categories_from_amazon"] == "Toys & Games"
    await repo.set_category_preference(CHAT, "upload")
    clock.now = NOW + timedelta(hours=1)
    order.updated = clock.now - timedelta(minutes=1)
    await sync.sync_chat(CHAT)
    [chosen] = await stored_records(sqlite_store, CHAT)  # learned from the upload, for its SKU
    assert chosen.category == "Spielwaren (mine)"
    report = await sqlite_store.last_report(CHAT)
    assert report is not None
    assert {w.code: w.detail for w in report.warnings}["categories_from_upload"] == (
        "Spielwaren (mine)"
    )


async def test_categories_are_named_in_the_marketplaces_language(spapi, sync, repo, sqlite_store):
    await repo.connect(CHAT, "EU", [DE], sync.vault.seal(SecretStr(REFRESH_TOKEN)))
    shipped = NOW - timedelta(days=2)
    spapi.orders = [
        FakeOrder("302-0000001-0000001", DE, "Amazon.de", shipped, shipped, asin="B0TOYS0001",
                  packages=[FakePackage("DHL", "", shipped)]),
    ]  # fmt: skip
    spapi.add_item(DE, "B0TOYS0001", "Spielzeug", "Puzzles")
    await sync.sync_chat(CHAT)
    [stored] = await stored_records(sqlite_store, CHAT)
    assert (stored.category, stored.marketplace) == ("Spielzeug", "DE")


async def test_forget_deletes_the_chats_packages_and_keeps_the_public_catalog(
    spapi, sync, sqlite_store, repo
):
    spapi.orders = toy_store()[:1]
    stock_catalog(spapi)
    await repo.set_category_preference(CHAT, "upload")
    await sync.sync_chat(CHAT)
    assert await repo.stored_packages(CHAT, spapi.orders[0].order_id)
    await sqlite_store.forget(CHAT)
    assert await repo.stored_packages(CHAT, spapi.orders[0].order_id) == []
    assert await repo.category_preference(CHAT) == "amazon"
    assert await repo.synced_categories(CHAT) == {}
    # The catalog's answer holds no chat's data: kept, so no chat asks Amazon again for it.
    cached = await repo.catalog_categories([(US, "B0TOYS0001")], NOW)
    assert cached == {(US, "B0TOYS0001"): "Toys & Games"}


async def test_a_synced_store_is_judged_per_category_and_marketplace(
    spapi, sync, repo, sqlite_store
):
    """Toys & Games on Amazon.co.uk: 40 of 40; on Amazon.de: 19 of 20, the untracked one in
    transit. Pooled 59 of 60 = 98.3% is above the bar, but Toys on DE is 19 of 20 = 95.0%:
    below, needing ⌊95 × 20 / 100⌋ + 1 − 19 = 1 fix, which the plan takes there."""
    await repo.connect(CHAT, "EU", [UK, DE], sync.vault.seal(SecretStr(REFRESH_TOKEN)))
    shipped = NOW - timedelta(days=2)
    orders = [
        FakeOrder(f"202-{n:07d}-0000001", UK, "Amazon.co.uk", shipped, shipped, asin="B0TOYS0001",
                  packages=[FakePackage("UPS", UPS_OK, shipped)])
        for n in range(40)
    ]  # fmt: skip
    orders += [
        FakeOrder(f"302-{n:07d}-0000001", DE, "Amazon.de", shipped, shipped, asin="B0TOYS0001",
                  packages=[FakePackage("UPS", "" if n == 0 else UPS_OK, shipped, "IN_TRANSIT")])
        for n in range(20)
    ]  # fmt: skip
    spapi.orders = orders
    spapi.add_item(UK, "B0TOYS0001", "Toys & Games")
    spapi.add_item(DE, "B0TOYS0001", "Toys & Games")
    await sync.sync_chat(CHAT)
    report = await sqlite_store.last_report(CHAT)
    assert report is not None
    [toys] = report.by_category
    assert (toys.shipments, toys.valid, toys.below_threshold) == (60, 59, False)
    cells = {
        (c.name, c.marketplace): (c.shipments, c.valid, c.below_threshold, c.needed)
        for c in report.by_category_marketplace
    }
    assert cells == {
        ("Toys & Games", "DE"): (20, 19, True, 1),
        ("Toys & Games", "UK"): (40, 40, False, 0),
    }
    planned = report.plan[0]
    assert (planned.name, planned.marketplace, planned.needed) == ("Toys & Games", "DE", 1)
    assert [d.order_id for d in planned.fixes] == ["302-0000000-0000001"]
