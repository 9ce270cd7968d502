"""The belief that only orders over EUR 20 count (or need tracking) is false: orders under EUR
20 count too unless also sent as a letter (domain.md §1b). Said with its complement ("the rest
don't count"), the complement is the belief's own words, no negation that would turn its No
into a yes (sealed set 25's development run found '对。不只是 20 欧元以上的订单…').
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        (
            "only orders over 20 euros need tracking, everything under 20 doesn't count, right?",
            "Not right",
        ),
        pytest.param(
            "EU: only orders above €20 count, anything below 20 EUR is exempt, correct?",
            "Not right",
            marks=pytest.mark.fast,
        ),
        ("只有超过20欧的订单才要追踪，对吗", "不对"),
        ("德国站只有20欧以上的单才算VTR，20欧以下的都不计入吧", "不对"),
    ],
)
def test_only_over_20_is_denied_with_its_complement(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
