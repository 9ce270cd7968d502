"""Beliefs whose fact the bot already stated, but with no verdict before it (set 27): a true
one said in the seller's own words ("不额外收钱，运费还是跟承运商结": 还是 is "still" there, no
choice offered), and false ones no claim held ("单号填错了没关系，不用改", "只有贵的单子才要追踪",
"no need to fix an unconfirmed ID, Amazon corrects it"). Each now reaches its claim, so its
verdict leads; the same belief said the other way gets the other verdict. Timing beliefs about
editing ("只有收到货之前改才有用，收到之后再改还是算缺陷") reach the edit-before-delivery rule,
not a metric's name ("还是算缺陷" is no "which metric" asked). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.belief_forms import verdict_of
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        # Buy Shipping's fee: true, said with 还是 as "still"
        ("用购买配送亚马逊不会另外收费，邮费还是自己跟快递结，对吧", True, "承运商"),
        ("买配送的话亚马逊不多收钱，运费还是照常付给物流，是吧", True, "承运商"),
        ("Amazon doesn't charge anything on top for Buy Shipping, the postage still goes to the carrier, right?", True, "carrier"),
        ("用购买配送亚马逊会另外收一笔费用吧", False, "承运商"),
        # A wrong number said not to matter
        ("追踪号填错了也不要紧，不用改，对吗", False, "编辑追踪"),
        ("单号写错了没什么大不了的吧，反正亚马逊不查", False, "编辑追踪"),
        ("a mistyped tracking number doesn't matter, no need to fix it, right?", False, "Edit tracking"),
        ("my agent says a wrong tracking number is no big deal, true?", False, "Edit tracking"),
        ("a wrong tracking number drags VTR down, right?", True, "Edit tracking"),
        # Tracking said to be only for dear orders
        ("听说只有高价的订单才需要追踪号，便宜的不用，对吗", False, "所有自配送订单"),
        ("不是每单都要传单号吧，只有大额订单才要", False, "所有自配送订单"),
        ("only pricey orders need a tracking number, right?", False, "Every self-fulfilled order"),
        ("I heard not every order needs tracking, just the high-value ones, true?", False, "Every self-fulfilled order"),
        # An unconfirmed number said to need no fix
        ("显示未确认的单号不用管吧，亚马逊会自动纠正", False, "编辑追踪"),
        ("未确认的追踪号不需要改，对吗", False, "编辑追踪"),
        ("no need to fix an unconfirmed tracking ID since Amazon sorts it out automatically, right?", False, "Edit tracking"),
        ("I can leave an unconfirmed number as it is, correct?", False, "Edit tracking"),
    ],
)  # fmt: skip
def test_the_belief_s_claim_leads_with_its_verdict(
    kb: KnowledgeBase, question: str, verdict: bool, said: str
) -> None:
    line = first_line(kb, question)
    assert verdict_of(line) is verdict, line
    assert said in line, line


@pytest.mark.parametrize(
    "question",
    [
        "只有买家签收以前改单号才有效，签收以后再改还是算缺陷，是吧",
        "包裹送到之前改追踪号就行，送到之后再改还是会算缺陷吧",
        "单号只能在买家拿到货之前改，对吗",
        "edits only count if made before the buyer gets the package; after delivery it's still a defect, right?",
        "tracking only counts if I fix it before delivery, after delivery a change is a defect, correct?",
        "I can only correct tracking before the package is delivered, right?",
    ],
)  # fmt: skip
def test_editing_before_delivery_is_confirmed(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert verdict_of(line) is True, line
    assert any(w in line for w in ("送达", "签收", "before delivery")), line


@pytest.mark.parametrize(
    "question", ["包裹送达以后再补追踪号也算有效吧", "妥投以后改单号还来得及，对吗"]
)
def test_editing_after_delivery_said_in_time_is_denied(kb: KnowledgeBase, question: str) -> None:
    assert verdict_of(first_line(kb, question)) is False


@pytest.mark.parametrize("question", ["改了单号以后算有效还是算无效", "A-to-Z是算VTR还是算ODR"])
def test_two_options_offered_stay_a_choice(kb: KnowledgeBase, question: str) -> None:
    """还是 between two options, the same verb on both sides, gets no yes or no."""
    assert verdict_of(first_line(kb, question)) is None


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        (
            "VTR是按订单算不是按包裹算的吧",
            False,
        ),  # "对" on ed3d825: the package denied read as a negation
        ("VTR算的是订单数不是包裹数，对吧", False),
        ("VTR is per order not per package, right?", False),
        ("VTR不是按包裹来算的，是吧", False),  # no verdict on ed3d825
        ("听说VTR不是按包裹数统计的，对吗", False),
        ("VTR是按包裹数统计的，对吗", True),
    ],
)
def test_the_unit_believed_gets_the_unit_s_verdict(
    kb: KnowledgeBase, question: str, verdict: bool
) -> None:
    line = first_line(kb, question)
    assert verdict_of(line) is verdict, line
    assert "包裹" in line or "package" in line, line
