"""A knowledge-base answer as the seller reads it, in the answer's language.

Entry text is data written by editors, so in HTML it is escaped; only the markup
this module adds (the italic source line) is HTML.
"""

from __future__ import annotations

import html as html_lib
import re

from bot.domain.knowledge import Answer, KnowledgeBase
from bot.domain.knowledge.schema import Decision
from bot.services.decision_text import decision_lead
from bot.services.i18n import Translator, translator


def _(msgid: str) -> str:
    """Marks a sentence for the catalog (pybabel extracts `_`); `t._` translates it."""
    return msgid


_VERDICT_OPENER = re.compile(
    r"^(?:不需要|不用|不会|会影响|不影响|有帮助|是的|不是|No need|Yes|No)[，,:：。]\s*(?!但|but\b)"
)
"""An entry's own yes or no, written for its own question ("不需要，FBA 商品也不受影响"): after
a decision's verdict on the question asked it would say it twice, or contradict it."""

OTHER_LANGUAGE = _("I answer questions in Chinese or English: please ask again in one of them.")


def render_answer(answer: Answer, kb: KnowledgeBase, t: Translator, html: bool) -> str:
    """The reply text: the entry with its source, the "which one?" line, or a refusal.

    `t` speaks `answer.lang`: the reply follows the question's language, which can differ
    from the chat's (a Chinese question in an English chat); the caller picks it once.
    """
    if answer.parts:
        head = _render_one(
            answer.model_copy(update={"parts": []}), kb, t, html, _right_beside(answer)
        )
        rest = [render_answer(part, kb, t, html) for part in answer.parts]
        return "\n\n".join([head, *rest])
    return _render_one(answer, kb, t, html)


def _right_beside(answer: Answer) -> Decision | None:
    """A belief found right among the parts of an answer led by a belief found wrong ("VTR
    looks at 30 days, and exactly 95% passes, right?"): the lead says both halves."""
    first = answer.decision
    if first is None or not first.belief or first.agrees is not False:
        return None
    rights = (p.decision for p in answer.parts if p.decision is not None)
    return next((d for d in rights if d.belief and d.agrees), None)


def _render_one(
    answer: Answer, kb: KnowledgeBase, t: Translator, html: bool, right: Decision | None = None
) -> str:
    """One answer (no parts) as text; `right` is a right belief said beside a wrong one."""
    found = _body_and_source(answer, kb, t, right)
    if found is not None:
        body, source = found
        if html:
            return f"{html_lib.escape(body, quote=False)}\n\n<i>{html_lib.escape(source)}</i>"
        return f"{body}\n\n{source}"
    if answer.kind == "unsure" and answer.opening:
        return t._(
            "Hello! Go ahead and ask your question, or pick one of these topics "
            "(/help lists everything I can do):"
        )
    if answer.kind == "unsure":
        return t._("I'm not sure which of these you mean:")
    if answer.kind == "other_language":
        # In English, and in Chinese below it: the seller reads neither well, so both.
        english = t._(OTHER_LANGUAGE)
        return f"{english}\n{translator('zh')._(OTHER_LANGUAGE)}" if t.lang == "en" else english
    return t._(
        "That is outside what I know: I answer questions about VTR, Buy Shipping and "
        "self-fulfilled shipping metrics. Send /help to see what I can do."
    )


def _body_and_source(
    answer: Answer, kb: KnowledgeBase, t: Translator, right: Decision | None = None
) -> tuple[str, str] | None:
    """An answer's text and source line: composed from the registry, or an entry's."""
    if answer.kind != "answer":
        return None
    if answer.text is not None:
        return answer.text.strip(), t._("Source: {source}", source=answer.source or "")
    if answer.matched is None:
        return None
    entry = kb.entries[answer.matched]
    body = entry.answer_for(answer.lang).strip()
    if answer.lead:
        body = f"{answer.lead}\n{body}"
    if answer.decision is not None:
        if answer.decision.agrees is not None:
            body = _VERDICT_OPENER.sub("", body, count=1)
        body = f"{decision_lead(answer.decision, t, right)}\n{body}"
    source = t._(
        "Source: {source}, reviewed {date}",
        source=entry.source.for_lang(answer.lang),
        date=t.date(entry.reviewed),
    )
    return body, source


def suggestion_titles(answer: Answer, kb: KnowledgeBase) -> list[str]:
    """Button labels for the suggested entries, in the answer's language."""
    return [kb.entries[i].title_for(answer.lang) for i in answer.suggestions]
