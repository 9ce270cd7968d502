"""What FBA or self-fulfilment is, asked ("what does fba mean", "FBA是啥", "什么是亚马逊物流",
"MFN是啥"), got VTR's definition. FBA is said briefly to be Amazon's own fulfilment, its
orders not in VTR (domain.md §1, §1b), the rest of FBA not this bot's field; self-fulfilled
(FBM/MFN) is shipping yourself, what VTR measures. A question naming VTR beside them ("what
does VTR mean for FBM sellers") is still VTR's definition (`excludes` in the entries), and
FBA's labels are still refused. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question", ["what does fba stand for and what is it", "FBA是啥", "什么是亚马逊物流"]
)
def test_fba_asked_what_it_is(kb: KnowledgeBase, question: str) -> None:
    text = reply_text(kb, question)
    assert text.startswith("FBA"), text
    assert "not part of Valid Tracking Rate" in text or "不计入有效追踪率" in text, text


@pytest.mark.parametrize("question", ["MFN是啥", "what does merchant fulfilled mean"])
def test_self_fulfilment_asked_what_it_is(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("Self-fulfilled", "自配送")), line


@pytest.mark.parametrize(
    "question", ["what does VTR mean for FBM sellers", "自配送的VTR是什么意思"]
)
def test_vtr_named_beside_them_is_vtrs_definition(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).matched == "vtr-what"


def test_fba_labels_still_refused(kb: KnowledgeBase) -> None:
    assert kb.answer("FBA贴标要求是什么").kind == "off_topic"
