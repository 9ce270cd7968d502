"""Issue 21: "whats the vtr window 30 or 60 days" got "VTR looks at the last 30 days, not
that many": a choice between two windows names the one VTR counts over (30 days,
metrics.yaml) and the other it is not. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("is vtr counted over 30 or 90 days", "not 90"),
        ("VTR 7 days or 30 days?", "not 7"),
        ("is it 30 days or 60 days, the tracking rate", "not 60"),
    ],
)
def test_window_choice_named_in_english(kb: KnowledgeBase, question: str, other: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("VTR looks at the last 30 days"), (question, line)
    assert other in line, (question, line)


@pytest.mark.parametrize(
    ("question", "other"),
    [("有效追踪率算90天还是30天的", "不是 90 天"), ("VTR是看30天还是60天", "不是 60 天")],
)
def test_window_choice_named_in_chinese(kb: KnowledgeBase, question: str, other: str) -> None:
    line = first_line(kb, question)
    assert "30 天" in line and other in line, (question, line)


def test_window_of_another_metric_is_its_own(kb: KnowledgeBase) -> None:
    line = first_line(kb, "LSR是10天还是30天")
    assert "10 天和 30 天" in line, line
