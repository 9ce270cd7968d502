"""A low VTR can also hurt Premium Shipping and guaranteed delivery eligibility (domain.md §1,
seed 000): said as a belief ("low VTR can cost me premium shipping, correct?", "VTR太低会失去
高级配送资格，对吗"), it is confirmed first; said negated ("VTR低不会影响优先配送吧"), it is
corrected. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line, reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [("low VTR can cost me premium shipping, correct?", "Right", "Not"),
     ("my guaranteed delivery eligibility is at risk with a bad VTR, isn't it?", "Right", "Not"),
     ("does a low VTR affect premium shipping eligibility?", "Yes", "No"),
     ("VTR太低会失去高级配送资格，对吗", "对", "不对"),
     ("有效追踪率低的话保证送达资格也会受影响吧", "对", "不对"),
     ("VTR低不会影响优先配送吧", "不对", "是的")],
)  # fmt: skip
def test_premium_eligibility_belief(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)
    text = reply_text(kb, question)
    assert "Premium Shipping" in text, text
