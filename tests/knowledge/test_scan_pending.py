"""Found by probing: '物流商上网慢，三天都没扫描，VTR会受影响吗' got '不会。还没有承运商扫描记录的单号
不算有效' (a no, then the fact that it is not valid), and 'no scan yet after 5 days, does that
hurt VTR' the window's text alone. A first scan still to come is answered plainly, no yes or
no: not valid until the carrier's first scan, valid once scanned, a defect if never scanned,
with the window and the 72 hours (domain.md §1b), and the sources' silence on a grace period
said. A belief about it is judged as said. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "my parcel hasn't been scanned yet, does it matter?",
        "the first scan is late, 6 days now, is that bad for my valid tracking rate",
        "no scan yet after a week, will it count against my vtr?",
    ],
)
def test_a_scan_to_come_is_answered_plainly_in_english(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("A number with no carrier scan yet is not valid"), line
    assert "valid once the carrier records its first physical scan" in line, line
    assert "never scanned it stays a defect" in line, line
    assert "72 hours" in line and "no grace period" in line, line


@pytest.mark.parametrize(
    "question",
    [
        "包裹发出去4天了还没揽收，会拉低有效追踪率吗",
        "揽收扫描延迟了，VTR会不会受影响",
        "单号填了但是物流一直没有轨迹 会影响有效追踪率吗",
    ],
)
def test_a_scan_to_come_is_answered_plainly_in_chinese(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("还没有承运商扫描记录的单号，暂时不算有效追踪"), line
    assert not line.startswith(("不会", "会。", "不", "是")), line
    assert "一直是缺陷" in line and "72 小时" in line, line


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("揽收慢一点不影响VTR吧", "不对"),
        ("the carrier is slow to scan, so it won't hurt my VTR, right?", "Not right"),
        ("no scan for 4 days yet, that does hurt my vtr, right?", "Right"),
    ],
)
def test_a_belief_about_a_slow_scan_is_judged_as_said(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), line
    assert "not valid" in line or "不算有效" in line, line


def test_figures_told_of_unscanned_packages_are_still_worked_out(kb: KnowledgeBase) -> None:
    # 142/150 = 94.67 → 94.7%: below; ⌊142.5⌋ + 1 − 142 = 1 fix.
    line = first_line(kb, "发了150单，有8单一直没上网，会影响VTR吗")
    assert "150 个里 142 个有效 = 94.7%" in line, line
