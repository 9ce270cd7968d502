"""An order whose value or route decides how it is tracked says that it counts toward VTR
too: a cheap US order from China is no exemption, a JPY 1,500 order and a EUR 39 German
domestic parcel must be counted. Wordings written here, none taken from a held-out set;
the rules from /work/shared/domain.md §1b (US from China: under USD 5 one scan, from USD 5
two, one of them delivery or attempted delivery; exemptions only for EU/UK letters under
EUR 20, JP orders under JPY 1,000 and UK Royal Mail stamps bought through Buy Shipping;
German domestic shipments over EUR 15 count)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead", "parts"),
    [
        # USD 2 and USD 4: under USD 5, one scan; no US order is exempt for its value.
        (
            "a $2 item going from Shenzhen to a US buyer, is it exempt from VTR?",
            "No",
            ("at least one carrier scan", "counts toward VTR"),
        ),
        (
            "$4 order China to US, does it count toward VTR?",
            "Yes",
            ("at least one carrier scan", "counts toward VTR"),
        ),
        ("美国站3美元的单，从中国直发，算VTR吗", "算", ("至少一条", "要计入 VTR")),
        ("美国站3美元的小单不算VTR吧", "不对", ("至少一条", "要计入 VTR")),
        # USD 12: two scans, one of them delivery or attempted delivery; it counts.
        pytest.param(
            "US $12 order from China, does it count for VTR?",
            "Yes",
            ("two carrier scans", "counts toward VTR"),
            marks=pytest.mark.fast,
        ),
        (
            "ship from china to US, order value 8 dollars, is one scan enough?",
            "No",
            ("two carrier scans", "counts toward VTR"),
        ),
    ],
)
def test_a_us_order_from_china_counts_whatever_its_value(
    kb: KnowledgeBase, question: str, lead: str, parts: tuple[str, ...]
) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first
    assert all(part in first for part in parts), first


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        # JPY 1,500 is not under JPY 1,000: counted, and untracked it is an invalid package.
        ("日本站2000日元的订单，没贴追踪号，这单要不要算进VTR", ("要", "要计入 VTR", "无效包裹")),
        # EUR 39 domestic in Germany: over EUR 15, counted.
        ("德国国内发的单子，订单金额25欧，用DHL包裹，算VTR吗", ("算", "要计入 VTR")),
        # EUR 25 as a letter DE → FR: not under EUR 20, counted even as a letter.
        ("从德国寄到法国，25欧的订单用Letter寄，算VTR吗", ("算", "也要计入 VTR")),
    ],
)
def test_a_counted_order_says_it_must_be_counted(
    kb: KnowledgeBase, question: str, parts: tuple[str, ...]
) -> None:
    first = first_line(kb, question)
    assert first.startswith(parts[0]), first
    assert all(part in first for part in parts), first
