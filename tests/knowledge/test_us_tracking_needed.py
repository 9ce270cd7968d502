"""US orders shipped from China (domain.md §1b: under USD 5 at least one carrier scan, from USD 5
two): "do I need tracking?" is answered yes before the rule, and tracking left out is a no.
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        ("do I need tracking for orders under 5 dollars to the US", "Yes", "No"),
        ("is tracking required for a $4 order shipped from china to the us", "Yes", "No"),
        ("美国站5美元以下的订单要不要追踪号", "要", "不要"),
        ("3美元的小单发美国 需要单号吗", "需要", "不需要"),
        ("美国站3美元的订单可以不要追踪吗", "不可以", "可以，"),
        ("under $5 US orders need two scans?", "No", "Yes"),
    ],
)
def test_a_small_us_order_needs_a_scan(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)
