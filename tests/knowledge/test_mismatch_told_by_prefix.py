"""Issue 21: "carrier selected DHL but number is 1Z..., will it count and how to fix" led
with the generic scan rule: a number told by its first letters with the rest left out
("1Z...", "YT…", "1Zxxxx") names its carrier as "1Z开头" does, so the mismatch decides
first; "will it count" / "能算吗" ask whether it is valid: No (domain.md §1b, a UPS number
under another carrier is "unconfirmed"). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "actual"),
    [
        ("picked FedEx, the number is 1Z..., will it count?", "UPS"),
        ("tracking is YT… but I put 4PX, would it count", "YunExpress"),
        ("I entered USPS but the number is a UPS one, will it still count?", "UPS"),
    ],
)
def test_mismatch_told_by_prefix_is_no(kb: KnowledgeBase, question: str, actual: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("No"), (question, line)
    assert "unconfirmed" in line and f"to {actual}" in line, (question, line)


@pytest.mark.parametrize(
    "question", ["单号1Zxxxx 选了FedEx 算吗", "承运商填了4PX，单号是YT...开头，能算吗，怎么处理"]
)
def test_mismatch_told_by_prefix_in_chinese(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("不算有效"), (question, line)
    assert "未确认" in line, (question, line)
