"""A failing VTR told and a suspension asked ("VTR 94% for a week, will I be suspended"): the
rule says what can happen, not what will, and to the category, never the whole account
(domain.md §1, §1b). The reply leads with the risk, not 'Yes — below the bar'; the whole
account asked gets No, a passing rate No, how soon the timing entry. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "vtr dropped to 94 will i get suspended",
        "my vtr sits at 93.5%, am i going to be restricted?",
        "toys 57 valid of 60, will they block the category",
        "玩具类 80个包裹 74个有效 会不会被停售",
        "我的追踪率92%，会不会被限制销售",
        "有效追蹤率掉到94%，會被封嗎",
    ],
)
def test_a_failing_rate_and_a_suspension_asked_lead_with_the_risk(
    kb: KnowledgeBase, question: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(("At risk", "有风险")), first
    assert "whole account" in first or "整个账号" in first, first


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("vtr 93% will my account be suspended", "No"),
        ("97% vtr, will i be suspended?", "No"),
        ("300 shipped 280 valid, is that ok and will other categories be restricted", "No —"),
    ],
)
def test_the_account_or_a_passing_rate_is_still_decided(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    assert first_line(kb, question).startswith(verdict)
