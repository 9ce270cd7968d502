"""Issue 21, found by probing: a one-digit rate typed against a metric's name ("LSR5%会怎样")
was refused as outside the field, since only two digits stood apart from a word; and "does the
30 day window reset on the 1st of each month" got "Yes — 30 days" because the 30 days' belief
came before the calendar month's. One digit with its % now stands apart (a tracking number
has no %), and a calendar month named beside the 30 days is that belief: no, it rolls.
Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "target"),
    [("odr3%会怎么样", "1%"), ("pfcr4% what happens", "2.5%")],
)
def test_a_glued_one_digit_rate_is_read(kb: KnowledgeBase, question: str, target: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "answer", answer
    assert target in first_line(kb, question)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("is the 30-day vtr window counted per calendar month?", "No"),
        ("VTR的30天是不是每个月1号重新算", "不是"),
    ],
)
def test_a_calendar_month_beside_30_days_is_denied(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "30" in line, line
