"""The sources name no fine, fee or deduction for a low VTR (domain.md §1, §1b: a category's
self-fulfilled selling restricted, Premium Shipping eligibility): asked whether money is
taken ('VTR低于95%会扣钱吗'), the reply says so first, with no yes or no either way, then the
real consequence; Buy Shipping's own cost stays its entry's. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "有效追踪率不达标会罚款吗",
        "追踪率低了亚马逊会扣我保证金吗",
        "追踪率低不会罚钱吧",
        "will amazon fine me if my vtr is low",
        "does low VTR cost money",
        "low vtr means a fine, right?",
    ],
)
def test_no_fine_is_named_first(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(("资料里没有", "The sources name no fine")), first
    assert "自配送" in first or "self-fulfilled" in first, first


@pytest.mark.parametrize(
    "question", ["does buy shipping cost money for vtr", "vtr is 95.0 exactly am i fine"]
)
def test_no_fine_asked_gets_no_such_line(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert not first.startswith("The sources name no fine"), first
