"""The related topics under an answer are its buttons alone: a "Related topics:" heading in
the text, followed only by buttons, read as an empty heading wherever the buttons are not
shown (a notification preview, a forwarded message, a transcript)."""

from __future__ import annotations

from bot.domain.knowledge import Answer, KnowledgeBase
from bot.services.i18n import translator
from bot.services.questions import QuestionService


def test_no_heading_is_left_without_its_topics(kb: KnowledgeBase) -> None:
    entry = next(e for e in kb.entries.values() if len(e.related) >= 2)
    for lang in ("en", "zh"):
        answer = Answer(
            lang=lang, kind="answer", matched=entry.id, confidence=1.0, suggestions=entry.related
        )
        replies = QuestionService(kb)._replies(answer, translator(lang))
        assert len(replies[-1].buttons) >= 2  # the topics are offered
        text = "\n".join(r.html for r in replies)
        assert "Related topics" not in text and "相关话题" not in text, text
        assert not text.rstrip().endswith((":", "：")), text
