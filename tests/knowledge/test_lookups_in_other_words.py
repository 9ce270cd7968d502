"""Plain look-ups in a seller's other words get the card that answers them: the formula
asked as 'what is divided by what', raising a rate that will not climb (Buy Shipping among
the ways), and Buy Shipping's fee asked as Amazon's cut (none: domain.md §2). Set 32's got
the bar, the consequences and Buy Shipping's description. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("VTR的比例到底是哪个数除以哪个数", "÷"),
        ("tracking rate: which number is divided by which?", "÷"),
        ("追踪率一直很低，有什么实际的提升办法", "购买配送"),
        ("用购买配送买面单，亚马逊收不收佣金", "不"),
        ("does Amazon take a percentage on Buy Shipping labels?", "nothing extra"),
    ],
)
def test_a_lookup_in_other_words_gets_its_card(kb: KnowledgeBase, question: str, said: str) -> None:
    assert said in reply_text(kb, question)
