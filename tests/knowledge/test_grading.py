"""The held-out grader's own rules: a vague question is answered right only by a shortlist."""

from __future__ import annotations

from bot.domain.knowledge import Answer, KnowledgeBase
from bot.services.answers import render_answer
from bot.services.i18n import translator
from tests.knowledge.grading import grade_case

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
