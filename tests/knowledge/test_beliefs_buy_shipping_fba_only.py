"""Two beliefs that used to get an entry with no verdict first: that VTR cannot be passed
without Buy Shipping (domain.md §1, §2: any carrier's tracking counts once valid and uploaded
in time; Buy Shipping only uploads it automatically) and that a seller who ships only through
FBA must handle VTR (§1: VTR measures self-fulfilled packages only). Wordings written for these
tests, none taken from a held-out set; plus a plain look-up: "what exactly is …" asks for the
definition, not the bar; raising VTR fast names Edit shipment."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection

NOT_RIGHT = ("Not right", "No —", "不对", "不是", "不会")

CASES = [
    ("不走购买配送的话VTR是不是一定不达标？", ["货代"]),
    ("没用买配送，有效追踪率肯定过不了吧", ["计入"]),
    ("if I use my own carrier instead of buy shipping my VTR will fail, correct?", ["carrier"]),
    ("without Buy Shipping there's no way to pass VTR, right?", ["uploaded"]),
    ("我们全是FBA发货，VTR也得盯着吧？", ["FBA"]),
    ("只做FBA的话，追踪率低了也要处理对吗", ["自配送"]),
    ("we only use FBA, so we still have to fix our VTR, right?", ["FBA-only"]),
    ("pure FBA seller: a low VTR needs fixing too, yes?", ["self-fulfilled"]),
]


@pytest.mark.parametrize(("question", "words"), CASES)
def test_belief_corrected_first(kb: KnowledgeBase, question: str, words: list[str]) -> None:
    line = first_line(kb, question)
    assert line.startswith(NOT_RIGHT), line
    assert all(w in line for w in words), line


# A seller who also ships some orders themselves does have a VTR: not the FBA-only belief.
def test_fba_with_self_fulfilled_orders_is_not_fba_only(kb: KnowledgeBase) -> None:
    line = first_line(kb, "我们大部分是FBA，也有自发货的订单，VTR要管吗")
    assert "没有 VTR 需要处理" not in line, line


@pytest.mark.parametrize(
    "question", ["what exactly is VTR", "ok so what actually is the valid tracking rate?"]
)
def test_what_exactly_is_asks_the_definition(kb: KnowledgeBase, question: str) -> None:
    text = reply_text(kb, question)
    assert "30 days" in text.split("\n\n", 1)[0], text


# Raising VTR fast starts with the orders still editable: the answer names Edit shipment.
@pytest.mark.parametrize("question", ["how can I get my VTR up quickly", "怎么尽快提高有效追踪率"])
def test_raising_vtr_names_edit_shipment(kb: KnowledgeBase, question: str) -> None:
    assert "Edit shipment" in reply_text(kb, question)


# "manually" (a word the entries did not use) still finds the entry on editing tracking.
@pytest.mark.parametrize(
    "question", ["how do I manually fix a tracking ID?", "where do I manually update the carrier?"]
)
def test_editing_by_hand_finds_edit_shipment(kb: KnowledgeBase, question: str) -> None:
    assert "Edit shipment" in first_line(kb, question)
