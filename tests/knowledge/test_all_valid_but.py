"""Packages told as the exceptions to "all valid" are the invalid ones: "all tracked except
4" of 80 is 76 valid, never 4 valid (a 5% VTR, the opposite verdict). Worked by hand:
76/80 = 95.0% (not above, 1 fix); 57/60 = 95.0% (1 fix); 48/50 = 96.0%; 115/120 = 95.83%;
191/200 = 95.5%; 98/100 = 98.0%."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

# (question, what the first line holds, wrong facts it must not hold)
CASES = [
    (
        "shipped 80 parcels this month, all tracked except 4, am I fine?",
        ("No — 76 valid of 80 = 95.0%", "Fix 1 package"),
        ("— 4 valid", "= 5.0%"),
    ),
    (
        "近30天一共发了60单，全部都有有效单号，除了3单漏传了，VTR多少",
        ("不达标：60 个里 57 个有效 = 95.0%", "修好 1 个"),
        ("里 3 个有效", "= 5.0%"),
    ),
    ("一共50单，除了2单，其他都有追踪，达标吗", ("达标：50 个里 48 个有效 = 96.0%",), ("不达标",)),
    (
        "120 orders last 30 days, every one had valid tracking except for 5. pass or fail?",
        ("115 valid of 120 = 95.8%", "passes"),
        (" 5 valid of", "below the bar"),
    ),
    (
        "we sent 200 packages, all with tracking but 9, what's our vtr",
        ("191 valid of 200 = 95.5%",),
        (" 9 valid of", "= 4.5%"),
    ),
    ("100单里除了2单其余都有效", ("100 个里 98 个有效 = 98.0%",), ("里 2 个有效",)),
]


@pytest.mark.parametrize(("question", "holds", "wrong"), CASES)
def test_the_exceptions_to_all_valid_are_invalid(
    kb: KnowledgeBase, question: str, holds: tuple[str, ...], wrong: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    assert all(h in line for h in holds), line
    assert not [w for w in wrong if w in line], line
