"""Tracking given after delivery on some of packages all said tracked: those are defects.

Sealed set 24 found "7 shipments, tracking on all 7, but on one the number was only added
after the package was delivered. VTR?" answered with the rule alone, and probing found
"7 packages all have tracking, 1 … uploaded after delivery" worked out as 7 of 7 = 100%.
Tracking added after delivery is a defect (domain.md §1b), so the late ones are among the
tracked: 6 of 7 = 85.7%, below the bar, and the late one can no longer be fixed. Worked by
hand; the wordings are ours.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        (
            "shipped 7, all tracked, but for one the tracking was uploaded after delivery. VTR?",
            "6 valid of 7 = 85.7%",
        ),
        (
            "7 packages all have tracking, 1 of them got its tracking entered after delivery, what's my VTR",
            "6 valid of 7 = 85.7%",
        ),
        ("20个包裹都传了单号，有2个是签收后才上传的，VTR是多少", "20 个里 18 个有效 = 90.0%"),
        (
            "10 shipped, all had tracking, 2 got it after the buyer received them. pass?",
            "8 valid of 10",
        ),
        ("100个包裹都有单号，其中3个单号是签收之后才补上的，达标吗", "100 个里 97 个有效 = 97.0%"),
    ],
)
def test_late_tracking_is_a_defect(kb: KnowledgeBase, question: str, figure: str) -> None:
    line = first_line(kb, question)
    assert figure in line, line


def test_no_fix_is_offered_for_a_late_one(kb: KnowledgeBase) -> None:
    line = first_line(
        kb, "7 parcels, tracking on all 7, on one the number was added after it was delivered. VTR?"
    )
    assert "can no longer be fixed" in line and "Fix 1 package" not in line, line
