"""A rate followed by another metric's words ("97% on time", "准时率 88%" is read elsewhere) is
that metric's, not the VTR: "98% tracking and 97% on time is good?" was answered "A VTR of
97% passes", a wrong figure for the seller's VTR (probe9 found it). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.case.rates import sellers_rate
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("98% tracking and 97% on time is good?", 98.0),
        ("93% tracking, 97% on-time delivery, ok?", 93.0),
        ("vtr 94% and 2% late, am i ok", 94.0),
        ("my tracking is 96%, 1% cancel rate", 96.0),
    ],
)
def test_another_metrics_rate_is_not_the_vtr(text: str, rate: float) -> None:
    assert sellers_rate(text) == rate


def test_the_vtr_told_beside_an_on_time_rate_is_judged(kb: KnowledgeBase) -> None:
    line = first_line(kb, "98% tracking and 97% on time is good?")
    assert "98%" in line and "97%" not in line, line
