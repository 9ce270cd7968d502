"""Issue 21, found by probing: a rate with a decimal comma ('vtr 94,5% ok?') was read as
5%; 'UK letter 10 pounds untracked ok?' got 'No —' above a sentence saying it is exempt
('untracked … ok' asks whether it may go untracked, i.e. whether it is exempt: domain.md
§1b, under EUR 20 as a letter). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "figure"),
    [("my VTR is 95,3% - fine?", "Yes", "95.3%"), ("is 93,9 % ok", "No", "93.9%")],
)
def test_decimal_comma_rate(kb: KnowledgeBase, question: str, verdict: str, figure: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and figure in line, (question, line)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("sending a 9 EUR letter to Italy untracked, is that fine?", "Yes"),
        ("8 pound letter to the UK untracked ok?", "Yes"),
        ("40 pound letter to the UK untracked ok?", "No"),
    ],
)
def test_untracked_letter_asked_fine(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), (question, line)
