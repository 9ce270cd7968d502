"""Turning a question or an entry into search terms, the same way for both.

Chinese is split into overlapping character bigrams plus single characters rather
than segmented with jieba: on short FAQ text bigrams rank as well, need no 0.7 s
dictionary load, and tolerate words a dictionary does not know (站点, 领星, 咋办).
English is case-folded, lightly stemmed and typo-corrected against the KB's own
words. Synonym phrases in either language become one shared concept token first,
so "有效追踪率", "valid tracking rate" and "VTR" all reach the same entries.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from bot.domain.knowledge.schema import Lexicon

TermKind = Literal["concept", "general", "word", "bigram", "char", "number"]

_HAN_CHAR = r"\u3400-\u9fff"
_HAN = re.compile(f"[{_HAN_CHAR}]")
_LATIN_WORD = re.compile(r"[a-z]+")
_WHOLE_WORD = re.compile(r"(?<![a-z'’])[a-z]+(?![a-z'’])")
"""A word to spell-check: not part of a contraction ("doesn't" is no typo of "does")."""
_RUN = re.compile(f"([{_HAN_CHAR}]+)|([a-z0-9]+(?:[._][a-z0-9]+)*)")
_CONCEPT_MARK = "\x00"
MIN_TYPO_LENGTH = 4
INFLECTIONS = ("s", "er", "ed", "es", "ers", "ly")
"""Endings that make a known word another real one ("confirm" → "confirmed"): not a typo;
after an "e", an "r" or a "d" alone does too ("manage" → "manager", "managed")."""


def _inflected(word: str, known: str) -> bool:
    """`word` is `known` with an inflection's ending ("manager" of "manage"), not a typo."""
    endings = (*INFLECTIONS, "r", "d") if known.endswith("e") else INFLECTIONS
    return any(word == known + ending for ending in endings)


_SIBLING_ENDINGS = ("s", "es", "d", "ed", "ing")


def _siblings(word: str, known: str) -> bool:
    """Two inflections of one base ("passes" and "passed"), not a typo of each other;
    "shiping" is no inflection of "shipp"."""
    for ending in _SIBLING_ENDINGS:
        base = word[: -len(ending)]
        if word.endswith(ending) and len(base) >= MIN_SIBLING_BASE:
            rest = known[len(base) :]
            if known.startswith(base) and rest != ending and rest in _SIBLING_ENDINGS:
                # A bare "d" inflects only a base ending in "e" ("used"): "confirmd" is a typo.
                return "d" not in (ending, rest) or base.endswith("e")
    return False


MIN_SIBLING_BASE = 3
SAFE_TYPO_LENGTH = 5
MIN_HAN_TERM = 3
MAX_HAN_TERM = 5
_HAN_ONLY = re.compile(r"[\u3400-\u9fff]+")
LONG_WORD = 9
_GLUED = re.compile(r"(?<![A-Za-z])[A-Za-z]{6,24}(?![A-Za-z])")
MAX_GLUED = 3
MIN_GLUED_PIECE = 3
MAX_TYPO_LENGTH = 24
_PARTICLES = frozenset("吗呢吧啊呀么嘛")
_FUNCTION_CHARS = frozenset("用是有要会能的了不没在和就都也还给把被让看管算计查")
"""Characters that make a phrase of their own where they stand ("不用追踪", "不看追踪" are
not typos of "不带追踪"): a key term with one of them in place of its own character is no
typo."""
"""Longer runs of letters are no word (a pasted code): not spell-checked."""


def normalize(text: str) -> str:
    """Full-width forms to ASCII (ＶＴＲ, ？) and case folded, so spelling habits do not matter."""
    return unicodedata.normalize("NFKC", text).casefold()


def stem(word: str) -> str:
    """Light English stemming (plural, -ing, -ed), enough to meet "shipped" with "shipping"."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if len(base) >= 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_NEGATIONS = frozenset("不没无非未别")
"""Characters that negate: a typo repair that put one in would flip what the seller said."""


def _typo_places(length: int) -> range:
    """Where a Chinese term may have its one wrong character: inside a three-character term
    only (取消了 is no typo of 取消率), anywhere in a longer one (购买配松)."""
    return range(1, length - 1) if length == MIN_HAN_TERM else range(length)


def _distance(a: str, b: str) -> int:
    """Edit distance with adjacent swaps counted as one edit (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    kind: TermKind


class Analyzer:
    """Everything the search needs to read text, built once from the lexicon and the entries."""

    def __init__(self, lexicon: Lexicon, corpus: Iterable[str]) -> None:
        self._concepts: dict[str, TermKind] = {
            **dict.fromkeys(lexicon.general, "general"),
            **dict.fromkeys(lexicon.synonyms, "concept"),
        }
        self._stop_words = frozenset(lexicon.stopwords.en)
        self._stop_chars = frozenset(w for w in lexicon.stopwords.zh if len(w) == 1)
        # Longer Chinese stopwords are filler phrases ("一般", "到底"): cut out whole, so a
        # long story's small talk does not match an entry that happens to share it.
        fillers = sorted((w for w in lexicon.stopwords.zh if len(w) > 1), key=len, reverse=True)
        self._filler_re = re.compile("|".join(map(re.escape, fillers))) if fillers else None
        phrases = {
            normalize(phrase): concept
            for table in (lexicon.general, lexicon.synonyms)
            for concept, variants in table.items()
            for phrase in [concept, *variants]
        }
        self._phrase_concept = phrases
        self._synonym_re = _phrase_pattern(phrases) if phrases else None
        # Chinese key terms of our field (有效追踪率, 追踪号, 亚马逊 …) by each character that
        # may be mistyped left out ("追*号"): a homophone typed for it (追中号, 亚吗逊) finds
        # its term; what the knowledge base itself writes is a word, not a typo.
        self._corpus_text = "\n".join(normalize(text) for text in corpus)
        self._han_typo_terms: dict[str, str] = {}
        core = set(lexicon.core)
        for concept in core:
            for phrase in [*lexicon.synonyms.get(concept, []), "亚马逊"]:
                if _HAN_ONLY.fullmatch(phrase) and MIN_HAN_TERM <= len(phrase) <= MAX_HAN_TERM:
                    for i in _typo_places(len(phrase)):
                        if phrase[i] in _NEGATIONS:
                            continue  # "可以算有效" is no typo of 不算有效: a 不 is never guessed
                        self._han_typo_terms.setdefault(f"{phrase[:i]}*{phrase[i + 1 :]}", phrase)
        # Typo repair targets: every English word the KB itself uses, indexed by its
        # one-letter deletions (SymSpell), so a lookup costs a few dict probes. Words of the
        # lexicon's phrases (valid, tracking, carrier …) are the key terms: preferred when a
        # typo is as close to one of them as to another word.
        key_terms = {w for p in phrases for w in _LATIN_WORD.findall(p)}
        vocabulary = {w for text in corpus for w in _LATIN_WORD.findall(normalize(text))}
        vocabulary |= key_terms
        # Words known but never a target: English's small words ("doesn", "isn") and the
        # lexicon's real words ("worst", "passes") are no typo, nor what one is repaired into.
        self._vocabulary = frozenset(vocabulary | self._stop_words | set(lexicon.words))
        self._key_terms = frozenset(key_terms)
        self._by_delete: dict[str, list[str]] = {}
        for word in sorted(vocabulary):
            if len(word) >= MIN_TYPO_LENGTH:
                for variant in _deletes(word) | {word}:
                    self._by_delete.setdefault(variant, []).append(word)

    def correct(self, word: str) -> str:
        """The KB word closest to an unknown English word (one edit, or two letters
        swapped: "trakcing"), key terms first; else the word unchanged.

        Changed first letters are left alone: typos rarely hit the first letter, while
        "iphone" -> "phone" or "york" -> "work" would invent a topic. Four-letter words
        are only un-swapped ("waht"), since "asap" -> "asia" is one edit too.
        """
        if not MIN_TYPO_LENGTH <= len(word) <= MAX_TYPO_LENGTH or word in self._vocabulary:
            return word
        candidates = {
            known
            for variant in (word, *_deletes(word))
            for known in self._by_delete.get(variant, ())
            if known[0] == word[0]
            and (len(word) >= SAFE_TYPO_LENGTH or sorted(known) == sorted(word))
        }
        # One edit (a swap counts as one); two only in long words, where a real word that
        # close by chance is rare ("worse" is not "whose").
        allowed = 1 if len(word) < LONG_WORD else 2
        close = [k for k in candidates if _distance(word, k) <= allowed]
        if any(_inflected(word, k) or _siblings(word, k) for k in close):
            # "manager", "managed": a known word inflected, no typo of it; "passes" beside a
            # known "passed": another inflection of one word.
            return word
        if not close:
            return word
        return min(close, key=lambda k: (k not in self._key_terms, _distance(word, k), k))

    def knows(self, word: str) -> bool:
        """The word is one the repair leaves as typed: the KB's, the lexicon's or a small word."""
        return word in self._vocabulary

    def unglue(self, text: str) -> str:
        """Words typed without spaces between them ("VTRtarget?whatwindow") apart again,
        when a run of letters is no word and no typo of one but splits into known words,
        one of them a key term of our field ("vtr target? what window")."""
        return _GLUED.sub(lambda m: self._split_glued(m.group()), text)

    def _split_glued(self, run: str) -> str:
        word = run.casefold()
        if word in self._vocabulary or self.correct(word) != word:
            return run
        pieces = self._segments(word, MAX_GLUED)
        if pieces is None or not _whole_words(pieces, self._key_terms):
            return run
        return " ".join(pieces)

    def _segments(self, word: str, most: int) -> list[str] | None:
        """`word` as at most `most` known words (three letters or more, or a small word
        like "is"), the fewest first; None when it is no such sequence."""
        if word in self._vocabulary and (len(word) >= MIN_GLUED_PIECE or word in self._stop_words):
            return [word]
        if most < 2:
            return None
        for cut in range(len(word) - 2, 1, -1):
            head = word[:cut]
            if head in self._vocabulary and (
                len(head) >= MIN_GLUED_PIECE or head in self._stop_words
            ):
                rest = self._segments(word[cut:], most - 1)
                if rest is not None:
                    return [head, *rest]
        return None

    def correct_han(self, text: str) -> str:
        """Chinese key terms typed with one inner character wrong (追综号 → 追踪号, 亚吗逊 →
        亚马逊), when what was typed is not a word the knowledge base uses itself."""
        if not self._han_typo_terms or not _HAN.search(text):
            return text
        for length in range(MAX_HAN_TERM, MIN_HAN_TERM - 1, -1):
            for start in range(len(text) - length + 1):
                window = text[start : start + length]
                for i in _typo_places(length):
                    term = self._han_typo_terms.get(f"{window[:i]}*{window[i + 1 :]}")
                    if term is None or term == window or not _HAN_ONLY.fullmatch(window):
                        continue
                    particle = i == length - 1 and window[i] in _PARTICLES  # "送达吗"
                    if particle or window[i] in _FUNCTION_CHARS or self._compound(window, term):
                        break  # "有效追踪号" is 有效 + 追踪号, no typo of 有效追踪率
                    if window not in self._corpus_text:  # a word the KB writes is no typo
                        text = text[:start] + term + text[start + length :]
                    break
        return text

    def _compound(self, window: str, term: str) -> bool:
        """The window holds a phrase of our lexicon that is not part of the term it looks
        like a typo of: it is made of other words, not mistyped."""
        pieces = (window[i:j] for i in range(len(window)) for j in range(i + 2, len(window) + 1))
        return any(p in self._phrase_concept and p not in term for p in pieces)

    def correct_words(self, text: str) -> str:
        """Every unknown English word of a normalised text corrected (`correct`), so the
        case reader and the entity finder read "vaild trackng rate" as the search does."""
        return _WHOLE_WORD.sub(lambda m: self.correct(m.group()), text)

    def terms(self, text: str, *, fix_typos: bool = False) -> list[Term]:
        """Search terms of a text, in order, duplicates kept (term frequency matters)."""
        text = normalize(text)
        if fix_typos:
            text = self.correct_words(text)
        if self._synonym_re is not None:
            text = self._synonym_re.sub(self._mark_concept, text)
        if self._filler_re is not None:
            text = self._filler_re.sub(" ", text)
        out: list[Term] = []
        for chunk in text.split(_CONCEPT_MARK):
            if chunk in self._concepts:
                out.append(Term(chunk, self._concepts[chunk]))
                continue
            for han, latin in _RUN.findall(chunk):
                if han:
                    out.extend(self._han_terms(han))
                elif latin.replace(".", "").replace("_", "").isdigit():
                    out.append(Term(latin, "number"))
                elif len(latin) > 1 and latin not in self._stop_words:
                    out.append(Term(stem(latin), "word"))
        return out

    def _mark_concept(self, match: re.Match[str]) -> str:
        return f"{_CONCEPT_MARK}{self._phrase_concept[match.group()]}{_CONCEPT_MARK}"

    def _han_terms(self, run: str) -> list[Term]:
        out = [Term(ch, "char") for ch in run if ch not in self._stop_chars]
        out.extend(
            Term(run[i : i + 2], "bigram")
            for i in range(len(run) - 1)
            if not (run[i] in self._stop_chars and run[i + 1] in self._stop_chars)
        )
        return out


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex matching the longest listed phrase, built as a trie.

    A flat alternation of ~600 phrases is tried phrase by phrase at every position and
    made loading the KB take 0.17 s; the trie fails on the first character instead.
    English phrases match whole words only ("de" must not fire inside "made").
    """
    tries: dict[bool, dict[str, Any]] = {True: {}, False: {}}
    for phrase in phrases:
        node = tries[_is_word_char(phrase[0])]
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any], last: str) -> str:
        # Longer continuations first, then the phrase ending here: longest match wins.
        options = [re.escape(ch) + build(child, ch) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            options.append("(?![a-z0-9])" if _is_word_char(last) else "")
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    parts = []
    if tries[True]:
        parts.append("(?<![a-z0-9])" + build(tries[True], ""))
    if tries[False]:
        parts.append(build(tries[False], ""))
    return re.compile("|".join(parts))


def _whole_words(pieces: list[str], key_terms: frozenset[str]) -> bool:
    """The pieces read as the words a seller glued together: one of them a key term of our
    field of three letters or more, and at most one small word among them. A real word the
    knowledge base never uses ("outdoor", "indoor") splits only into small words ("out do
    or", "in do or"), so it is left whole."""
    small = [p for p in pieces if len(p) < MIN_GLUED_PIECE]
    key = any(p in key_terms and len(p) >= MIN_GLUED_PIECE for p in pieces)
    return key and len(small) <= 1
