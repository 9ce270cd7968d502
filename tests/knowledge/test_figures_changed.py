"""A window's figures told as a change ("went from A/N to B/N", "从A/N变成B/N") are judged
on the figure they changed to: the old one is neither a group of its own (no "from:" or
"to:" line) nor a count, and the words of why it changed ("after a number got flagged
unconfirmed", "after a bad number", "dropped") tell nothing of the new figure or of what is
asked. Worked by hand: 71/74 = 95.95% (above); 70/74 = 94.59% (below, 1 fix: 71 > 70.3);
43/45 = 95.56% (above); 85/90 = 94.44% (below, 1 fix); 133/139 = 95.68% (above)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.figures.changed import new_figures_only
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection

# (question, what the first line starts with and holds, what it must not hold)
CASES = [
    (
        "Pet supplies went from 72/74 to 71/74 after a number was marked unconfirmed, are we still good?",
        ("Yes — ", "71 valid of 74 = 95.9%"),
        ("from:", "to:", "3 valid", "72 valid"),
    ),
    (
        "our shoes dropped from 72 to 70 valid out of 74 when two numbers bounced. still ok?",
        ("No — ", "70 valid of 74 = 94.6%", "Fix 1 package"),
        ("from:", "to:", "72 valid", "passes"),
    ),
    (
        "beauty fell from 44/45 down to 43/45 because of one bad tracking number, am I fine?",
        ("Yes — ", "43 valid of 45 = 95.6%"),
        ("from:", "to:", "2 valid", "below the bar"),
    ),
    (
        "厨具从有效88/90掉到85/90了，因为有几单显示未确认，还达标吗？",
        ("不达标：90 个里 85 个有效 = 94.4%", "修好 1 个"),
        ("从:", "到:", "88 个有效", "里 5 个有效"),
    ),
    (
        "灯具有效单从135个变成133个（一共139个），还行吗",
        ("行", "139 个里 133 个有效 = 95.7%"),
        ("不行", "135 个有效", "不达标"),
    ),
]


@pytest.mark.parametrize(("question", "holds", "wrong"), CASES)
def test_a_change_is_judged_on_its_new_figure(
    kb: KnowledgeBase, question: str, holds: tuple[str, ...], wrong: tuple[str, ...]
) -> None:
    first = first_line(kb, question)
    assert first.startswith(holds[0]), first
    for fact in holds[1:]:
        assert fact in first, first
    for fact in wrong:
        assert fact not in first, first
    assert not any(
        line.startswith(("from:", "to:")) for line in reply_text(kb, question).split("\n")
    )


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("went from 60/62 to 59/62 overnight", "went 59/62 overnight"),
        ("went from 60/62 to 59/62 after 1 got flagged, ok?", "went 59/62, ok?"),
        ("from 60/62 to 59, ok?", "59/62, ok?"),
        ("dropped from 60 to 59 valid of 62", "dropped 59 valid of 62"),
        ("从60/62变成59/62了", "59/62了"),
        ("shipped from 1 to 30 nov", "shipped from 1 to 30 nov"),
        ("from 3 to 5 days", "from 3 to 5 days"),
    ],
)
def test_only_counts_are_read_as_changed(text: str, read: str) -> None:
    """Days and dates told from one to another are no change of counts."""
    assert new_figures_only(text) == read
