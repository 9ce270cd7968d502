"""Issue 21, found by probing: "我可以跳过上传追踪号吗" (skip) got the timing entry, a carrier
strike got the all-carriers entry, and pinyin asking the must-rule or the date choice was
unread. Skip words (跳过, 省略, 免) ask the skippable claim; a carrier's strike is the holidays'
silence (carriers closed: no pause documented); pinyin of the asking words is read.
Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize("question", ["FBM订单能不能跳过填追踪号", "自发货可以省掉单号吗"])
def test_skip_words_ask_whether_tracking_may_be_left_out(kb: KnowledgeBase, question: str) -> None:
    assert first_line(kb, question).startswith("不"), first_line(kb, question)


@pytest.mark.parametrize(
    "question", ["royal mail postal strike next week - is vtr paused?", "物流罢工VTR会暂停吗"]
)
def test_a_carrier_strike_gets_the_silence(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "does not say" in line or "没有说" in line, line


def test_feedback_strike_through_stays_buy_shipping(kb: KnowledgeBase) -> None:
    assert kb.answer("does buy shipping strike through delivery feedback").matched != (
        "vtr-holidays"
    )


def test_pinyin_date_choice_is_read(kb: KnowledgeBase) -> None:
    line = first_line(kb, "vtr an fahuo riqi haishi qianshou riqi")
    assert "promised delivery date" in line or "承诺送达日期" in line, line


def test_adding_tracking_later_is_no_skip(kb: KnowledgeBase) -> None:
    # Later, before delivery, is allowed: the timing rule, not "cannot be left out".
    assert "不能省" not in first_line(kb, "追踪号能不能过两天再补上传")
