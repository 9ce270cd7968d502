"""Two exports pasted one under the other, the second under its own header in another column
order (two shops' ERP exports in one file): each block is read under its own header. The
second header was read as a row and the rows below it under the first block's columns, so
every one was 'unreadable_date' (set F13's F10). The same header repeated is no new block:
its row is skipped as before."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import CHINA_POST_OK, FEDEX_OK, UPS_OK, WriteFile

AS_OF = date(2026, 11, 20)


def test_a_second_header_in_another_order_starts_a_block(write_file: WriteFile) -> None:
    """By hand: block A, 2 US orders (1 valid, 1 missing); block B, its columns reordered
    and its ship service named 渠道名称: a UK order valid, a DE letter of EUR 12 exempt, a
    DE parcel with a bad FedEx check digit. Counted 4, valid 2; one eu_letter_under_20."""
    lines = [
        "Order ID,Site,Ship Date,Carrier,Tracking No.,Amount,Currency",
        f"A-1,US,2026-11-10 09:00:00,UPS,{UPS_OK},30.00,USD",
        "A-2,US,2026-11-11 10:00:00,UPS,,25.00,USD",
        "",
        "平台单号,运单号,物流公司,发货日期,站点,渠道名称,金额,币种",
        f"B-1,{CHINA_POST_OK},China Post,2026/11/12,UK,Registered Packet,40.00,GBP",
        "B-2,,Deutsche Post,2026/11/13,DE,Brief International,12.00,EUR",
        f"B-3,{FEDEX_OK[:-1]}0,FedEx,2026/11/14,DE,International Priority,80.00,EUR",
    ]
    path = write_file(lines)
    report = report_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (4, 2)
    assert {g.name: (g.shipments, g.valid) for g in report.by_marketplace} == {
        "US": (2, 1),
        "UK": (1, 1),
        "DE": (1, 0),
    }
    assert report.excluded["eu_letter_under_20"] == 1
    assert report.excluded.get("unreadable_date", 0) == 0
    assert sorted((d.order_id, d.reason) for d in report.defects) == [
        ("A-2", "missing_tracking"),
        ("B-3", "bad_check_digit"),
    ]
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert (uploaded.overall.shipments, uploaded.overall.valid) == (4, 2)


def test_the_same_header_repeated_is_no_new_block(write_file: WriteFile) -> None:
    header = "Order ID,Ship Date,Carrier,Tracking No."
    lines = [
        header,
        f"A-1,2026-11-10,UPS,{UPS_OK}",
        header,
        "A-2,2026-11-11,UPS,",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 1)
    assert sum(report.excluded.values()) == 0
