"""Found by probing: 'do EU cross-border orders count now? and what about tiny JP orders?'
answered the EU part and dropped the Japanese one ('what about tiny JP orders?' alone was
refused as off-topic, '日本站小额订单算VTR吗' got the bar's list without JPY 1,000), and
'EU跨境订单…' missed the EU rule ('eu' glued to Chinese had no word boundary). An order said
to be small with no amount now gets its marketplace's value rule with its figure (JPY
1,000; EUR 20 letters; the US scans), no yes or no, and every part of a compound question
keeps its key figure (domain.md §1, §1b). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("and the really cheap orders on amazon japan?", "1,000"),
        ("日本站几百日元的低价单要不要算VTR", "1,000"),
        pytest.param(
            "low-value orders to the US from China, what's the rule?",
            "USD 5",
            marks=pytest.mark.fast,
        ),
        ("法国站的小额信件呢", "20"),
    ],
)
def test_small_order_gets_its_marketplace_rule(
    kb: KnowledgeBase, question: str, figure: str
) -> None:
    text = reply_text(kb, question)
    first = text.split("\n", 1)[0]
    assert figure in first, text
    assert not first.startswith(("Yes", "No", "是", "不")), first


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "are cross-border EU orders counted these days? also small orders in japan?",
            ["EUR 20", "1,000"],
        ),
        pytest.param(
            "欧盟跨境单现在计入VTR吗？那日本站的小额单呢？",
            ["20 欧元", "1,000"],
            marks=pytest.mark.fast,
        ),
        ("EU跨境订单算不算VTR", ["20 欧元"]),
    ],
)
def test_every_part_keeps_its_figure(kb: KnowledgeBase, question: str, figures: list[str]) -> None:
    text = reply_text(kb, question)
    for figure in figures:
        assert figure in text, text
