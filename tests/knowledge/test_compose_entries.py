"""compose/, cards.py and base.py: which entry a question reaches, when it gets topics
instead, and what the first line leads with when no verdict is due. One case per branch,
in the fast tier; the many wordings are tests/knowledge/test_decisions.py's,
test_generalisation.py's, test_beliefs_decided.py's and test_figures_restated.py's, in the
full one."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


def test_which_shipments_are_exempt_gets_the_list(kb: KnowledgeBase) -> None:
    answer = kb.answer("what orders are not counted in VTR")
    assert (answer.kind, answer.matched) == ("answer", "vtr-exempt-shipments")


@pytest.mark.parametrize(
    "question",
    [
        # A warning from Amazon is not the bot's alerts: no subject named, so topics.
        "亚马逊给我发了警告邮件怎么办",
        # A trouble announced, nothing asked.
        pytest.param("something wrong with my numbers", marks=pytest.mark.fast),
    ],
)
def test_a_message_naming_no_subject_gets_topics(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure" and answer.matched is None, (answer.kind, answer.matched)
    assert 1 <= len(answer.suggestions) <= 3


def test_the_shorter_promises_told_by_half_get_no_verdict(kb: KnowledgeBase) -> None:
    """98% without the 97% on time: neither a no about VTR's 95% nor a yes; the rule whole."""
    first = first_line(kb, "追踪率98%以上就可以缩短运输时效吗")
    assert not first.startswith(("不", "是", "对", "可以")), first
    assert "97%" in first, first


def test_a_contrast_beside_a_belief_is_no_negation_of_it(kb: KnowledgeBase) -> None:
    """Buy Shipping costs nothing extra (domain.md §2): ', not a paid service' denies the
    alternative, not the belief."""
    first = first_line(kb, "buy shipping costs nothing extra, not a paid service, correct?")
    assert first.startswith("Right: "), first


def test_the_defect_report_s_category_filter_is_not_the_per_category_rule(
    kb: KnowledgeBase,
) -> None:
    first = first_line(kb, "can I filter the VTR defect report by category?")
    assert "defect report" in first and "account-wide" not in first, first


def test_tracking_edited_before_or_after_delivery_is_that_entry(kb: KnowledgeBase) -> None:
    """Tracking given after delivery is a defect, before it is not (domain.md §1); the
    buyer's words do not pull it to Buy Shipping's feedback."""
    first = first_line(
        kb, "edited tracking before the buyer got it vs after delivery, which hurts VTR?"
    )
    assert "after delivery" in first and "defect" in first, first
    assert "feedback" not in first, first


def test_a_long_story_is_answered_by_what_it_asks(kb: KnowledgeBase) -> None:
    question = "我们卖家居的，在宁波，平时发云途和燕文，上个月亚马逊发邮件说VTR不行，请问这个数到底怎么计算的"
    assert kb.answer(question).matched == "vtr-formula"


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # A marketplace the EU/UK update names, believed left out of VTR: not right.
        (
            "德国站自发货不用考核VTR吧 德国和英国都在欧洲",
            "不对。按 2025 年 1 月 15 日起的欧盟/英国新规，发往或发自德国站的跨境货件计入 VTR。",
        ),
        # The UK named only as a destination: the bar's list answers, no EU-rule lead.
        (
            "orders to the UK don't count toward VTR anymore because the UK is outside the EU, right?",
            "Not right: For self-fulfilled orders shipped from China to Amazon.co.uk (UK), VTR "
            "must be above 95%.",
        ),
    ],
)
def test_a_marketplace_believed_out_of_vtr_for_being_outside_the_eu(
    kb: KnowledgeBase, question: str, first: str
) -> None:
    assert first_line(kb, question) == first


def test_a_greeting_announcing_a_subject_gets_topics(kb: KnowledgeBase) -> None:
    answer = kb.answer("在吗 想问个自发货的问题")
    assert answer.kind == "unsure" and answer.suggestions, answer


def test_a_typo_with_an_inflection_s_ending_is_repaired(kb: KnowledgeBase) -> None:
    """ "deliverd" is a typo of "delivered", not an inflection of "deliver"."""
    assert "delivered" in kb._normalized("the parcel shows deliverd but no tracking").split()


def test_two_facets_of_one_metric_are_each_read(kb: KnowledgeBase) -> None:
    """A target and a window said of ODR in one sentence: both are ODR's (under 1%, 60
    days), read as two facets of it."""
    first = first_line(kb, "ODR has a 60 day window and a 1% target, right?")
    assert first == "Right: Order Defect Rate (ODR): the target is under 1%, over 60 days.", first
