"""Found by probing: '购买配送要扣钱吗' got the untracked-shipments entry (扣 was read as VTR
docked, not money), '购买配送不扣钱吧' likewise, and the strike-through on a marketplace read
'有。可以：德国站支持…', two verdicts (the Chinese wording carried its own 可以). Buy Shipping
costs nothing extra (domain.md §2); the strike-through line now carries only the verdict
asked. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("购买配送要扣钱吗", "不用"),
        ("用购买配送亚马逊会额外扣费吗", "不会"),
        ("购买配送不扣钱吧", "对"),
    ],
)
def test_money_asked_of_buy_shipping(kb: KnowledgeBase, question: str, verdict: str) -> None:
    answer = kb.answer(question)
    first = first_line(kb, question)
    assert answer.matched == "buy-shipping-cost" and first.startswith(verdict), first


@pytest.mark.parametrize("question", ["购买配送的差评保护英国站有吗", "德国站能用购买配送删差评吗"])
def test_one_verdict_on_the_strike_through(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert "可以：" not in first and first.count("。") <= 2, first
