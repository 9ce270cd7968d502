"""decide/carriers.py: beliefs about a carrier and the number given under it, decided from
the carriers' own formats (bot/domain/data/). One case per branch, in the fast tier; the
many wordings are tests/knowledge/test_beliefs_decided.py's, in the full one."""

from __future__ import annotations

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text


def _lead(kb: KnowledgeBase, question: str) -> str:
    """The first two lines, where a skimming seller reads the verdict."""
    return "\n".join(reply_text(kb, question).split("\n")[:2])


def test_a_ups_number_under_usps_is_believed_to_count(kb: KnowledgeBase) -> None:
    """A 1Z number is UPS's: entered under USPS it does not match its carrier."""
    lead = _lead(kb, "a number starting with 1Z entered under USPS still counts, right?")
    assert lead.startswith("Not right") and "UPS" in lead, lead


def test_a_carrier_said_never_to_count_is_corrected(kb: KnowledgeBase) -> None:
    """Every carrier's valid number counts (domain.md §1), EMS's too."""
    lead = _lead(kb, "网上说EMS的单号不算有效")
    assert lead.startswith("不对"), lead


def test_the_carrier_picked_named_and_the_one_that_carried_it(kb: KnowledgeBase) -> None:
    """Only the carrier picked has its word (填成); the other one named is the number's:
    a mismatch, so the tracking is not valid until edited to DHL."""
    lead = _lead(kb, "承运商填成了FedEx，包裹走的DHL，没关系吧")
    assert lead.startswith("不对。有影响：DHL 的单号却选了 FedEx 作承运商"), lead


def test_a_mismatch_inside_counts_is_one_of_the_invalid(kb: KnowledgeBase) -> None:
    """120 shipped, 3 untracked and 2 under the wrong carrier: 115 of 120 = 95.83%, shown
    to one decimal as it is not the bar."""
    lead = _lead(
        kb, "I shipped 120, 3 had no tracking and 2 had a FedEx number entered under UPS, VTR?"
    )
    assert lead.startswith("115 valid of 120 = 95.8%: above the bar"), lead
