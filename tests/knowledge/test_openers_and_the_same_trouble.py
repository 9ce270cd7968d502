"""A seller coming in ('打扰一下', "sorry to bother you", "morning, I have something for
you", "hey, is the bot working?") or back with the same trouble, nothing named ("ugh, not
this again", '唉，这东西又来了') gets the topics to pick from, not the refusal meant for
another field's questions nor /help (issue 21; set 32's unclear misses). A field's question
after the greeting is answered. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "question",
    [
        "打扰一下哈",
        "不好意思，打扰了",
        "sorry to bother you",
        "morning! I have something for you",
        "hey, is the bot working?",
        "you online?",
        "ugh, not this again",
        "唉，这东西又来了",
        "又出现了",
    ],
)
def test_nothing_named_yet_gets_the_topics(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "unsure"


@pytest.mark.parametrize("question", ["打扰一下，VTR看多少天？", "sorry to bother, is FBA in VTR?"])
def test_a_question_after_the_greeting_is_answered(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "answer"
