"""An entry that names a carrier for one marketplace (China Post's "CN" ending is Japan's)
does not answer that carrier asked of another: 'is china post ok for amazon us' got Japan's
rules. Asked of Japan, the Japan entry still answers. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("is china post ok for amazon us", "Yes"),
        ("can we ship with china post to germany", "Yes"),
        ("中国邮政发美国站可以吗", "可以"),
    ],
)
def test_another_marketplace_gets_the_carrier_answer(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    answer = kb.answer(question)
    first = first_line(kb, question)
    assert answer.matched != "japan-rules" and first.startswith(verdict), first
    assert "JPY" not in first and "日元" not in first, first


def test_japan_asked_keeps_its_rules(kb: KnowledgeBase) -> None:
    assert kb.answer("china post to japan, anything special?").matched == "japan-rules"
