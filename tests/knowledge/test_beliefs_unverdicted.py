"""Beliefs that got their entry without a verdict first, now confirmed or corrected on the
first line. Wordings written for these tests, in both languages, none taken from a held-out
set; each expectation checked by hand against /work/shared/domain.md (section named)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

NOT_RIGHT = ("Not right", "No —", "不对", "不是", "不会")
RIGHT = ("Right", "Yes —", "对。", "是的", "会。")

# (question, verdict the first line opens with, words the first line must hold)
CASES = [
    # §1: FBA orders are never in VTR and FBA offers are never restricted for it; a listing
    # "suppressed" or "hidden" is one more way of saying restricted.
    (
        "My FBA offers will get suppressed as well when the VTR falls under 95%, correct?",
        NOT_RIGHT,
        ["FBA"],
    ),
    ("Low VTR means my FBA listings get suppressed too?", NOT_RIGHT, ["FBA"]),
    ("VTR不达标的话 FBA的商品也会被屏蔽吧", NOT_RIGHT, ["FBA"]),
    ("FBA listings won't be suppressed by low VTR, right?", RIGHT, ["FBA"]),
]


@pytest.mark.parametrize(("question", "verdicts", "words"), CASES)
def test_belief_verdict_first(
    kb: KnowledgeBase, question: str, verdicts: tuple[str, ...], words: list[str]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdicts), line
    assert all(w in line for w in words), line
