"""A rate of exactly 95% with its verdict asked ("exactly 95% fails?", '正好95%是不是不合格')
is the seller's rate, never the share of packages without tracking: "fails" and 不合格 after the
figure ask whether that rate fails, and 95.0% does (domain.md §4.5: strictly above 95%
needed). The share reading gave 5% and every metric's target ('只有 5% 这个数'), and the English
wording got topics. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("95% on the nose, fails?", "Yes"),
        ("a category sitting at exactly 95% fails?", "Yes"),
        ("刚好95%是不是算不合格", "不达标"),
        ("品类正好95%，会不会算不及格", "不达标"),
    ],
)
def test_exactly_95_is_a_rate_that_fails(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), line
    assert "5%" not in line.replace("95%", ""), line


def test_a_share_that_fails_is_still_a_share(kb: KnowledgeBase) -> None:
    # 8% of the packages without valid tracking: 92% valid, below the bar.
    assert "92" in first_line(kb, "8% of my packages have no valid tracking, am I ok?")
