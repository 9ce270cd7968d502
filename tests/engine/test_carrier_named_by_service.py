"""A carrier column left blank on some rows, the carrier named only by the row's shipping
service, as Chinese sellers' line names do ('Yanwen Special Line-YW', 'YunExpress Global
Direct line', '燕文专线追踪小包', '云途全球专线挂号'): the blank cell is the carrier its
service names, read by carriers.yaml's aliases as a file with no carrier column reads its
service. A service naming no carrier leaves the cell blank, and a carrier the cell names
wins over its service. Set F9's F06."""

from __future__ import annotations

from datetime import date

from bot.domain import reading
from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import CHINA_POST_OK, UPS_OK, YUN_OK, WriteFile

AS_OF = date(2026, 12, 5)


def test_a_blank_carrier_is_the_one_its_service_names(write_file: WriteFile) -> None:
    """By hand, six counted: the YunExpress line's YT number is valid, the Yanwen line's
    number (a carrier with no format rule) is counted valid unverified, and so is the 4PX
    line's; a short YT number under the YunExpress line is a bad format; a UPS number under a
    service naming no carrier stays an unknown carrier; and China Post named in its cell
    keeps its S10 number valid beside a YunExpress line: 4 valid of 6."""
    lines = [
        "Order ID,Ship Date,Carrier,Shipping Service,Tracking No.,Category,Site",
        f"111-1,2026-11-20,,云途全球专线挂号,{YUN_OK},Toys,US",
        "111-2,2026-11-21,,Yanwen Special Line-YW,UG123456785YW,Toys,US",
        "111-3,2026-11-22,,4PX Singapore Post,RR123456785SG,Toys,US",
        "111-4,2026-11-23,,YunExpress Global Direct line,YT12345,Toys,US",
        f"111-5,2026-11-24,,Standard,{UPS_OK},Toys,US",
        f"111-6,2026-11-25,China Post,云途全球专线挂号,{CHINA_POST_OK},Toys,US",
    ]
    path = write_file(lines)
    report = report_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (6, 4)
    reasons = {d.order_id: d.reason for d in report.defects}
    assert reasons == {"111-4": "bad_format", "111-5": "unknown_carrier"}
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert [(d.order_id, d.reason) for d in uploaded.defects] == [
        (d.order_id, d.reason) for d in report.defects
    ]


def test_a_carrier_cell_naming_nothing_is_blank(write_file: WriteFile) -> None:
    """'-', 'N/A' and '无' in the carrier column name no carrier, as a blank cell does: the
    YunExpress line's YT numbers under them are valid, 3 of 3; 'UPS' typed in the cell is
    kept, so a YT number under it beside the same service is a bad format."""
    lines = [
        "订单号,发货时间,物流商,物流渠道,跟踪号,站点",
        f"111-1,2026-11-20,-,云途全球专线挂号,{YUN_OK},美国",
        f"111-2,2026-11-21,N/A,云途全球专线挂号,{YUN_OK[:-1]}7,美国",
        f"111-3,2026-11-22,无,YunExpress Global Direct line,{YUN_OK[:-1]}8,美国",
        f"111-4,2026-11-23,UPS,YunExpress Global Direct line,{YUN_OK[:-1]}9,美国",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (4, 3)
    assert [(d.order_id, d.reason) for d in report.defects] == [("111-4", "bad_format")]


def test_cells_naming_nothing_are_read_in_every_batch(write_file: WriteFile, monkeypatch) -> None:
    """Each carrier cell is judged once per file (`Lookups._carriers_seen`), in whichever
    batch it first appears: '-' in the first rows and again at the end, 'N/A' and '未知' only
    in the last rows, 'UPS' throughout. Sixty rows in chunks of about 300 bytes (ten or so
    batches): the YT numbers under the three blank words are the YunExpress line's, valid
    (45 of them); the 15 under 'UPS' are bad formats. By hand: 45 valid of 60."""
    monkeypatch.setattr(reading, "CHUNK_BYTES", 300)
    cells = ["-", "UPS", "-", "-"] * 10 + ["N/A", "UPS", "未知", "-"] * 5
    lines = ["订单号,发货时间,物流商,物流渠道,跟踪号,站点"] + [
        f"111-{i},2026-11-20,{cell},云途全球专线挂号,{YUN_OK[:-2]}{i:02d},美国"
        for i, cell in enumerate(cells)
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (60, 45)
    assert {d.reason for d in report.defects} == {"bad_format"}
    assert len(report.defects) == 15
