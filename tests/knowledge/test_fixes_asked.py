"""Issue 21: a fix supposed with the bar asked ('补2个能回到95%以上吗') got no 能/不能 first
('能到95%以上' was no word of passing, and the bar's figure before 吗 hid the verb), 补 / 修 /
改 before a count was no fix, and without any count the question got the steps to fix
instead of what is needed to decide. Figures worked by hand (strictly above 95%). Wordings
written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

FIX_CASES = [
    # 800 shipped, 757 valid: 2 more is 759/800 = 94.875%, not above 95%: 不能.
    ("800单里有效757，再改2个能到95%以上吗", "不能", "94.9%"),
    # 3 more is 760/800 = 95.0%: still not above: 不能.
    ("800单里有效757，补3个能过95%吗", "不能", "95.0%"),
    # 4 more is 761/800 = 95.125%: above: 能.
    ("800单里有效757，修4个能到95%以上吗", "能", "95.1"),
]


@pytest.mark.parametrize(("question", "lead", "figure"), FIX_CASES)
def test_verdict_first(kb: KnowledgeBase, question: str, lead: str, figure: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert figure in line, (question, line)


@pytest.mark.parametrize(
    "question", ["再改2个能到95%以上吗", "if I correct 4 more can I get above 95%?"]
)
def test_fixes_without_counts_ask_for_them(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert not line.startswith(("能", "不能", "Yes", "No")), line
    assert "two" in line or "两个" in line, line
