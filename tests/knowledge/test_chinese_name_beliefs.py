"""A carrier name typed in Chinese is treated as invalid (domain.md §1b): the belief said with
the carrier between ("a chinese carrier name", "the courier's name in Chinese") and typed in
any form of the verb ("typing", "entered") is confirmed, "…won't be valid" too; the belief
that such a name works is corrected. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "entering the chinese courier name in the Other field gets the tracking rejected, right?",
        "if we pick Other and type our forwarder's name in Chinese it won't be valid, correct?",
        "writing a chinese shipping company name under other = invalid tracking, true?",
    ],
)
def test_the_true_belief_is_confirmed(kb: KnowledgeBase, question: str) -> None:
    assert_first_line(kb, question, "Right", "Not right")


@pytest.mark.parametrize(
    "question",
    [
        "typing the chinese carrier name under Other is fine, right?",
        "a Chinese courier name entered as Other still counts as valid, yes?",
    ],
)
def test_the_false_belief_is_corrected(kb: KnowledgeBase, question: str) -> None:
    assert_first_line(kb, question, "Not right", "Right:")
