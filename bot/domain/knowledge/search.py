"""Okapi BM25 over whole entries, with every posting's score precomputed.

A library (rank-bm25, bm25s) would rescore every entry per query with numpy or
scipy; with ~50 entries a dict of precomputed postings answers in microseconds and
loads in milliseconds, and is short enough to read in one go.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence


class Bm25Index:
    """BM25 (k1, b as in Robertson & Zaragoza) over weighted term counts per document."""

    def __init__(self, docs: Sequence[Counter[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(docs)
        lengths = [sum(doc.values()) for doc in docs]
        average = sum(lengths) / self.size if self.size else 1.0
        frequency: Counter[str] = Counter(term for doc in docs for term in doc)
        self.idf: dict[str, float] = {
            term: math.log(1 + (self.size - n + 0.5) / (n + 0.5)) for term, n in frequency.items()
        }
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for doc_id, (doc, length) in enumerate(zip(docs, lengths, strict=True)):
            norm = k1 * (1 - b + b * length / average)
            for term, tf in doc.items():
                weight = self.idf[term] * tf * (k1 + 1) / (tf + norm)
                self.postings[term].append((doc_id, weight))
        self.doc_terms = [frozenset(doc) for doc in docs]

    def __contains__(self, term: str) -> bool:
        return term in self.idf

    def scores(self, terms: Iterable[str]) -> list[float]:
        totals = [0.0] * self.size
        for term in terms:
            for doc_id, weight in self.postings.get(term, ()):
                totals[doc_id] += weight
        return totals
