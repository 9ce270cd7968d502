"""A belief that restricts a rule to some ("只有对接的物流商才要传", "only integrated carriers
need it") often denies the rest in a clause of its own ("别的不用传", "the others don't"):
that clause is the restriction's complement, not a negation of the belief, so a false
restriction stays false (domain.md §1: every carrier counts). The reply led with '对'.
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("只有亚马逊合作的物流才要传单号，其他快递不用上传吧", "不对"),
        ("仅对接的承运商需要追踪号，剩下的物流不需要，对不对", "不对"),
        (
            "only carriers integrated with amazon need tracking uploaded, the others don't, right?",
            "Not right",
        ),
        ("only integrated carriers need tracking uploaded, right?", "Not right"),
    ],
)
def test_only_some_carriers_need_tracking_is_false(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert "所有物流服务商" in first or "All shipping providers" in first, first
