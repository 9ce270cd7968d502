"""Issue 21: Buy Shipping and VTR asked together ("can my VTR still drop?", a label bought but
never handed over, the seller's own number typed instead) got an entry on tracking timing or a
list of benefits. Buy Shipping uploads tracking automatically (domain.md §2), yet a number is
valid only once the carrier has scanned the package (§1b), the carrier must match the number,
and orders shipped otherwise count: it protects VTR, it does not make it safe by itself.
Wordings written for these tests, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection

# Asked whether VTR is safe: no. Asked whether it can still drop or needs watching: yes.
VERDICTS = [
    ("we ship every order with buy shipping now, so vtr is safe?", "No —"),
    ("buy shipping on everything = vtr can't fall, right?", "Not right"),
    ("all orders via buy shipping, could my valid tracking rate still go down?", "Yes —"),
    ("is there any reason to still worry about VTR if every label is from buy shipping", "Yes —"),
    ("全部订单都走购买配送，VTR是不是就稳了", "不是"),
    ("用亚马逊买配送发货，有效追踪率就不用管了吧", "不对"),
    ("都用购买配送了 追踪率还会掉吗", "会"),
    ("整个店都改用购买配送了，还要不要盯VTR", "要"),
    # "worry free" is no word of the fee (Buy Shipping is free of extra charge).
    ("everything on buy shipping now, so vtr is worry-free?", "No —"),
]


@pytest.mark.parametrize(("question", "lead"), VERDICTS)
def test_buy_shipping_protects_but_is_no_guarantee(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    # The verdict's reason: a number needs a carrier scan, Buy Shipping or not.
    assert "scan" in line or "扫描" in line, line


# The cases a seller runs into with a Buy Shipping label: the reply says what makes the
# number valid (a scan) and, for a number of their own, that the carrier must be right for it.
CASES = [
    ("bought buy shipping labels but the courier never collected the boxes, vtr impact?", "scan"),
    (
        "purchased a label in buy shipping then sent it with my forwarder and entered his tracking "
        "number, is that ok",
        "carrier",
    ),
    ("购买配送的面单打出来了，包裹还没交给快递，会算无效吗", "扫描"),
    ("买了购买配送的标签，后来用货代发的，自己填了货代的单号，有影响吗", "匹配"),
]


@pytest.mark.parametrize(("question", "word"), CASES)
def test_label_cases_answered_with_the_rule(kb: KnowledgeBase, question: str, word: str) -> None:
    text = reply_text(kb, question)
    assert word in text, (question, text)
    # Not the timing entry alone nor the list of benefits.
    assert "1.7" not in text, text


# "全店都用购买配送" is the whole shop shipping one way, no belief that VTR is one figure.
@pytest.mark.parametrize(
    "question",
    [
        "全店都用购买配送了，还用担心有效追踪率吗",
        "our whole store uses buy shipping, still need to worry about vtr?",
    ],
)
def test_whole_shop_shipping_is_no_account_wide_belief(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "per product category" not in line and "按商品分类" not in line, line
    assert "suspend" not in line and "封" not in line, line
