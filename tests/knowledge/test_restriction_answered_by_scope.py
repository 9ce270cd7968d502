"""A belief that only dearer US orders count ("only orders over $20 count toward VTR") is
answered by the scope first (every order counts, whatever its value), then the amount's own
scans: set 27's got "Not right" before a line about a USD 20 order's two scans, which never
said what the seller had wrong. A belief about the scans themselves ("only orders over $20
need two scans") keeps the scans' line. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.belief_forms import verdict_of
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "every", "scans"),
    [
        ("US orders only count toward VTR when they're above $30, correct?", "Every", "two carrier scans"),
        ("on amazon.com only orders over 2 dollars go into VTR, right?", "Every", "one carrier scan"),
        ("my forwarder says only US orders above USD 12 are counted in VTR, true?", "Every", "two carrier scans"),
        ("美国站只有30美元以上的订单才算进VTR吧", "所有", "两条"),
        ("听说美国站只有超过3美元的单才计入VTR，对吗", "所有", "一条"),
        ("美国站只有15刀以上的订单才算有效追踪率，是吧", "所有", "两条"),
    ],
)  # fmt: skip
def test_only_dearer_us_orders_said_to_count_gets_every_order_first(
    kb: KnowledgeBase, question: str, every: str, scans: str
) -> None:
    line = first_line(kb, question)
    assert verdict_of(line) is False, line
    assert every in line.split("；")[0].split(";")[0], line
    assert scans in line, line


@pytest.mark.parametrize(
    "question", ["in the US only orders over $20 need two scans, right?", "a $20 US order counts toward VTR, right?"]
)  # fmt: skip
def test_a_belief_about_the_scans_keeps_their_line(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "Every" not in line and "two carrier scans" in line, line
