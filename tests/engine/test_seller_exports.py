"""Issue 22's rules on files shaped like real ERP exports (领星, 店小秘): GBK CSV with
Chinese headers and a delivery-status column. Every expectation is counted by hand from
the rows written here."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from bot.domain.defects_file import write_defects_xlsx
from bot.domain.engine import analyse_file
from bot.domain.models import VtrReport
from bot.services.defect_document import defect_file_labels
from bot.services.i18n import translator
from bot.services.report_text import render_report
from tests.engine.conftest import CHINA_POST_OK, UPS_OK, WriteFile
from tests.engine.test_defect_file import sheet_rows
from tests.engine.test_reading import write_xlsx

AS_OF = date(2026, 11, 20)
HEADER = "订单号,发货日期,品类,站点,承运商,跟踪号,物流状态"


def gbk_report(write_file: WriteFile, rows: list[str]) -> VtrReport:
    path = write_file([HEADER, *rows], name="lingxing.csv", encoding="gbk")
    return analyse_file(path, as_of=AS_OF)[0]


def test_placeholders_are_missing_tracking_under_any_carrier(write_file: WriteFile) -> None:
    rows = [
        "P1,2026-11-18,玩具,美国站,4PX,待上传,运输中",
        "P2,2026-11-18,玩具,美国站,燕文,无,运输中",
        "P3,2026-11-17,玩具,美国站,4PX,N/A,运输中",
        "P4,2026-11-17,玩具,美国站,递四方,0,运输中",
        "P5,2026-11-16,玩具,美国站,燕文,暂无,运输中",
        "P6,2026-11-16,玩具,美国站,燕文,TBD,运输中",
        "P7,2026-11-15,玩具,美国站,SF Express,0000000000,运输中",
        "P8,2026-11-15,玩具,美国站,安骏物流,待上传,运输中",  # unknown carrier: still missing
        "P9,2026-11-18,玩具,美国站,4PX,4PX1234567890CN,运输中",  # a number: unverified
        "P10,2026-11-18,玩具,美国站,燕文,UG123456789CN,运输中",
        f"P11,2026-11-18,玩具,美国站,UPS,{UPS_OK},已签收",
        f"P12,2026-11-18,玩具,美国站,中国邮政,{CHINA_POST_OK},已签收",
    ]
    report = gbk_report(write_file, rows)
    reasons = {d.order_id: d.reason for d in report.defects}
    assert reasons == {f"P{i}": "missing_tracking" for i in range(1, 9)}
    assert (report.overall.shipments, report.overall.valid) == (12, 4)
    assert report.unverified == 2  # P9, P10
    assert all(d.placeholder for d in report.defects)
    # Four orders share 待上传/无 …: no "reused tracking" warning names a placeholder.
    assert not [w for w in report.warnings if w.code == "reused_tracking"]


def test_the_same_placeholder_on_many_orders_is_not_a_reused_number(
    write_file: WriteFile,
) -> None:
    rows = [
        "R1,2026-11-18,玩具,美国站,4PX,待上传,运输中",
        "R2,2026-11-18,玩具,美国站,4PX,待上传,运输中",
        f"R3,2026-11-18,玩具,美国站,UPS,{UPS_OK},运输中",
        f"R4,2026-11-18,玩具,美国站,UPS,{UPS_OK},运输中",
    ]
    report = gbk_report(write_file, rows)
    reused = [w for w in report.warnings if w.code == "reused_tracking"]
    assert [(w.count, w.detail) for w in reused] == [(1, UPS_OK)]


def test_the_defect_file_says_a_placeholder_stands_in_for_the_number(
    write_file: WriteFile, tmp_path: Path
) -> None:
    rows = ["Q1,2026-11-18,玩具,美国站,4PX,待上传,运输中", "Q2,2026-11-18,玩具,美国站,4PX,,运输中"]
    report = gbk_report(write_file, rows)
    out = tmp_path / "defects.xlsx"
    write_defects_xlsx(report, out, defect_file_labels(translator("en")))
    header, *cells = sheet_rows(out)
    problem = header.index("Problem")
    by_order = {row[0]: row[problem] for row in cells}
    assert by_order == {
        "Q1": "no tracking number: a placeholder stands in its place",
        "Q2": "no tracking number",
    }


def test_a_number_only_another_carrier_hands_out_is_a_wrong_carrier(
    write_file: WriteFile,
) -> None:
    rows = [
        "W1,2026-11-18,玩具,美国站,4PX,YT1234567890123456,运输中",
        "W2,2026-11-18,玩具,美国站,递四方,YT6543210987654321,运输中",
        f"W3,2026-11-18,玩具,美国站,燕文,{UPS_OK},运输中",
        f"W4,2026-11-18,玩具,美国站,4PX,{CHINA_POST_OK},运输中",  # its own China Post line
        "W5,2026-11-18,玩具,美国站,4PX,4PX3001234567CN,运输中",
    ]
    report = gbk_report(write_file, rows)
    found = {d.order_id: (d.reason, d.looks_like) for d in report.defects}
    assert found == {
        "W1": ("bad_format", "YunExpress"),
        "W2": ("bad_format", "YunExpress"),
        "W3": ("bad_format", "UPS"),
    }
    assert (report.overall.shipments, report.overall.valid, report.unverified) == (5, 2, 2)


def test_the_files_delivery_status_beats_the_transit_estimate(write_file: WriteFile) -> None:
    # Shipped 11-01 by UPS: the 5-day estimate (11-06) has passed on the as-of date 11-20.
    rows = [
        "E1,2026-11-01,玩具,美国站,UPS,,运输中",  # the file says in transit: editable
        "E2,2026-11-01,玩具,美国站,UPS,,已签收",  # delivered: not editable
        "E3,2026-11-01,玩具,美国站,UPS,,",  # no status: the estimate decides (passed)
        "E4,2026-11-12,玩具,美国站,安骏物流,AJ0012345678,",  # unknown Chinese forwarder
        "E5,2026-11-12,玩具,美国站,Speedy Parcel,SP0012345678,",  # unknown, domestic
        *(f"V{i},2026-11-15,玩具,美国站,UPS,{UPS_OK},已签收" for i in range(5)),
    ]
    report = gbk_report(write_file, rows)
    by_order = {d.order_id: d for d in report.defects}
    editable = {order for order, d in by_order.items() if d.editable(AS_OF)}
    assert editable == {"E1", "E4"}
    assert [by_order[o].evidence for o in ("E1", "E2", "E3", "E4")] == [
        "in_transit",
        "delivered",
        "estimate",
        "estimate",
    ]
    # 安骏物流 is a China forwarder: 11-12 + 12 days' cross-border transit, not + 5.
    assert by_order["E4"].fix_by == date(2026, 11, 24)
    assert by_order["E5"].fix_by == date(2026, 11, 17)
    # 玩具: 5 valid of 10, needs 5 fixes; only E1 and E4 can still be edited.
    toys, us = report.plan  # the category, then its marketplace (its fixes already planned)
    assert (us.scope, us.covered, us.fixes) == ("marketplace", 2, [])
    assert (toys.needed, toys.editable, [d.order_id for d in toys.fixes]) == (5, 2, ["E4", "E1"])
    text = render_report(report, translator("en"))
    assert (
        "E1 · UPS — · no tracking number → add the tracking number · in transit according to your file: fix it now"
        in text
    )
    assert "1 of them is delivered according to your file" in text
    assert "1 of them is in transit according to your file" in text


def test_delivery_dates_in_an_xlsx_decide_too(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["订单号", "发货日期", "承运商", "跟踪号", "品类", "签收时间"],
        ["D1", date(2026, 11, 1), "UPS", "", "玩具", date(2026, 11, 8)],  # delivered
        ["D2", date(2026, 11, 1), "UPS", "", "玩具", date(2026, 11, 25)],  # after as-of
        ["D3", date(2026, 11, 18), "UPS", "", "玩具", None],  # estimate 11-23: editable
    ]
    report, _ = analyse_file(write_xlsx(tmp_path / "dianxiaomi.xlsx", rows), as_of=AS_OF)
    by_order = {d.order_id: d for d in report.defects}
    assert by_order["D1"].delivered == date(2026, 11, 8)
    assert not by_order["D1"].editable(AS_OF)
    assert by_order["D2"].in_transit and by_order["D2"].editable(AS_OF)
    assert by_order["D3"].evidence == "estimate" and by_order["D3"].editable(AS_OF)


def test_numbers_excel_destroyed_are_defects_on_their_own_line(write_file: WriteFile) -> None:
    """9.40011E+21 fits no carrier's format (domain.md §4.4): a defect, even under 4PX, which
    has no rule; the report says the digits are lost in this file and how to check."""
    rows = [
        "X1,2026-11-18,玩具,美国站,USPS,9.40011E+21,运输中",
        "X2,2026-11-18,玩具,美国站,USPS,9.40011E+21,运输中",  # same damage, another order
        "X3,2026-11-18,玩具,美国站,4PX,9.40056E+21,运输中",
        "X4,2026-11-18,玩具,美国站,USPS,,运输中",
        f"X5,2026-11-18,玩具,美国站,UPS,{UPS_OK},运输中",
    ]
    report = gbk_report(write_file, rows)
    assert (report.overall.shipments, report.overall.valid) == (5, 1)
    reasons = {d.order_id: d.reason for d in report.defects}
    assert reasons == {
        "X1": "bad_format",
        "X2": "bad_format",
        "X3": "bad_format",
        "X4": "missing_tracking",
    }
    assert report.unverified == 0
    codes = {w.code: w.count for w in report.warnings}
    assert codes == {"scientific_notation_tracking": 3}  # and no "reused tracking"
    text = render_report(report, translator("en"))
    assert "3 tracking numbers were turned into numbers like 9.40011E+21 by Excel" in text
    assert "count as defects here" in text
    assert "9.40011E+21, " not in text  # not listed as numbers used on several orders


def test_the_defect_workbook_puts_the_fixes_first_and_names_its_legend(
    write_file: WriteFile, tmp_path: Path
) -> None:
    # 玩具: 2 valid of 6 (needs 4, and only the 3 newest of 4 defects are editable: the
    # 11-01 one is past its estimate), so the plan fixes F4, F3, F2 (newest first) but
    # the sheet lists defects by ship date: F1 (not planned) would come first.
    rows = [
        "F1,2026-11-01,玩具,美国站,UPS,,",
        "F2,2026-11-17,玩具,美国站,UPS,,",
        "F3,2026-11-18,玩具,美国站,UPS,,",
        "F4,2026-11-19,玩具,美国站,UPS,,",
        f"F5,2026-11-19,玩具,美国站,UPS,{UPS_OK},",
        f"F6,2026-11-19,玩具,美国站,UPS,{UPS_OK},",
    ]
    report = gbk_report(write_file, rows)
    assert [d.order_id for d in report.defects if d.in_plan] == ["F2", "F3", "F4"]
    out = tmp_path / "defects.xlsx"
    write_defects_xlsx(report, out, defect_file_labels(translator("en")))
    header, *cells = sheet_rows(out)
    fix_first = header.index("Fix first")
    assert [(row[0], row[fix_first]) for row in cells] == [
        ("F2", "yes"),
        ("F3", "yes"),
        ("F4", "yes"),
        ("F1", ""),
    ]
    assert sheet_rows(out, 1)[0] == ["Label", "What it means"]
    with zipfile.ZipFile(out) as book:
        assert 'hidden="1"' not in book.read("xl/worksheets/sheet2.xml").decode()


def test_a_carrier_read_from_the_shipping_service_is_said(write_file: WriteFile) -> None:
    lines = [
        "订单号,发货日期,品类,物流方式,跟踪号",
        "S1,2026-11-18,玩具,云途美国专线,YT1234567890123456",
        "S2,2026-11-18,玩具,云途美国专线,YT1234567890123457",
        f"S3,2026-11-18,玩具,UPS Ground,{UPS_OK}",
    ]
    path = write_file(lines, name="dianxiaomi.csv", encoding="gbk")
    report = analyse_file(path, as_of=AS_OF)[0]
    assert (report.overall.shipments, report.overall.valid) == (3, 3)
    (inferred,) = [w for w in report.warnings if w.code == "carrier_from_service"]
    assert inferred.detail == "云途美国专线 → YunExpress, UPS Ground → UPS"
    text = render_report(report, translator("en"))
    assert (
        "no carrier column, so I read the carrier from the shipping service: 云途美国专线 → YunExpress"
        in text
    )


def test_an_fba_report_is_named_as_such(write_file: WriteFile) -> None:
    lines = [
        "amazon-order-id,shipment-date,fulfillment-channel,carrier,tracking-number",
        f"A1,2026-11-18,Amazon,UPS,{UPS_OK}",
        "A2,2026-11-18,AFN,AMZL,TBA123456789000",
    ]
    report = analyse_file(write_file(lines), as_of=AS_OF)[0]
    assert report.overall.shipments == 0 and report.excluded["fba"] == 2
    text = render_report(report, translator("en"))
    assert (
        "This is an FBA report" in text and "self-fulfilled (FBM) order or shipment report" in text
    )
    mixed = analyse_file(write_file([*lines, "A3,2026-11-01,Merchant,UPS,"]), as_of=AS_OF)[0]
    assert "This is an FBA report" not in render_report(mixed, translator("en"))
