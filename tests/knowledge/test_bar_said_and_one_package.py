"""Two readings of a seller's figures found by sealed set 23 (issue 21), with our wordings.

"…3 missing tracking. that's exactly 95 so I'm fine?": the 95 said with "exactly" (正好,
刚好) is the seller's rate, the bar's figure, not a second total; the counts decide:
57/60 = 95.0%, not above the bar (domain.md §4.5), so No. "新店…总共就这1单": one package in
all, told without tracking, is the whole: 0 of 1 = 0%, not the new-seller entry (asked only
when a grace period is).
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "figures"),
    [
        ("40 parcels shipped, 2 have no tracking. exactly 95 so we pass?", "No", "38 valid of 40"),
        ("100 orders, 5 untracked — precisely 95, fine right?", "No", "95 valid of 100"),
        ("80个包裹4个没追踪，刚好95，算达标吧", "不对", "80 个里 76 个有效"),
    ],
)
def test_exactly_95_is_the_rate(
    kb: KnowledgeBase, question: str, verdict: str, figures: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and figures in line and "95.0%" in line, line


def test_exactly_95_packages_is_a_count(kb: KnowledgeBase) -> None:
    line = first_line(kb, "exactly 95 packages shipped, 90 valid, am I ok?")
    assert "90 valid of 95" in line, line


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("刚开的店，第一个包裹就没填单号，一共就这1个包裹，VTR现在多少", "1 个里 0 个有效"),
        (
            "new store, shipped one order so far and forgot the tracking on it. what's my vtr?",
            "0 valid of 1",
        ),
        ("only 1 order shipped so far and i forgot its tracking, what's my vtr", "0 valid of 1"),
    ],
)
def test_one_package_in_all_is_the_whole(kb: KnowledgeBase, question: str, figures: str) -> None:
    line = first_line(kb, question)
    assert figures in line and "0.0%" in line, line


def test_one_order_as_an_article_is_no_count(kb: KnowledgeBase) -> None:
    line = first_line(kb, "if one order ships in 3 boxes, how many packages for vtr?")
    assert "0 valid" not in line and "of 1" not in line, line
