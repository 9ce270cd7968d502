"""A yes or no asked without its question mark, the verb before "it" ("if the buyer cancels
through amazon does it count against me": set 29's cancel-rate miss got the metric's target,
not the rule asked). Wordings written here; the rules from domain.md §3 and §1b."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        # Buyer-requested cancellations don't count toward PFCR (domain.md §3).
        (
            "cancel rate: when the buyer asks amazon to cancel an order does it hurt me",
            "No",
            "do not count",
        ),
        (
            "pfcr - if a customer cancels on amazon's order page will it count against me",
            "No",
            "do not count",
        ),
    ],
)
def test_the_rule_asked_is_answered(
    kb: KnowledgeBase, question: str, verdict: str, said: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and said in first, first
