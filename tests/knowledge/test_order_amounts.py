"""An order's amount is its price and its shipping together: the EU/UK letter exemption's
EUR 20 includes shipping, so "€14 item + €8 shipping" is a EUR 22 order, which counts even
as a letter. A limit the question names ("the €20 line") is not part of the amount, and a
question whether the order is under that limit gets yes only for an exempt one."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

# (question, the first line's start, wrong facts that must not be in the first line)
CASES = [
    # 14 + 8 = 22, not under 20: counts; "below the line?" is answered no.
    (
        "my item costs 14 euros and shipping is 8 euros, sent as Brief DE to AT. "
        "is it below the €20 line?",
        "No — A EUR 22 order",
        ("exempt from VTR", "EUR 14 ", "EUR 42"),
    ),
    # 15 + 7 = 22: counts, so "exempt?" is no.
    (
        "€15 item plus €7 postage, letter from Germany to Spain — exempt?",
        "No — A EUR 22 order (DE → ES) counts",
        ("is exempt",),
    ),
    # 12 + 4 = 16, under 20 as a letter: exempt, so "under the rule?" is yes.
    (
        "€12 order plus €4 shipping by letter DE to NL, is that under the 20 euro rule?",
        "Yes — A EUR 16 order (DE → NL) sent as Letter is exempt",
        ("counts toward",),
    ),
    # Shipping included in the €19: not added twice.
    (
        "€19 order including €3 shipping, sent as letter from DE to FR, does it count?",
        "No — A EUR 19 order (DE → FR) sent as Letter is exempt",
        ("EUR 22",),
    ),
    # 18 + 4 = 22: counts (算).
    ("商品18欧，运费4欧，平信从法国寄到意大利，算VTR吗", "算。22 欧元的订单", ("豁免，",)),
    # 12 + 3 = 15: exempt (不计入).
    ("商品12欧，运费3欧，平信从德国寄到法国，算VTR吗", "不计入：15 欧元", ("22",)),
    # 15 + 6 = 21, asked whether it is within 20: no.
    ("商品15欧加运费6欧，用平信从德国发法国，在20欧以内吗", "不是。21 欧元的订单", ("属于豁免",)),
]


@pytest.mark.parametrize(("question", "lead", "wrong"), CASES)
def test_price_and_shipping_make_the_order_s_amount(
    kb: KnowledgeBase, question: str, lead: str, wrong: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert not [w for w in wrong if w in line], line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # German domestic orders count over EUR 15 (domain.md §1): the belief is right.
        (
            "我理解的是德国本地单超过15欧才算，没错吧",
            "对。德国境内的货件，订单金额超过 15 欧元就计入 VTR；15 欧元及以下的订单，资料没有说明。",
        ),
        # The letters' EUR 20 exemption is the EU's and UK's, not everywhere's.
        (
            "a letter under 20 EUR is always exempt, even outside the EU, right?",
            "Not right: In the EU and UK",
        ),
        # A yen sign on a Japanese order is yen: JPY 800 is under 1,000, exempt.
        (
            "amazon.co.jp order for ¥800 with no tracking, does it count?",
            "No — A JPY 800 order on Amazon.co.jp is exempt",
        ),
    ],
)
def test_each_marketplace_s_amount_rule_decides_a_belief(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    """decide/values.py's branches, one case each (the many wordings are
    test_decisions.py's, in the full tier)."""
    assert first_line(kb, question).startswith(lead), first_line(kb, question)


def test_the_letter_limit_believed_to_include_vat(kb: KnowledgeBase) -> None:
    """EUR 20 is counted without VAT (domain.md §1): a belief that includes it is not right."""
    first = first_line(
        kb, "under 20 euros including VAT, letters to France are exempt from VTR, right?"
    )
    assert first.startswith("Not right: In the EU and UK, orders under EUR 20"), first
    assert "VAT excluded" in first, first


def test_an_order_over_the_limit_by_a_courier_not_integrated(kb: KnowledgeBase) -> None:
    """EUR 40 is over EUR 20, so it counts; every shipping provider counts (domain.md §1)."""
    first = first_line(
        kb,
        "Spain to Italy, 40 EUR parcel with a local courier that isn't integrated with Amazon. "
        "does it count?",
    )
    assert first.startswith("Yes — A EUR 40 order (ES → IT) counts toward VTR"), first
    assert "All shipping providers count" in first, first


def test_parcels_under_the_limit_stay_in_a_seller_s_counts(kb: KnowledgeBase) -> None:
    """A parcel is no letter: the three untracked €10 parcels stay invalid, 57 of 60 = 95.0%,
    not above the bar; one more valid of 60 (58/60 = 96.7%) is."""
    first = first_line(
        kb,
        "DE shop, 60 parcels, 57 valid, the other 3 were €10 parcels (not letters), what's my VTR",
    )
    assert first.startswith("57 valid of 60 = 95.0%, which is not above 95%"), first
    assert "Fix 1 package" in first, first
