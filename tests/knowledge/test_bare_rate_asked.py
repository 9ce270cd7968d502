"""Issue 21: a bare figure asked about with no metric word and no % sign ("is 94.9 ok",
"我95.3安全吗") got the topics. In this bot a rate in VTR's range asked about is the
seller's VTR, judged strictly above 95% (domain.md §4.5); a figure beside any other word
(days, a count, another metric) is not. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "figure"),
    [
        ("is 94.9 ok", "No", "94.9%"),
        ("96 good?", "Yes", "96%"),
        ("we're at 95.1, fine?", "Yes", "95.1%"),
        ("95.0 is that ok", "No", "95.0%"),
        ("is 97 too low", "No", "97%"),
    ],
)
def test_bare_rate_is_judged_in_english(
    kb: KnowledgeBase, question: str, verdict: str, figure: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), (question, line)
    assert figure in line and "95%" in line, (question, line)


@pytest.mark.parametrize(
    ("question", "verdict", "figure"),
    [
        ("我95.3安全吗", "达标", "95.3%"),
        ("現在95.5穩嗎", "达标", "95.5%"),
        ("我只有94.5 有问题吗", "不达标", "94.5%"),
    ],
)
def test_bare_rate_is_judged_in_chinese(
    kb: KnowledgeBase, question: str, verdict: str, figure: str
) -> None:
    line = first_line(kb, question)
    assert verdict in line.split("：")[0], (question, line)
    assert figure in line, (question, line)


@pytest.mark.parametrize("question", ["100 days ok?", "shipped 96 ok?"])
def test_figure_beside_other_words_is_no_rate(kb: KnowledgeBase, question: str) -> None:
    assert "VTR of" not in first_line(kb, question), question
