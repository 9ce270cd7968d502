"""A file with two tracking columns, the first number and the one a relabelled package was
given ('Tracking Number' / 'Updated Tracking Number', 芒果店长's 原单号 / 新单号): the updated
number, where a row has one, is the number that counts (it replaced the first, as "Edit
tracking" does); a placeholder there is no new number. A file whose only tracking column is
named as an updated one reads it as its tracking column."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.models import VtrReport
from tests.engine.conftest import FEDEX_OK, UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 11, 20)
UPS_BAD = UPS_OK[:-1] + "8"  # check digit 7 → 8
FEDEX_BAD = FEDEX_OK[:-1] + "6"  # check digit 5 → 6


def _rows(sep: str) -> list[str]:
    """A: first number bad, updated good → valid. B: first good, updated bad → invalid.
    C: no update → the first, valid. D: update '无' → the first, bad → invalid. E: first
    missing, updated good → valid. By hand: 5 shipments, 3 valid."""
    return [
        sep.join(["A", "2026-11-10", "UPS", UPS_BAD, UPS_OK, "Toys"]),
        sep.join(["B", "2026-11-11", "FedEx", FEDEX_OK, FEDEX_BAD, "Toys"]),
        sep.join(["C", "2026-11-12", "USPS", USPS_OK, "", "Toys"]),
        sep.join(["D", "2026-11-12", "UPS", UPS_BAD, "无", "Toys"]),
        sep.join(["E", "2026-11-13", "FedEx", "", FEDEX_OK, "Toys"]),
    ]


def _judged(reports: list[VtrReport]) -> None:
    for report in reports:
        assert (report.overall.shipments, report.overall.valid) == (5, 3)
        assert [(d.order_id, d.reason) for d in report.defects] == [
            ("B", "bad_check_digit"),
            ("D", "bad_check_digit"),
        ]


def test_the_updated_number_counts_where_there_is_one(write_file: WriteFile) -> None:
    header = "Order ID,Ship Date,Carrier,Tracking Number,Updated Tracking Number,Category"
    path = write_file([header, *_rows(",")])
    _judged([report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]])


def test_a_mango_relabel_export(write_file: WriteFile) -> None:
    header = "订单号\t发货时间\t物流商\t原单号\t新单号\t品类"
    path = write_file([header, *_rows("\t")], name="orders.txt")
    _judged([report_file(path, as_of=AS_OF)])


def test_a_file_whose_only_tracking_column_is_named_new(write_file: WriteFile) -> None:
    lines = ["Order ID,Ship Date,Carrier,New Tracking No,Category"]
    lines += [f"A,2026-11-10,UPS,{UPS_OK},Toys", f"B,2026-11-10,UPS,{UPS_BAD},Toys"]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 1)
