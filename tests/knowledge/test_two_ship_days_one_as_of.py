"""Two ship days asked against one as-of day ('按12月5号截止的话，11月6号发的单在30天里吗？
11月5号发的呢？'): each judged on its own date against the window the seller named, the
as-of day and the 29 before it (domain.md §4.3). Set 31's question swapped the dates (the
截止 after '12月5号' was read as naming 11月6号) and judged one day only.

Worked out by hand: Dec 20 − 29 days = Nov 21; Jan 10 − 29 = Dec 12; Nov 30 − 29 = Nov 1.
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "inside", "before"),
    [
        ("截止日选12月20号，11月21号发的包裹算不算？11月20号的呢？", "算", "11月21日 发的包裹在窗口内", "11月20日 发的包裹在窗口之前"),
        ("按12月20号截止，11月20号和11月21号发的包裹分别算不算？", "不算", "11月21日 发的包裹在窗口内", "11月20日 发的包裹在窗口之前"),
        ("截止到1月10日的话，12月11号发的单还算吗？12月12号的呢？", "不算", "12月12日 发的包裹在窗口内", "12月11日 发的包裹在窗口之前"),
        ("as of Nov 30, is a package shipped Nov 1 still in the window? and one shipped Oct 31?", "Yes", "shipped Nov 1 is inside", "shipped Oct 31 is before"),
        ("report as-of Nov 30: does an order shipped Oct 31 count? what about Nov 2?", "No", "shipped Nov 2 is inside", "shipped Oct 31 is before"),
    ],
)  # fmt: skip
def test_each_ship_day_is_judged_on_the_window_named(
    kb: KnowledgeBase, question: str, verdict: str, inside: str, before: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert inside in first and before in first, first


@pytest.mark.parametrize(
    ("question", "window"),
    [
        ("按12月20号截止的话，11月25号发的单还在30天里吗", "11月21日 – 12月20日"),
        ("以1月10日为截止日，12月20号发的包裹算吗", "12月12日 – 1月10日"),
    ],
)
def test_the_as_of_day_named_before_its_word_is_never_a_ship_day(
    kb: KnowledgeBase, question: str, window: str
) -> None:
    assert window in first_line(kb, question)
