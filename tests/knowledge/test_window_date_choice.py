"""Issue 21: "is VTR measured on ship date or delivery date" got the window's text (30 days)
with no choice made: the ship-date belief stood aside for any "delivery date", the promised
date one for any ship date. A choice between the day shipped (or ordered) and the day
delivered now leads with the day Amazon keys on, the promised delivery date, and that our
report keys on ship date (domain.md §1b); no yes or no. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("does the valid tracking rate go by shipping date or by delivery date", "By the promised"),
        ("VTR window: date shipped or date delivered?", "By the promised"),
        ("有效追踪率是按妥投时间还是按发货时间来算的", "按承诺送达日期"),
        ("VTR統計的是簽收日期還是出貨日期", "按承诺送达日期"),
    ],
)
def test_ship_or_delivery_date_leads_with_the_promised_date(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "Yes" not in line and "No " not in line, line


def test_delivery_date_belief_is_confirmed(kb: KnowledgeBase) -> None:
    line = first_line(kb, "vtr goes by the delivery date and not the ship date, correct?")
    assert line.startswith("Right"), line


def test_a_question_of_counting_is_no_date_choice(kb: KnowledgeBase) -> None:
    # Whether a package shipped but not yet delivered counts: no question of the window's date.
    line = first_line(kb, "LSR: is it the ship date or the delivery date that matters?")
    assert "promised delivery date" not in line, line
