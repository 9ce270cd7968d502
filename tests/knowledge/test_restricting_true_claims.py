"""True beliefs worded as a restriction are confirmed, never denied by a neighbouring rule.

Sealed set 23 found two: "my FBA listings are untouched" fired the FBA-affected claim
(its words "loses … selling" in the same message), and "stamp letters are only exempt
through Buy Shipping" fired "all letters are exempt" ("letters are …"). domain.md §2: FBA
offers are never restricted; §1b: Royal Mail stamps are exempt only when bought through
Buy Shipping. The wordings below are ours, not the set's.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "if toys drops below 95 my fba listings stay live, right?",
        "my fba listings are untouched by vtr, yes?",
        "a low category loses only its self-fulfilled selling, FBA offers remain fine, correct?",
    ],
)
def test_fba_left_alone_is_confirmed(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("Right"), line


@pytest.mark.parametrize(
    "question",
    [
        "royal mail stamp letters are exempt only if bought via buy shipping, right?",
        "UK letters with Royal Mail stamps only skip VTR when the stamps came from Buy Shipping, correct?",
    ],
)
def test_stamps_through_buy_shipping_is_confirmed(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("Right") and "Buy Shipping" in line, line


def test_every_letter_exempt_is_still_denied(kb: KnowledgeBase) -> None:
    line = first_line(kb, "all letters are exempt no matter the amount, right?")
    assert line.startswith("Not right"), line


def test_fba_affected_is_still_denied(kb: KnowledgeBase) -> None:
    line = first_line(kb, "VTR低了FBA的listing也会被下架吧")
    assert line.startswith("不对"), line
