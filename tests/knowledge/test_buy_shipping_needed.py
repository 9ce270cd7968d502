"""Found by probing: "do I need to use Buy Shipping" got the list of Buy Shipping's
marketplaces; its Chinese twin (必须用购买配送吗) got the rule. "need to use", "necessary",
"compulsory" now ask whether Buy Shipping is required: no, every carrier counts (domain.md §1,
§2). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "do we need to buy shipping labels through amazon to keep vtr up",
        "is Buy Shipping compulsory?",
    ],
)
def test_buy_shipping_is_not_required(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("No"), line
    assert "not required" in line, line
