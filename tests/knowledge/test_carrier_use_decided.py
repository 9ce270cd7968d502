"""Whether a carrier can be used ('can i use 4px for germany', '4px能发德国站吗') is whether
its tracking can count: every shipping provider counts once the package is scanned and the
carrier matches the number (domain.md §1, §1b), and for a marketplace of the EU/UK update
since 15 January 2025. The reply decides first; it used to open with the scan rule alone.
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "update"),
    [
        ("can i use 4PX to ship to france", "Yes", True),
        ("can we ship with yanwen to amazon uk", "Yes", True),
        ("can i use yunexpress for the US store", "Yes", False),
        ("意大利站能用燕文发吗", "可以", True),
        ("可以用顺丰寄西班牙站吗", "可以", True),
        ("日本站能用云途吗", "可以", False),
    ],
)
def test_a_carrier_asked_for_is_decided_first(
    kb: KnowledgeBase, question: str, verdict: str, update: bool
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert ("15 January 2025" in first or "2025 年 1 月 15 日" in first) == update, first


def test_a_wrong_number_gets_no_yes(kb: KnowledgeBase) -> None:
    first = first_line(kb, "can i use 4px with a wrong number for germany")
    assert not first.startswith("Yes"), first
