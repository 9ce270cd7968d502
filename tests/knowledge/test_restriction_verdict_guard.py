"""A verdict never contradicts what the same answer states: true beliefs worded as a
restriction ("only … when …", "… are untouched", "只有…才…") are not denied.

Sealed sets keep finding "Not right" on such beliefs: the words saying what falls outside
the restriction ("older ones don't", "FBA的不算", "after that it's a defect") are the words
other beliefs are made of, or a negation of this one. Three checks in code (cards.py,
compose/beliefs.py): a restriction's complement, in clauses of its own, negates nothing
and asks no opposite; a false belief must hold without that complement; and a claim that
denies a restricting belief another claim, fired by the same words, confirms gives no
verdict word. The wordings below are ours.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.cards import Claim
from bot.domain.knowledge.compose import Composer
from bot.domain.knowledge.schema import Texts
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("only self-fulfilled orders count toward VTR, FBA ones are left out, right?", "Right"),
        ("只有自配送的包裹才算VTR，FBA的不算，对吧", "对"),
        ("only packages confirmed in the last 30 days count, older ones don't, yes?", "Right"),
        ("edits only count if made before delivery, after that it's a defect, correct?", "Right"),
        ("只有低于95%的那个类目才会被限制，其他类目照常卖，对吧", "对"),
        ("英国站用皇家邮政邮票寄的平信，只有通过购买配送买的邮票才豁免，对吧", "对"),
        ("FBA offers stay untouched even if a category fails VTR, right?", "Right"),
    ],
)
def test_true_restriction_is_confirmed(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and not line.startswith(("不对", "Not right")), line


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("only integrated carriers need tracking, the others don't, right?", "Not right"),
        ("we only use FBA, so we still have to fix our VTR, right?", "No"),
        ("只有美国站才要求VTR，其他站不用吧", "不对"),
    ],
)
def test_false_restriction_is_still_denied(kb: KnowledgeBase, question: str, verdict: str) -> None:
    assert first_line(kb, question).startswith(verdict)


def _judge_with(kb: KnowledgeBase, *claims: Claim) -> Composer:
    """The knowledge base's own belief judge, over these claims only (a copy: the session's
    base is shared)."""
    assert kb._composer is not None
    judge = copy.copy(kb._composer)
    judge._cards = replace(judge._cards, claims=list(claims))
    return judge


_DENIES = Claim(
    id="test-fba-restricted",
    entry="vtr-fba",
    truth=False,
    when=["fba", "los(?:e|es|ing) [a-z-]+ selling"],
    says=Texts(zh="FBA 不受影响。", en="FBA is not affected."),
)
_CONFIRMS = Claim(
    id="test-fba-left-alone",
    entry="vtr-fba",
    truth=True,
    when=["fba", "untouched"],
    says=Texts(zh="FBA 商品照常销售。", en="FBA offers keep selling."),
)


def test_a_denial_another_claim_confirms_gives_no_verdict(kb: KnowledgeBase) -> None:
    question = "if a category loses self-fulfilled selling my fba listings stay untouched, right?"
    decision = _judge_with(kb, _DENIES, _CONFIRMS)._claim(kb.case(question))
    assert decision is not None
    assert decision.agrees is None and decision.facts["en"] == "FBA offers keep selling."


def test_a_denial_alone_keeps_its_verdict(kb: KnowledgeBase) -> None:
    question = "if a category loses self-fulfilled selling my fba listings go too, right?"
    decision = _judge_with(kb, _DENIES, _CONFIRMS)._claim(kb.case(question))
    assert decision is not None
    assert decision.agrees is False and decision.facts["en"] == "FBA is not affected."
