"""The knowledge base: load once, then answer questions without touching disk."""

from __future__ import annotations

import heapq
from collections import Counter
from pathlib import Path
from typing import ClassVar

from bot.domain.knowledge.loader import load_entries, load_lexicon
from bot.domain.knowledge.schema import Answer, Entry, Lang
from bot.domain.knowledge.search import Bm25Index
from bot.domain.knowledge.text import Analyzer, Term, TermKind, detect_lang

# How much each part of an entry counts when matching: sellers' phrasings say most
# about what the entry answers, the long answer text least.
FIELD_WEIGHTS: dict[str, int] = {"questions": 3, "titles": 2, "tags": 2, "answers": 1}

# How much a query term of each kind says about the topic. Single Chinese characters
# are weak evidence; concepts from the synonym table are strong.
TERM_WEIGHTS: dict[TermKind, float] = {
    "concept": 1.5,
    "word": 1.0,
    "bigram": 1.0,
    "char": 0.4,
    "number": 0.5,
}
# An unknown bigram is often just two words run together ("到了"), so it counts less
# against a match than an unknown English word or character.
UNKNOWN_BIGRAM_FACTOR = 0.3

ANSWER_AT = 0.45
"""Confidence from which one entry is answered."""
UNSURE_AT = 0.2
"""Below this the question is treated as outside the KB's field."""


class KnowledgeBase:
    """Curated entries plus the index that finds the right one for a seller's question."""

    MAX_SUGGESTIONS: ClassVar[int] = 3

    def __init__(self, entries: dict[str, Entry], analyzer: Analyzer) -> None:
        self.entries = entries
        self._ids = list(entries)
        self._analyzer = analyzer
        self._index = Bm25Index([self._document(entries[i]) for i in self._ids])

    @classmethod
    def load(cls, directory: Path | str | None = None) -> KnowledgeBase:
        """Read and validate `knowledge/` (or `directory`); raises KnowledgeError if invalid."""
        if directory is None:
            from bot.paths import knowledge_dir

            directory = knowledge_dir()
        directory = Path(directory)
        entries = load_entries(directory)
        corpus = [text for entry in entries.values() for text in _texts(entry)]
        return cls(entries, Analyzer(load_lexicon(directory), corpus))

    def _document(self, entry: Entry) -> Counter[str]:
        fields = {
            "questions": [*entry.questions.zh, *entry.questions.en],
            "titles": [entry.titles.zh, entry.titles.en],
            "tags": [tag.replace("-", " ") for tag in entry.tags],
            "answers": [entry.answers.zh, entry.answers.en],
        }
        doc: Counter[str] = Counter()
        for field, texts in fields.items():
            for text in texts:
                for term in self._analyzer.terms(text):
                    doc[term.text] += FIELD_WEIGHTS[field]
        return doc

    def answer(self, question: str, lang: Lang | None = None) -> Answer:
        reply_lang = detect_lang(question, lang)
        terms = {t.text: t for t in self._analyzer.terms(question, fix_typos=True)}
        query = [t for t in terms.values() if t.kind != "number" or t.text in self._index]
        scores = self._index.scores(t.text for t in query)
        ranked = heapq.nlargest(self.MAX_SUGGESTIONS + 1, range(len(scores)), scores.__getitem__)
        ranked = [i for i in ranked if scores[i] > 0]
        if not ranked:
            return Answer(lang=reply_lang, kind="off_topic", confidence=0.0)
        best = ranked[0]
        confidence = self._confidence(query, best, scores, ranked)
        ids = [self._ids[i] for i in ranked]
        if confidence >= ANSWER_AT:
            related = self.entries[ids[0]].related[: self.MAX_SUGGESTIONS]
            return Answer(
                lang=reply_lang,
                kind="answer",
                matched=ids[0],
                confidence=confidence,
                suggestions=related,
            )
        if confidence >= UNSURE_AT:
            return Answer(
                lang=reply_lang,
                kind="unsure",
                confidence=confidence,
                suggestions=ids[: self.MAX_SUGGESTIONS],
            )
        return Answer(lang=reply_lang, kind="off_topic", confidence=confidence)

    def _confidence(
        self, query: list[Term], best: int, scores: list[float], ranked: list[int]
    ) -> float:
        """How sure the match is, 0..1: the share of the question the best entry explains,
        discounted when a second entry explains it nearly as well."""
        index = self._index
        matched_terms = index.doc_terms[best]
        explained = total = 0.0
        for term in query:
            weight = TERM_WEIGHTS[term.kind]
            if term.text in index:
                total += weight * index.idf[term.text]
                if term.text in matched_terms:
                    explained += weight * index.idf[term.text]
            else:
                factor = UNKNOWN_BIGRAM_FACTOR if term.kind == "bigram" else 1.0
                total += weight * factor * index.unknown_idf
        coverage = explained / total if total else 0.0
        runner_up = scores[ranked[1]] if len(ranked) > 1 else 0.0
        margin = (scores[best] - runner_up) / scores[best]
        return round(min(1.0, coverage * (0.6 + 0.4 * margin) / 0.8), 4)


def _texts(entry: Entry) -> list[str]:
    return [
        *entry.questions.zh,
        *entry.questions.en,
        entry.titles.zh,
        entry.titles.en,
        entry.answers.zh,
        entry.answers.en,
        *entry.tags,
    ]
