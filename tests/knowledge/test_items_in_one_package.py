"""'一单多件算几个包裹' was refused as another field's and 'one order with 3 items in one box,
how many packages for vtr' got the US scan rule: VTR counts packages, one tracking ID each
(domain.md §1b), so items packed together are one package; a split order keeps its rule.
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "一单多件算几个包裹",
        "一个订单3件商品装一个包裹，VTR算几个",
        "one order with 3 items in one box, how many packages for vtr",
    ],
)
def test_items_packed_together_are_one_package(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(("VTR 按包裹算", "VTR counts packages")), first


def test_a_split_order_keeps_its_rule(kb: KnowledgeBase) -> None:
    assert first_line(kb, "一个订单分两个包裹发，只有一个单号可以吗").startswith("不可以")
