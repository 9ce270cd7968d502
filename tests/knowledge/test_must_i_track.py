"""Issue 21: "must I?" asked of tracking ("一定要上传单号吗", "自發貨一定要上傳追蹤號嗎", "must I
upload tracking numbers") got the list of tracking's benefits or the timing entry instead of
the decision, because only "要有" / "do I have to add" read as the rule. Every modal and verb
now asks it: tracking the buyer can see is required for all self-fulfilled orders, with the
few exemptions (domain.md §1, seed 004). "Can I skip it?" is the same rule from the other
side, its answer no. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

MUST = [
    ("自发货订单必须上传物流单号吗", "是"),
    ("我们做自发货的，是不是一定得填跟踪号", "是"),
    ("自發貨訂單需要提供追蹤號碼嗎", "需要"),
    ("用不用给每个自配送订单添加追踪号", "用"),
    ("需不需要填追踪号啊", "需要"),
    ("must we provide a tracking number for merchant-fulfilled orders", "Yes"),
    ("do sellers really need to enter tracking for FBM packages?", "Yes"),
    ("is a tracking number compulsory for self-fulfilled orders", "Yes"),
]


@pytest.mark.parametrize(("question", "lead"), MUST)
def test_must_i_add_tracking_leads_with_yes(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "1,000" in line and "20" in line, line  # the exemptions, not "every one, no exception"


SKIP = [
    "自发货订单可以不填追踪号吗",
    "小单不上传单号行不行",
    "FBM的单子没有跟踪号也可以吧",
    "can we skip tracking on low value FBM orders?",
    "is it fine to ship self-fulfilled orders without tracking",
]


@pytest.mark.parametrize("question", SKIP)
def test_may_i_skip_tracking_leads_with_no(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("No", "不", "Not right")), line
    assert "1,000" in line, line


# Not the rule asked: why tracking helps stays the benefits, how to fix stays the fix.
@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("为什么一定要上传追踪号", "要。"),
        ("OTDR 不需要有效追踪也能算准时吧", "所有自配送订单都要有"),
    ],
)
def test_other_questions_keep_their_answer(kb: KnowledgeBase, question: str, wrong: str) -> None:
    assert wrong not in first_line(kb, question)
