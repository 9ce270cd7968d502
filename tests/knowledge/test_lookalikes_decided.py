"""Found by probing, five lookalikes: 'difference between VTR and delivery rate' got an ODR
line ('delivery rate' named no metric: it is OTDR); 'how do i get ungated in a category' got
VTR per category (category approval is not this bot's field); 'can i use my own carrier
instead of buy shipping and still be ok' got Buy Shipping's limits (the question is whether
other carriers count: every provider counts once valid, domain.md §1, §2); 'my vtr is 96.5%
but amazon says it's below target' got the target alone (96.5% is above: Amazon judges per
category and marketplace, keyed on promised delivery dates, two weeks late, domain.md §1b);
"what's a good vtr" got the definition (above 95%, first). Wordings written for these
tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    ["how is VTR different from the on-time rate?", "有效追踪率和送达率是一回事吗，区别在哪"],
)
def test_delivery_rate_is_otdr_beside_vtr(kb: KnowledgeBase, question: str) -> None:
    text = reply_text(kb, question)
    assert kb.answer(question).matched == "metric-on-time-delivery", text
    assert "90%" in text and "95%" in text, text
    assert "1.7" not in text, text


@pytest.mark.parametrize(
    "question",
    ["what do I need to get approved to sell in a gated category", "玩具类目审核要准备什么资料"],
)
def test_category_approval_is_not_my_field(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("is it fine to ship with a local courier rather than Amazon's Buy Shipping?", "Yes"),
        ("will my vtr suffer if i send with a different courier instead of buy shipping", "No"),
        ("不走购买配送，用我们自己的物流渠道可以吗", "可以"),
        ("用其他快递代替购买配送会影响有效追踪率吗", "不会"),
    ],
)
def test_another_carrier_instead_of_buy_shipping_counts(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), line
    assert "every shipping provider" in line or "所有物流服务商" in line, line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "amazon flagged my valid tracking rate as too low even though it's 97.4%, how come",
            "A VTR of 97.4% passes the bar",
        ),
        ("我自己算的VTR是96.2%，为什么亚马逊后台显示不达标", "有效追踪率 96.2% 已达标"),
    ],
)
def test_a_rate_above_the_bar_that_amazon_flags_gets_both(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert ("category" in line and "two weeks" in line) or ("分类" in line and "两周" in line), line


def test_a_rate_below_the_bar_that_amazon_flags_is_no_contradiction(kb: KnowledgeBase) -> None:
    line = first_line(kb, "amazon says my vtr is below target, it's 94.1%, why")
    assert "passes the bar" not in line, line


@pytest.mark.parametrize(
    "question",
    [
        "what would be a healthy VTR to aim for",
        "VTR多少才算正常",
        "what's an ok vtr",
        "which vtr figure should a seller aim at",
        "有效追踪率目标定多少合适",
    ],
)
def test_a_good_vtr_asked_is_the_bar_first(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "95%" in line, line
    assert "above" in line or "高于" in line, line
