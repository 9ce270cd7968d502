"""A fix supposed with its count in words ("if I correct two of the three bad ones", "fix
three of them", "修好俩") is worked out as the what-if: the reply leads with the figure after
the fix, then the window now. It was read as no fix at all (the figures now and "fix 1"),
or, in Chinese, with the invalid ones before "如果" taken as more going bad. Worked by
hand: 86/90 + 3 = 89/90 = 98.9%; 142/150 + 2 = 144/150 = 96.0%; 37/40 + 1 = 38/40 = 95.0%
(not above: 1 more to fix, 2 in all); 57/60 + 2 = 59/60 = 98.3%."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

# (question, what the first line holds, in order)
CASES = [
    (
        "Kitchen has 86 valid of 90. What if we correct three of the four bad ones?",
        ("With 3 more fixed: 89 valid of 90 = 98.9%", "Now: 86 valid of 90"),
    ),
    (
        "garden: 142 valid out of 150 shipped. suppose I fix two of them today, where am I?",
        ("With 2 more fixed: 144 valid of 150 = 96.0%", "Now: 142 valid of 150"),
    ),
    (
        "pets 37/40 valid, 3 bad ones, if I repair one, where does that put me?",
        (
            "With 1 more fixed: 38 valid of 40 = 95.0%",
            "1 more beyond the 1 you named",
            "Now: 37 valid of 40",
        ),
    ),
    (
        "宠物类目60单有效57单，坏的那3单如果改好2单，能到多少？",
        ("如果再修好 2 个", "60 个里 59 个有效 = 98.3%", "现在：60 个里 57 个有效"),
    ),
    (
        "宠物类目有效57/60，三个坏的修好俩的话VTR多少",
        ("如果再修好 2 个", "60 个里 59 个有效 = 98.3%", "现在：60 个里 57 个有效"),
    ),
]


@pytest.mark.parametrize(("question", "holds"), CASES)
def test_a_fix_in_words_is_worked_out(
    kb: KnowledgeBase, question: str, holds: tuple[str, ...]
) -> None:
    first = first_line(kb, question)
    at = 0
    for fact in holds:
        assert fact in first[at:], first
        at = first.index(fact, at)
