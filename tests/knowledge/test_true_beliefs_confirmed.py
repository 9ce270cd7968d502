"""True beliefs the claims table did not hold, confirmed first: untracked orders have more
order defects, said without the 1.7 ratio (domain.md §1), and OTDR needs valid tracking,
said as 要有…才算 / needs (domain.md §3); each said negated is corrected. Wordings written
for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "fact"),
    [("orders with no tracking get more defects, correct?", "Right", "1.7"),
     ("没有追踪的订单缺陷率更高，对吧", "对", "1.7"),
     ("untracked orders don't have a higher defect rate, right?", "Not right", "1.7"),
     ("没追踪的订单缺陷率不会更高吧", "不对", "1.7"),
     ("准时送达率要有有效追踪才算，对吗", "对", "有效追踪"),
     ("OTDR needs valid tracking to count a delivery as on time, right?", "Right", "valid tracking")],
)  # fmt: skip
def test_a_true_belief_is_confirmed(
    kb: KnowledgeBase, question: str, verdict: str, fact: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and fact in line, line
