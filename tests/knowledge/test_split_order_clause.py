"""One order in several boxes, the untracked one told in a clause of its own ("…分两个包裹发，
一个没单号", "order split into 2 boxes, one has no tracking"): VTR's unit is the package
(domain.md §1b), so the one box is an invalid package; the reply worked the two boxes out as a
window's 1 of 2 = 50% and said "Yes" to "does the whole order fail?". Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "order split into 2 boxes, one has no tracking, does the whole order fail?",
        "一个订单分两个包裹发，一个没单号，整个订单算无效吗",
    ],
)
def test_the_untracked_box_is_the_invalid_package(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert "50.0%" not in first, first
    assert any(w in first for w in ("invalid package", "无效包裹")), first
