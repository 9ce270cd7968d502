"""A buyer's return is no self-fulfilled shipment, so its label's tracking is outside VTR
(domain.md §1: VTR counts the self-fulfilled shipments the seller confirms) and outside what
the sources here say: such a question is refused honestly, not answered with a shipping entry
whose "yes" a seller would act on. A question about the seller's own shipment to the buyer,
a return named beside it, stays ours. Wordings written here, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "退货面单的追踪号算不算有效追踪",
        "买家退件用的标签需要填单号吗",
        "do I need tracking on return labels",
        "customer returns need a tracking number?",
        "does the return shipment's tracking go into my valid tracking rate?",
        "customer asked to send it back - who covers the return postage?",
        "my buyer would like to return the order, do I pay the return shipping?",
        "买家想退 运费谁出",
    ],
)
def test_a_returns_question_is_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


@pytest.mark.parametrize(
    "question",
    [
        "买家退货了，我原来发出去的那个包裹还算VTR吗",
        "if the buyer returns the item, does my original shipment still count in VTR?",
        "when will my VTR return above 95%",
        "my package was returned to sender, does it count for VTR",
        pytest.param(
            "customer wants to return it, does the original parcel I shipped still count toward VTR?",
            marks=pytest.mark.fast,
        ),
    ],
)
def test_the_seller_s_own_shipment_stays_ours(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind != "off_topic"
