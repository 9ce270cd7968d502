"""Issue 21: another metric asked "also 95%?" ('准时交货率也是95%吗') is VTR's bar likened to
it, a target asked, not the seller's own rate: the answer is that metric's own target
(domain.md §3: OTDR > 90%, ODR < 1%, LSR < 4%), with 不是/No first when it differs. A
seller who says the rate is theirs ("my …") keeps a rate's reading. Wordings written for
these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

CASES = [
    ("OTDR也一样是95%吗", "不是", "90%"),
    ("on-time delivery rate is 95% as well?", "No —", "90%"),
    ("订单缺陷率同样是95%吗", "不是", "1%"),
    # The same figure as its own target: yes.
    ("is the late shipment rate also 4%?", "Yes —", "4%"),
]


@pytest.mark.parametrize(("question", "lead", "target"), CASES)
def test_likened_target_is_the_metric_s_own(
    kb: KnowledgeBase, question: str, lead: str, target: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert target in line, (question, line)


def test_own_rate_is_no_target(kb: KnowledgeBase) -> None:
    # 95% is the seller's OTDR: above the 90% target, so fine; not "不是".
    line = first_line(kb, "我的准时交货率现在也是95%，没问题吧")
    assert not line.startswith("不是"), line
    assert "90%" in line, line
