"""A letter on the UK marketplace priced in euros ('英国的信件20欧以下算不算', 'is a 15 euro letter
to a UK buyer exempt?') is the UK's own letter: decision 018's condition leads (exempt only
when its Royal Mail postage was bought through Buy Shipping), in both languages, neither a
yes nor a no. It was decided by the EU letter exemption ('不算。…', 'Right: …', 'Yes — …
exempt'), since only a pound amount or Royal Mail named made it the UK's own. A letter from
an EU country to a UK buyer keeps the cross-border rule; one over EUR 20 counts as before.
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

CONDITION = (
    "Only if its Royal Mail postage was bought through Buy Shipping",
    "要看邮资是不是通过“购买配送”买的",
)


@pytest.mark.parametrize(
    "question",
    [
        "英国站的信件，订单18欧，算进VTR吗",
        "英国站平信寄的小单不到20欧元，是不是不计入",
        "uk letters below 20 euro don't count for vtr, correct?",
        "does a €9 letter order on Amazon UK count toward VTR?",
        "英国站信件订单低于20欧元就豁免了吧",
    ],
)
def test_a_uk_letter_in_euros_leads_with_the_postage_condition(
    kb: KnowledgeBase, question: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(CONDITION), first


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("a €14 letter sent from France to a UK buyer, does it count?", "No —"),
        ("从法国寄给英国买家的信件，14欧，算VTR吗", "不"),
        ("英国站信件订单30欧算VTR吗", "算"),
    ],
)
def test_a_letter_from_the_eu_or_over_the_limit_keeps_its_rule(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead) and not first.startswith(CONDITION), first
