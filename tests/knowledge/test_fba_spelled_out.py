"""FBA by its full name, misspelled or in British spelling ("fullfilment by amazon",
"fulfilment by Amazon", "Amazon-fulfilled"), is FBA: the rule that FBA orders are not in VTR
answers, as it does for "FBA"; self-fulfilment in British spelling is self-fulfilled. Wordings
written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    ["do fullfillment by amazon shipments hurt my valid tracking rate",
     "are my fulfilled-by-amazon orders counted in vtr",
     "fulfilment by Amazon orders, do they count toward VTR?",
     "amazon-fulfilled orders, do they need tracking uploaded for vtr?"],
)  # fmt: skip
def test_fba_by_its_full_name(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    text = reply_text(kb, question)
    assert answer.kind == "answer" and "FBA" in text.split("\n", 1)[0], text
    assert "not in VTR" in text, text


def test_self_fulfilment_in_british_spelling(kb: KnowledgeBase) -> None:
    assert "mfn" in kb.case("does VTR cover self-fulfilment only").concepts
