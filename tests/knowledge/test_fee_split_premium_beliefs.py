"""Beliefs that got no verdict first, or a wrong one, in sealed set 25's development run,
each family in wordings of our own (issue 21; facts from domain.md):

- Buy Shipping's cost: "Amazon charges nothing extra" (§2), so a cut or fee said with its
  size or a hedge ("takes like a 5% cut", "抽5个点") is denied, and "收不收费" (asked both
  ways) is no belief that it is free, answered "收。".
- An order split into packages counts each package (§1b: one tracking ID per package), said
  as "只算一个货件" or "算一票" too.
- A low VTR can hurt Premium Shipping eligibility (§1): "has zero effect", "没任何影响" deny it.
- A typo carrying a question word ("亚吗逊", Amazon) splits no message into two questions.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    "question",
    [
        "buy shipping: amazon keeps a small commission on each label, yes?",
        "isn't there like a 3% surcharge amazon adds to every buy shipping label?",
        "购买配送亚马逊每单抽5个点对吧",
    ],
)
def test_a_cut_on_buy_shipping_is_denied(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("Not right", "No", "不对")), line
    assert "nothing extra" in line or "不额外收费" in line, line


def test_asked_both_ways_is_no_belief_that_it_is_free(kb: KnowledgeBase) -> None:
    line = first_line(kb, "亚马逊的购买配送收不收费")
    assert not line.startswith("收"), line
    assert "不额外收费" in line or "不为“购买配送”另收" in line, line


@pytest.mark.parametrize(
    "question",
    [
        "一单拆成两个包裹发，只算一个货件吧",
        "一个订单分两箱发，VTR里算一票对吧",
        "order split into 2 boxes, it only counts as one shipment, right?",
    ],
)
def test_a_split_order_counts_each_package(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("不对", "Not right")), line
    assert "两个" in line or "twice" in line, line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("VTR低对保证送达毫无影响，对吗", "不对"),
        ("VTR掉到95以下对Premium配送资格没任何影响吧", "不对"),
        ("low vtr makes no impact on premium shipping eligibility, yes?", "Not right"),
        # "zero" negates like "no" (the verdict guard's words that deny).
        ("a low VTR has exactly zero effect on premium shipping, correct?", "Not right"),
        ("low VTR can cost me premium shipping eligibility, right?", "Right"),
    ],
)
def test_premium_shipping_beliefs_get_their_verdict_first(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "Premium Shipping" in line, line


def test_a_typo_with_a_question_word_splits_nothing(kb: KnowledgeBase) -> None:
    text = reply_text(kb, "我用亚吗逊的购买配送，追踪率能不能提高")
    assert "自动上传" in text, text
    assert not text.startswith("不额外收费"), text
