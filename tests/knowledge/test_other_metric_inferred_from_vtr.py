"""A passing VTR taken to show another metric is fine: each metric is counted on its own, with
its own target (domain.md §3), so the belief is denied first, whatever the VTR figure's own
verdict; the VTR figure asked alone keeps its "passes"."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("our vtr is 96.5% so the on-time delivery rate should be ok too, right?", "Not right:"),
        ("VTR 99% means my ODR is fine, correct?", "Not right:"),
        ("有效追踪率都98%了，迟发率应该也没问题吧", "不对。"),
    ],
)
def test_another_metric_inferred_from_a_passing_vtr_is_denied(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "4%" in line or "4 %" in line, line  # the other targets are named


def test_a_vtr_figure_asked_alone_keeps_its_verdict(kb: KnowledgeBase) -> None:
    assert first_line(kb, "VTR 96.5%, is that fine?").startswith("Yes"), first_line(
        kb, "VTR 96.5%, is that fine?"
    )
