"""Two verdicts offered to choose from, FBA said to be pulled with a category, and what makes
one tracking number valid. Wordings written here, none taken from a held-out set; facts worked
out by hand from /work/shared/domain.md: §1b/§4 (EU letters under EUR 20 are exempt, others
count), §1 (a category below 95% loses self-fulfilled selling there; FBA is not affected),
§2 (a number is valid once the carrier has scanned it, with the carrier picked from Amazon's
list matching it)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line, first_line, reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Spain order 35 EUR as a letter, counted or exempt", "counts toward VTR"),
        ("a 15 EUR Brief to Germany: exempt or does it count?", "is exempt"),
        ("France 30 EUR letter - valid or invalid for VTR, exempt or counted", "counts toward VTR"),
    ],
)
def test_a_choice_between_two_verdicts_gets_the_fact_not_a_verdict_on_a_belief(
    kb: KnowledgeBase, question: str, fact: str
) -> None:
    first = first_line(kb, question)
    assert not first.startswith(("Right", "Not right", "Yes", "No")), first
    assert fact in first, first


def test_a_stated_belief_without_a_choice_still_gets_its_verdict(kb: KnowledgeBase) -> None:
    assert_first_line(kb, "a 25 EUR letter to France is exempt", "Not right", "Right:")


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        (
            "a category under the bar means Amazon pulls my FBA offers too, right?",
            "Not right",
            "Right:",
        ),
        (
            "FBA listings will be deactivated too if Toys is under 95, correct?",
            "Not right",
            "Right:",
        ),
        ("will my FBA listings be pulled if one category's VTR is low?", "No", "Yes"),
        ("my FBA listings won't get pulled if a category fails VTR, right?", "Right", "Not right"),
    ],
)
def test_fba_said_to_be_pulled_with_a_category(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)


@pytest.mark.parametrize(
    "question",
    [
        "what is a valid tracking code",
        "valid tracking number definition?",
        "which tracking IDs count as valid tracking ids",
    ],
)
def test_a_valid_number_is_asked_of_not_the_rate(kb: KnowledgeBase, question: str) -> None:
    text = reply_text(kb, question)
    assert kb.answer(question).matched == "tracking-valid-meaning", text
    assert "scan" in text and "carrier" in text, text


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("I have 190 valid tracking numbers out of 200, do I pass?", "vtr_counts"),
        ("my valid tracking is 94%, ok?", "vtr_rate"),
    ],
)
def test_the_rate_and_counts_of_valid_numbers_are_still_worked_out(
    kb: KnowledgeBase, question: str, code: str
) -> None:
    decision = kb.answer(question).decision
    assert decision is not None and decision.code == code
