"""A knowledge-base answer as the seller reads it, in the answer's language.

Entry text is data written by editors, so in HTML it is escaped; only the markup
this module adds (the italic source line) is HTML.
"""

from __future__ import annotations

import html as html_lib

from bot.domain.knowledge import Answer, KnowledgeBase
from bot.services.i18n import Translator, translator


def render_answer(answer: Answer, kb: KnowledgeBase, t: Translator, html: bool) -> str:
    """The reply text: the entry with its source, the "which one?" line, or a refusal.

    A question can be in another language than the chat's (a Chinese question in an
    English chat), and the reply follows the question, so `t` is swapped if it differs.
    """
    if t.lang != answer.lang:
        t = translator(answer.lang)
    if answer.kind == "answer" and answer.matched is not None:
        entry = kb.entries[answer.matched]
        body = entry.answer_for(answer.lang).strip()
        source = t._(
            "Source: {source}, reviewed {date}",
            source=entry.source,
            date=t.date(entry.reviewed),
        )
        if html:
            return f"{html_lib.escape(body, quote=False)}\n\n<i>{html_lib.escape(source)}</i>"
        return f"{body}\n\n{source}"
    if answer.kind == "unsure":
        return t._("I'm not sure which of these you mean:")
    return t._(
        "That is outside what I know: I answer questions about VTR, Buy Shipping and "
        "self-fulfilled shipping metrics. Send /help to see what I can do."
    )


def suggestion_titles(answer: Answer, kb: KnowledgeBase) -> list[str]:
    """Button labels for the suggested entries, in the answer's language."""
    return [kb.entries[i].title_for(answer.lang) for i in answer.suggestions]
