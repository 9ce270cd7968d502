"""Issue 21: the bar stated and then a rate believed enough ("VTR must be above 95%, so 95%
is enough, right?") was read as two labelled groups, "VTR must be above" and "so", and got a
garbled line for each. Words that state a rule or only join a clause are no group's name:
the belief is decided, Not right, since 95.0% is not above 95%. Wordings written for these
tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

CASES = [
    ("the requirement is above 95%, so 95% should pass, correct?", "Not right", "95.0%"),
    ("VTR has to be over 95%, then a 95% rate is fine, right?", "Not right", "95.0%"),
    ("VTR的标准是高于95%，那95%也算达标吧", "不对", "95.0%"),
]


@pytest.mark.parametrize(("question", "lead", "figure"), CASES)
def test_bar_then_rate_is_one_belief(
    kb: KnowledgeBase, question: str, lead: str, figure: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert figure in line, (question, line)
    assert "must be above:" not in line and "so:" not in line, line


@pytest.mark.parametrize(
    ("question", "lines"),
    [
        # Two real groups keep their lines: 94% below, 97% above.
        ("Toys 94%, Home 97%, am I ok?", ("Toys:", "Home:")),
        ("玩具94%，家居97%，达标吗", ("玩具", "家居")),
    ],
)
def test_groups_keep_their_rates(kb: KnowledgeBase, question: str, lines: tuple[str, ...]) -> None:
    text = first_line(kb, question)
    assert text.startswith(lines[0]), text
