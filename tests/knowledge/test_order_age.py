"""An order's age told as "an order from N days ago" / "两个月前的一单" is the package's age
against VTR's 30-day window: within 30 days it counts, over 30 it is out; up to 60 days the
reply adds that Amazon, keying on the promised delivery date about two weeks late, can show
it a while longer (a note, not a "maybe" in place of the verdict)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

# (question, the first line's start, wrong facts it must not hold)
CASES = [
    (
        "order from ten weeks ago never got tracking, still counting against me?",
        "No — A package shipped 70 days ago is outside VTR's 30-day window",
        ("Yes", "inside"),
    ),
    ("3个月前那单没传单号 现在还拉低VTR吗", "不是。90 天前发的包裹已经不在", ("还在 VTR",)),
    ("两个月前的一单没有单号，还影响VTR吗", "不是。60 天前发的包裹已经不在", ("还在 VTR",)),
    (
        "an order from 10 days ago has no tracking, does it hurt my VTR?",
        "Yes — A package shipped 10 days ago is inside",
        ("outside",),
    ),
    # 31 to 60 days: out of the last 30 days, with the promised date's delay as a note.
    (
        "an order from 50 days ago still has no tracking, is it dragging my VTR down?",
        "No — A package shipped 50 days ago is outside VTR's last 30 days",
        ("Yes", "may or may not", "two weeks early"),
    ),
    (
        "I shipped a package 45 days ago without tracking. Is it still in my VTR?",
        "No — A package shipped 45 days ago is outside",
        ("Yes", "inside"),
    ),
    ("Shipped 35 days ago, no tracking - still dragging my VTR down?", "No — ", ("inside",)),
    ("five weeks ago I sent a parcel with no tracking, does it still count?", "No — ", ("Yes",)),
    ("40天前的订单没有上传追踪号，还算VTR吗", "不算。40 天前发的包裹已经不在", ("不一定",)),
    ("7周前发的货没上传单号，会影响VTR吗", "不会。49 天前发的包裹已经不在", ("还在 VTR",)),
    # A Chinese numeral of two characters is one number (四十 is 40, not 十 = 10).
    ("四十天前发的那单没单号，还算VTR吗", "不算。40 天前发的包裹", ("不一定", "10 天")),
    # "shipped … without tracking" is the package's age asked, not whether tracking may be
    # skipped: tracking-skippable's "No —" read "does it still count?" as "may I skip it?".
    (
        "shipped 10 days ago without tracking, does it still count?",
        "Yes — A package shipped 10 days ago is inside",
        ("cannot be left out",),
    ),
    (
        "a parcel mailed 2 weeks ago without any tracking, still counts against me?",
        "Yes — A package shipped 14 days ago is inside",
        ("cannot be left out",),
    ),
    ("12天前寄出的包裹没有单号，还计入吗", "计入。12 天前发的包裹还在", ("不能省",)),
]


@pytest.mark.parametrize(("question", "lead", "wrong"), CASES)
def test_an_order_s_age_against_the_window(
    kb: KnowledgeBase, question: str, lead: str, wrong: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert not [w for w in wrong if w in line], line
