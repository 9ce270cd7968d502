"""Found by probing: 'did monthly storage fees go up in Q4' got 'No — VTR looks at a rolling
last 30 days' (its 'monthly' held the calendar-month claim, and a claim held let another
field's question through), and 'can I get reimbursed for inventory lost in an FBA warehouse'
got 'FBA offers are not affected'. FBA's storage, stock and reimbursements are another field:
an honest 'not my field'. Questions about VTR that name FBA, a month or stock-outs (a cause of
low VTR, domain.md §1) are still ours. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "are the monthly storage fees higher from october to december?",
        "仓储费是不是每个月都在涨",
        "amazon's warehouse damaged 4 of my units, how do I claim a reimbursement",
        "FBA丢了我5件货，能找亚马逊赔吗",
        "亞馬遜倉庫把我的庫存搞丟了，可以索賠嗎",
        "how do I fix stranded inventory",
        "my inventory performance index is low, what now",
    ],
)
def test_fba_stock_and_storage_refused(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "off_topic", (answer.kind, answer.matched, first_line(kb, question))


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("does valid tracking rate start over every month?", "No"),
        ("有效追踪率是按自然月算的吗", "不"),
        ("do my FBA orders count in the tracking rate?", "No"),
        ("FBA的订单会算进有效追踪率吗", "不"),
        ("stock-outs caused late shipping, can that hurt my VTR?", "Yes"),
    ],
)
def test_vtr_asked_beside_fba_or_a_month_still_answered(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    answer = kb.answer(question)
    assert answer.kind == "answer", answer.kind
    line = first_line(kb, question)
    assert line.startswith(lead), line
