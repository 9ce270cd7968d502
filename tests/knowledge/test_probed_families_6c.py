"""Found by probing as a seller: '不用购买配送会被限制吗' led with Buy Shipping's 'lowers the
risk, no guarantee', 'will my category come back automatically once vtr is above 95' with the
bar, '货代给的单号能用吗' with Buy Shipping's marketplaces. Each now decides what was asked
(domain.md §1, §1b, §2). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "says"),
    [
        ("不用购买配送会被限制吗", "不会", "所有承运商都计入"),
        ("if i dont use buy shipping will i get restricted", "No —", "every carrier counts"),
        ("will my category come back automatically once vtr is above 95", "No —", "Plan of Action"),
        ("我们用的是货代，货代给的单号能用吗", "能", "货代给的单号也一样"),
        ("is my forwarder's tracking number ok for vtr", "Yes —", "forwarder's number"),
    ],
)
def test_what_was_asked_is_decided(
    kb: KnowledgeBase, question: str, verdict: str, says: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and says in first, first
