"""An order's item rows with no tracking are one package, one defect (domain.md §1b, §4:
rows of one order and ship date are one shipment, one per order and ship date when tracking
is empty). Sealed set 23 found "an order with 2 item rows and no tracking — is that 2
defects?" worked out as 0 valid of 2 packages. The claim set 24's work landed first
(test_carrier_yes_not_asked.py) answers these; the wordings below are ours."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("一个订单两行商品都没单号，算两个缺陷吗", "不"),
        ("这单有3行产品，没填追踪号，VTR里算3个包裹吗", "不"),
    ],
)
def test_rows_of_one_order_are_one_defect(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and "个有效" not in line, line


def test_rows_are_no_package_count(kb: KnowledgeBase) -> None:
    line = first_line(
        kb, "shipped 40 packages, 2 without tracking, the file has 45 item rows; VTR?"
    )
    assert "38 valid of 40" in line, line
