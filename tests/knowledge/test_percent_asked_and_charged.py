"""'What percent' asked in the words sellers use (Taiwan's 幾趴, 百分之几, 最少要做到…) is the
bar (above 95%, domain.md §1): 做到 of a figure is reaching it, not how to do it, which got
the how-to-improve entry. Amazon charging extra for Buy Shipping asked with 扣钱 (多扣錢不,
额外扣钱) is its fee: nothing extra (domain.md §2); 扣钱 was read as a penalty. Wordings
written here, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "VTR最少要幾趴才安全",
        "有效追踪率至少要做到百分之几",
        "有效追蹤率要做到多少才不會被限制",
        "有效追踪率要几趴才算过",
    ],
)
def test_the_percent_asked_is_the_bar(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert "95%" in first, first
    assert "做法" not in first, first


@pytest.mark.parametrize(
    "question",
    ["用購買配送的話亞馬遜會額外扣錢嗎", "买配送面单，亚马逊会不会多扣钱", "购买配送另外扣钱不"],
)
def test_buy_shipping_charges_nothing_extra(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    # The fee's fact first, or the verdict asked (不会) and then it.
    assert first.startswith(("不额外收费", "不会。购买配送不额外收费")), first


def test_how_to_do_it_stays_the_how_to(kb: KnowledgeBase) -> None:
    first = first_line(kb, "怎么做到VTR一直在95以上")
    assert first.startswith("提升和保持 VTR 的做法"), first
