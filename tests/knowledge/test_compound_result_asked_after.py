"""A second question that asks when its result comes ("多久能有结果", "一般多久出结果") is about
what the first asked (an appeal: Amazon publishes no review time, domain.md §3), not VTR's
window (sealed set 26's '…多久能有结果？' got the 30-day window and its two weeks' latency).
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text


@pytest.mark.parametrize(
    "question", ["申诉信怎么写？一般多久出结果", "行动计划要包含哪些内容？提交后多久有结果？"]
)
def test_the_result_is_the_appeals(kb: KnowledgeBase, question: str) -> None:
    text = reply_text(kb, question)
    assert "根本原因" in text and "没有公布" in text, text
    assert "承诺送达日期" not in text and "72 小时" not in text, text  # not VTR's window
