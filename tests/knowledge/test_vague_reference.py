"""A message that only refers ("same issue again", "情况还是不对劲") names no topic of any field:
it gets the main topics to pick from, neither "outside what I know" nor one entry's firm
answer. A message that names another field beside the same vague
words stays refused, and one that names ours keeps its answer. Wordings written for these
tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    ["any thoughts?", "need help fast", "quick question guys", "same issue again",
     "still not fixed", "hmm, any ideas", "又来了 怎么办", "大佬们 急", "情况还是不对劲", "有啥建议"],
)  # fmt: skip
def test_a_vague_reference_offers_topics(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure" and answer.suggestions, answer


@pytest.mark.parametrize(
    "question",
    ["what about storage fees again?", "ads still not working", pytest.param("removal order problem", marks=pytest.mark.fast),
     "FBA fees thoughts?", "广告费又涨了怎么办", "仓储费 急"],
)  # fmt: skip
def test_another_field_beside_vague_words_stays_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


@pytest.mark.parametrize(
    "question", ["my VTR is still 93%", "Buy Shipping again?", "追踪号又无效了怎么办"]
)
def test_our_subject_beside_vague_words_keeps_its_answer(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "answer"
