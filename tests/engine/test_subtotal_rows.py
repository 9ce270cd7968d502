"""Rows Excel's Data > Subtotal (分类汇总) inserts after each group of the grouped column
('Amazon.de Count', '家居 计数', '总计数'): no orders, so neither orders never shipped nor
defects (set F10's F07). The label sits in whichever column was grouped, the order-ID cell
holds the group's count (COUNT) or nothing (SUM over the amounts)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.row_rules import is_subtotal_label
from tests.engine.conftest import FEDEX_OK, UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("家居厨房 计数", True),
        ("玩具 汇总", True),
        ("總計數", True),
        ("Amazon.de Count", True),
        ("Toys & Games Total", True),
        ("Grand Total", True),
        ("뷰티 요약", True),
        ("Toys", False),
        ("玩具汇总", False),  # no space: a name of its own, not Excel's label
        ("Total", False),  # a totals row's word: the order-ID cell's rule, not this one
        ("Beauty Products", False),
    ],
)
def test_subtotal_labels(text: str, labels: bool) -> None:
    assert is_subtotal_label(text) is labels


def test_subtotal_rows_are_no_orders(write_file: WriteFile) -> None:
    """By hand: grouped by site with COUNT on the order ID: A, B on Amazon.com (valid), then
    'Amazon.com Count' with 2 in the order-ID cell; C valid and D unshipped on Amazon.co.uk,
    then its count row; then 'Grand Count'. 3 counted, 3 valid, 1 not shipped (D alone)."""
    lines = [
        "Order ID,Site,Category,Ship Date,Carrier,Tracking,Status",
        f"A,Amazon.com,Toys,2026-11-20,UPS,{UPS_OK},Shipped",
        f"B,Amazon.com,Toys,2026-11-21,FedEx,{FEDEX_OK},Shipped",
        "2,Amazon.com Count,,,,,",
        f"C,Amazon.co.uk,Toys,2026-11-22,USPS,{USPS_OK},Shipped",
        "D,Amazon.co.uk,Toys,,,,Unshipped",
        "2,Amazon.co.uk Count,,,,,",
        "4,Grand Count,,,,,",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (3, 3)
        assert {k: v for k, v in report.excluded.items() if v} == {"not_shipped": 1}
        assert {g.name for g in report.by_marketplace} == {"US", "UK"}
        assert not report.defects
        assert not [w for w in report.warnings if w.code == "missing_order_id"]
