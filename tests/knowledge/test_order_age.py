"""An order's age told as "an order from N days ago" / "两个月前的一单" is the package's age
against VTR's 30-day window (keyed by the promised delivery date): within 30 days it counts,
over 60 days it is out, in between it depends on that date (no verdict either way)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

# (question, the first line's start, wrong facts it must not hold)
CASES = [
    (
        "order from ten weeks ago never got tracking, still counting against me?",
        "No — A package shipped 70 days ago is outside VTR's 30-day window",
        ("Yes", "inside"),
    ),
    ("3个月前那单没传单号 现在还拉低VTR吗", "不是。90 天前发的包裹已经不在", ("还在 VTR",)),
    ("两个月前的一单没有单号，还影响VTR吗", "60 天前发的包裹不一定还在", ("不会再算",)),
    (
        "an order from 10 days ago has no tracking, does it hurt my VTR?",
        "Yes — A package shipped 10 days ago is inside",
        ("outside",),
    ),
    # 50 days: its promised delivery date may still be in the window: no verdict either way.
    (
        "an order from 50 days ago still has no tracking, is it dragging my VTR down?",
        "A package shipped 50 days ago may or may not still be in",
        ("Yes", "No —", "no longer counts"),
    ),
    ("40天前的订单没有上传追踪号，还算VTR吗", "40 天前发的包裹不一定还在", ("不会再算",)),
    # A Chinese numeral of two characters is one number (四十 is 40, not 十 = 10).
    ("四十天前发的那单没单号，还算VTR吗", "40 天前发的包裹不一定还在", ("算。",)),
]


@pytest.mark.parametrize(("question", "lead", "wrong"), CASES)
def test_an_order_s_age_against_the_window(
    kb: KnowledgeBase, question: str, lead: str, wrong: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert not [w for w in wrong if w in line], line
