"""Buy Shipping is no condition of valid tracking: every carrier counts, and a package is valid
with a matching carrier and number and at least one carrier scan (domain.md §1, §1b); a Buy
Shipping label never handed to the carrier has no scan yet. The reply led with Buy Shipping's
"lowers the risk" for both. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("can I pass VTR without buy shipping?", "Yes"),
        ("will my vtr fail without buy shipping", "No"),
        ("不用购买配送能达标吗", "能"),
        ("不用购买配送是不是就不能达标", "不是"),
        ("用自己的物流，不用购买配送，VTR会受影响吗", "不会"),
    ],
)
def test_vtr_does_not_need_buy_shipping(kb: KnowledgeBase, question: str, verdict: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert any(w in first for w in ("every carrier", "所有承运商", "所有物流服务商")), first


@pytest.mark.parametrize(
    "question",
    [
        "购买配送的面单没交给快递会怎样",
        "bought a buy shipping label but never handed the parcel to the carrier, is the tracking valid?",
    ],
)
def test_a_label_not_handed_over_has_no_scan(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert any(w in first for w in ("还不算有效", "not valid tracking yet")), first
