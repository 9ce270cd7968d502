"""Packages told as the exceptions to "every single one tracked", their count in words
("except three", "apart from two", "除了三单以外全都传了单号"), are the invalid ones: the
figures are worked out, never the window's card, nor the exceptions read as the valid ones
("every single one with tracking except 3" of 64 had been 3 valid, 4.7%). Worked by hand:
77/80 = 96.25%; 88/90 = 97.78%; 114/120 = 95.0% (not above, 1 fix); 148/150 = 98.67%."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

# (question, what the first line holds, wrong facts it must not hold)
CASES = [
    (
        "sent 80 packages this month, every single one had tracking except three. what's the %?",
        ("77 valid of 80 = 96.25%",),
        (" 3 valid of", "below the bar"),
    ),
    (
        "we shipped 90 parcels and every single parcel was tracked apart from two, rate?",
        ("88 valid of 90 = 97.8%",),
        (" 2 valid of", "below the bar"),
    ),
    (
        "120 orders in 30 days, every single order with valid tracking except 6. am I ok?",
        ("No — 114 valid of 120 = 95.0%", "Fix 1 package"),
        (" 6 valid of", "passes"),
    ),
    (
        "近30天发了150单，除了两单以外全都传了单号，百分之多少",
        ("150 个里 148 个有效 = 98.7%",),
        ("里 2 个有效", "不达标"),
    ),
]


@pytest.mark.parametrize(("question", "holds", "wrong"), CASES)
def test_exceptions_to_all_tracked_are_the_invalid_ones(
    kb: KnowledgeBase, question: str, holds: tuple[str, ...], wrong: tuple[str, ...]
) -> None:
    first = first_line(kb, question)
    for fact in holds:
        assert fact in first, first
    for fact in wrong:
        assert fact not in first, first
