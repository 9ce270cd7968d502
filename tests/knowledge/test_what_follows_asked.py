"""What follows from a condition a claim states, asked as 'what happens' ('承运商选错会怎样',
'picked the wrong carrier, what happens', '不用购买配送会怎样'), got a low VTR's consequences
or the untracked-shipments entry: the claim's fact is what follows (an unconfirmed number
is not valid, domain.md §1b; VTR does not depend on Buy Shipping, §1, §2), with no yes or
no since none was asked. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("承運商選錯會怎樣", "选的承运商和单号对不上时"),
        ("picked the wrong carrier, what happens", "When the carrier picked does not match"),
        ("不用购买配送会怎样", "VTR 不看你用没用“购买配送”"),
        ("what happens if i dont use buy shipping", "VTR does not depend on Buy Shipping"),
    ],
)
def test_what_follows_leads(kb: KnowledgeBase, question: str, lead: str) -> None:
    assert first_line(kb, question).startswith(lead)


def test_a_low_vtr_keeps_its_consequences(kb: KnowledgeBase) -> None:
    assert first_line(kb, "VTR低于95%会怎样").startswith("某个商品分类的 VTR 低于 95%")
