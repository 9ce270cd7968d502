"""Carriers and marketplaces named in a question, found through the engine's own registry.

The alias tables in `bot/domain/data/` are the one place for these spellings: the report
resolves a file's carrier cell with them, and the knowledge base recognises a seller's
"云途", "YunExpress" or "递四方" with the same list, so the two never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from bot.domain.reference import (
    Carrier,
    Marketplace,
    carriers,
    carriers_the_sources_name,
    fold_key,
    marketplaces,
)

_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[a-z0-9]+")
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}(?![A-Za-z])")
"""A marketplace's code in capitals, a word of its own: "3PL" (a third-party warehouse) is
no Poland."""
_ROUTE_CODE = re.compile(r"(?:\b(?:from|to|into)\s+|→\s?|->\s?)([A-Z]{2})(?![A-Za-z])")
"""An ambiguous code in capitals as a route's end ("from DE to IT", "DE → IE"): the place."""
MAX_WORDS_IN_ALIAS = 3
# Country codes that are also everyday English words ("it", "in", "be") are not read as
# marketplaces, even in capitals at the start of a sentence.
AMBIGUOUS_CODES = frozenset({"IT", "IN", "BE", "IE"})
# Aliases that the report accepts in a carrier column but that are too common as words to
# name a carrier in free text ("yun" alone, "sf" for San Francisco, "四方" in 四方面).
FREE_TEXT_MIN_LATIN = 3

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Entities:
    carriers: tuple[Carrier, ...] = ()
    marketplaces: tuple[Marketplace, ...] = ()
    markets_at: tuple[tuple[int, Marketplace], ...] = ()
    """Each marketplace with where it is first named, for the route (from … to …)."""
    number_carrier: Carrier | None = None
    """The carrier a tracking number in the question belongs to by its shape: pasted whole
    ("1Z999AA1…") or told by its prefix ("1Z开头的单号", "a number starting with YT")."""


_PREFIX_TOLD = re.compile(
    r"(?<![a-z0-9])([a-z0-9]{2,4})\s*(?:开头|打头|起头)|"
    r"(?:starts?|starting|begins?|beginning|prefixed)\s+with\s+(?:an?\s+|the\s+)?['\"“]?([a-z0-9]{2,4})\b|"
    r"(?<![a-z0-9])([a-z0-9]{2,4})\s*(?:-\s*)?(?:prefix|前缀)|"
    r"\b(?:an?|the|my|this|that)\s+([a-z0-9]{2,4})[- ](?:number|tracking|label)|"
    # "number is 1Z...", "单号是YT…", "1Zxxxx": the first letters, the rest left out.
    r"(?<![a-z0-9])([a-z0-9]{2,4}?)(?:\.{2,}|…+|x{3,}|\*{2,}|#{2,})"
)
_NUMBER_TOKEN = re.compile(r"(?<![a-z0-9])[a-z0-9]{10,34}(?![a-z0-9])")
_LITERAL_HEAD = re.compile(r"^[0-9A-Z]+")


@lru_cache(maxsize=1)
def _shapes() -> tuple[tuple[re.Pattern[str], str, Carrier], ...]:
    """Each carrier's own number shapes (distinctive formats, `looks_like`), with the
    letters every such number starts with."""
    shapes = []
    for carrier in carriers():
        patterns = [f.pattern for f in carrier.formats if f.distinctive] + carrier.looks_like
        for pattern in patterns:
            head = _LITERAL_HEAD.match(pattern)
            compiled = re.compile(pattern, re.IGNORECASE)
            shapes.append((compiled, head.group().casefold() if head else "", carrier))
    return tuple(shapes)


def told_starts(text: str) -> list[str]:
    """The first letters of a number the folded text describes ("1Z开头", "starting with
    92", "a YT number"), as typed."""
    return [next(g for g in m.groups() if g) for m in _PREFIX_TOLD.finditer(text)]


def number_carrier(text: str) -> Carrier | None:
    """The one carrier whose numbers look like the number the folded text pastes or
    describes by its first letters; None when none or several could own it."""
    owners = {
        c.id: c
        for shape, _, c in _shapes()
        for m in _NUMBER_TOKEN.finditer(text)
        if shape.fullmatch(m.group())
    }
    for prefix in told_starts(text):
        owners.update({c.id: c for _, head, c in _shapes() if head and head == prefix})
    return next(iter(owners.values())) if len(owners) == 1 else None


class EntityFinder:
    """Finds carriers and marketplaces by whole alias, longest first."""

    def __init__(
        self,
        carrier_table: Iterable[Carrier] | None = None,
        marketplace_table: Iterable[Marketplace] | None = None,
    ) -> None:
        self._carriers = _alias_table(
            (c, [c.name, *c.aliases]) for c in (carrier_table or carriers_the_sources_name())
        )
        markets = tuple(marketplace_table or marketplaces())
        # A marketplace's listed aliases all name it in free text ("uk" too): the short,
        # ambiguous ones are its codes (DE, IT, IN), which are not aliases.
        self._markets = _alias_table(((m, [m.domain, m.zh, *m.aliases]) for m in markets), 2)
        self._by_code = {m.code: m for m in markets if m.code not in AMBIGUOUS_CODES}
        self._by_route_code = {m.code: m for m in markets if m.code in AMBIGUOUS_CODES}
        self._carrier_han = [a for a in self._carriers if _HAN.search(a)]
        self._market_han = [a for a in self._markets if _HAN.search(a)]

    def find(self, raw: str, normalized: str) -> Entities:
        """Entities named in a question; `normalized` is its simplified, folded text."""
        markets_at = _matches(self._markets, self._market_han, normalized)
        found_markets = [market for _, market in markets_at]
        coded = [(m.start(), self._by_code.get(m.group())) for m in _CODE.finditer(raw)]
        routed = [
            (m.start(), self._by_route_code.get(m.group(1))) for m in _ROUTE_CODE.finditer(raw)
        ]
        for start, market in sorted(coded + routed, key=lambda pair: pair[0]):
            if market is not None and market not in found_markets:
                found_markets.append(market)
                markets_at.append((start, market))
        carriers_found = [c for _, c in _matches(self._carriers, self._carrier_han, normalized)]
        owner = number_carrier(normalized)
        if owner is not None and owner not in carriers_found:
            carriers_found.append(owner)
        at = tuple(sorted(markets_at, key=lambda pair: pair[0]))
        return Entities(tuple(carriers_found), tuple(found_markets), at, owner)


def _alias_table(
    items: Iterable[tuple[T, list[str]]], min_latin: int = FREE_TEXT_MIN_LATIN
) -> dict[str, T]:
    table: dict[str, T] = {}
    for item, aliases in items:
        for alias in aliases:
            key = fold_key(alias)
            if _HAN.search(key) or len(key) >= min_latin or key.isdigit():
                table.setdefault(key, item)
    return table


def _matches(table: dict[str, T], han_aliases: list[str], text: str) -> list[tuple[int, T]]:
    """(position, item) of the items whose alias is a run of 1–3 whole words, or a Chinese
    substring, of the text, each item once, in the order they are named."""
    found: list[tuple[int, T]] = []
    spans: list[tuple[int, int]] = []
    candidates: list[tuple[int, int, str]] = []
    words = list(_WORD.finditer(text))
    for i in range(len(words)):
        for n in range(1, MAX_WORDS_IN_ALIAS + 1):
            if i + n <= len(words):
                key = "".join(w.group() for w in words[i : i + n])
                candidates.append((words[i].start(), words[i + n - 1].end(), key))
    if _HAN.search(text):
        for alias in han_aliases:
            start = text.find(alias)
            while start != -1:
                candidates.append((start, start + len(alias), alias))
                start = text.find(alias, start + 1)
    # Longest first, so 日本邮政 (Japan Post) wins over 邮政 (China Post) inside it.
    for start, end, key in sorted(candidates, key=lambda c: c[0] - c[1]):
        item = table.get(key)
        if item is None or any(start < e and s < end for s, e in spans):
            continue
        spans.append((start, end))
        found.append((start, item))
    ordered: list[tuple[int, T]] = []
    for start, item in sorted(found, key=lambda pair: pair[0]):  # in the order they are named
        if all(item != seen for _, seen in ordered):
            ordered.append((start, item))
    return ordered
