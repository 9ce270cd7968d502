"""A marketplace column no header names as one ('Channel', 'Store', 'Source') is read by its
values when every one is an Amazon site ('Amazon.com', 'www.amazon.co.uk', also written
Excel-safe, ="Amazon.com") or names a marketplace as Amazon's ('Amazon US', '亚马逊德国站'):
read without it, every marketplace's orders were judged as one group. A column of country
codes (the buyer's 'Ship To Country') is never taken for the marketplace."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import report_file
from bot.domain.models import UNSPECIFIED_MARKETPLACE
from bot.domain.reading import marketplace_by_values
from tests.engine.conftest import FEDEX_OK, UPS_OK, WriteFile

AS_OF = date(2026, 11, 20)
HEADER = "Order Number,Channel,Shipped At,Carrier,Tracking,Item Category,Ship To Country"


def test_a_column_of_amazon_sites_is_the_marketplace() -> None:
    rows = [["A1", "US", "Amazon.com", "x"], ["A2", "GB", "www.amazon.co.uk", ""]]
    assert marketplace_by_values(rows, {"order_id": 0}) == {"marketplace": 2}
    # Country codes alone, or a site beside other text, name no marketplace column.
    assert marketplace_by_values([["A1", "US"], ["A2", "GB"]], {"order_id": 0}) == {}
    assert marketplace_by_values([["A1", "Amazon.com"], ["A2", "eBay"]], {"order_id": 0}) == {}
    assert marketplace_by_values(rows, {"order_id": 0, "marketplace": 1}) == {}
    named = [["A1", "Amazon US"], ["A2", "亚马逊德国站"], ["A3", "Amazon Germany"]]
    assert marketplace_by_values(named, {"order_id": 0}) == {"marketplace": 1}
    assert marketplace_by_values([["A1", "Amazon"], ["A2", "Amazon US"]], {"order_id": 0}) == {}


def test_each_site_is_judged_apart(write_file: WriteFile) -> None:
    """By hand: two US orders (one valid, one missing: 1 of 2) and two UK orders (both
    valid), one of them shipped to Ireland: the marketplace is the site, not the country."""
    lines = [
        HEADER,
        f"111-1,Amazon.com,2026-11-10 09:00,UPS,{UPS_OK},Toys,US",
        "111-2,Amazon.com,2026-11-11 09:00,UPS,,Toys,US",
        f"202-1,Amazon.co.uk,2026-11-12 09:00,FedEx,{FEDEX_OK},Toys,GB",
        f"202-2,amazon.co.uk,2026-11-13 09:00,UPS,{UPS_OK[:-1]}8,Toys,IE",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    by_market = {g.name: (g.shipments, g.valid) for g in report.by_marketplace}
    assert by_market == {"US": (2, 1), "UK": (2, 1)}


def test_a_ship_to_country_is_the_marketplace_only_when_nothing_else_is(
    write_file: WriteFile,
) -> None:
    """No site column: each row is judged under its buyer's country, with a warning
    (docs/decisions/011); a country with no marketplace (AT) names none."""
    lines = [
        "Order Number,Shipped At,Carrier,Tracking,Item Category,Ship To Country",
        f"111-1,2026-11-10 09:00,UPS,{UPS_OK},Toys,US",
        f"202-1,2026-11-12 09:00,FedEx,{FEDEX_OK},Toys,GB",
        f"302-1,2026-11-12 09:00,FedEx,{FEDEX_OK},Toys,AT",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert sorted(g.name for g in report.by_marketplace) == ["UK", "US", UNSPECIFIED_MARKETPLACE]
    assert ("marketplace_by_address", 2) in [(w.code, w.count) for w in report.warnings]


def test_sites_written_excel_safe(write_file: WriteFile) -> None:
    lines = [
        HEADER,
        f'="111-1",="Amazon.com",2026-11-10 09:00,UPS,="{UPS_OK}",Toys,US',
        f'"=""202-1""","=""Amazon.co.uk""",2026-11-12 09:00,FedEx,{FEDEX_OK},Toys,GB',
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert {g.name: (g.shipments, g.valid) for g in report.by_marketplace} == {
        "US": (1, 1),
        "UK": (1, 1),
    }
