"""A carrier the sources never name, asked whether it counts ("does VTR apply if I ship
with Aramex?", '用极兔发货的单号VTR认不认'), got a neighbouring entry's facts (the list of
marketplaces, Japan's rules) or a refusal. The reply now says the sources do not name it,
then what holds for every carrier (domain.md §1, §1b: tracking on every self-fulfilled
order from any provider, valid on a carrier scan with the carrier matching, picked from
Amazon's list). Known carriers keep their own answer. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "name"),
    [("we mostly ship through Aramex, is that valid for vtr?", "Aramex"),
     ("Is Landmark Global accepted for VTR", "Landmark Global"),
     ("用极兔快递发的单子，VTR算吗", "极兔"),
     ("can I use Shippo labels for amazon orders", "Shippo")],
)  # fmt: skip
def test_an_unnamed_carrier_is_said_unnamed(kb: KnowledgeBase, question: str, name: str) -> None:
    line = first_line(kb, question)
    assert name in line, line
    assert "do not name" in line or "没有提到" in line, line
    assert not line.startswith(("Yes", "No", "可以", "不")), line


@pytest.mark.parametrize("question", ["走燕文物流可以吗", "we ship via USPS is that fine"])
def test_a_known_carrier_keeps_its_answer(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "do not name" not in line and "没有提到" not in line, line
