"""Families set 30 found answered wrongly or refused (issue 21), each in its own words here,
none taken from the set:
- the bar's exact figure said after the number ("95.0 on the dot", "95.0 exactly"): the
  exactly-95 claim, below the bar (domain.md §4.5), not a refusal;
- a package whose tracking was never uploaded ("单号没上传", "zz号没传", pinyin initials),
  asked whether it lowers VTR: it counts as a defect, not where the defect report is;
- an edit expected to show soon ("should show by lunch", "马上就会体现"): up to 72 hours
  (domain.md §1b), not the steps for a low VTR;
- a carrier's postage asked ("运费一公斤多少钱", "price to ship with USPS"): the carrier's
  price list, refused, not the scan rule that names the carrier."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "our category sits at 95.0 exactly — that's still a fail?",
        "a rate of 95.0 on the dot fails the bar, yes?",
    ],
)
def test_exactly_95_said_after_the_figure(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("Yes", "Right")), line
    assert "above 95%" in line, line


@pytest.mark.parametrize(
    "question",
    [
        "单号没上传的单 会拉低vtr吗",
        "zz号一直没传的那些订单，会拖累有效追踪率吗",
        "packages with no tracking pull my VTR down, right?",
    ],
)
def test_tracking_never_uploaded_lowers_vtr(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "拉低" in line or "lowers VTR" in line, line
    assert "请求报告" not in line and "Request Report" not in line, line


@pytest.mark.parametrize(
    "question",
    [
        "corrected 15 tracking numbers an hour ago, the VTR should update by tonight, right?",
        "added the missing tracking just now, it'll show up in VTR right away?",
        "补传了单号，今天就能生效吧",
    ],
)
def test_an_edit_expected_soon_gets_the_72_hours(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "72" in line, line
    assert not line.startswith(("Yes", "Right", "对", "是的")), line


@pytest.mark.parametrize(
    "question",
    [
        "燕文小包寄美国多少钱一公斤",
        "what does UPS charge per kg to the UK? price list?",
        "DHL和FedEx哪个运费便宜",
    ],
)
def test_a_carriers_postage_is_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic", first_line(kb, question)


@pytest.mark.parametrize(
    "question",
    [
        "does Buy Shipping cost anything extra?",
        "云途的单号算有效追踪吗",
        "USPS price went up, can I switch carriers without hurting VTR?",
    ],
)
def test_our_questions_naming_a_carrier_or_a_price_stay_ours(
    kb: KnowledgeBase, question: str
) -> None:
    assert kb.answer(question).kind == "answer", first_line(kb, question)


@pytest.mark.parametrize(
    "question",
    [
        "does a returned-to-sender cancelled order count in VTR?",
        "would a cancelled order count toward my VTR?",
    ],
)
def test_an_order_of_a_kind_asked_to_count_is_that_kind(kb: KnowledgeBase, question: str) -> None:
    """ "does a cancelled order count in VTR": count is the verb, not "order count" (the
    packages-not-orders belief); the cancelled order's rule answers."""
    line = first_line(kb, question)
    assert "ancel" in line, line
    assert "not orders" not in line, line


def test_a_numbered_list_without_question_marks_answers_each(kb: KnowledgeBase) -> None:
    """ "1) … 2) …" on one line: both questions, the second taking the first's verb."""
    answer = kb.answer("1) would a cancelled order count in VTR 2) would an FBA one")
    assert answer.parts, answer
    text = first_line(kb, "1) would a cancelled order count in VTR 2) would an FBA one")
    assert "ancel" in text, text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "a category with 15 shipments, how many can be missing tracking and still pass?",
            "14 of 15 = 93.33%",
        ),
        ("一个品类只有 10 单，最多能有几单没追踪", "10 个里 9 个有效 = 90%"),
    ],
)
def test_a_total_too_small_for_any_invalid_says_none(
    kb: KnowledgeBase, question: str, said: str
) -> None:
    """Under 20 packages one invalid takes a total to 95% or under (14/15 by hand): none
    can be without, said so with that figure, not "at most 0 packages"."""
    line = first_line(kb, question)
    assert said in line and ("not a single one" in line or "一个无效的都不能有" in line), line
