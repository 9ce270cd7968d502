"""The edges of the bot's field: FBA's own stock moving in or out of Amazon's warehouses
(removal orders, inbound with the partnered carrier, sea or air freight to FBA) is refused as another programme; a
reason asked ("why did … still count?") gets the rule without a yes or no; an amount keeps
its cents as written. Wordings written here, none taken from a held-out set; the rule from
/work/shared/domain.md §1b (EU letter exemption: under EUR 20 and sent as Letter)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    "question",
    [
        "what's the fee for a removal order of my FBA stock",
        "怎么创建移除订单，把FBA仓库的货退回来",
        "which partnered carrier should I pick when sending inventory to FBA",
        "send to amazon workflow: how do I print box labels",
        # Freight to Amazon's warehouses, by whoever carries it: inbound.
        "who's a good forwarder for ocean freight into FBA",
        "海派到亚马逊仓库找哪家货代靠谱",
    ],
)
def test_fba_stock_moving_in_or_out_is_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic", question


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("why does my 31.50 EUR Lettre order still count toward VTR?", ("31.50", "20")),
        ("为什么一单22.80欧的平信还是算进了VTR", ("22.80", "20")),
    ],
)
def test_a_reason_asked_gets_the_rule_without_a_yes(
    kb: KnowledgeBase, question: str, words: tuple[str, ...]
) -> None:
    first = first_line(kb, question)
    assert not first.startswith(("Yes", "No", "是的", "对。", "会。", "算。")), first
    assert all(word in first for word in words), first
