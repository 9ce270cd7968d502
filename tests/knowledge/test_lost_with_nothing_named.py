"""A seller who says only that they are lost ("搞不懂", "啥意思", "I don't get it") asks
something unsaid: the main topics to pick from, never "outside what I know" (set 27's '搞不懂'
got the refusal). A question that names what was not understood keeps its answer. Wordings
written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "question",
    ["看不懂", "还是不太明白", "没看懂啊", "我不懂", "这是啥意思", "完全搞不懂",
     "I don't understand", "i dont understand", "I still don't get it", "confused",
     "sorry, I can't follow", "I'm lost"],
)  # fmt: skip
def test_lost_with_nothing_named_offers_topics(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure" and answer.suggestions, answer


@pytest.mark.parametrize(
    "question", ["VTR是什么意思", "没看懂VTR怎么算的", "I don't understand why my VTR dropped"]
)
def test_what_was_not_understood_named_keeps_its_answer(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "answer"
