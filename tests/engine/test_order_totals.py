"""An ERP listing items (领星's one row per SKU) repeats the order's total (订单金额,
Order Total) on every item row: the order's value is that total once, not its rows' sum,
so a letter or a Japanese order under its bar stays exempt (docs/decisions/016). A column
pricing each item (item-price, 商品金额) is still summed over the order's rows."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.reading import names_order_total
from tests.engine.conftest import UPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
DE_LETTER = "德国,2026-11-20,Deutsche Post,RR123456785DE,Brief International"
JP_PACKAGE = "日本,2026-11-21,Japan Post,RR876543216JP,Small Packet"  # S10 by hand: 6


def test_headers_naming_an_orders_total() -> None:
    assert names_order_total("订单金额")
    assert names_order_total("Order Total")
    assert names_order_total("order-total (USD)")
    assert not names_order_total("item-price")
    assert not names_order_total("商品金额")
    assert not names_order_total("单价")


def test_an_orders_total_on_each_item_row_counts_once(write_file: WriteFile) -> None:
    """By hand: L, a EUR 16.50 letter of three items, and J, a JPY 900 order of two: the
    totals once are EUR 16.50 and JPY 900, both exempt; summed over the rows they were
    EUR 49.50 and JPY 1,800, counted. U is counted."""
    header = "平台单号,SKU,站点,发货时间,物流商,跟踪号,物流方式,订单金额,币种"
    lines = [
        header,
        *(f"L,CASE-{n},{DE_LETTER},16.50,EUR" for n in (1, 2, 3)),
        *(f"J,CUP-{n},{JP_PACKAGE},900,JPY" for n in (1, 2)),
        f"U,PEN-1,美国,2026-11-22,UPS,{UPS_OK},Ground,30.00,USD",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (1, 1)
        excluded = {k: v for k, v in report.excluded.items() if v}
        assert excluded == {"eu_letter_under_20": 1, "jp_under_1000": 1}


def test_item_prices_of_one_order_are_summed(write_file: WriteFile) -> None:
    # The same rows priced per item: EUR 3 × 7.00 = 21.00, not under 20, counted.
    lines = [
        "平台单号,SKU,站点,发货时间,物流商,跟踪号,物流方式,商品金额,币种",
        *(f"L,CASE-{n},{DE_LETTER},7.00,EUR" for n in (1, 2, 3)),
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.excluded["eu_letter_under_20"]) == (1, 0)
