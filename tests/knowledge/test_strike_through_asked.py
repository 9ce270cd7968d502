"""Buy Shipping's strike-through (domain.md §2: only seller feedback solely about late or
missing delivery, on an order shipped on time with Buy Shipping and tracking, in the listed
marketplaces, is struck through and kept out of ODR), asked as sellers ask it: "删差评",
"get rid of", product reviews (not feedback: the sources say nothing of them), and feedback
about something else than delivery. The verdict leads. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line, first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        ("购买配送能帮我删差评吗", "能", "不能"),
        ("用了购买配送，差评能去掉吗", "能", "不能"),
        ("will buy shipping get rid of negative feedback", "Yes", "No"),
    ],
)
def test_delivery_feedback_is_struck_through_only_so(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)
    first = first_line(kb, question)
    assert any(w in first for w in ("迟到或没收到", "late or missing delivery")), first
    assert any(w in first for w in ("删除线", "struck through")), first


@pytest.mark.parametrize(
    "question",
    ["can buy shipping remove bad reviews", "购买配送可以移除产品评论吗"],
)
def test_product_reviews_are_not_feedback(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(("No", "不能")), first
    assert any(w in first for w in ("not product reviews", "不是商品评论")), first


@pytest.mark.parametrize(
    "question",
    [
        "差评说包装破了，购买配送能帮忙删吗",
        "bad feedback saying the product broke — can buy shipping strike it?",
    ],
)
def test_feedback_about_the_item_stays(kb: KnowledgeBase, question: str) -> None:
    assert first_line(kb, question).startswith(("No", "不能")), first_line(kb, question)
