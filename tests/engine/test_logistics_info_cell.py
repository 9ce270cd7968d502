"""An ERP export with no tracking column: one logistics cell (物流信息, 'Tracking info') holds
the carrier, the number and the parcel's state together, in several ways ('顺丰 SF… (已签收)',
'USPS: 9400… – Delivered', 'DHL | 312… | In Transit', '承运商：…⏎单号：…⏎状态：…'). The file was
refused for a missing tracking column (set F12's F04). The state is no part of the number:
the carrier and number are read as a cell naming both, a name alone is a missing number."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.tracking import number_of_info_cell
from tests.engine.conftest import CHINA_POST_OK, FEDEX_OK, UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
DHL_OK = "3318810025"  # 331881002 mod 7 = 5


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("顺丰 SF1234567890123 (已签收)", "顺丰 SF1234567890123"),
        (f"USPS: {USPS_OK} – Delivered", f"USPS: {USPS_OK}"),
        (f"DHL | {DHL_OK} | In Transit", f"DHL {DHL_OK}"),
        (f"承运商：FedEx\n单号：{FEDEX_OK}\n状态：派送中", f"FedEx {FEDEX_OK}"),
        (f"Carrier: UPS\r\nTracking No: {UPS_OK}\r\nStatus: Delivered", f"UPS {UPS_OK}"),
        (f"中国邮政{CHINA_POST_OK}【已上网】", f"中国邮政{CHINA_POST_OK}"),
        ("云途物流（待获取单号）", "云途物流"),
        ("Royal Mail - AA473124829GB", "Royal Mail - AA473124829GB"),  # no state: as written
    ],
)
def test_the_state_is_left_out(cell: str, read: str) -> None:
    frame = pl.DataFrame({"cell": [cell]})
    assert frame.select(number_of_info_cell(pl.col("cell"))).item() == read


def test_carrier_number_and_state_in_one_cell(write_file: WriteFile) -> None:
    """By hand, all Amazon.com: A UPS valid (已签收); B USPS valid, '– Delivered'; C FedEx
    valid over three lines; D DHL valid between bars; E 'UPS' with no number (missing);
    F an empty cell (missing); G a valid UPS number after 'FedEx' (bad format). The 物流渠道
    column is the service. 7 counted, 4 valid."""
    lines = [
        "订单号,站点,发货时间,物流渠道,物流信息,订单金额",
        f"A,US,2026-11-20 10:00,UPS Saver,UPS {UPS_OK} (已签收),30",
        f"B,US,2026-11-20 10:00,USPS Ground,USPS: {USPS_OK} – Delivered,30",
        f'C,US,2026-11-21 10:00,FedEx IP,"物流商：FedEx\n跟踪号：{FEDEX_OK}\n状态：运输途中",30',
        f"D,US,2026-11-21 10:00,DHL Express,DHL | {DHL_OK} | In Transit,30",
        "E,US,2026-11-22 10:00,UPS Saver,UPS（待获取单号）,30",
        "F,US,2026-11-22 10:00,UPS Saver,,30",
        f"G,US,2026-11-23 10:00,FedEx IP,FedEx {UPS_OK}【运输途中】,30",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (7, 4)
        reasons = {d.order_id: d.reason for d in report.defects}
        assert reasons == {"E": "missing_tracking", "F": "missing_tracking", "G": "bad_format"}


def test_a_tracking_column_of_its_own_is_read(write_file: WriteFile) -> None:
    """A file with 跟踪号 beside 物流信息 reads the number from 跟踪号: A valid, B missing there
    although its logistics cell names a number. 2 counted, 1 valid."""
    lines = [
        "订单号,发货时间,物流商,跟踪号,物流信息",
        f"A,2026-11-20,UPS,{UPS_OK},已签收",
        f"B,2026-11-20,UPS,,UPS {UPS_OK} (已签收)",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 1)
