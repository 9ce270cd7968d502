"""A belief that holds a negated clause of its own ("…, not FBA", "FBA不算", "不会影响其他品类"):
the clause restates what the facts also set apart, so it is no negation of the belief; a
negated clause that denies the belief's own words still flips it. Wordings written here, none
taken from a held-out set; verdicts worked out by hand from /work/shared/domain.md §1 (a
category below 95% loses self-fulfilled selling in that category only; FBA is not in VTR and
not restricted; the account is not suspended for VTR)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

# Many wordings of rules that each have tests of their own: the full tier. Each branch of
# bot/ only these reached has a case in its rule's own tests, in the fast tier
# (docs/development.md, "Checks, tests and translations").
pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        # True beliefs whose second clause negates what the facts set apart (FBA, the others).
        ("VTR掉到95以下只会限制这个类目的自发货，FBA那边不会受牵连吧", "对。", "不对"),
        ("VTR低只停那个分类的自发货，不影响我的FBA，对吗", "对。", "不对"),
        ("VTR不达标只影响那个品类，不会影响其他品类吧", "对。", "不对"),
        ("VTR只看自配送，FBA不算，对吗", "对。", "不对"),
        ("VTR只影响那个品类，不会影响整个店铺吧", "对。", "不对"),
        (
            "low VTR only blocks self-fulfilled selling in that one category, my FBA stock "
            "won't be hit, right?",
            "Right",
            "Not right",
        ),
        (
            "only that category's FBM listings get restricted, FBA isn't touched, correct?",
            "Right",
            "Not",
        ),
        ("a low VTR won't affect my whole account, just that category, right?", "Right", "Not"),
        # A negated clause that denies the belief's own words still makes it false.
        ("FBA也算VTR吧，不是只看自配送的", "不对。", "对。"),
        # A clause saying what the facts set apart is affected too: the belief is false.
        ("VTR只限制那个品类，FBA也会受影响吧", "不对。", "对。"),
        (
            "only that category's self-fulfilled offers get restricted, and FBA gets blocked "
            "too, right?",
            "Not right",
            "Right",
        ),
    ],
)
def test_a_negated_clause_restating_the_facts_keeps_the_verdict(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert not first.startswith(wrong), first


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # VTR is judged per category and marketplace, not for the account (domain.md §1).
        ("VTR is per category, not for the whole account, yes?", "Right"),
        ("VTR's checked category by category and not the entire store, correct?", "Right"),
        ("VTR按类目算，不是整个账号一个数，对吧", "对。"),
        # Tracking added after delivery is a defect (domain.md §1b), however the delivery
        # is worded; 还是 opening a clause is "still", no choice between two.
        (
            "if I upload the number after the parcel has been delivered, it's still a defect, correct?",
            "Right",
        ),
        ("包裹送达后才补的单号，还是算缺陷，对吗", "对。"),
        ("买家签收以后再加的追踪号，还是会算缺陷吧", "对。"),
    ],
)
def test_a_true_belief_gets_its_verdict_first(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    assert first_line(kb, question).startswith(verdict), first_line(kb, question)


def test_a_choice_opened_by_haishi_still_gets_no_verdict(kb: KnowledgeBase) -> None:
    """是A，还是B: a choice between two keeps the fact without a yes or no."""
    first = first_line(kb, "VTR是按订单算，还是按包裹算")
    assert not first.startswith(("对。", "不对。", "是的")), first
    assert "按包裹" in first, first


@pytest.mark.parametrize(
    "message",
    [
        "老师在吗",
        "在不在呀 大佬",
        "帮忙看下嘛",
        "想咨询下",
        "有几个问题想请教下",
        "well ok so",
        "hmm so",
    ],
)
def test_a_greeting_or_a_question_to_come_gets_topics_not_a_refusal(
    kb: KnowledgeBase, message: str
) -> None:
    """Nothing asked yet: an invitation to ask, with the closest topics to pick from, never
    "outside my field" nor "which of these did you mean"."""
    answer = kb.answer(message)
    assert answer.kind == "unsure", (message, answer.kind)
    assert answer.suggestions
    greeted = ("Hello! Go ahead and ask", "你好！请直接提问")
    assert reply_text(kb, message).startswith(greeted), message


def test_a_vague_question_still_asks_which_topic_was_meant(kb: KnowledgeBase) -> None:
    """Something asked, its subject unclear ("这个怎么办"): which one, not "go ahead"."""
    assert reply_text(kb, "这个怎么办").startswith("我不太确定你问的是下面哪一个")


@pytest.mark.parametrize(
    "question", ["购买配送不收额外费用，不用另外付钱吧", "购买配送不收取任何额外费用吧"]
)
def test_buy_shipping_said_free_in_other_words_is_confirmed(
    kb: KnowledgeBase, question: str
) -> None:
    """Amazon charges nothing extra for Buy Shipping (domain.md §2): "不收额外费用" is the
    belief's own negation, no denial of it."""
    assert first_line(kb, question).startswith("对。"), first_line(kb, question)


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        # A second clause restating "no extra fee" with a negation of its own (domain.md §2:
        # Amazon charges nothing extra; postage is settled with the carrier) keeps the yes.
        (
            "Buy Shipping is free to use, I won't have to pay Amazon any extra, correct?",
            "Right",
            "Not",
        ),
        (
            "with buy shipping there are no hidden fees, amazon doesn't take any cut, right?",
            "Right",
            "Not",
        ),
        ("购买配送不收额外费用，不用另外给亚马逊钱，对吧", "对。", "不对"),
        ("购买配送免费，亚马逊不抽成，对吗", "对。", "不对"),
        # A clause denying the postage adds a false belief: corrected.
        ("购买配送不收额外费用，不用付邮费，对吗", "不对。", "对。"),
        ("Buy Shipping is free, I don't pay the postage either, right?", "Not right", "Right"),
        # A false belief's own `says` is the fact against it: a question restating that fact
        # ("FBA不计入VTR") negates the belief "FBA counts", so it is right (domain.md §1).
        ("FBA的单子不计入VTR，对吗", "对。", "不对"),
        ("亚马逊物流的订单不算进有效追踪率吧", "对。", "不对"),
        ("FBA也会被算进VTR吧", "不对。", "对。"),
    ],
)
def test_a_clause_restating_the_belief_or_its_fact_is_read_as_such(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert not first.startswith(wrong), first
