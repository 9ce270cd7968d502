"""A row listed twice, alike in every column, in a file that lists orders or packages, not
items (two exports pasted one under the other, set F10's F08): one package, whose amount its
order's value counts once (docs/decisions/015), so an EU letter under EUR 20 or a Japanese
order under JPY 1,000 stays exempt. A file naming its items (SKU, item price, quantity) may
list two items alike in every column the engine reads: their amounts are summed, as before."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.reading import names_items
from tests.engine.conftest import UPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
DE_LETTER = "Amazon.de,2026-11-20,Deutsche Post,RR123456785DE,Brief International"
JP_PACKAGE = "Amazon.co.jp,2026-11-21,Japan Post,RR876543216JP,Small Packet"  # S10 by hand: 6


def test_headers_naming_items() -> None:
    assert names_items(["Order ID", "SKU", "Tracking"])
    assert names_items(["amazon-order-id", "item-price"])
    assert names_items(["订单号", "商品名称"])
    assert names_items(["Order", "Qty (pcs)"])
    assert not names_items(["Order ID", "Marketplace", "Order Total", "Tracking Number"])


def test_a_pasted_repeat_counts_its_amount_once(write_file: WriteFile) -> None:
    """By hand: L, a EUR 12.00 German letter, and J, a JPY 700 order, each listed twice
    (the header repeated between the two pastes): EUR 12 and JPY 700, both exempt; read as
    two rows each they were EUR 24 and JPY 1,400, counted. U, a US order, is counted once."""
    header = "Order ID,Marketplace,Ship Date,Carrier,Tracking Number,Shipping Service,Order Total,Currency"
    lines = [
        header,
        f"L,{DE_LETTER},12.00,EUR",
        f"J,{JP_PACKAGE},700,JPY",
        header,
        f"L,{DE_LETTER},12.00,EUR",
        f"J,{JP_PACKAGE},700,JPY",
        f"U,Amazon.com,2026-11-22,UPS,{UPS_OK},Ground,30.00,USD",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (1, 1)
        excluded = {k: v for k, v in report.excluded.items() if v}
        assert excluded == {"eu_letter_under_20": 1, "jp_under_1000": 1}


def test_two_items_alike_but_for_their_sku_are_summed(write_file: WriteFile) -> None:
    # Two cases at EUR 12.00 in one letter: EUR 24, counted (its rows differ in the SKU alone).
    # The column prices each item: a column of the order's total is read once (test_order_totals).
    lines = [
        "Order ID,SKU,Marketplace,Ship Date,Carrier,Tracking Number,Shipping Service,Item Price,Currency",
        f"L,CASE-RED,{DE_LETTER},12.00,EUR",
        f"L,CASE-BLUE,{DE_LETTER},12.00,EUR",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (1, 1)
        assert report.excluded["eu_letter_under_20"] == 0
