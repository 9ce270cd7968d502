"""Found probing issue 21's families with wordings of our own: packages "without any carrier
scan" were no invalid ones, so "shipped 60, 2 without any carrier scan, am I ok" got "No — a
number with no scan is not valid" instead of 58/60 = 96.7%; "100% of orders with Buy Shipping"
was read as a VTR of 100%; "新加坡站的订单需要追踪吗" got the file-upload entry. Counts and rules
from domain.md (§1, §1b: strictly above 95%, the marketplaces of the bar from China)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

SCANS = [
    # 80 shipped, 3 never scanned: 77/80 = 96.25%, above 95%.
    ("sent 80 parcels, 3 without a single scan, are we fine?", "Yes", "96.25%"),
    # 120 shipped, 9 with no pickup scan: 111/120 = 92.5%, below.
    ("120 orders out, 9 have no pickup scan at all - pass?", "No", "92.5%"),
]


@pytest.mark.parametrize(("question", "lead", "figure"), SCANS)
def test_packages_without_scans_are_invalid(
    kb: KnowledgeBase, question: str, lead: str, figure: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead) and figure in line, line


@pytest.mark.parametrize(
    "question",
    ["all good? 100% of our orders go through buy shipping", "我们80%的订单都走云途，VTR有风险吗"],
)
def test_share_of_orders_shipped_some_way_is_no_rate(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "VTR of 100%" not in line and "80%" not in line, line


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("沙特站的订单要不要追踪号", "95%"),
        pytest.param(
            "do my orders to amazon.com.au need tracking numbers?", "95%", marks=pytest.mark.fast
        ),
    ],
)
def test_tracking_needed_on_a_marketplace(kb: KnowledgeBase, question: str, word: str) -> None:
    assert word in first_line(kb, question)
