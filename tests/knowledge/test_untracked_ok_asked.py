"""An order that counts, asked whether it may go untracked ("日本站1500日元的订单没追踪可以吗",
"a 30 euro letter to france, no tracking ok?"): going untracked is fine only if exempt (JP under
JPY 1,000, EU/UK letters under EUR 20, domain.md §1b), so a counted order's answer is no; the
reply said "可以 / Yes" and then that the order counts and lowers VTR. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        ("日本站1500日元的订单没追踪可以吗", "不可以", "可以"),
        ("日本站1500日元的订单没有单号行吗", "不行", "行"),
        ("a 1500 yen order to japan without tracking, is that ok?", "No", "Yes"),
        ("发德国的信件订单25欧，没追踪可以吗", "不可以", "可以"),
        ("a 30 euro letter to france, no tracking ok?", "No", "Yes"),
    ],
)
def test_a_counted_order_may_not_go_untracked(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and not first.startswith(wrong), first


@pytest.mark.parametrize(
    "question", ["日本站800日元的订单没追踪可以吗", "发法国的信件订单15欧 没单号行吗"]
)
def test_an_exempt_order_may(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(("不计入", "可以", "行")), first
    assert "豁免" in first, first
