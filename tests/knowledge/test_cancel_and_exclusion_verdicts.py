"""Issue 21: "can I cancel the order instead of uploading tracking to save my VTR" got "No —
Cancelled orders are not in VTR…", a verdict its own body contradicts; "取消的订单会从VTR里剔除吗"
got "不会。取消的订单不计入 VTR" and "are untracked packages excluded from OTDR?" got "No — …OTDR
counts only shipments with valid tracking". Cancelling is no way to save VTR: the order leaves
VTR, but a seller's cancellation before shipment counts in the Pre-fulfillment Cancel Rate
(under 2.5%, 7 days) and an order confirmed as shipped stays in VTR (domain.md §1, §3); and a
question asking whether something is excluded ("excluded", "left out", 剔除, 排除在…外) denies
that it counts, so the verdict is the claim's opposite. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

CANCEL = [
    ("thinking of cancelling the orders with no tracking yet so my VTR stays up, good idea?", "No"),
    pytest.param(
        "would it be smarter to cancel than to ship without a tracking number, for VTR?",
        "No",
        marks=pytest.mark.fast,
    ),
    ("来不及上传单号的订单，干脆取消掉，就不会影响追踪率了吧", "不对"),
    ("为了保住VTR，把没单号的订单取消可以吗", "不可以"),
]


@pytest.mark.parametrize(("question", "lead"), CANCEL)
def test_cancelling_is_no_way_to_save_vtr(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert "2.5%" in line, line  # the cancel rate it counts in instead


EXCLUDED = [
    # Cancelled orders are left out of VTR: asked "excluded?", the answer is yes.
    ("do cancelled orders get excluded from the VTR calculation?", "Yes"),
    ("取消掉的订单会从有效追踪率里剔除吗", "会"),
    # Untracked shipments are left out of OTDR's denominator: yes.
    ("are packages with no tracking excluded from the on-time delivery rate?", "Yes"),
    # JPY 800 is under JPY 1,000: left out.
    ("日本站800日元的订单会被排除在VTR之外吗", "不"),
]


@pytest.mark.parametrize(("question", "lead"), EXCLUDED)
def test_asked_whether_excluded(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
