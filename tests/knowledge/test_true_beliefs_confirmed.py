"""True beliefs get their verdict first: Buy Shipping uploads the tracking by itself
(domain.md §2), asked with "yeah?" or said as pushed or synced to Amazon; tracking added
after the buyer already had the parcel is a defect (domain.md §1b), said with 都 / 早就 or
"X了我才补", and "这种还是算…" is "still counts", no choice between two. Their denials get
"Not right". Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line


@pytest.mark.parametrize(
    "question",
    [
        "so with buy shipping labels the tracking number is passed to amazon automatically, yeah?",
        "buy shipping syncs the tracking for me, yep?",
        "买了购买配送的面单，追踪号会自动回传给亚马逊吧",
    ],
)
def test_buy_shipping_uploads_by_itself(kb: KnowledgeBase, question: str) -> None:
    assert_first_line(kb, question, ("Right" if question.isascii() else "对"), "Not right")


@pytest.mark.parametrize(
    "question",
    [
        "buy shipping won't send the tracking to amazon automatically, right?",
        "购买配送不会自动同步单号吧",
    ],
)
def test_its_denial_is_not_right(kb: KnowledgeBase, question: str) -> None:
    assert_first_line(kb, question, ("Not right" if question.isascii() else "不对"), "Right:")


@pytest.mark.parametrize(
    "question",
    [
        "客户早就签收了我才上传的单号，这样算缺陷吧",
        "包裹都妥投了我才补的追踪号，这种还是算无效的，对不对",
        "买家已经拿到货了才去改单号，那种还是会算缺陷吧",
    ],
)
def test_added_after_delivery_is_a_defect(kb: KnowledgeBase, question: str) -> None:
    assert_first_line(kb, question, "对", "不对")
