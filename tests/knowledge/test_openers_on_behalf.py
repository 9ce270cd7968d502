"""Messages that ask for time, ask on someone's behalf, or say they are stuck, and name
nothing yet ('老板让我问问那个', "got a sec? question", '弄了半天还是不行') get the topics
to pick from, not the refusal meant for another field's questions (issue 21; sealed sets
24 and 25's unclear misses). A field's word beside them is answered. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "question",
    [
        "同事让我来问一下",
        "领导叫我问问那个事",
        "my boss asked me to ask you something",
        "you have a minute?",
        "yo, got a second?",
        "折腾了半天也不行",
        "这情况该怎么办呢",
        "my numbers look a bit weird",
    ],
)
def test_nothing_named_yet_gets_the_topics(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "unsure"


@pytest.mark.parametrize("question", ["老板让我问问VTR怎么算", "got a sec to explain VTR?"])
def test_a_field_word_beside_them_is_answered(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "answer"


def test_another_fields_question_is_still_refused(kb: KnowledgeBase) -> None:
    assert kb.answer("老板让我问问FBA仓储费怎么算").kind == "off_topic"
