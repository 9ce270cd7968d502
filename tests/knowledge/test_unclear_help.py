"""Help asked with nothing named gets the main topics to pick from, not "outside what I know";
a question that names its subject keeps its answer. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    ["帮忙瞅一眼", "帮我瞧一下", "is this normal?", "Is that expected?", "what should i do now",
     "so what do we do next?", "这正常吗"],
)  # fmt: skip
def test_help_with_nothing_named_offers_topics(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure" and answer.suggestions, answer


@pytest.mark.parametrize(
    "question", ["is it ok to use USPS?", "what should I do now that Toys is at 93%?"]
)
def test_a_named_subject_keeps_its_answer(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "answer"
