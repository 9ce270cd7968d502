"""A message that asks something without saying what ("？？？", "行不行啊这个", "hmm ok what
next") gets "not sure what you mean" with the main topics, never "outside my field"; the
bot greeted by name ("hi bot", "你好 机器人") gets a greeting, the topics and /help, not the
command list as if asked for. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.services.answers import render_answer
from bot.services.i18n import translator

pytestmark = pytest.mark.collection


def _reply(kb: KnowledgeBase, question: str) -> str:
    answer = kb.answer(question)
    return render_answer(answer, kb, translator(answer.lang), html=False)


@pytest.mark.parametrize("message", ["？？？", "?", "? ?"])
def test_a_bare_question_mark_offers_topics(kb: KnowledgeBase, message: str) -> None:
    answer = kb.answer(message)
    assert answer.kind == "unsure" and answer.suggestions, answer


@pytest.mark.parametrize(
    "message", ["行不行啊这个", "那这样能行吗", "这个靠谱吗", "hmm ok what next", "uh so what now"]
)
def test_a_vague_ask_is_unsure_not_refused(kb: KnowledgeBase, message: str) -> None:
    answer = kb.answer(message)
    assert answer.kind == "unsure" and answer.suggestions, (message, answer.kind)


@pytest.mark.parametrize(
    ("message", "greeting"),
    [
        ("hi bot", "Hello!"),
        ("hey there bot!", "Hello!"),
        ("你好 机器人", "你好！"),
        ("机器人在吗", "你好！"),
    ],
)
def test_the_bot_greeted_greets_back_with_help(
    kb: KnowledgeBase, message: str, greeting: str
) -> None:
    answer = kb.answer(message)
    assert answer.kind == "unsure" and answer.opening and answer.suggestions, answer
    reply = _reply(kb, message)
    assert reply.startswith(greeting) and "/help" in reply, reply


@pytest.mark.parametrize(
    "question",
    ["hi bot, which commands do you have?", "what is valid tracking rate?"],
)
def test_a_question_beside_the_greeting_keeps_its_answer(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "answer", question


def test_a_question_of_the_bot_is_no_greeting(kb: KnowledgeBase) -> None:
    """ "机器人能做什么" was answered with how to improve VTR (matched on 做, an entry that says
    nothing of the bot): the bot's commands are offered among the topics, not a greeting."""
    answer = kb.answer("机器人能做什么")
    assert answer.matched != "vtr-improve" and not answer.opening, answer
    assert answer.kind == "answer" or "bot-commands" in answer.suggestions, answer


@pytest.mark.parametrize("message", ["123", "明天杭州下雨吗", "what's the price of gold today?"])
def test_another_field_or_nothing_stays_refused(kb: KnowledgeBase, message: str) -> None:
    assert kb.answer(message).kind == "off_topic", message
