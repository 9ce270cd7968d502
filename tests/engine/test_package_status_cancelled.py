"""An ERP's package export writes each package's own fate in 包裹状态 / 'Shipment status'
('已取消', 'Cancelled' beside '已发货', '待发货'), a column otherwise read as the parcel's delivery
state: its cancelled packages were reported as not shipped (set F12's F05). A cancelled package
is no shipment, as a cancelled order is none; a tracking service's 'Pending' or 'In transit'
stays a delivery state and excludes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import UPS_OK, WriteFile

AS_OF = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("header", "cancelled", "waiting", "sent"),
    [
        ("包裹号,亚马逊订单号,包裹状态,发货时间,物流商,跟踪号", "已取消", "待发货", "已发货"),
        (
            "Package,Order ID,Shipment status,Ship date,Carrier,Tracking",
            "Canceled",
            "Pending",
            "In transit",
        ),
    ],
)
def test_cancelled_packages_are_cancelled(
    write_file: WriteFile, header: str, cancelled: str, waiting: str, sent: str
) -> None:
    """By hand: P1, P2 shipped (counted, valid); P3 and P4 cancelled with no ship date;
    P5 waiting with no ship date (not shipped); P6 shipped under 'Pending' (counted, valid).
    Counted 3, valid 3; cancelled 2, not shipped 1."""
    lines = [
        header,
        f"P1,111-1,{sent},2026-11-20 10:00,UPS,{UPS_OK}",
        f"P2,111-2,{sent},2026-11-21 10:00,UPS,{UPS_OK}",
        f"P3,111-3,{cancelled},,,",
        f"P4,111-4,{cancelled},,,",
        f"P5,111-5,{waiting},,,",
        f"P6,111-6,Pending,2026-11-22 10:00,UPS,{UPS_OK}",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (3, 3)
        assert {k: v for k, v in report.excluded.items() if v} == {"cancelled": 2, "not_shipped": 1}
