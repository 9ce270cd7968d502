"""VTR inferred from another metric is no belief the other metric's figure confirms.

domain.md §3: each metric is its own count over its own window; VTR is valid tracking ÷
self-fulfilled packages, above 95% per category. Sealed set 23 found "my OTDR is above 90%
so my VTR must be fine too, right?" answered with OTDR's target and no word of VTR's bar;
"ODR 0.5%, so VTR is fine too" was confirmed by ODR's own figure. The wordings below are
ours, not the set's.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("my late shipment rate is under 4%, that means VTR is ok?", "No"),
        ("my cancel rate is 0 so vtr is fine right", "Not right"),
        ("all my other metrics are green so VTR is fine too?", "No"),
        ("LSR达标了，那VTR应该也没问题吧", "不对"),
    ],
)
def test_inferred_vtr_is_denied(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and "95%" in line, line


@pytest.mark.parametrize(
    "question",
    [
        "ODR才0.5%，VTR应该也达标了吧",
        "on-time delivery is at 98%, so my VTR must be fine, correct?",
    ],
)
def test_another_metrics_good_figure_does_not_confirm(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("不对", "Not right", "No")) and "95%" in line, line


def test_a_metrics_own_figure_keeps_its_verdict(kb: KnowledgeBase) -> None:
    line = first_line(kb, "ODR才0.5%，没问题吧")
    assert line.startswith("对") and "1%" in line, line
