"""Three families refused or left to topics though in the field. A category named by its
name alone in a how-to ("how do I fix outdoor items", "玩具怎么改善") was refused: its name
was an unknown word, so the question named nothing of ours; now a category to be mended is
its VTR asked about. A share of the seller's own packages failing ("5% of my packages fail
the check") was read as a VTR of 95% but judged only when a question word asked: told
alone it is the seller's rate stated. A rate with its failing word asked ("my 95% - is that
a fail") got topics ("fail" asked nothing), and "my 95% — pass or fail?" was read as 5%
(the failing share of 95%). The bar is strictly above 95% (domain.md §4.5): 95% fails.
Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        ("how do I fix toys", ("vtr-below-95", "vtr-improve")),
        ("how to fix home and garden items", ("vtr-below-95", "vtr-improve")),
        ("how do I improve pet supplies?", ("vtr-below-95", "vtr-improve")),
        ("玩具怎么改善", ("vtr-below-95", "vtr-improve")),
        ("户外类目怎么提升", ("vtr-below-95", "vtr-improve")),
    ],
)
def test_a_category_to_mend_is_its_vtr(
    kb: KnowledgeBase, question: str, entries: tuple[str, ...]
) -> None:
    answer = kb.answer(question)
    assert answer.kind == "answer" and answer.matched in entries, (answer.kind, answer.matched)


@pytest.mark.parametrize(
    "question", ["what is the price of toys on amazon?", "how do I sell toys in japan"]
)
def test_a_category_named_for_another_fields_question_stays_refused(
    kb: KnowledgeBase, question: str
) -> None:
    assert kb.answer(question).kind == "off_topic", question


@pytest.mark.parametrize(
    ("question", "above"),
    [
        ("7% of my packages fail the check", False),
        ("2% of our orders have no tracking", True),
        ("5% of my shipments are missing tracking numbers", False),
        ("我有6%的包裹没有单号", False),
    ],
)
def test_a_failing_share_told_is_the_rate_judged(
    kb: KnowledgeBase, question: str, above: bool
) -> None:
    answer = kb.answer(question)
    decision = answer.decision
    assert decision is not None and decision.code == "vtr_rate", answer
    assert decision.facts["above"] is above, decision


@pytest.mark.parametrize(
    ("question", "percent", "above"),
    [
        ("my 95% - is that a fail", "95", False),
        ("our 95.5%... is that a fail?", "95.5", True),
        ("my 95% — pass or fail?", "95", False),
        ("94.8%, pass or fail?", "94.8", False),
        ("我的96%算不合格吗", "96", True),
    ],
)
def test_a_rates_verdict_asked_by_its_failing_word(
    kb: KnowledgeBase, question: str, percent: str, above: bool
) -> None:
    answer = kb.answer(question)
    decision = answer.decision
    assert decision is not None and decision.code == "vtr_rate", (question, answer.kind)
    assert decision.facts["percent"] == percent and decision.facts["above"] is above, decision
    first = first_line(kb, question)
    assert ("below" in first or "不达标" in first) is not above, first


@pytest.mark.parametrize(
    "question",
    [
        "10% of my packages are FBA",
        "5% of my orders use buy shipping",
        "我有8%的订单走FBA",
    ],
)
def test_a_share_not_said_valid_or_not_is_no_vtr(kb: KnowledgeBase, question: str) -> None:
    decision = kb.answer(question).decision
    assert decision is None or decision.code != "vtr_rate", decision


def test_one_broken_product_is_no_categorys_vtr(kb: KnowledgeBase) -> None:
    assert kb.answer("how do i fix a broken toy").kind == "off_topic"


def test_another_metrics_rate_with_both_verdicts_is_read_as_told(kb: KnowledgeBase) -> None:
    first = first_line(kb, "my LSR 4% pass or fail?")
    assert "4%" in first and "96%" not in first, first


@pytest.mark.parametrize(
    "question",
    [
        "a friend told me exactly 95% still counts as failing, is that true?",
        "somebody said a VTR of exactly 95% is counted as a fail. legit?",
    ],
)
def test_a_belief_that_95_fails_is_confirmed(kb: KnowledgeBase, question: str) -> None:
    """The set-27 grading found 'Not right: A VTR of 5%' on this branch: the failing word
    made the rate's verdict decide a belief of the bar, its rate read as the failing share."""
    first = first_line(kb, question)
    assert first.startswith("Right") and "5%:" not in first, first
