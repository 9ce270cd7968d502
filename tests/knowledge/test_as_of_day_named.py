"""The report's as-of day named beside the day a package shipped (set 29's condition_flip
misses: "bot check with as-of Dec 5 — does an order I shipped Nov 3 still count?" got the
carriers' card, '截止日选12月5号的话，11月6号发的单还在30天里吗' a yes without the window's
days). The window is the as-of day and the 29 before it, both included (domain.md §4.3):
worked out by hand below. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "window", "wrong"),
    [
        # Nov 30 − 29 days = Nov 1: Nov 1 is the window's first day, Oct 31 is before it.
        ("as of Nov 30, is a package shipped Nov 1 still in the window?", "Yes", "Nov 1", "No"),
        ("report as-of Nov 30: does an order shipped Oct 31 count?", "No", "Nov 1", "Yes"),
        # Dec 20 − 29 = Nov 21.
        ("截止日选12月20号，11月20号发的单还算吗", "不算", "11月21日", "算。"),
        ("截至12月20日，11月21号发的包裹还在30天里吗", "是的", "11月21日", "不"),
        # Across the new year: Jan 10 − 29 = Dec 12.
        (
            "as of Jan 10, does a parcel shipped Dec 12 still count toward VTR?",
            "Yes",
            "Dec 12",
            "No",
        ),
        # "1月10日" is a day, no 10-day window believed.
        ("截止日1月10日，12月11号发的包裹还算吗", "不算", "12月12日", "算。"),
    ],
)
def test_the_window_of_the_as_of_day_decides(
    kb: KnowledgeBase, question: str, verdict: str, window: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and not first.startswith(wrong), first
    assert window in first, first
