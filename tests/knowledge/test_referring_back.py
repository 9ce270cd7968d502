"""A message that refers back to what was said before, or to "the other one", or asks only
what to do next ("what was that thing you said earlier", "之前提到的另一个呢", "so what now, what
do I do") names no topic of ours or of another field: it is unclear, so it gets the main
topics to pick from, never "outside what I know". A question announced and not yet asked
("我有问题想请教一下") is greeted. Content words of another field (ads, storage fees) or of
none of ours (the weather, a car's price) beside the same words keep the refusal. Wordings
written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    ["what was that thing you said earlier?", "and the rest?", "what about the other one",
     "ok so then what do i do", "what you mentioned before, once more", "now what, what next",
     "之前提到的另一个呢", "刚刚说的那件事", "还有另外一个", "接下来怎么做", "所以现在咋整",
     "上回讲的那个", "like I told you yesterday", "any updates on that?", "继续", "你刚才的回答不对",
     "那件事处理好了吗"],
)  # fmt: skip
def test_a_reference_back_offers_topics(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure" and answer.suggestions, answer


@pytest.mark.parametrize("question", ["我有问题想请教一下", "有问题要咨询下", "有几个问题"])
def test_a_question_announced_is_greeted(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure" and answer.opening and answer.suggestions, answer


@pytest.mark.parametrize(
    "question",
    ["the other thing about ads", "what you said earlier about storage fees",
     "上次说的广告费呢", "what's the weather like now", "how much is a tesla then",
     "之前那个天气预报", "继续推荐小说"],
)  # fmt: skip
def test_content_words_beside_them_stay_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


@pytest.mark.parametrize("question", ["the other thing, my VTR is 93%", "上次说的购买配送呢"])
def test_our_subject_beside_them_is_answered(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "answer"
