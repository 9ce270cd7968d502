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
