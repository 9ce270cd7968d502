"""Two beliefs whose words held a negation that is no denial of what they judge (sealed
set 26, after its grading).

China Post numbers on Amazon Japan must end in "CN" (domain.md §1b): "doesn't have to end
in CN", "不一定要CN结尾", "没必要…" state the false belief, so No first (set 26 got "Right: …
must end in CN"). Buy Shipping's strike-through covers only delivery feedback on on-time
orders (domain.md §2): "all feedback can be struck through, it doesn't count toward ODR" is
the false belief with what a struck-through feedback is ("不算ODR"), no negation of it
(set 26's first-line check found "对。不是所有差评都能删"). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "For JP orders via China Post the tracking doesn't need to end in CN, right?",
            "Not right",
        ),
        ("China Post to Japan: the number doesn't have to end with CN, correct?", "Not right"),
        ("日本站中国邮政的单号不一定要CN结尾，只要是S10格式就行吧", "不对"),
        ("发日本站的中国邮政单号没必要以CN结尾吧", "不对"),
        ("japan china post numbers must end in CN right?", "Right"),
        ("日本站用中国邮政，单号必须CN结尾，对吧", "对"),
    ],
)
def test_china_post_on_japan_needs_cn(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("用购买配送的话，任何差评都可以删掉，也不计入ODR，是吧", "不对"),
        (
            "With Buy Shipping every negative feedback can be struck through and won't count "
            "toward ODR, correct?",
            "Not right",
        ),
        (
            "buy shipping means any bad feedback gets removed and doesn't count in my ODR right",
            "Not right",
        ),
        ("用购买配送按时发货，只说配送迟到的差评可以划掉，不计入ODR，对吧", "对"),
    ],
)
def test_any_feedback_struck_through_is_denied(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line


def test_any_ending_is_denied(kb: KnowledgeBase) -> None:
    line = first_line(
        kb, "Japan China Post tracking can end in anything as long as it's S10, right?"
    )
    assert line.startswith("Not right"), line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # "不一定要" says a rule's need does not hold: the before-delivery rule denied, so No
        # (domain.md §1b); FBA's tracking said not needed is the true belief (§1).
        ("追踪号不一定要在签收前上传吧", "不对"),
        ("追踪号要在签收前上传，对吧", "对"),
        ("FBA订单不一定要追踪号吧", "对"),
        ("FBA订单也要上传追踪号吧", "不对"),
    ],
)
def test_not_necessarily_denies_the_need(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
