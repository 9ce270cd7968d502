"""Issue 21: a question how long until FBA orders leave VTR ('FBA订单要多久才从VTR里去掉')
takes for granted that they are in it, and got the tracking-edit entry's timings. FBA orders
are never in VTR (domain.md §1): that is the answer, with no window or wait given for them,
and a belief that they drop out after some days is Not right. Wordings written for these
tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

NEVER = ("never in VTR", "从来不在 VTR 里")

CASES = [
    ("亚马逊物流的订单大概几天会从追踪率里消失", ""),
    ("how many days before my FBA shipments get removed from the tracking rate?", ""),
    ("FBA的单子过了30天就不算进VTR了，对吧", "不对"),
    ("my FBA orders will drop off the VTR within 30 days, correct?", "Not right"),
]


@pytest.mark.parametrize(("question", "lead"), CASES)
def test_fba_is_never_in_vtr(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert any(words in line for words in NEVER), (question, line)
