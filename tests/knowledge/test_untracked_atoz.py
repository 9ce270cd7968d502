"""Issue 21: the belief that leaving tracking off does not matter for A-to-z claims is false
(domain.md §1: without tracking the seller automatically loses every "item not received"
A-to-z claim); asked whether it matters, the answer is yes. Such questions landed on the
unconfirmed-tracking entry or on VTR's untracked-shipments entry. Wordings written for these
tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

LOSES = ("automatically lose", "自动败诉")

CASES = [
    # The false belief, however it is said: corrected first.
    ("不填追踪号，A-to-z那边也不受影响，是真的吗", "不对"),
    ("忘了传单号也没关系，A-to-z索赔照样能赢吧", "不对"),
    ("if I don't add tracking it won't affect my A-to-z claims, correct?", "Not right"),
    ("orders without tracking are fine when a buyer opens an A-to-z, right?", "Not right"),
    # Asked whether it matters: it does.
    ("没有追踪号的订单遇到A-to-z索赔会输吗", "会"),
    ("can an untracked order hurt me in an A-to-z claim?", "Yes —"),
    # The true belief: confirmed.
    ("no tracking means I lose not-received A-to-z claims, right?", "Right"),
]


@pytest.mark.parametrize(("question", "lead"), CASES)
def test_untracked_atoz_verdict_first(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert any(words in line for words in LOSES), (question, line)
