"""Which carrier was entered and which the number really is, told in words ('i entered usps
but it was ups', 'real carrier is fedex', '其实是云途'): the reply must name them the right way
round, or it tells the seller to edit the tracking to the carrier already wrong. 'it was ups'
read 'was' as 'as' (entered as), swapping them. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "fix_to"),
    [
        ("i entered usps but it was ups, can i fix that", "Edit the tracking to UPS"),
        ("entered dhl as carrier, real carrier is fedex, problem?", "Edit the tracking to FedEx"),
        ("I put ups but it is actually usps, does that matter", "Edit the tracking to USPS"),
        ("承运商填成了顺丰 其实是云途 有影响吗", "把承运商改成 YunExpress"),
    ],
)
def test_the_carrier_to_fix_to_is_the_real_one(
    kb: KnowledgeBase, question: str, fix_to: str
) -> None:
    first = first_line(kb, question)
    assert fix_to in first, first


@pytest.mark.parametrize(
    ("question", "fix_to"),
    [
        ("我用的是DHL，单号是1Z开头的", "把承运商改成 UPS"),
        ("i use dhl but the number starts with 1Z", "Edit the tracking to UPS"),
    ],
)
def test_a_carrier_used_beside_another_s_number_is_a_mismatch(
    kb: KnowledgeBase, question: str, fix_to: str
) -> None:
    assert fix_to in first_line(kb, question)
