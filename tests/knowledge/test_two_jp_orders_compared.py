"""Two Japanese orders' amounts compared, which one counts asked (set 29: "jp orders: one at
¥980 and one at ¥1,200, neither has tracking. which one hurts my VTR" named only the exempt
one). Under JPY 1,000 is exempt (domain.md §1b); wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "counted", "exempt"),
    [
        (
            "日本站两单都没单号，一单900日元一单1500日元，哪个会算进VTR",
            "1500 日元的订单计入",
            "900",
        ),
        ("japan: a ¥1,050 order vs a ¥990 one, both untracked — which one counts?", "1050", "990"),
    ],
)
def test_each_order_is_judged_by_its_amount(
    kb: KnowledgeBase, question: str, counted: str, exempt: str
) -> None:
    first = first_line(kb, question)
    assert counted in first and exempt in first, first
    assert first.index(counted) < first.index(exempt), first
