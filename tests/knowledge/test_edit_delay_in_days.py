"""How long a tracking edit takes to show, believed in days, is decided against the 72 hours.

domain.md §1b: edits to tracking take up to 72 hours to show; the 30-day window and the
two weeks' latency are other facts. Sealed set 23 found "edits … can take like 3 days
before they show up?" answered with the 30-day window and no yes, and "一个月才显示" was
confirmed by the 30-day window's claim. The wordings below are ours, not the set's.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("after a carrier fix it can take three days to show in VTR, right?", "Right"),
        ("改了单号要等三天左右才在VTR里显示，对吗", "对"),
        pytest.param(
            "编辑追踪信息以后两三天才会体现在有效追踪率里吧", "对", marks=pytest.mark.fast
        ),
    ],
)
def test_three_days_is_confirmed(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and "72" in line, line


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("tracking edits take about a week to show up in vtr, right?", "Not right"),
        ("改了追踪号要一个月才显示吧", "不对"),
        ("编辑追踪信息后要10天才会体现在VTR里，是吧", "不对"),
    ],
)
def test_longer_is_denied(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and "72" in line, line


def test_days_ago_is_no_belief(kb: KnowledgeBase) -> None:
    line = first_line(kb, "3天前改的单号，VTR还没变")
    assert not line.startswith(("对", "不对")), line
