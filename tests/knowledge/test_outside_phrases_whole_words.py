"""Another field's phrases are whole words, and asked-both-ways words are read by one
pattern (issue 21).

The neighbouring fields' phrases (knowledge/synonyms.yaml `outside`) were looked for in the
question with its spaces taken out, so "ip complaint" fired inside "ship complaint" and a
stem fired inside longer words; Latin ones are now matched as whole words (plurals
allowed), Chinese ones as written. The asked-both-ways words ("够不够", "有没有") had three
patterns; `case.asked.A_NOT_A` is the one, `one_way` says a 不-question's verb once.
Wordings written for these tests.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import Answer, KnowledgeBase
from bot.domain.knowledge.case.asked import one_way
from bot.domain.knowledge.compose.found import Found
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("text", "outside"),
    [
        ("a ship complaint about a late parcel", False),  # "ip complaint" inside it
        ("is it patently the carrier's fault", False),  # "patent" inside a longer word
        ("an ip complaint on my listing", True),
        ("two patents on this product", True),
        ("仓库的库存不够了", True),
    ],
)
def test_outside_phrases_are_whole_words(kb: KnowledgeBase, text: str, outside: bool) -> None:
    nothing_named = Found(Answer(lang="en", kind="answer", confidence=0.3), None, frozenset())
    composer = kb._composer
    assert composer is not None
    assert composer.another_field(text, nothing_named) is outside


@pytest.mark.parametrize(
    "question",
    [
        "will amazon reimburse me for a lost box",
        "how do fba reimbursements work for damaged units?",
        "亚马逊仓库丢件了怎么赔",
    ],
)
def test_a_neighbouring_fields_word_is_still_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


def test_one_way_says_a_bu_question_once() -> None:
    assert one_way("够不够95") == "够95"
    assert one_way("合不合格") == "合格"
    assert one_way("可以不可以用") == "可以用"
    assert one_way("有没有事") == "有没有事"  # read whole by the words that list it


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("家居类97%，这样有没有事", "没有"), ("玩具类96%够不够", "够")],
)
def test_asked_both_ways_keeps_its_verdict(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), line
