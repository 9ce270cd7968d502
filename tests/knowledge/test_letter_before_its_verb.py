"""A letter said as '…的信' followed by what happens to it ('19.99欧元的信寄到法国要追踪吗') was
not read as a letter (only '的信' ending a clause was), so a EUR 19.99 letter got '要…这单不是
用信件寄的', a wrong fact: under EUR 20 and sent as a letter it is exempt (domain.md §1b).
信息, 信用卡, 信誉 stay no letter. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("19.99欧元的信寄到法国要追踪吗", "不计入"),
        ("12欧的信发意大利算VTR吗", "不计入"),
        ("25欧的信寄到西班牙要追踪吗", "要"),
    ],
)
def test_a_letter_before_its_verb_is_a_letter(kb: KnowledgeBase, question: str, lead: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first
    assert "不是用信件" not in first, first


def test_a_credit_card_is_no_letter(kb: KnowledgeBase) -> None:
    assert kb.case("亚马逊的信用卡拒付算ODR吗").letter is False
