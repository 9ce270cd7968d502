"""Beliefs that got their entry without a verdict first, now confirmed or corrected on the
first line. Wordings written for these tests, in both languages, none taken from a held-out
set; each expectation checked by hand against /work/shared/domain.md (section named)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

NOT_RIGHT = ("Not right", "No —", "不对", "不是", "不会")
RIGHT = ("Right", "Yes —", "对。", "是的", "会。")

# (question, verdict the first line opens with, words the first line must hold)
CASES = [
    # §1: FBA orders are never in VTR and FBA offers are never restricted for it; a listing
    # "suppressed" or "hidden" is one more way of saying restricted.
    (
        "My FBA offers will get suppressed as well when the VTR falls under 95%, correct?",
        NOT_RIGHT,
        ["FBA"],
    ),
    ("Low VTR means my FBA listings get suppressed too?", NOT_RIGHT, ["FBA"]),
    ("VTR不达标的话 FBA的商品也会被屏蔽吧", NOT_RIGHT, ["FBA"]),
    ("FBA listings won't be suppressed by low VTR, right?", RIGHT, ["FBA"]),
    # §1, §1b: cross-border orders to and from the EU countries and the UK count since
    # 15 January 2025; only letters under EUR 20 are left out.
    ("cross-border orders in Europe don't count for VTR, right?", NOT_RIGHT, ["2025", "EUR 20"]),
    ("发欧洲的跨境件不计入有效追踪率吧", NOT_RIGHT, ["2025 年 1 月 15 日", "20 欧元"]),
    ("EU cross-border shipments are exempt from VTR?", NOT_RIGHT, ["EUR 20"]),
    ("跨境发往欧盟的订单也算VTR吧", RIGHT, ["2025 年 1 月 15 日"]),
    # §1b: Japan exempts orders under JPY 1,000 only, not every untracked order.
    ("untracked orders to Japan never count toward VTR, right?", NOT_RIGHT, ["JPY 1,000"]),
    ("日本站的订单全部豁免VTR对吧", NOT_RIGHT, ["1,000 日元"]),
    ("Japan orders under 1000 yen are exempt, right?", RIGHT, ["1,000"]),
    # §2: Amazon adds no fee to Buy Shipping; the postage is paid to the carrier.
    (
        "Buy Shipping won't cost me anything more from Amazon, only the carrier's postage, correct?",
        RIGHT,
        ["nothing extra"],
    ),
    ("用购买配送亚马逊不会多花钱吧，只付快递费", RIGHT, ["另收费用"]),
    ("Buy Shipping costs extra on top of postage, right?", NOT_RIGHT, ["nothing extra"]),
    # §1: VTR is per category and per marketplace; the side set aside ("not one number for
    # the whole account", "rather than a single figure for the entire shop") is no belief.
    pytest.param(
        "Each category on each marketplace gets its own VTR rather than a single figure for "
        "the entire shop, correct?",
        RIGHT,
        ["per product category"],
        marks=pytest.mark.fast,
    ),
    ("VTR是每个站点每个类目分开算的吧，而不是整个店铺一个数", RIGHT, ["按商品分类"]),
    pytest.param(
        "VTR is one number for the whole account, not per category, right?",
        NOT_RIGHT,
        ["per product category"],
        marks=pytest.mark.fast,
    ),
    ("Will low VTR get my entire shop suspended?", NOT_RIGHT, ["whole account"]),
]


@pytest.mark.parametrize(("question", "verdicts", "words"), CASES)
def test_belief_verdict_first(
    kb: KnowledgeBase, question: str, verdicts: tuple[str, ...], words: list[str]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdicts), line
    assert all(w in line for w in words), line
