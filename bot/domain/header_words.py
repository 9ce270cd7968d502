"""Headers no alias spells, read by the words they hold (data/header_words.yaml).

The aliases of columns.yaml stay the first and exact reading; this one fills only the
meanings they left unfound, from the headers they left untaken, so a file every alias
reads is read exactly as before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from bot.domain.reference import header_words

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_ASCII_WORD = re.compile(r"[a-z0-9]+|#")


@dataclass(frozen=True)
class _Header:
    words: frozenset[str]
    """Its ASCII words, lower case ('ShipDate' and 'ship_date' both give ship, date)."""
    text: str
    """Its whole text, width and case folded: other scripts' words are looked for inside."""

    @classmethod
    def of(cls, cell: str) -> _Header:
        text = unicodedata.normalize("NFKC", cell).replace("\ufeff", "")
        words = _ASCII_WORD.findall(_CAMEL.sub(" ", text).casefold())
        return cls(frozenset(words), text.casefold())

    def holds(self, word: str) -> bool:
        return word in self.words if word.isascii() else word in self.text


@dataclass(frozen=True)
class _WordSets:
    any: tuple[tuple[tuple[str, ...], ...], ...]
    """Word sets in preference order; a set is groups that must all be held, each group
    met by any one of its words."""
    never: tuple[str, ...]

    def finds(self, word_set: tuple[tuple[str, ...], ...], header: _Header) -> bool:
        return all(any(header.holds(w) for w in group) for group in word_set) and not any(
            header.holds(w) for w in self.never
        )


@cache
def _word_sets() -> dict[str, _WordSets]:
    return {
        meaning: _WordSets(
            tuple(_parsed(text) for text in spec["any"]),
            tuple(unicodedata.normalize("NFKC", w).casefold() for w in spec.get("not", [])),
        )
        for meaning, spec in header_words().items()
    }


def _parsed(text: str) -> tuple[tuple[str, ...], ...]:
    """'ship|shipped + date' → (('ship', 'shipped'), ('date',))."""
    groups = (part.strip() for part in text.split("+"))
    return tuple(
        tuple(unicodedata.normalize("NFKC", w.strip()).casefold() for w in group.split("|"))
        for group in groups
    )


def meanings_by_words(cells: list[str], found: dict[str, int]) -> dict[str, int]:
    """The meanings `found` (by alias) lacks, read from the headers it did not take: for
    each meaning, its first word set that some header holds, the leftmost such header."""
    taken = set(found.values())
    headers = [_Header.of(str(cell)) for cell in cells]
    added: dict[str, int] = {}
    for meaning, sets in _word_sets().items():
        if meaning in found:
            continue
        index = _first_holding(sets, headers, taken)
        if index is not None:
            added[meaning] = index
            taken.add(index)
    return added


def _first_holding(sets: _WordSets, headers: list[_Header], taken: set[int]) -> int | None:
    for word_set in sets.any:
        for index, header in enumerate(headers):
            if index not in taken and sets.finds(word_set, header):
                return index
    return None
