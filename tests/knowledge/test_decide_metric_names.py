"""decide/metric_names.py and decide/windows.py: a metric asked by its other name, what it
counts, and the window believed of it, each decided from the metric's own facts
(bot/domain/data/). One case per branch, in the fast tier; the many wordings are
tests/knowledge/test_decisions.py's and test_generalisation.py's, in the full one."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # One metric under its two names: a yes, with what the short name stands for.
        ("is VTR the same as valid tracking rate?", "Yes — VTR is short for Valid Tracking Rate"),
        # Negative feedback is counted by ODR, not the cancel rate (domain.md §3).
        (
            "is the cancel rate the metric about negative feedback?",
            "No — That is what Order Defect Rate (ODR) counts",
        ),
        # A neighbour metric keeps its own target: LSR under 4% (domain.md §3).
        ("迟发率是按确认发货时间算的吗", "迟发率（Late Shipment Rate，LSR）的目标是低于 4%"),
        # VTR's window is 30 days, not PFCR's 7 (domain.md §1, §3).
        (
            "VTR is measured over 7 days just like PFCR, right?",
            "Not right: Valid Tracking Rate (VTR)",
        ),
    ],
)
def test_a_metric_s_name_what_it_counts_and_its_window(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    assert first_line(kb, question).startswith(lead), first_line(kb, question)


def test_a_metric_s_full_name_asked_is_that_metric_s_entry(kb: KnowledgeBase) -> None:
    """ "全称" asks the metric's name, not the carrier entry "英文" would reach."""
    answer = kb.answer("VTR英文全称是什么")
    assert answer.matched == "vtr-what", answer.matched
    assert "Valid Tracking Rate" in reply_text(kb, "VTR英文全称是什么")


def test_a_target_said_to_be_one_metric_s_and_not_another_s(kb: KnowledgeBase) -> None:
    """1% is ODR's target, not PFCR's (2.5%): the belief is right."""
    first = first_line(kb, "ODR is the one under 1%, not PFCR")
    assert first == "Right: The 1% target is Order Defect Rate (ODR)'s.", first


def test_which_metric_counts_what_is_named(kb: KnowledgeBase) -> None:
    """Negative feedback is one of ODR's defects (domain.md §3)."""
    answer = kb.answer("negative feedback affects which metric")
    assert answer.matched == "metric-odr", answer.matched
    first = first_line(kb, "negative feedback affects which metric")
    assert first.startswith("That is what Order Defect Rate (ODR) counts"), first
