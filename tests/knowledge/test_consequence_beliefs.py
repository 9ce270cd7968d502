"""Beliefs about what a low VTR does are decided first, then the consequences explained.

domain.md §1, §1b: a category below 95% can lose self-fulfilled selling in that category;
FBA offers, other categories and the whole account are never restricted for it. Sealed
set 23 found such beliefs answered with the consequences list and no verdict ("…suspends
my entire seller account", "…FBA的货也一起限制", "…封整個帳號"): "entire seller account",
"也一起限制" and 帐号 (Traditional 帳號 made Simplified) were no words of the beliefs. The
wordings below are ours, not the set's.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        (
            "if my vtr goes under 95 amazon will shut down my whole amazon store, correct?",
            "Not right",
        ),
        ("bad VTR = amazon closes my store, yes?", "Not right"),
        ("will a low vtr get my whole seller account banned?", "No"),
        ("VTR掉了亚马逊会把我整个店封了吧", "不对"),
        ("VTR低于95%亚马逊会封我的卖家账户吧", "不对"),
        ("有效追蹤率太低會被封帳號嗎", "不会"),
    ],
)
def test_whole_account_is_denied_first(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), line
    assert "category" in line or "分类" in line, line  # then what can happen


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("VTR低于95%会连FBA一起停吗", "不会"),
        ("VTR掉到95以下，我FBA的库存也会跟着被限制吧", "不对"),
    ],
)
def test_fba_too_is_denied_first(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and "FBA" in line, line


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("VTR低于95%那个类目的自发货会被限制，对吧", "对"),
        (
            "if my vtr dips below 95 that category's self-fulfilled offers get restricted, right?",
            "Right",
        ),
        (
            "a category under 95 only loses self-fulfilled selling there, my other categories stay live, right?",
            "Right",
        ),
        ("VTR低于95%只有那个分类的自配送受限，整个账号不会被封吧", "对"),
    ],
)
def test_the_true_consequence_is_confirmed(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and not line.startswith(("不对", "Not right")), line
