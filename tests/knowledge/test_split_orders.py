"""Issue 21: counts read out of words that are no package counts.

One order sent in several boxes with fewer tracking numbers than boxes: each box counts (the
unit is the package, one tracking ID each, domain.md §1b), each without its own number is
invalid, and the fix is each box's number added with Edit tracking before delivery. "两个包裹"
and "一个单号" are that order's, never the window's totals to be asked about.

Wordings written for these tests; counts worked by hand (boxes − numbers = invalid boxes)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

SPLIT_ORDERS = [
    # 2 boxes, 1 number: 1 invalid.
    ("同一个订单拆了2箱寄，单号只填了一个，这单VTR怎么计", "", "2", "1"),
    # 3 boxes, 1 number: 2 invalid; asked whether it is fine: no.
    (
        "one buyer order went out as three parcels, we only entered 1 tracking number. ok?",
        "No",
        "3",
        "2",
    ),
    # 4 boxes, 2 of them without numbers: 2 invalid; asked whether it hurts: yes.
    ("一笔订单发了四个包裹，其中两个没有单号，会影响VTR吗", "会", "4", "2"),
    # 3 parcels, one number for the whole order: 2 invalid; asked whether it is ok: no.
    (
        "one tracking number for the entire order, shipped in 3 parcels. is that fine?",
        "No",
        "3",
        "2",
    ),
    # 2 boxes with 2 numbers, only 1 uploaded: 1 invalid.
    ("一个订单两个箱子两个运单号，结果只录了一个", "", "2", "1"),
    # 2 boxes, tracking on one: 1 invalid; told without a question: the count, no verdict.
    ("split a single order in 2 cartons, put tracking on only one of them", "", "2", "1"),
]


@pytest.mark.parametrize(("question", "lead", "boxes", "invalid"), SPLIT_ORDERS)
def test_each_box_of_an_order_counts_and_those_without_numbers_are_invalid(
    kb: KnowledgeBase, question: str, lead: str, boxes: str, invalid: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    if not lead:
        assert not line.startswith(("Yes", "No", "Right", "对", "不", "是的")), line
    assert f"{boxes} 个包裹" in line or f"{boxes} packages" in line, line
    assert f"{invalid} 个是无效" in line or f"the {invalid} without" in line, line
    assert ("编辑追踪信息" in line) or ("Edit tracking" in line), line
    assert "总数" not in line and "two totals" not in line, line


@pytest.mark.parametrize(
    "question",
    [
        # Every box has its number: nothing invalid, the per-package rule answers.
        "一个订单分成3个包裹，3个单号都传了",
        # A window's figures: 200 shipped, 3 invalid, no order split.
        "shipped 200 packages this month, 3 boxes had no tracking",
    ],
)
def test_no_split_order_without_boxes_left_untracked(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.decision is None or answer.decision.code != "split_order", question


@pytest.mark.parametrize(
    "question",
    [
        # One order's items and boxes, an ordinal among them: no window's totals to ask about.
        "同一个订单3件货分两次寄，第二个包裹的追踪号啥时候上传",
        "一笔订单两件，第二件缺货晚点发，单号怎么传",
    ],
)
def test_one_order_s_items_and_ordinals_are_no_totals(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.decision is None or answer.decision.code != "counts_unclear", question
    assert "两个总数" not in first_line(kb, question), question


def test_a_window_s_packages_beside_one_order_are_not_the_per_order_rule(
    kb: KnowledgeBase,
) -> None:
    # 60 packages shipped, one order untracked: a window's figures, not an order in boxes.
    answer = kb.answer("we sent 60 packages this month and one order went out with no tracking")
    assert answer.decision is None or answer.decision.facts.get("en", "").find("once per") < 0
