"""A letter on Amazon.co.uk priced in pounds. Under or near the EU/UK exemption's EUR 20
limit (marketplaces.yaml's margins: EUR 20 was about GBP 16.6-18.4 at the 2022-2025 rates),
an untracked one is exempt only when its Royal Mail postage was bought through Buy Shipping,
and counts otherwise (docs/decisions/018-uk-letters-by-postage.md): that condition leads the
reply, with neither a yes nor a no, and the reply says the report counts UK letters. Over
GBP 19 it is over EUR 20 at any rate: it counts. A letter sent to the UK from an EU country
keeps the cross-border letter rule. Wordings written here, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

_VERDICTS = ("Yes", "No", "Right", "算", "不算", "对", "不对", "不计入")


@pytest.mark.parametrize(
    "question",
    [
        "寄英国的信件订单，11英镑，计入VTR吗",
        "a £13.50 order to amazon.co.uk sent as a large letter, does it count toward VTR?",
        "英国站信件订单18英镑，算不算VTR",
        "UK letter, £17 order: counted in VTR?",
        "欧盟20欧以下的信件豁免，那我英国站皇家邮政寄的平信也一样豁免吧",
        "EU letters under 20 euros don't count, so our Royal Mail letters on the UK site don't either?",
        "英国站用Royal Mail寄的小信封，12英镑，没追踪，算VTR吗",
    ],
)
def test_a_uk_letter_under_the_limit_is_decided_by_its_postage(
    kb: KnowledgeBase, question: str
) -> None:
    first = first_line(kb, question)
    assert not first.startswith(_VERDICTS), first
    assert first.startswith(("Only if", "要看邮资")), first
    assert ("Buy Shipping" in first and "report counts UK letters" in first) or (
        "购买配送" in first and "报告会把英国站的信件算进去" in first
    ), first


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        ("英国站平信寄的40英镑订单不算VTR吧", "不对", ["超过 20 欧元", "计入 VTR"]),
        (
            "is a £22 UK letter order exempt from VTR?",
            "No — ",
            ["over EUR 20", "counts toward VTR"],
        ),
        ("a £7 letter from Germany to a UK buyer, is it exempt?", "Yes", ["EUR 20"]),
    ],
)
def test_over_the_limit_or_from_the_eu_the_letter_rule_decides(
    kb: KnowledgeBase, question: str, verdict: str, said: list[str]
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert all(s in first for s in said), (said, first)
