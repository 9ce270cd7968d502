"""A metric's target figure told with a bound ("my OTDR is above 90%") is no rate at the target.

Sealed set 23 found "…OTDR is above 90% so my VTR must be fine too, right?" answered "OTDR at
90%: not above the target, so it misses it": a false statement about the seller's own rate.
The wordings below are ours; a rate told plainly at the target still misses (metrics.yaml:
OTDR above 90%, LSR under 4%).
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "our otdr is over 90% so vtr is safe as well, correct?",
        "my LSR is under 4% so VTR is fine too right",
        "准时送达率已经超过90%了，那有效追踪率肯定也没问题吧",
    ],
)
def test_bound_told_is_not_called_a_miss(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "misses it" not in line and "不达标" not in line, line


@pytest.mark.parametrize("question", ["my otdr is 90%, is that ok?", "LSR 4% ok?"])
def test_rate_at_the_target_still_misses(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("No") and "misses it" in line, line
