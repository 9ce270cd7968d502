"""Issue 21: 'VTR低于95%多久会被限制' got the how-to-fix list. The sources say a category below the
bar can lose self-fulfilled selling, that VTR covers 30 days and is reported about two weeks
late, and nothing of how soon a restriction follows (domain.md §1, §1b): the answer says so
plainly and never invents a number of days. With a rate told, the rate's verdict comes first,
then the same. Wordings written for these tests, none taken from a held-out set."""

from __future__ import annotations

import re

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text

pytestmark = pytest.mark.collection

QUESTIONS = [
    "有效追踪率低于95以后，过几天会被限制分类？",
    "VTR不达标是立刻就限制销售吗",
    "once vtr dips under 95% how long until amazon restricts the category",
    "is there some grace period before a low VTR gets me blocked?",
    "how fast will amazon block the category after VTR falls under the bar",
]
_NO_TIMELINE = ("no timeline", "没有公布具体的时间")
_DAYS = re.compile(r"(\d+)\s?(?:days?|天)")


@pytest.mark.parametrize("question", QUESTIONS)
def test_how_soon_is_unpublished(kb: KnowledgeBase, question: str) -> None:
    text = reply_text(kb, question)
    first = text.split("\n", 1)[0]
    assert any(w in first for w in _NO_TIMELINE), first
    # The only day counts stated are the window's 30 days, never a delay invented.
    assert {m.group(1) for m in _DAYS.finditer(text)} <= {"30"}, text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("VTR现在94%，会不会马上被限制", "94%"),
        ("vtr sitting at 92.5, how many days before they block the category?", "92.5%"),
    ],
)
def test_rate_told_then_how_soon(kb: KnowledgeBase, question: str, verdict: str) -> None:
    first, second = reply_text(kb, question).split("\n")[:2]
    assert verdict in first, first
    assert any(w in second for w in _NO_TIMELINE), second
