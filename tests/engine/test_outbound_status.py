"""A warehouse system's export states each order in an 'Outbound Status' column (出库状态):
its cancelled orders are cancelled, not 'not shipped' (they have no ship date either), and
orders still being picked, packed or allocated are not shipped, whatever the date column."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import FEDEX_OK, UPS_OK, WriteFile

AS_OF = date(2026, 11, 30)


def _lines(header: str) -> list[str]:
    """By hand: S1, S2 shipped (valid); C1, C2 cancelled; P1 picking, P2 packed with a ship
    date already printed: 2 counted, 2 cancelled, 2 not shipped."""
    return [
        header,
        f"S1|Amazon.com|Toy|UPS|{UPS_OK}|SHIPPED|2026-11-10 10:00",
        f"S2|Amazon.com|Toy|FEDEX|{FEDEX_OK}|SHIPPED|2026-11-11 10:00",
        "C1|Amazon.com|Toy|UPS||CANCELLED|",
        "C2|Amazon.com|Toy|UPS||Cancelled|",
        "P1|Amazon.com|Toy|UPS||PICKING|",
        "P2|Amazon.com|Toy|UPS||PACKED|2026-11-29 18:00",
    ]


def test_a_wms_outbound_status_is_read(write_file: WriteFile) -> None:
    header = "Order ID|Marketplace|Product Group|Carrier|Tracking No|Outbound Status|Shipped Time"
    path = write_file(_lines(header), name="outbound.txt")
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (2, 2)
        assert (report.excluded["cancelled"], report.excluded["not_shipped"]) == (2, 2)


def test_a_chinese_outbound_status_is_read(write_file: WriteFile) -> None:
    header = "订单号|站点|品类|物流商|跟踪号|出库状态|发货时间"
    report = report_file(write_file(_lines(header), name="outbound.txt"), as_of=AS_OF)
    assert (report.excluded["cancelled"], report.excluded["not_shipped"]) == (2, 2)
