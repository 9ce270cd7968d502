"""Plain timing questions (set 27): "now or wait?" about a change to tracking gets "now" first
(a change counts only until delivery, so waiting only risks the package arriving first; no
yes or no to "can it wait?", since a change made later but before delivery still counts), and
"will my VTR go up, and by when?" gets the 30-day window, the part that only asks when being
asked of what the first part asked. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.belief_forms import verdict_of
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("承运商选错了，包裹还在路上，我是马上改还是过几天再改", "现在"),
        ("单号漏传了，今天补还是等到下周再补", "现在"),
        ("追踪号可以回头再改吧", "现在"),
        ("wrong carrier on an order still in transit: should I edit it now or wait?", "now"),
        ("should I fix the tracking right away or wait a few days?", "now"),
        ("can I hold off a week before I correct the tracking number?", "now"),
    ],
)  # fmt: skip
def test_now_or_later_gets_now_first(kb: KnowledgeBase, question: str, now: str) -> None:
    line = first_line(kb, question)
    assert now in line.split("：")[0].split(":")[0], line
    assert verdict_of(line) is None, line  # advice, no verdict on "can it wait"


def test_already_delivered_is_the_after_delivery_rule(kb: KnowledgeBase) -> None:
    line = first_line(kb, "包裹已经签收了，我是现在改还是等等再改")
    assert "现在就改" not in line and "缺陷" in line, line


@pytest.mark.parametrize(
    "question",
    [
        "if I switch every label to Buy Shipping starting now, will my VTR rise, and by when?",
        "we fixed our process today. will VTR improve? how soon?",
        "from next week all packages get valid tracking, how long until my VTR goes up?",
        "从今天开始全部用购买配送，VTR会提高吗？要多久？",
        "流程改好了，以后每单都有有效追踪，VTR什么时候能涨上去",
        "现在开始单号都传对了，VTR多久能提上去",
    ],
)
def test_when_vtr_rises_gets_the_30_day_window(kb: KnowledgeBase, question: str) -> None:
    text = reply_text(kb, question)
    assert "30 天" in text or "30 days" in text or "30-day" in text, text
