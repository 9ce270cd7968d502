"""A Chinese ERP marks a cancelled order by 已退款 (refunded) or only by a refund of the whole
amount under a neutral status (待处理): these were reported as not shipped. An order refunded
in full before it shipped is cancelled; one refunded after shipping, or in part, is still a
shipment (set F7's F06). 部分发货 (partly shipped) is shipped."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import UPS_OK, WriteFile

AS_OF = date(2026, 12, 5)


def test_refunds_before_and_after_shipping(write_file: WriteFile) -> None:
    """By hand: counted 111-3 (refunded after shipping), 111-5 (partial refund, shipped),
    111-6 (部分发货), 4 in all with 111-8; cancelled 111-1, 111-2 (full refund under
    待处理), 111-7 (Refunded); not shipped 111-4 (a partial refund, no ship date)."""
    lines = [
        "订单号,订单状态,发货时间,订单金额,退款金额,物流公司,物流单号,产品类目",
        "111-1,已退款,,20.00,20.00,,,玩具",
        "111-2,待处理,,35.50,35.5,,,玩具",
        f"111-3,已退款,2026-11-20 10:00,20.00,20.00,UPS,{UPS_OK},玩具",
        "111-4,待处理,,40.00,10.00,,,玩具",
        f"111-5,已发货,2026-11-21 10:00,40.00,10.00,UPS,{UPS_OK[:-1]}8,玩具",
        f"111-6,部分发货,2026-11-22 10:00,60.00,0,UPS,{UPS_OK},玩具",
        "111-7,Refunded,,15.00,,,,玩具",
        "111-8,已发货,2026-11-23 10:00,15.00,0,UPS,,玩具",
    ]
    path = write_file(lines)
    report = report_file(path, as_of=AS_OF)
    assert report.overall.shipments == 4
    excluded = {k: v for k, v in report.excluded.items() if v}
    assert excluded == {"cancelled": 3, "not_shipped": 1}
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert uploaded.excluded == report.excluded
