"""Issue 21: a second question that only changes the first one's figure ('…? and what about
6 USD?', '…？那1500日元呢？') was answered by the rule's table, its own figure undecided: it
is the first question asked again with that figure, each decided by its own rule (US scans
from China by USD 5, Japan by JPY 1,000, the bar strictly above 95%; domain.md §1b, §4.5).
'免追踪吗' asks whether the order is let off tracking, so 1500 yen is 不是. Wordings
written for these tests."""

from __future__ import annotations

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text


def _leads(reply: str) -> list[str]:
    """The first line of each part of a rendered reply (parts follow a blank line or not:
    the lines holding a decision's figure are enough here)."""
    return [line for line in reply.splitlines() if line.strip()]


def test_follow_up_amount_to_the_us(kb: KnowledgeBase) -> None:
    reply = reply_text(
        kb, "from china to the US, a 3 USD order needs how many scans? what about 7 USD?"
    )
    lines = _leads(reply)
    assert any("USD 3" in x and "at least one carrier scan" in x for x in lines), reply
    assert any("USD 7" in x and "two carrier scans" in x for x in lines), reply


def test_follow_up_amount_in_japan(kb: KnowledgeBase) -> None:
    reply = reply_text(kb, "日本站900日元的订单免追踪吗？那2000日元的呢？")
    lines = _leads(reply)
    assert lines[0].startswith("不计入") and "900" in lines[0], reply
    assert any(x.startswith("不是") and "2000 日元" in x for x in lines), reply


def test_follow_up_rate(kb: KnowledgeBase) -> None:
    reply = reply_text(kb, "is 95.4 ok? and at 94.6?")
    lines = _leads(reply)
    assert lines[0].startswith("Yes") and "95.4%" in lines[0], reply
    assert any(x.startswith("No") and "94.6%" in x for x in lines), reply
