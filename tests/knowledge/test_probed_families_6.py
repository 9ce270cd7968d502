"""Found by probing as a seller: one number on several orders was worked out as figures
('同一个单号用在两个订单上' → '2 个里 1 个有效 = 50.0%'), a lost package got the defect report,
'my vtr is 90 can i still sell' the consequences with no decision. Each now leads with what
the sources say (domain.md §1b, §3; where they are silent, so said). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "同一个单号用在两个订单上有问题吗",
        "两个订单合并成一个包裹发，用一个单号可以吗",
        "same tracking number on 3 different orders, is that a problem",
    ],
)
def test_one_number_on_several_orders_is_no_figure(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(("VTR 按包裹算", "VTR counts packages")), first
    assert "%" not in first and ("资料没有说" in first or "sources do not say" in first), first


def test_a_split_order_keeps_its_rule(kb: KnowledgeBase) -> None:
    assert first_line(kb, "一个订单分两个包裹发，只有一个单号可以吗").startswith("不可以")


@pytest.mark.parametrize(
    "question",
    [
        "包裹寄丢了会影响追踪率吗",
        "my package got lost does it hurt vtr",
        "if the carrier loses my package is it a vtr defect",
    ],
)
def test_a_lost_package_is_about_scans_not_arrival(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(("VTR 只看追踪号是否有效", "VTR asks whether the tracking is valid")), (
        first
    )
    assert "OTDR" in first or "On-Time Delivery" in first, first


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("my vtr is 90 can i still sell", "At risk"),
        ("VTR 92%还能卖吗", "有风险"),
        ("vtr 97% can i still sell", "Yes"),
    ],
)
def test_still_selling_asked_of_a_rate(kb: KnowledgeBase, question: str, lead: str) -> None:
    assert first_line(kb, question).startswith(lead)
