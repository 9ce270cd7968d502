"""Valid means at least one carrier scan with a carrier that matches the number (domain.md
§1b): the belief that having a number is enough ('只要有单号就算有效吧', 'having a tracking
number is enough, right?') is false and is denied first. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("有单号就行了吧", "不对"),
        ("只要有單號就算有效吧", "不对"),
        ("有追踪号的包裹就算有效对吧", "不对"),
        ("as long as there is a tracking number it counts as valid right", "Not right"),
        ("having a tracking number is enough, right?", "Not right"),
    ],
)
def test_a_number_alone_is_denied_first(kb: KnowledgeBase, question: str, verdict: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert "扫描" in first or "scan" in first, first
