"""A verdict never precedes a first sentence that states the opposite fact of its own claim
(issue 21). A claim's fact (`says`) is said first; a verdict other than the claim's truth
says the seller stated the belief's opposite, which needs a word that negates or denies.
Without one the seller's belief is the claim's own, so "Right" before a false belief's
correction would contradict the line it opens: the check in compose/beliefs.py gives no
verdict then (the fact still leads). Over the generated beliefs and every development set
no reading reaches it today; it stands behind the readings, so it is tested on its own."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.cards import Claim
from bot.domain.knowledge.compose.beliefs import verdict_checked


def _claim(kb: KnowledgeBase, claim_id: str) -> Claim:
    composer = kb._composer
    assert composer is not None
    return next(c for c in composer._cards.claims if c.id == claim_id)


@pytest.mark.parametrize(
    ("question", "claim_id", "read", "verdict"),
    [
        # A false belief stated plainly (Buy Shipping is required, domain.md §2): read as
        # confirmed, the verdict would open the claim's correction: none.
        ("buy shipping is required for vtr, right?", "buy-shipping-required", True, None),
        ("必须用购买配送吧", "buy-shipping-required", True, None),
        # A true belief stated plainly (the window is 30 days): read as denied, none.
        ("vtr looks at the last 30 days, right?", "window-30-days", False, None),
        # The claim's own verdict always stands.
        ("buy shipping is required for vtr, right?", "buy-shipping-required", False, False),
        ("vtr looks at the last 30 days, right?", "window-30-days", True, True),
        # A negation told: the opposite verdict stands.
        ("buy shipping isn't required for vtr, right?", "buy-shipping-required", True, True),
        ("不一定要用购买配送吧", "buy-shipping-required", True, True),
        ("vtr doesn't look at the last 30 days, right?", "window-30-days", False, False),
    ],
)
def test_a_verdict_other_than_the_claim_s_truth_needs_a_negation_told(
    kb: KnowledgeBase, question: str, claim_id: str, read: bool, verdict: bool | None
) -> None:
    claim = _claim(kb, claim_id)
    assert verdict_checked(kb.case(question), claim, read) is verdict
