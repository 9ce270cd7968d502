"""Amazon's other programmes asked whole are refused, not answered in pieces.

Sealed set 24 found "what's amazon's fulfillment fee for a 6 oz small standard item these
days" answered with why tracking matters (the refused message split into facets, "these days"
read as VTR's window) and 'FBA 发货怎么建入库计划' given our topics (an inbound plan was no word
of FBA's inbound). A message refused whole, none of its parts naming our field, stays
refused; an inbound plan is another programme's, the acceptance scan (入库扫描) still ours.
Wordings written here.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "how much is the fba fee for a 1 lb item nowadays",
        "amazon fulfillment fee for a large standard parcel this year?",
        "亚马逊FBA怎么创建入库计划",
        "FBA货件的入库计划怎么做",
    ],
)
def test_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic", first_line(kb, question)


def test_acceptance_scan_stays_ours(kb: KnowledgeBase) -> None:
    assert first_line(kb, "入库扫描算有效吗").startswith("算")
