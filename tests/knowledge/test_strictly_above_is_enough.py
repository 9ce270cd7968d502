"""Issue 21: the true belief that strictly above 95% is enough ('只要超过95%就行，对吗',
'above 95% is enough, right?') was read as the false one that 95% is enough and got 'Not
right'; 95% said alone as enough stays Not right (95.0% is not above 95%, domain.md §4.5).
Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

CASES = [
    ("有效追踪率只要大于95%就够了吧", "对"),
    ("so anything above 95% is enough, yes?", "Right"),
    ("高于95%就稳了对吗", "对"),
    ("a rate higher than 95% is fine, right?", "Right"),
    ("anything over 95% passes, correct?", "Right"),
    # 95% itself as enough: not above the bar.
    ("追踪率95%就稳了吧", "不对"),
    ("95 percent is fine right?", "Not right"),
    # Another metric's own rate asked whether it passes: its own target decides (LSR < 4%).
    ("LSR 4% passes?", "No —"),
    # The bar, then 95% believed enough: two figures, the second is the belief.
    ("it must be over 95%, so 95% passes, right?", "Not right"),
]


@pytest.mark.parametrize(("question", "lead"), CASES)
def test_strictly_above_is_enough(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert "95" in line or "4%" in line, (question, line)
