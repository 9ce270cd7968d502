"""Lines a program writes around a seller's orders, that are no orders: an import template's
filling instructions under its header ('必填：亚马逊订单号，例如 …', 'Required - …', holding an
example order ID and date), a footer counting the rows ('共 3 条记录', 'Total: 3 records'); and
what a Java or SQL dump writes in its cells: 'null' for an empty value, and dates as Java's
Date.toString() writes them ('Fri Nov 20 08:15:02 CST 2026'), read as written."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.values import parse_dates
from tests.engine.conftest import FEDEX_OK, UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("header", "instruction"),
    [
        (
            "*订单号,*发货日期,*承运商,*跟踪号,订单状态",
            "必填：亚马逊订单号，例如 113-1111111-2222222,必填：例如 2026-11-30,必填：UPS / USPS,"
            "必填：不要带空格,Shipped / Cancelled",
        ),
        (
            "Order ID*,Ship Date*,Carrier*,Tracking Number*,Order Status",
            "Required - e.g. 113-1111111-2222222,Required (YYYY-MM-DD),Required,Required,"
            "Optional: Shipped or Cancelled",
        ),
    ],
)
def test_a_templates_instruction_row_is_no_order(
    write_file: WriteFile, header: str, instruction: str
) -> None:
    # Three orders shipped; the instruction row was counted as a cancelled order.
    lines = [
        header,
        "order-id,ship-date,carrier-code,tracking-number,order-status",
        instruction,
        f"111-0000001-0000001,2026-11-20,UPS,{UPS_OK},Shipped",
        f"111-0000002-0000002,2026-11-21,FedEx,{FEDEX_OK},Shipped",
        f"111-0000003-0000003,2026-11-22,USPS,{USPS_OK},Shipped",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (3, 3)
        assert not any(report.excluded.values())


@pytest.mark.parametrize("footer", ["共 2 条记录", "Total: 2 records", "全2件", "2 rows"])
def test_a_footer_counting_the_rows_is_no_order(write_file: WriteFile, footer: str) -> None:
    lines = [
        "订单号,发货时间,物流商,跟踪号",
        f"111-0000001-0000001,2026-11-20,UPS,{UPS_OK}",
        f"111-0000002-0000002,2026-11-21,FedEx,{FEDEX_OK}",
        footer,
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (2, 2)
        assert not any(report.excluded.values())


def test_java_dates_are_read_as_written() -> None:
    texts = ["Fri Nov 20 08:15:02 CST 2026", "Sat Dec 05 23:40:00 GMT+08:00 2026", "20 NOV 2026"]
    parsed = parse_dates(pl.Series(texts), today=AS_OF)
    assert parsed.dates.to_list() == [date(2026, 11, 20), date(2026, 12, 5), date(2026, 11, 20)]


def test_a_dumps_null_cells_are_empty(write_file: WriteFile) -> None:
    """By hand: A shipped with a number, B shipped with a 'null' number (missing), C with a
    'null' ship date (not shipped). Before, nothing was read: every date was unreadable."""
    lines = [
        "订单号,发货时间,物流商,跟踪号",
        f"111-0000001-0000001,Fri Nov 20 08:15:02 CST 2026,UPS,{UPS_OK}",
        "111-0000002-0000002,Sat Nov 21 09:00:00 CST 2026,FedEx,null",
        "111-0000003-0000003,null,null,null",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (2, 1)
        assert [d.reason for d in report.defects] == ["missing_tracking"]
        assert {k: v for k, v in report.excluded.items() if v} == {"not_shipped": 1}
