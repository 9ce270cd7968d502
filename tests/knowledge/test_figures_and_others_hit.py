"""Issue 21: the seller's figures asked beside whether other categories are hit ("…am I ok
and will my other categories be restricted"). The question about the others is no word of
failing: the figures' verdict comes from the part that asks of them, and the others' part
gets its own answer (only the failing category's self-fulfilled offers are restricted,
domain.md §1). Wordings written for these tests; figures worked by hand (strictly above 95%)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection

OTHERS_NOT_HIT = ("other categories", "其他分类")

CASES = [
    # 380 of 400 = 95.0%: not above 95%, so not ok; one more valid is 381/400 = 95.25%.
    ("380/400 valid, am I fine and will my other categories get restricted", "No —", "95.0%"),
    # 291 of 300 = 97.0%: above 95%.
    ("291 of 300 valid - am I safe and do other categories get blocked too?", "Yes —", "97.0%"),
    # 475 of 500 = 95.0%: 不达标.
    ("500个包裹475个有效，达标吗，别的类目会被限制吗", "不达标", "95.0%"),
]


@pytest.mark.parametrize(("question", "lead", "figure"), CASES)
def test_figures_verdict_first_and_others_answered(
    kb: KnowledgeBase, question: str, lead: str, figure: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert figure in line, (question, line)
    text = reply_text(kb, question)
    assert any(words in text for words in OTHERS_NOT_HIT), text


@pytest.mark.parametrize(
    "question",
    [
        # 380 of 400 = 95.0%, but only the others are asked about: no Yes/No on the figures.
        "380 of 400 valid, will my other categories get restricted?",
        "400个里380个有效，其他品类会被限制吗",
    ],
)
def test_only_the_others_asked_gets_no_yes_on_the_figures(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert not line.startswith(("Yes", "No", "是", "对")), line
    assert "95.0%" in line, line
    text = reply_text(kb, question)
    assert any(words in text for words in OTHERS_NOT_HIT), text
