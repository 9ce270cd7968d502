"""Buy Shipping's two protections asked in one breath ("does Buy Shipping protect me on
A-to-z claims and negative feedback?") each get their answer: on-time shipment protects
against related A-to-z claims, and feedback only about late delivery can be struck through
(domain.md §2). Sealed set 25 found the feedback half dropped. Asked of anything else ("no
tracking: do I lose A-to-z claims…?"), A-to-z stays the subject. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text


@pytest.mark.parametrize(
    ("question", "atoz", "feedback"),
    [
        (
            "is buy shipping any help against negative feedback and a-to-z claims?",
            "A-to-z",
            "struck through",
        ),
        ("购买配送能保护我不被A-to-z索赔和差评影响吗", "A-to-z", "删除线"),
    ],
)
def test_both_protections_are_answered(
    kb: KnowledgeBase, question: str, atoz: str, feedback: str
) -> None:
    text = reply_text(kb, question)
    assert atoz in text and feedback in text, text


def test_without_buy_shipping_a_to_z_is_the_subject(kb: KnowledgeBase) -> None:
    text = reply_text(kb, "no tracking: do I lose A-to-z claims and get more negative feedback?")
    assert text.startswith("Yes"), text
