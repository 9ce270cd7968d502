"""What every step of composing reads (entries, cards, the lexicon's words); answers built."""

from __future__ import annotations

import re

from bot.domain.knowledge.cards import (
    Cards,
)
from bot.domain.knowledge.compose.found import Found
from bot.domain.knowledge.entities import EntityFinder
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Answer, Decision, Entry, Lexicon
from bot.domain.knowledge.understand import normalize_question
from bot.domain.reference import Carrier, Marketplace, fold_key, marketplaces

_OUTSIDE_WORD = lazy(r"[a-z0-9]")


DECIDED_CONFIDENCE = 0.9
"""A case decided by a rule is answered firmly, whatever the words' match."""


def _phrase_pattern(phrase: str) -> str:
    """A phrase as whole words ("etsy" is not in "gets you"); Chinese as written."""
    words = [re.escape(w) for w in phrase.casefold().split()]
    if not words[0][:1].isascii():
        return "".join(words)  # Chinese: as written ("fba入库单" holds 入库)
    plural = "(?:e?s)?" if words[-1][-1:].isalpha() else ""
    return r"(?<![a-z0-9])" + r"[\s\-_]*".join(words) + plural + r"(?![a-z0-9])"


def _carriers_in(finder: EntityFinder, text: str) -> tuple[Carrier, ...]:
    return finder.find(text, normalize_question(text, {})).carriers


def _markets_in(finder: EntityFinder, text: str) -> tuple[Marketplace, ...]:
    return finder.find(text, normalize_question(text, {})).marketplaces


class ComposerBase:
    """The entries, cards and lexicon words every step of composing reads, and the answers they build."""

    def __init__(
        self, entries: dict[str, Entry], cards: Cards, lexicon: Lexicon, finder: EntityFinder
    ) -> None:
        self._entries = entries
        self._cards = cards
        self._core = frozenset(lexicon.core)
        self._subjects = frozenset(lexicon.synonyms)
        # The concepts that are places (uk, japan, eu …): the general concepts whose
        # spellings include a marketplace's name or code.
        names = {n.casefold() for m in marketplaces() for n in (m.code, m.zh, m.domain, *m.aliases)}
        self._places = frozenset(
            c
            for c, spellings in lexicon.general.items()
            if names & {p.casefold() for p in spellings}
        ) | {"eu", "china", "marketplace"}
        # Neighbouring fields' phrases: Latin ones as whole words ("resell" is not in "entire
        # seller"), Chinese ones as written.
        words = [_phrase_pattern(p) for p in lexicon.outside if _OUTSIDE_WORD.match(p)]
        self._outside_words = re.compile("|".join(words)) if words else None
        self._outside_han = [fold_key(p) for p in lexicon.outside if not _OUTSIDE_WORD.match(p)]
        patterns = [_phrase_pattern(p) for p in [*lexicon.platforms, *lexicon.elsewhere]]
        self._elsewhere_pattern = re.compile("|".join(patterns)) if patterns else None
        platforms = [_phrase_pattern(p) for p in lexicon.platforms]
        self._platform_pattern = re.compile("|".join(platforms)) if platforms else None
        # The carriers each entry speaks of, found the way a question's are (whole words).
        self._entry_carriers = {
            entry_id: {
                c.id for text in (e.answers.zh, e.answers.en) for c in _carriers_in(finder, text)
            }
            for entry_id, e in entries.items()
        }
        # The marketplaces each entry speaks of (China Post's "CN" ending is Japan's).
        self._entry_markets = {
            entry_id: {
                m.code for text in (e.answers.zh, e.answers.en) for m in _markets_in(finder, text)
            }
            for entry_id, e in entries.items()
        }

    @staticmethod
    def _shortlist(found: Found, topics_first: tuple[str, ...] = ()) -> Answer:
        """A message that names no subject: the closest topics to pick from, since a firm
        answer on the wrong topic is worse than a question back."""
        closest = [found.best or "", *found.answer.suggestions]
        topics = list(dict.fromkeys(topics_first or closest))
        return found.answer.model_copy(
            update={"kind": "unsure", "matched": None, "suggestions": [t for t in topics if t][:3]}
        )

    def _decided(self, found: Found, decision: Decision) -> Answer:
        """The case decided: the decision first, then the entry that explains the rule."""
        entry_id = decision.entry or ""
        return Answer(
            lang=found.answer.lang,
            kind="answer",
            matched=entry_id,
            confidence=max(found.answer.confidence, DECIDED_CONFIDENCE),
            suggestions=self._entries[entry_id].related[:3],
            decision=decision,
        )

    def _entry_answer(self, answer: Answer, entry_id: str, lead: str | None = None) -> Answer:
        related = self._entries[entry_id].related[:3]
        return answer.model_copy(
            update={"kind": "answer", "matched": entry_id, "suggestions": related, "lead": lead}
        )
