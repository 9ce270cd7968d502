"""The shape of a knowledge-base entry and of a search result.

Entries are written by people, not programs, so the schema is strict: a missing
language, an over-long answer or a bad id fails at load with the entry named,
instead of surfacing later as a half-English reply in a Chinese chat.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from annotated_types import MaxLen, MinLen

from bot.domain.languages import Lang

AnswerKind = Literal["answer", "unsure", "off_topic", "other_language"]
"""other_language: asked in a language the bot does not answer in (Japanese, Spanish …)."""

TELEGRAM_MAX_CHARS = 4096
"""Telegram rejects longer messages; the rendered reply adds a source line, so keep a margin."""

ANSWER_MAX_CHARS = TELEGRAM_MAX_CHARS - 200
TITLE_MAX_CHARS = 40
"""Titles become inline-keyboard buttons, which Telegram truncates on phones."""

ENTRY_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def _han_share(text: str) -> float:
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    return han / (han + latin) if han + latin else 0.0


class _Strict:
    """Entries are frozen dataclasses, validated by pydantic where they are read
    (loader.py, `TypeAdapter(Entry)`): unknown fields refused, text stripped. They are plain
    classes so that `vtrbot ask`, which gets them from its prepared file, never imports
    pydantic (its import and model classes were half of its start-up, docs/performance.md).
    Bounds are declared with `annotated_types` (pydantic reads them); what pydantic's
    validators checked is checked in `__post_init__`, which pydantic runs after the fields."""

    __pydantic_config__: ClassVar[dict[str, object]] = {
        "extra": "forbid",
        "str_strip_whitespace": True,
    }


@dataclass(frozen=True, kw_only=True)
class Phrasings(_Strict):
    """How sellers ask about the topic: several ways in each language, short forms included."""

    zh: Annotated[list[str], MinLen(2)]
    en: Annotated[list[str], MinLen(2)]

    def __post_init__(self) -> None:
        for lang, values in (("zh", self.zh), ("en", self.en)):
            if any(not v.strip() for v in values):
                raise ValueError(f"{lang}: a phrasing is empty")
        for v in self.zh:
            if not _HAN.search(v):
                raise ValueError(f"zh: Chinese phrasing has no Chinese characters: {v!r}")


@dataclass(frozen=True, kw_only=True)
class Texts(_Strict):
    """One text in each language; both are required, so no reply falls back to the wrong one."""

    zh: Annotated[str, MinLen(1)]
    en: Annotated[str, MinLen(1)]

    def __post_init__(self) -> None:
        # Catches the common slip of pasting the same text into both fields.
        if _han_share(self.zh) < 0.3:
            raise ValueError("the zh text is not written in Chinese")
        if _han_share(self.en) > 0.1:
            raise ValueError("the en text is not written in English")

    def for_lang(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, kw_only=True)
class Titles(Texts):
    zh: Annotated[str, MinLen(1), MaxLen(TITLE_MAX_CHARS)]
    en: Annotated[str, MinLen(1), MaxLen(TITLE_MAX_CHARS)]


@dataclass(frozen=True, kw_only=True)
class Answers(Texts):
    zh: Annotated[str, MinLen(1), MaxLen(ANSWER_MAX_CHARS)]
    en: Annotated[str, MinLen(1), MaxLen(ANSWER_MAX_CHARS)]


@dataclass(frozen=True, kw_only=True)
class Entry(_Strict):
    """One topic: the questions it answers, the answer in both languages, and where it comes from."""

    id: str
    tags: Annotated[list[str], MinLen(1)]
    titles: Titles
    questions: Phrasings
    answers: Answers
    source: Texts
    """Where a seller can read it, in their language (a Seller Central help page by name)."""
    reviewed: date
    related: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    """Concepts (synonyms.yaml keys) of which a question must name one for this entry to
    be its answer: an entry about FBA is no answer to a question that never says FBA."""
    excludes: list[str] = field(default_factory=list)
    """Concepts (synonyms.yaml keys) a question naming any of is not this entry's: "what is
    FBA" is FBA's meaning, "what does VTR mean for FBA sellers" is VTR's."""
    own_subject: list[str] = field(default_factory=list)
    """Concepts (synonyms.yaml keys) of this entry's own subject, the bot's (its files,
    alerts, commands): a question that names concepts of the field and none of these asks
    about something else, whatever small words it shares with the help text ("上传了错误的
    承运商还能改吗" is no question about changing the alert time). A question naming no
    concept at all is left to the search."""

    def __post_init__(self) -> None:
        if not re.fullmatch(ENTRY_ID, self.id):
            raise ValueError(f"id {self.id!r} should be lower-case words joined by hyphens")
        if self.id in self.related:
            raise ValueError("an entry cannot be related to itself")

    def answer_for(self, lang: Lang) -> str:
        return self.answers.for_lang(lang)

    def title_for(self, lang: Lang) -> str:
        return self.titles.for_lang(lang)


@dataclass(frozen=True, kw_only=True)
class Stopwords(_Strict):
    en: list[str] = field(default_factory=list)
    zh: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Lexicon(_Strict):
    """Search vocabulary kept as data: synonym groups and words that carry no meaning."""

    synonyms: dict[str, list[str]] = field(default_factory=dict)
    general: dict[str, list[str]] = field(default_factory=dict)
    stopwords: Stopwords = field(default_factory=Stopwords)
    vague: Stopwords = field(default_factory=Stopwords)
    """Words that refer to something without naming it ("again", "还是不行"): a message of only
    these names no topic of any field, so it is unclear, not off-topic."""
    social: Stopwords = field(default_factory=Stopwords)
    """Words that open a talk rather than say what it is about (greeting, calling someone by
    a name, asking if they are free, announcing a question): a message of only these and the
    vague words invites the question, with the topics to pick from."""
    typos: dict[str, str] = field(default_factory=dict)
    """Misspellings and homophones sellers type, with the word meant (追中 → 追踪)."""
    core: list[str] = field(default_factory=list)
    """Concepts only our field uses: a question naming one is never refused."""
    platforms: list[str] = field(default_factory=list)
    """Marketplaces that are not Amazon (Shopee, eBay, 虾皮 …): a question naming one is
    refused even in our words, since their rules are not Amazon's."""
    elsewhere: list[str] = field(default_factory=list)
    """Amazon's other programmes (eBay, FBA inbound, referral fees): a
    question naming one is refused even in our words, since eBay's "tracking rate" or an
    FBA warehouse's tracking is not Amazon's self-fulfilled VTR."""
    outside: list[str] = field(default_factory=list)
    """Phrases of neighbouring fields (FBA fees, other platforms): a question naming one
    and no core concept is refused, however many of our words it shares."""
    words: list[str] = field(default_factory=list)
    """Real English words sellers type (the claims' words, their inflections): known to the
    typo repair, so never "corrected" and never a word a typo is repaired into."""

    def __post_init__(self) -> None:
        # A concept becomes one search token, so it must look like one.
        for concept in [*self.synonyms, *self.general]:
            if not re.fullmatch(r"[a-z0-9]+", concept):
                raise ValueError(f"synonym key {concept!r} must be lower-case letters/digits")
        both = set(self.synonyms) & set(self.general)
        if both:
            raise ValueError(f"keys both in synonyms and general: {sorted(both)}")


Fact = str | int | float | bool

_LANGS = ("zh", "en")
_KINDS = ("answer", "unsure", "off_topic", "other_language")
MAX_SUGGESTIONS = 3


@dataclass(frozen=True, kw_only=True)
class Decision:
    """A rule applied to a seller's case (decide/): what it decided (`code`), the facts it
    used, the answer to the belief or yes/no question asked (`agrees`: True is "yes, right"),
    and the entry whose text follows.

    Decisions and answers are made by the code at every question, never read from a file,
    so nothing validates them but their own `__post_init__`, which checks what pydantic
    checked when they were models: the facts are copied, `agrees` is a bool or None."""

    code: str
    facts: dict[str, Fact] = field(default_factory=dict)
    agrees: bool | None = None
    verb: str | None = None
    """The verb of a Chinese yes/no question (算, 可以), to answer with."""
    belief: bool = False
    """The question tests a belief ("…对吗？", "right?"): confirmed or corrected first."""
    entry: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "facts", dict(self.facts))
        if self.agrees is not None:
            object.__setattr__(self, "agrees", bool(self.agrees))
        object.__setattr__(self, "belief", bool(self.belief))

    def model_copy(self, *, update: dict[str, Any]) -> Decision:
        """A copy with some fields changed (the name the call sites used when this was a
        pydantic model)."""
        return replace(self, **update)

    def topic(self) -> str:
        """The decision's code and facts as one text, to tell two decisions' subjects apart."""
        return json.dumps({"code": self.code, "facts": self.facts}, ensure_ascii=False)


@dataclass(frozen=True, kw_only=True)
class Answer:
    """What the search concluded: one entry, a short list to choose from, or "not my field".

    A plain class for the reason `Decision` is; its bounds (a language and kind it knows,
    a confidence from 0 to 1, at most three suggestions) are checked as it is made."""

    lang: Lang
    kind: AnswerKind
    matched: str | None = None
    lead: str | None = None
    """A direct answer composed from the registry, shown before the entry's text."""
    text: str | None = None
    """A whole answer composed from the registry (a carrier), instead of an entry."""
    source: str | None = None
    """The composed answer's source, in `lang`."""
    confidence: float
    suggestions: list[str] = field(default_factory=list)
    decision: Decision | None = None
    """The seller's case decided by the product's rules: worded first, before the entry."""
    parts: list[Answer] = field(default_factory=list)
    """Several questions in one message: each one's answer, in turn (this one is the first)."""
    opening: bool = False
    """Nothing asked yet (a greeting, a question to come): the shortlist invites the question
    rather than asking which topic was meant."""

    def __post_init__(self) -> None:
        if self.lang not in _LANGS or self.kind not in _KINDS:
            raise ValueError(f"unknown language or kind: {self.lang!r}, {self.kind!r}")
        confidence = float(self.confidence)
        if not 0.0 <= confidence <= 1.0:
            raise ValueError(f"confidence {confidence} is not between 0 and 1")
        if len(self.suggestions) > MAX_SUGGESTIONS:
            raise ValueError(f"more than {MAX_SUGGESTIONS} suggestions: {self.suggestions}")
        object.__setattr__(self, "confidence", confidence)
        object.__setattr__(self, "suggestions", list(self.suggestions))
        object.__setattr__(self, "parts", list(self.parts))
        object.__setattr__(self, "opening", bool(self.opening))

    def model_copy(self, *, update: dict[str, Any]) -> Answer:
        """A copy with some fields changed (the name the call sites used when this was a
        pydantic model); checked as a new one is."""
        return replace(self, **update)
