"""A rate and a total from Seller Central, and the invalid packages asked: the count is
worked out and said first. Worked by hand: 97.5% of 400 = 390 valid, 10 invalid (room: the
fewest valid above 95% of 400 is 381, so 9 more); 97% of 300 = 291 valid, 9 invalid; 98% of
250 = 245 valid, 5 invalid; 94% of 150 = 141 valid, 9 invalid (fewest valid above 95% of 150
is 143: 2 fixes)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

# (question, what the first line holds, in order; wrong facts it must not hold)
CASES = [
    (
        "account health shows 97.5% VTR with 400 packages. how many invalid is that, and how "
        "much room is left?",
        ("10 invalid packages of 400", "9 more invalid"),
        ("below the bar",),
    ),
    (
        "my dashboard shows 97.5% VTR across 400 shipments — how many bad ones does that mean?",
        ("10 invalid packages of 400 (390 valid)", "passes"),
        ("A VTR of 97.5% passes",),  # the verdict without the count asked
    ),
    (
        "后台显示VTR 97%，一共300个包裹，那就是有几个无效？",
        ("也就是 300 个里有 9 个无效（291 个有效）", "达标"),
        ("不达标",),
    ),
    (
        "VTR 98% of 250 shipments, how many are missing tracking?",
        ("5 invalid packages of 250",),
        (),
    ),
    (
        "account health says VTR 94% of 150 shipments. how many invalid is that and how many do "
        "I have to fix?",
        ("9 invalid packages of 150", "141 valid", "2"),
        ("passes",),
    ),
]


@pytest.mark.parametrize(("question", "holds", "wrong"), CASES)
def test_the_invalid_count_of_a_rate_and_a_total(
    kb: KnowledgeBase, question: str, holds: tuple[str, ...], wrong: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    at = [line.find(h) for h in holds]
    assert -1 not in at and at == sorted(at), line
    assert not [w for w in wrong if w in line], line
