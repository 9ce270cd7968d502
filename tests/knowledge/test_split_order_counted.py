"""An order said to be split into boxes, asked how it counts ('一单拆成3个包裹发，算几个货件',
'order 114-… went out in 2 boxes, how many shipments is that?'), is that many packages,
each needing its own valid tracking number (domain.md §1b: one tracking ID per package).
A tracking number quoted ('其中一个单号是12345') and the order's ID are no figures of a
window: sealed set 25's split order got "two totals, 2 and 12345" on main. Wordings
written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("一单拆成3个包裹发，算几个货件", "3 个包裹"),
        ("一个订单分了两个箱子寄，其中一个追踪号是ABC123，这单算几个货件", "2 个包裹"),
        (
            "order 114-1234567-7654321 went out in 2 boxes, how many shipments is that?",
            "2 packages",
        ),
    ],
)
def test_each_box_counts(kb: KnowledgeBase, question: str, said: str) -> None:
    line = first_line(kb, question)
    assert said in line, line


def test_a_quoted_tracking_number_is_no_count(kb: KnowledgeBase) -> None:
    line = first_line(
        kb, "shipped 100, 5 without tracking, the tracking number is 12345 on one of them"
    )
    assert "95 valid of 100" in line, line
