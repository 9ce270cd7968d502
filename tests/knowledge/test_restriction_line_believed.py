"""A belief naming where the restriction starts is a bar, not the seller's rate.

Sealed set 24 found 'VTR是看30天的，低于90%才会被限制，对吗' answered '对。不达标：有效追踪率
90% 低于要求': the 90% was read as the seller's own VTR, judged below the bar, and the belief
confirmed. A line said as where restriction starts ('才会被限制', 'only restricted once it
falls below') is checked against metrics.yaml: VTR must be above 95% (domain.md §3), so any
other line is denied. The wordings below are ours; the seller's own rate still gets its verdict.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "听说VTR跌破85%就会被封类目，是吧",
        "有效追踪率不低于90%就没事吧",
        "you only get restricted if VTR drops below 90%, right?",
        "only get suspended once VTR falls below 92%, correct?",
    ],
)
def test_a_wrong_line_is_denied(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("不对", "Not right")) and "95%" in line, line


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("my VTR is 90%, am I ok?", "No"), ("我的VTR是90%，达标吗", "不达标")],
)
def test_the_sellers_own_rate_keeps_its_verdict(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and "90%" in line, line
