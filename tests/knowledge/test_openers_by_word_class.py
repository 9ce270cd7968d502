"""A message that only opens a talk gets the topics to pick from (kind unsure), never a
refusal: it was refused as another field's whenever one of its words was outside the few
listed ('老师，方便吗': 方便; "hey! you around?": around; "uh oh": oh; a lone emoji: no
word at all), since a word the knowledge base does not know was read as another field's
subject. The words that open a talk are read by what they do (knowledge/synonyms.yaml
`social`: greeting, calling someone by a name, asking whether they are free, announcing or
excusing a question; cries in `vague`), and a message of only these, whatever their order,
names no subject. One that greets is greeted back. Another field's question asked after a
greeting stays refused. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    "message",
    [
        "good evening! got a minute?",
        "hello? anyone around",
        "mate, you busy?",
        "hi there, before I forget",
        "sorry to bother you, quick one",
        "morning team",
        "早上好，在吗",
        "哈喽，忙不忙",
        "打扰了，方便问个问题吗",
        "不好意思，有空吗",
        "师傅你好 有时间吗",
        "老板叫我来咨询个事情",
        "趁我没忘，问个事",
    ],
)
def test_an_opener_in_new_words_is_greeted_with_topics(kb: KnowledgeBase, message: str) -> None:
    answer = kb.answer(message)
    assert answer.kind == "unsure" and answer.suggestions, (message, answer.kind)
    assert first_line(kb, message).startswith(("Hello!", "你好！")), message


@pytest.mark.parametrize(
    "message", ["oops", "uh-oh", "ugh.", "哎呀", "糟了", "👋", "😭😭", "!!", "…"]
)
def test_a_cry_or_signs_alone_get_topics(kb: KnowledgeBase, message: str) -> None:
    answer = kb.answer(message)
    assert answer.kind == "unsure" and answer.suggestions, (message, answer.kind)


@pytest.mark.parametrize(
    "message",
    [
        "456",
        "hey, how much is a flight to Tokyo?",
        "morning! what's the weather like?",
        "sorry to bother, do you sell phone cases?",
        "老师，方便问下快递柜怎么用吗",
        "打扰一下，今天油价多少",
    ],
)
def test_another_fields_question_after_a_greeting_stays_refused(
    kb: KnowledgeBase, message: str
) -> None:
    assert kb.answer(message).kind == "off_topic", message
