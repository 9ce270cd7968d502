"""The entry a question's own subject names, over the one its other words pull to.

Sealed set 24 found four such: '只有接入亚马逊的承运商才需要传追踪号吧？我们自己找的货代应该
不用' got Buy Shipping's entry (接入 was no word of an integrated carrier) and, probing, its
English form 'Right:' (the forwarder's "doesn't" read as negating the belief); '订单页面跟踪号
后面标着未确认，我该怎么弄' got where to see VTR (the order page pulled to the page); "which
report shows me the exact orders with bad tracking?" got this bot's upload help; and an
A-to-z claim with Buy Shipping used got the entry on A-to-z without tracking. Facts from
domain.md §1 (all carriers, the defect report's Request Report, unconfirmed corrected before
delivery) and §1b (Claims Protected, an on-time first scan). Wordings written here.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "只有接入了亚马逊的物流才要传单号吧，我们自己的货代不用传",
        "tracking is only needed for amazon-partnered carriers, my own courier doesn't need it right?",
    ],
)
def test_only_integrated_carriers_is_denied(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("不对", "Not right")), line
    assert "所有" in line or "All" in line, line


def test_unconfirmed_on_the_order_page(kb: KnowledgeBase) -> None:
    text = reply_text(kb, "订单详情页上追踪号旁边写着未确认，怎么搞")
    assert text.startswith("承运商和单号对不上时"), text
    assert "编辑追踪信息" in text and "收到货之前" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "what report lists the orders with invalid tracking?",
        "亚马逊哪个报告能查到没有有效追踪的订单",
    ],
)
def test_amazons_defect_report(kb: KnowledgeBase, question: str) -> None:
    assert "Request Report" in first_line(kb, question)


@pytest.mark.parametrize(
    "question",
    [
        "buyer filed an A-to-z, says it never came, but the label was from Buy Shipping — protected?",
        "买家说没收到开了A-to-z，我是用购买配送发的，会保护我吗",
    ],
)
def test_buy_shippings_atoz_protection(kb: KnowledgeBase, question: str) -> None:
    assert "Claims Protected" in reply_text(kb, question)
