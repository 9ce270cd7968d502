"""Found by probing as a seller: 'unconfirmed' asked as invalid got the entry's opening, no
decision; whether it confirms itself got Buy Shipping; deleting invalid orders got the
feedback strike-through; last month's defects got the unconfirmed entry; 'US needs two
scans, true?' no decision. Each leads now with what the sources say (domain.md §1, §1b),
and where they are silent says so, with no yes or no. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("单号显示unconfirmed是不是就等于无效", "是"),
        ("未确认的单号算有效吗", "不算"),
        ("is unconfirmed tracking counted as valid", "No —"),
    ],
)
def test_unconfirmed_is_not_valid(kb: KnowledgeBase, question: str, verdict: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and ("不算有效" in first or "not count as valid" in first)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("未确认的单号会不会自己变成确认", "要自己改"),
        ("will unconfirmed tracking fix itself if i wait", "Correct it yourself"),
        ("无效追踪的订单能删吗", "资料里没有说能删除"),
        ("can i delete the defective orders to raise vtr", "The sources name no way to delete"),
        ("上个月的缺陷还会影响现在的VTR吗", "缺陷包裹只在最近 30 天"),
        ("do old defects from last month still hurt my vtr", "A defective package counts only"),
        ("美国站发货要两次扫描是真的吗", "看订单金额"),
        ("do us orders need two scans", "It depends on the order's amount"),
    ],
)
def test_the_sources_lead(kb: KnowledgeBase, question: str, lead: str) -> None:
    assert first_line(kb, question).startswith(lead)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("怎么删掉我上传的数据", "bot-commands"),
        ("美国站所有包裹都要两次扫描吗", "us-from-china-scans"),
    ],
)
def test_neighbours_keep_their_answers(kb: KnowledgeBase, question: str, entry: str) -> None:
    assert kb.answer(question).matched == entry
