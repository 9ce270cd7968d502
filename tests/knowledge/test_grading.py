"""The held-out grader's own rules: a vague question is answered right only by a shortlist."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import Answer, KnowledgeBase
from bot.services.answers import render_answer
from bot.services.i18n import translator
from tests.knowledge.grading import grade_case, opposite_first_line

VAGUE = {"q": "这个怎么办", "lang": "zh", "kind": "unclear", "expect_kind": "unsure"}


def test_a_shortlist_is_right_for_a_vague_question(kb: KnowledgeBase) -> None:
    shortlist = Answer(lang="zh", kind="unsure", confidence=0.2, suggestions=["vtr-what"])
    text = render_answer(shortlist, kb, translator("zh"), html=False)
    assert grade_case(VAGUE, text, kb).right


def test_a_firm_answer_to_a_vague_question_is_wrong(kb: KnowledgeBase) -> None:
    assert not grade_case(VAGUE, "有效追踪率是有有效追踪编码的包裹占比。", kb).right


FALSE_BELIEF = {
    "q": "Buy Shipping doesn't support China to Canada, right?",
    "lang": "en",
    "expect": [["Canada", "CA"]],
    "lead_not": ["Yes"],
}


def test_a_lead_not_in_the_first_sentences_is_a_wrong_fact(kb: KnowledgeBase) -> None:
    grade = grade_case(FALSE_BELIEF, "Yes: Buy Shipping serves US, CA and MX.", kb)
    assert grade.wrong_fact == "Yes" and not grade.right


def test_a_lead_not_later_in_the_reply_is_no_wrong_fact(kb: KnowledgeBase) -> None:
    text = "Not right: it serves China to CA. See the source. Yes, CA is on the list."
    assert grade_case(FALSE_BELIEF, text, kb).right


@pytest.mark.parametrize(
    ("kind", "text", "opposite"),
    [
        ("claim_true", "Not right: VTR counts the last 30 days.\nmore", True),
        ("claim_true", "\n不对。VTR 看最近 30 天。", True),
        ("claim_true", "Right: VTR counts the last 30 days.", False),
        ("claim_false", "对。取消的订单也算。", True),
        ("claim_false", "Not right: cancelled orders are left out.", False),
        # Only the first line is read: a verdict word further down decides nothing here.
        ("claim_false", "VTR only looks at self-fulfilled packages.\nRight: …", False),
        ("howto", "Right: …", False),  # a kind with no verdict of its own
    ],
)
def test_a_first_line_opposite_to_the_belief_s_kind_is_found(
    kind: str, text: str, opposite: bool
) -> None:
    assert opposite_first_line({"q": "…", "kind": kind}, text) is opposite
    assert not opposite_first_line({"q": "…", "kind": kind, "off_topic": True}, text)
