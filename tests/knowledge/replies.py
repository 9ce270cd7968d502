"""A question's reply as a seller reads it (plain text, in the language asked), for the
knowledge tests that check what an answer says and what its first line decides."""

from __future__ import annotations

from bot.domain.knowledge import KnowledgeBase
from bot.services.answers import render_answer
from bot.services.i18n import translator


def reply_text(kb: KnowledgeBase, question: str) -> str:
    answer = kb.answer(question)
    return render_answer(answer, kb, translator(answer.lang), html=False)


def first_line(kb: KnowledgeBase, question: str) -> str:
    """The decision's line: what a seller who skims reads."""
    return reply_text(kb, question).split("\n", 1)[0]


def assert_first_line(kb: KnowledgeBase, question: str, verdict: str, wrong: str) -> None:
    """The first line leads with `verdict` and holds no `wrong` (the opposite verdict)."""
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert wrong not in first, first
