"""China Post numbers for Amazon Japan must end in "CN" (domain.md §3): a belief that another
ending will do ("用JP结尾就可以", "a US-ending number is fine") names a value other than the
rule's and is false, however the ending is said; the reply led with '对'. Wordings written
here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("日本站中国邮政的单号是JP结尾也行吧", "不对"),
        ("中国邮政发日本站，追踪号用US结尾没问题吧", "不对"),
        ("china post to amazon japan, a JP-ending number is ok?", "No"),
        ("日本站中国邮政单号以CN结尾对吧", "对"),
    ],
)
def test_another_ending_than_cn_is_false(kb: KnowledgeBase, question: str, verdict: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert "CN" in first, first
