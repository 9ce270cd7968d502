"""OTDR's 90% is a target, not an enforced bar in most marketplaces (domain.md §3): asked
whether that figure is enforced ("like the VTR bar", "也是强制考核的吗"), the reply led with
"Yes" for the figure being right; the rule asked of it is the claims table's, a no. The
figure asked alone stays a yes. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "says"),
    [
        (
            "does amazon enforce the OTDR 90% target the way it enforces 95% VTR?",
            "No",
            "not an enforced",
        ),
        ("准时交货率90%也是强制考核的吗", "不是", "不是强制考核线"),
        ("is the OTDR target 90%?", "Yes", "90%"),
    ],
)
def test_otdr_target_is_not_enforced(
    kb: KnowledgeBase, question: str, verdict: str, says: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert says in first, first
