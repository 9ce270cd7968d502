"""Headers no alias spells, read by the words they hold (data/header_words.yaml).

The aliases of columns.yaml stay the first and exact reading; this one fills only the
meanings they left unfound, from the headers they left untaken, so a file every alias
reads is read exactly as before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.domain.reference import header_word_groups, header_words

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_LATIN_WORD = re.compile(r"[a-z0-9\u00df-\u00f6\u00f8-\u024f]+|#")
"""A word of Latin script, accents included ('núm', 'przesyłki' whole, not 'n', 'm'); a
Chinese header's 'ID' stays a word of its own."""
_GLUED_STEM = 3
"""'Auftragsnr' is 'auftrags' + 'nr'; a word of fewer letters before the number word
('Unr') is no compound."""


@dataclass(frozen=True)
class _Header:
    held: frozenset[str]
    """The word sets' words it holds (`_vocabulary`): an ASCII word among its own Latin
    words, lower case ('ShipDate' and 'ship_date' both give ship, date), another script's inside
    its whole text, width and case folded; a number word glued to a word's end is a word
    too ('Sendungsnummer': sendungs, nummer). Found once per header, so each word set asks a
    set, not the text: a file's first lines are read this way for every delimiter."""

    @classmethod
    def of(cls, cell: str) -> _Header:
        text = unicodedata.normalize("NFKC", cell).replace("\ufeff", "")
        ascii_words, other_words = _vocabulary()
        held = ascii_words.intersection(_words(_CAMEL.sub(" ", text).casefold()))
        text = text.casefold()
        if not text.isascii():  # another script's word can be in no ASCII text
            held |= {word for word in other_words if word in text}
        return cls(frozenset(held))


def _words(text: str) -> set[str]:
    """The text's Latin words, with the two halves of each compound ending in a number word
    (German, Dutch and Swedish glue it: Trackingnummer, Ordernr, Spårningsnummer)."""
    words = set(_LATIN_WORD.findall(text))
    for word in tuple(words):
        for glued in _glued_numbers():
            if word.endswith(glued) and len(word) - len(glued) >= _GLUED_STEM:
                words |= {word[: -len(glued)], glued}
    return words


@cache
def _glued_numbers() -> tuple[str, ...]:
    return tuple(_folded(word) for word in header_word_groups()["glued_number"])


def _folded(word: str) -> str:
    return unicodedata.normalize("NFKC", word.strip()).casefold()


def _expanded(words: list[str]) -> list[str]:
    """'@number' stands for the words of the group `number` (header_words.yaml `groups`)."""
    groups = header_word_groups()
    stripped = (word.strip() for word in words)
    return [w for word in stripped for w in (groups[word[1:]] if word.startswith("@") else [word])]


@dataclass(frozen=True)
class _WordSets:
    any: tuple[tuple[frozenset[str], ...], ...]
    """Word sets in preference order; a set is groups that must all be held, each group
    met by any one of its words."""
    never: frozenset[str]

    def finds(self, word_set: tuple[frozenset[str], ...], held: frozenset[str]) -> bool:
        return all(not held.isdisjoint(group) for group in word_set) and held.isdisjoint(self.never)


@cache
def _word_sets() -> dict[str, _WordSets]:
    return {
        meaning: _WordSets(
            tuple(_parsed(text) for text in spec["any"]),
            frozenset(_folded(w) for w in _expanded(spec.get("not", []))),
        )
        for meaning, spec in header_words().items()
    }


@cache
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """Every word the word sets name, (ASCII ones, others)."""
    words = {
        word
        for sets in _word_sets().values()
        for word in (
            *sets.never,
            *(w for word_set in sets.any for group in word_set for w in group),
        )
    }
    return frozenset(w for w in words if w.isascii()), tuple(w for w in words if not w.isascii())


def _parsed(text: str) -> tuple[frozenset[str], ...]:
    """'ship|shipped + date' → ({'ship', 'shipped'}, {'date'}); '@number + pedido' →
    (the group number's words, {'pedido'})."""
    groups = (part.strip() for part in text.split("+"))
    return tuple(frozenset(_folded(w) for w in _expanded(group.split("|"))) for group in groups)


def meanings_by_words(cells: list[str], found: dict[str, int]) -> dict[str, int]:
    """The meanings `found` (by alias) lacks, read from the headers it did not take: for
    each meaning, its first word set that some header holds, the leftmost such header."""
    holding = tuple(
        (index, held) for index, held in enumerate(_held(str(cell)) for cell in cells) if held
    )
    if not holding:  # a row of values, most often
        return {}
    return dict(_meanings_held(holding, frozenset(found.items())))


def _held(cell: str) -> frozenset[str]:
    """A header's words, found once per text up to `REMEMBERED_CELL` long: a file's first
    lines are read for every delimiter, and most of their cells are the same few values
    again and again; a longer cell is most often a whole line split by the wrong delimiter,
    met once."""
    return _remembered_held(cell) if len(cell) <= REMEMBERED_CELL else _Header.of(cell).held


REMEMBERED_CELL = 200
"""The longest cell whose reading is remembered, so the memory it holds stays bounded."""


@lru_cache(maxsize=2048)
def _remembered_held(cell: str) -> frozenset[str]:
    return _Header.of(cell).held


Holding = tuple[tuple[int, frozenset[str]], ...]
"""The headers that hold any word, with their columns."""


@lru_cache(maxsize=1024)
def _meanings_held(
    holding: Holding, found: frozenset[tuple[str, int]]
) -> tuple[tuple[str, int], ...]:
    """`meanings_by_words` once per row of the same words in the same columns (the rows of
    values under a header hold the same few words, 'Amazon.com', 'Shipped', row after row)."""
    taken = {index for _, index in found}
    named = {meaning for meaning, _ in found}
    added: list[tuple[str, int]] = []
    for meaning, sets in _word_sets().items():
        if meaning in named:
            continue
        index = _first_holding(sets, holding, taken)
        if index is not None:
            added.append((meaning, index))
            taken.add(index)
    return tuple(added)


def _first_holding(sets: _WordSets, holding: Holding, taken: set[int]) -> int | None:
    """The column of the first word set some untaken header holds, the leftmost such."""
    for word_set in sets.any:
        for index, held in holding:
            if index not in taken and sets.finds(word_set, held):
                return index
    return None
