"""Counts said with units, as sellers speak them (set 31's '1千2 单' was read as 10,002): a
digit after the last unit is the next unit down (1千2 = 1,200; 三百五 = 350; 1万5 = 15,000),
零 says a small one (一千零五 = 1,005), and shorthand units are read too (1.2k, 1w2). One
reader (numerals.py) for every count; a number it cannot read gives no figure, never another.

Verdicts worked out by hand (the bar is strictly above 95%; fixes = ⌊95 × n / 100⌋ + 1 − valid):
2,300 with 100 invalid: 2,200/2,300 = 95.65%, above. 350 with 20 invalid: 330/350 = 94.29%,
below, 332 + 1 − 330 = 3 fixes. 1,200 with 70 invalid: 1,130/1,200 = 94.17%, below, 1,140 + 1
− 1,130 = 11. 12,000 with 600 invalid: exactly 95.0%, below, 1 fix. 2,500 with 130 invalid:
2,370/2,500 = 94.8%, below, 6 fixes. 2,100 with 99 invalid: 2,001/2,100 = 95.29%, above.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.numerals import numeral_value
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1千2", 1200), ("1万5", 15_000), ("两千三", 2300), ("三百五", 350), ("1.2k", 1200),
        ("1w2", 12_000), ("一千零五", 1005), ("1万5千", 15_000), ("2.5万", 25_000),
        ("三十五", 35), ("一百一十五", 115), ("3千5百", 3500), ("一万二", 12_000),
    ],
)  # fmt: skip
def test_a_number_with_units_is_read_whole(written: str, value: int) -> None:
    assert numeral_value(written) == value


@pytest.mark.parametrize("written", ["1.2k5", "1k25", "千百", "1.2345k"])
def test_a_number_it_cannot_read_gives_none(written: str) -> None:
    assert numeral_value(written) is None


@pytest.mark.parametrize(
    ("question", "lead", "figures"),
    [
        ("家居两千三个包裹，一百个没追踪号，还要修几个", "达标", "2200"),
        ("三百五单里有二十个无效，有效追踪率多少", "不达标", "330"),
        ("we shipped 1.2k packages this month and 70 have no tracking, are we above the bar?", "No", "1130"),
        ("1w2个包裹，有600个无效，够95吗", "不达标", "11400"),
        ("toys: 2.5k shipments, 130 invalid, how many to fix?", "toys: 2370", "Fix 6"),
        ("电子类 2千1 单，无效 99 单，过线了吗", "达标", "2001"),
    ],
)  # fmt: skip
def test_counts_with_units_are_worked_out(
    kb: KnowledgeBase, question: str, lead: str, figures: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead) and figures in first, first


def test_an_unreadable_count_is_no_figure(kb: KnowledgeBase) -> None:
    # '1.2k5' says no number for certain: no verdict worked out from 1.2 or 5 or 1205.
    first = first_line(kb, "1.2k5个包裹有30个无效，达标吗")
    assert not any(figure in first for figure in ("1200", "1205", "1700", "10005")), first
