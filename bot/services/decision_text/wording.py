"""The tools every decision's wording uses: the catalog mark, a sentence, one of two by a fact."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.knowledge.schema import Decision
from bot.services.i18n import Translator

Wording = Callable[[Decision, Translator], str]


def fact_texts(decision: Decision) -> dict[str, str]:
    return {key: str(value) for key, value in decision.facts.items()}


def _(msgid: str) -> str:
    """Marks a sentence for the catalog (pybabel extracts `_`); `t._` translates it when
    the decision is worded."""
    return msgid


def sentence(msgid: str) -> Wording:
    """A decision worded by one sentence, its facts filled in."""

    def wording(decision: Decision, t: Translator) -> str:
        return t._(msgid, **fact_texts(decision))

    return wording


def by_fact(fact: str, if_true: str, if_false: str) -> Wording:
    """A decision worded by one of two sentences, as one of its facts is true or not
    (exempt or counted, two scans or one), its facts filled in."""

    def wording(decision: Decision, t: Translator) -> str:
        msgid = if_true if decision.facts.get(fact) else if_false
        return t._(msgid, **fact_texts(decision))

    return wording
