"""A penalty asked of another metric than VTR ("…会被封吧", "will I get suspended?") is about
what follows a miss, not whether a rate passes. From /work/shared/domain.md §3: On-Time
Delivery Rate's > 90% is a target, not an enforced bar in most marketplaces, so the belief
that missing it gets the account suspended is not right; for LSR (< 4%), PFCR (< 2.5%) and
ODR (< 1%) domain.md gives the targets and says nothing of what follows a miss, so the reply
says so and confirms nothing. A rate the seller tells (not the target itself) is judged after
it. Wordings written here, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection

_POSITIVE = ("Right", "Yes", "对。", "会。", "是的")


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        ("准时送达率要是低于90%，账号就会被封掉，对吧", "不对。", "对。"),
        ("OTDR跌到80%会不会被封店", "不会。", "会。"),
        ("OTDR below 90 gets you suspended, right?", "Not right", "Right"),
        ("on-time delivery rate at 86%, will amazon deactivate me?", "No", "Yes"),
        # The belief that nothing follows is the true one.
        ("准时交货率没到90%也不会被封号吧", "对。", "不对。"),
        ("on time delivery under 90% won't get my account suspended, right?", "Right", "Not"),
    ],
)
def test_otdr_is_no_enforced_bar(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert not first.startswith(wrong) or verdict.startswith(wrong), first
    assert "90" in first, first


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("订单缺陷率超过1%肯定会被封号吧", "没有写明"),
        ("迟发率一旦高过4%，亚马逊会封店吗", "没有写明"),
        ("取消率超了2.5%会被处罚吧", "没有写明"),
        ("late shipment rate over 4% means my account gets suspended, right?", "not what Amazon"),
        (
            "cancel rate above 2.5% and amazon will deactivate my account, correct?",
            "not what Amazon",
        ),
        ("ODR went past 1%, am I getting banned?", "not what Amazon"),
    ],
)
def test_a_penalty_the_sources_do_not_state_is_not_confirmed(
    kb: KnowledgeBase, question: str, said: str
) -> None:
    """No yes: nor the VTR claim ('VTR does not suspend the whole account'), which is about
    another metric."""
    first = first_line(kb, question)
    assert not first.startswith(_POSITIVE), first
    assert said in first, first
    assert "VTR" not in first and "有效追踪" not in first, first


def test_a_rate_told_is_judged_after_what_follows(kb: KnowledgeBase) -> None:
    """ODR 1.6% against under 1%: it misses the target; what follows is not stated."""
    text = reply_text(kb, "我的订单缺陷率是1.6%，会不会被封号")
    first = text.split("\n", 1)[0]
    assert not first.startswith(_POSITIVE), first
    assert "没有写明" in first and "1.6%" in first and "不达标" in first, first
    text = reply_text(kb, "OTDR is 84% now, will I get suspended?")
    first = text.split("\n", 1)[0]
    assert first.startswith("No"), first
    assert "84%" in first and "misses it" in first, first
