"""How long, asked of what the sources time: a tracking edit shows within 72 hours, the deadline
for an edit is the delivery (domain.md §1b), and a low VTR comes back as old defects leave the
30-day window, with no fixed number of days; a rate told with "will I be suspended right away?"
gets no yes (no timeline is published). The time leads, not how to edit or the fix steps.
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "改了追踪号多久能生效",
        "how long does amazon take to update tracking edits",
        "补录单号以后几天能体现在VTR里",
        "I corrected the carrier yesterday, how long until VTR reflects it?",
    ],
)
def test_an_edit_shows_within_72_hours(kb: KnowledgeBase, question: str) -> None:
    assert "72" in first_line(kb, question), first_line(kb, question)


@pytest.mark.parametrize(
    "question",
    ["追踪号填错了多久之内要改", "how long do I have to fix a wrong tracking number"],
)
def test_the_edit_deadline_is_the_delivery(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert any(w in first for w in ("送达之前", "Until the package is delivered")), first


@pytest.mark.parametrize(
    "question",
    [
        "换了物流商以后VTR会慢慢恢复吗",
        "will my VTR recover by itself if new orders are tracked",
        "VTR多久能恢复到95%以上",
    ],
)
def test_recovery_has_no_fixed_days(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert any(w in first for w in ("没有固定天数", "no fixed number of days")), first
    assert "30" in first, first


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("I shipped 100, 90 valid, when will I be back above 95%?", "90 valid of 100 = 90.0%"),
        ("VTR掉到90%了，以后都好好上传追踪，多久能回到95%", "不达标：有效追踪率 90%"),
    ],
)
def test_figures_told_are_still_worked_out(kb: KnowledgeBase, question: str, lead: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first


def test_a_goal_rate_is_no_group(kb: KnowledgeBase) -> None:
    assert kb.case("VTR掉到90%了，多久能回到95%").rate_groups == ()


@pytest.mark.parametrize(
    "question",
    [
        "vtr is 94%, will I be suspended right away?",
        "my vtr is 93%, will amazon restrict me immediately?",
    ],
)
def test_how_soon_suspended_gets_no_yes(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert not first.startswith(("Yes", "No")), first
    assert "below the bar" in first, first
