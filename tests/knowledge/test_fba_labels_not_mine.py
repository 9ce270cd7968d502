"""FBA's prep and labels (FNSKU labels, box and carton labels, 箱唛, 贴标, prep requirements)
are stock sent to Amazon's warehouses, and a product's own barcode label (SKU, UPC) the
catalogue's, another field's: refused as not ours, however close
"print … labels" is to Buy Shipping's. Printing a Buy Shipping or self-fulfilled shipping
label stays ours. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    ["how to print fnsku labels", "where do I print labels for FBA boxes", "fba prep requirements",
     "what goes on a carton label for an FBA shipment", "FNSKU标签怎么打", "FBA箱唛怎么打印",
     "外箱标签贴在哪里", "SKU标签怎么打印", "where do I get a UPC code for my product"],
)  # fmt: skip
def test_fba_prep_and_labels_are_not_ours(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


@pytest.mark.parametrize(
    "question",
    ["how do i print buy shipping labels", "buy shipping 的面单怎么打印",
     "how do I print a shipping label for a self-fulfilled order"],
)  # fmt: skip
def test_shipping_labels_of_ours_are_answered(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "answer" and answer.matched is not None, answer
    assert answer.matched.startswith("buy-shipping"), answer
