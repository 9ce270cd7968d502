"""The belief that US orders from China under USD 5 need no tracking at all is not right:
under USD 5 they need at least one carrier scan, which only tracking gives (domain.md §1b).
It got the rule with no verdict first. Wordings written here, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("china to US, orders below $5 don't even need tracking, correct?", "Not right"),
        pytest.param(
            "from China to the US, a $4 order doesn't need a tracking number, right?",
            "Not right",
            marks=pytest.mark.fast,
        ),
        ("美国站中国直发，5美元以下的单子不用上传单号，对吧", "不对。"),
        ("美国站低于5美元的订单免追踪是吧", "不对。"),
    ],
)
def test_no_tracking_under_five_dollars_is_not_right(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert "5" in first, first
