"""The knowledge base: load once, then answer questions without touching disk."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import ClassVar, TypeVar

from bot.domain.knowledge.cards import Cards
from bot.domain.knowledge.case import Case, CaseReader
from bot.domain.knowledge.compose import (
    FIGURE_CODES,
    SILENT_ENTRIES,
    VAGUE_TOPICS,
    Composer,
    Found,
    announced_subject,
)
from bot.domain.knowledge.entities import Entities, EntityFinder
from bot.domain.knowledge.figures import ROLE_WORDS
from bot.domain.knowledge.loader import load_cards, load_entries, load_lexicon
from bot.domain.knowledge.schema import Answer, Entry, Lexicon
from bot.domain.knowledge.search import Bm25Index
from bot.domain.knowledge.tags import without_tag
from bot.domain.knowledge.text import Analyzer, Term, TermKind, stem
from bot.domain.knowledge.understand import (
    asked_pieces,
    asks,
    detect_lang,
    fix_typos,
    main_question,
    normalize_question,
    other_language,
    spoken_alike,
    stated_figures,
)
from bot.domain.languages import Lang
from bot.domain.reference import carriers, category_aliases

# How much each part of an entry counts when matching: sellers' phrasings say most
# about what the entry answers, the long answer text least.
FIELD_WEIGHTS: dict[str, int] = {"questions": 3, "titles": 2, "tags": 2, "answers": 1}

# How much a question term of each kind says about what is asked. Concepts of our
# field weigh most; single Chinese characters and bare numbers least.
TERM_WEIGHTS: dict[TermKind, float] = {
    "concept": 2.0,
    "general": 1.0,
    "word": 1.0,
    "bigram": 1.0,
    "char": 0.5,
    "number": 0.5,
}
# An unknown bigram is often just two words run together ("到了"), so it counts less
# against a question's relevance than an unknown English word or character.
UNKNOWN_BIGRAM_FACTOR = 0.3

PHRASE_WEIGHT = 1.0
"""Weight of the best single phrasing's match against the whole entry's match. Sellers'
questions resemble one phrasing closely more often than they resemble the entry as a bag
of words; both scores are scaled to the query's best before they are added."""

FORM_CONCEPTS = frozenset(
    {"fee", "howlong", "where", "why", "whatis", "consequence", "howto", "when", "calculate",
     "improve", "window", "latency", "benefit", "maintain"}
)  # fmt: skip
"""Concepts that name the question's form rather than its subject; they count twice."""
BARE_FORMS = frozenset({"howto", "whatis", "why", "when", "where", "howlong"})
"""Forms that ask nothing of a subject unless one is named beside them ("what do i do",
"为什么"): alone, with words that only refer, the message names no topic."""

MAIN_EXTRA = 1
"""How many more times the asking sentences of a long message count than its story."""

_WORDS_OR_ASKED = re.compile(r"[a-z\u4e00-\u9fff]|^\W+$")
"""Words, or signs alone ("??", "🙏", "😭😭": something asked or felt, its subject unsaid); a
number alone ("123") is nothing to go by."""
_LATIN_WORD = re.compile(r"[a-z]+")
_BAR_FIGURE = re.compile(r"(?<![\d.])95(?![\d])")
_BARE_CHANGE = re.compile(
    r"^\W*(?:那|那么|现在|那现在|请问)?\s*(?:我)?(?:还|现在)?(?:能|可以|可不可以|能不能|来得及|来不来得及)?"
    r"(?:再)?(?:改|修改|更改|编辑|变更|改动|更正)(?:一下|过来)?(?:吗|么|嘛|不|得了吗|得了|得了不|不了|呢)?\W*$|"
    r"^\W*(?:so |ok |and )?(?:can|could|may) (?:i|we) (?:still |now |even )?(?:change|edit|modify|correct|fix|update|amend)"
    r"(?: (?:it|this|that|them))?(?: now| still| later| anymore| at all)?\W*$|"
    r"^\W*is it (?:too late|still possible) to (?:change|edit|modify|correct|fix|update)(?: (?:it|this|that))?\W*$"
)
"""A change asked with no object ("还能改吗", "can I still change it"): unclear what is to be
changed, so the topics of editing tracking (the field's thing that is changed) to pick from,
not an entry that shares the verb (the alerts' time)."""
_CHANGE_SHOWN = re.compile(
    r"(?:改|修改|更改|更正|编辑|补|换)[^，,。?？]{0,8}(?:多久|多长时间|几天|几个小时|什么时候|何时)"
    r"[^，,。?？]{0,8}(?:显示|生效|更新|看到|看得到|反映|体现)|"
    r"\b(?:chang|edit|fix|correct|updat)\w*\b[^.?!]{0,30}\b(?:how long|how soon|when)\b"
    r"[^.?!]{0,25}\b(?:show|take effect|appear|reflect|update)"
)
"""A change asked how soon it shows, the thing changed unsaid ("改了以后要等多久才显示",
"after I edit it, how long till it shows"): the topics of editing tracking (the first says
how long an edit takes to show), not a refusal for naming nothing of our field."""
EDIT_TOPICS = ("tracking-edit", "tracking-unconfirmed", "tracking-after-delivery")
STARTING_TOPICS = ("vtr-what", "vtr-below-95", "bot-upload-file")
"""Offered for a message too vague to rank anything: what VTR is, what to do about it,
and what the bot does with a file."""

ANSWER_AT = 0.1
"""Confidence from which the best entry is given as the answer."""
NAMED_HELD_FROM = 0.5
"""Confidence under which the best entry must speak of one of the things the question
names (its concepts: carrier, FBA, a window …) to be given as the answer: below it, an entry
matched only on characters and small words ("运费…跟承运商结" matched the EU letter rule on
运 and 费) is another topic, so the closest topics are offered instead."""
HELD_FORMS = frozenset({"fee"})
"""Forms whose answer is a fact of its own kind (what something costs): under
`NAMED_HELD_FROM`, an entry that says nothing of it answers another question ("is the
courier fee settled weekly?" is no question of picking a carrier)."""
VAGUE_BELOW = 1.0
"""Matched information under which a question is too vague to answer ("vtr", "跟踪号"):
the seller gets a short list to pick from instead."""
OFF_TOPIC_BELOW = 0.5
"""A question naming no concept of our field is off-topic when its evidence is below this."""
MARGIN_FULL = 0.2
"""A lead over the nearest unrelated entry of this share of the score counts as clear."""
INFO_FULL = 2.0
"""Matched information (idf-weighted) from which a question counts as specific. "VTR" or
"tracking" alone names a term most entries share: a list to pick from, not an answer."""


@dataclass(frozen=True, slots=True)
class Assessment:
    """The evidence behind a decision, kept apart so each part can be checked and tuned."""

    relevance: float
    """Share of the question the KB knows at all (0..1): low means another field."""
    anchored: bool
    """The question names a concept of our field (VTR, Buy Shipping, carrier …)."""
    match: float
    """idf-weighted share of the known question terms the best entry contains (0..1)."""
    information: float
    """Sum of the idf-weighted terms the best entry contains: how specific the match is."""
    margin: float
    """Lead of the best entry over the best entry not related to it, relative (0..1).
    A close related runner-up is no ambiguity: it is offered beside the answer."""
    names_held: bool = True
    """The best entry speaks of one of the concepts the question names (true when it names
    none), and of the fee when one is asked (`HELD_FORMS`)."""

    @property
    def evidence(self) -> float:
        # Relevance counts twice: one unknown content word usually names the real subject
        # ("how much does a Tesla cost", "iPhone 多少钱"), however well the rest matches.
        return self.relevance**2 * self.match

    @property
    def confidence(self) -> float:
        clarity = 0.5 + 0.5 * min(1.0, self.margin / MARGIN_FULL)
        specificity = min(1.0, self.information / INFO_FULL)
        return round(self.evidence * clarity * specificity, 4)

    @property
    def off_topic(self) -> bool:
        return not self.anchored and self.evidence < OFF_TOPIC_BELOW

    @property
    def firm(self) -> bool:
        """Enough to give the best entry as the answer, not topics to pick from."""
        if self.confidence < ANSWER_AT or self.information < VAGUE_BELOW:
            return False
        return self.names_held or self.confidence >= NAMED_HELD_FROM


class KnowledgeBase:
    """Curated entries plus the index that finds the right one for a seller's question."""

    MAX_SUGGESTIONS: ClassVar[int] = 3

    def __init__(
        self,
        entries: dict[str, Entry],
        analyzer: Analyzer,
        lexicon: Lexicon | None = None,
        cards: Cards | None = None,
    ) -> None:
        self.entries = entries
        self._lexicon = lexicon or Lexicon()
        self._finder = EntityFinder()
        self._cases = CaseReader(self._lexicon)
        self._normal_texts: dict[str, str] = {}
        self._read_questions: dict[str, tuple[str, Entities, Case]] = {}
        self._composer = Composer(entries, cards, self._lexicon, self._finder) if cards else None
        self._ids = list(entries)
        self._analyzer = analyzer
        vague, social = self._lexicon.vague, self._lexicon.social
        self._vague_words = _with_stems(vague.en + social.en)
        self._social_words = _with_stems(social.en)
        self._vague_phrases = _any_of(vague.zh + social.zh)
        self._social_phrases = _any_of(social.zh)
        self._index = Bm25Index([self._document(entries[i]) for i in self._ids])
        self._requires = [frozenset(entries[i].requires) for i in self._ids]
        self._own_subjects = [frozenset(entries[i].own_subject) for i in self._ids]
        self._excludes = [frozenset(entries[i].excludes) for i in self._ids]
        self._field_concepts = frozenset(self._lexicon.synonyms)
        phrasings = [
            (position, text)
            for position, entry_id in enumerate(self._ids)
            for text in _phrasings(entries[entry_id])
        ]
        self._phrase_owner = [position for position, _ in phrasings]
        self._phrase_index = Bm25Index(
            [Counter(t.text for t in analyzer.terms(text)) for _, text in phrasings]
        )

    @classmethod
    def load(cls, directory: Path | str | None = None) -> KnowledgeBase:
        """Read and validate `knowledge/` (or `directory`); raises KnowledgeError if invalid."""
        if directory is None:
            from bot.paths import knowledge_dir

            directory = knowledge_dir()
        directory = Path(directory)
        lexicon = load_lexicon(directory)
        entries = load_entries(directory, frozenset(lexicon.synonyms) | frozenset(lexicon.general))
        cards = load_cards(directory)
        corpus = [text for entry in entries.values() for text in _texts(entry)] + [ROLE_WORDS]
        # Known words: not unglued, not "corrected".
        corpus += [" ".join(lexicon.vague.en + lexicon.social.en)]
        # Carriers' names as sellers type them ("La Poste" is no typo of "post").
        corpus += [" ".join([c.name, *c.aliases]) for c in carriers()]
        return cls(entries, Analyzer(lexicon, corpus), lexicon, cards)

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
        """The answer to a seller's question, in the language the question is asked in;
        several questions in one message are answered in turn (`Answer.parts`)."""
        if other_language(question):
            # Answered honestly in a line, not with a guess at the entry its terms hit.
            return Answer(lang="en", kind="other_language", confidence=0.0)
        reply_lang = detect_lang(question, lang)
        question = self._analyzer.unglue(question)
        whole = self._answer_one(question, reply_lang)
        return self._half_found_wrong(whole, question, reply_lang) or self._in_parts(
            whole, question, reply_lang
        )

    def _in_parts(self, whole: Answer, question: str, reply_lang: Lang) -> Answer:
        """The message's questions answered in turn, or whole when it holds one."""
        # Split where the typos are mended: the 吗 of "亚吗逊" (Amazon) asks nothing.
        parts = asked_pieces(fix_typos(question, self._lexicon.typos), self._names_a_concept)
        if self._whole_only(whole, parts):
            return whole
        pieces = [f for p in parts for f in self._facets(p, reply_lang)]
        if len(pieces) < 2:
            # "200个里190个有效，达标吗，其他类目会被限制吗": figures told, then two short
            # questions between commas; a belief of the claims table among them is answered.
            clauses = [c.strip() for c in _CLAUSE_END.split(question) if c.strip()]
            asking = [c for c in clauses if asks(c)]
            if asking and len(clauses) > 1 and whole.decision is not None:
                return self._with_claims_beside(whole, asking, reply_lang)
            return whole
        if _decided_as_one(whole, question):
            return self._with_claims_beside(whole, pieces, reply_lang)
        answers: list[Answer] = []
        subject = " ".join(self._subject(pieces[0])[:1])
        if not subject and (whole.matched or "").startswith("vtr"):
            # "Is 96% ok and what is the window": the first part was read as VTR's.
            subject = self._lexicon.synonyms.get("vtr", [""])[0]
        heading = self._heading(pieces[0])
        for number, piece in enumerate(pieces):
            # "要额外付费吗？" after a question about Buy Shipping is about Buy Shipping; "by
            # when must I do it?" after "how do I fix a wrong tracking number" is about what
            # the first asked (the pronoun stands for it), else only its subject.
            # "…will my VTR go up, and by when?": a part that only asks when points back too.
            pronoun = _PRONOUN.search(piece) or (number and _asks_only_when(pieces[0], piece))
            carried = number and (not self._subject(piece) or pronoun)
            context = _told(pieces[0]) if pronoun else subject
            again = self._asked_again(pieces[0], piece) if number else None
            asked = again or (f"{context}. {piece}" if carried else piece)
            if number and heading and heading.casefold() not in asked.casefold():
                asked = f"{heading}: {asked}"  # "A-to-z: what happens …, and how …": every part's
            one = self._answer_one(asked, reply_lang)
            if carried and pronoun and answers and _back_on_the_first(one, answers[0]):
                # "…free, plus can I use it for Japan?": "it" was the subject, not what the
                # first asked; taken only when it stays near the first answer's topic.
                retry = self._answer_one(f"{subject}. {piece}", reply_lang)
                kin = self._near(retry, answers[0]) or _same_family(retry, answers[0])
                one = retry if kin else one
            if one.kind == "answer" and all(_new_topic(one, a) for a in answers):
                answers.append(one)
        kept = _decided_in_place(answers)
        if len(kept) < len(answers) == 2:
            return kept[0]
        answers = kept
        if len(answers) < 2:
            return whole
        return answers[0].model_copy(update={"parts": answers[1 : 1 + MAX_PARTS]})

    def _half_found_wrong(self, whole: Answer, question: str, reply_lang: Lang) -> Answer | None:
        """ "Buy Shipping is free and works for Australia, right?", "FBA doesn't count and
        exactly 95% is fine, right?": two beliefs joined by "and" / "而且", one right and one
        wrong on its own, get both verdicts, the wrong half leading, whatever the whole was
        found (right on its fee, or wrong with the right half's words)."""
        decision = whole.decision
        if decision is None or not decision.belief or decision.agrees is None:
            return None
        halves = [self._answer_one(half, reply_lang) for half in self._belief_halves(question)]
        verdicts = [h.decision.agrees if h.decision and h.decision.belief else None for h in halves]
        if sorted(verdicts, key=str) != [False, True] or not _new_topic(*halves):
            return None  # not one right half and one wrong one, each on its own topic
        wrong, right = halves if verdicts[0] is False else halves[::-1]
        return wrong.model_copy(update={"parts": [right]})

    def _belief_halves(self, question: str) -> list[str]:
        """The two beliefs of "X and Y, right?", each with the tag, the second with the
        first's subject when it names none ("… and works for Australia")."""
        tag = _BELIEF_TAG.search(question)
        join = _JOINED.search(question[: tag.start()]) if tag else None
        if tag is None or join is None or _ITS_SHIPPING.match(question, join.end()):
            return []
        first, second = question[: join.start()], question[join.end() : tag.start()]
        subject = self._subject(first)[:1]
        if not self._subject(second) and subject:
            second = f"{subject[0]} {second}"
        return [f"{first}{tag.group()}", f"{second}{tag.group()}"]

    def _heading(self, first: str) -> str | None:
        """A topic the message opens with, before a colon ("A-to-z: …", "购买配送：…"), when
        it names a concept of our field: the subject of every question after it."""
        match = _HEADING.match(first)
        if match is None or not self._subject(match.group(1)):
            return None
        return match.group(1).strip()

    def _whole_only(self, whole: Answer, parts: list[str]) -> bool:
        """The message answered whole, not in parts: another field's question none of whose
        parts names ours ("amazon's fulfillment fee for a 6 oz item these days": "these
        days" is no VTR window asked), or one question the sources are silent on ("new
        account, 10 days shipped, how is VTR calculated": that entry answers the window and
        the formula it names, as one)."""
        if whole.kind == "off_topic" and not any(self._subject(p) for p in parts):
            return True
        return len(parts) < 2 and whole.matched in SILENT_ENTRIES

    def _asked_again_of(self, first: str, piece: str) -> str | None:
        """ "what about cancelled ones?", "取消的订单呢？": the first question asked again of
        another thing, which takes the place of the first one's own subject (FBA), not of
        the metric it is asked of (VTR)."""
        other = _WHAT_ABOUT.match(piece.strip())
        if other is None or _FIGURE.search(first) or _FIGURE.search(piece):
            return None  # "letters under 20 euro? what about japan under 1000 yen?": its own
        thing = (other.group(1) or other.group(2) or "").strip()
        text = self._normalized(first)
        for _, concept in self._cases.concepts(text):
            if concept in _ASKED_OF:
                continue
            spellings = [concept, *self._lexicon.synonyms.get(concept, [])]
            said = next((w for w in sorted(spellings, key=len, reverse=True) if w in text), None)
            if said and thing:
                return text.replace(said, thing, 1)
        return None

    def _asked_again(self, first: str, piece: str) -> str | None:
        """The first question asked again of another thing ("do FBA orders count? and what
        about cancelled ones?") or with another figure ("日本站800日元免追踪吗？那1500日元呢？")."""
        again = self._asked_again_of(first, piece)
        if again is not None:
            return again
        with_figure = _asked_again_with(first, piece)
        if with_figure is not None and self._same_setting(first, with_figure[0]):
            return with_figure[1]
        return _asked_again_as(first, piece)

    def _same_setting(self, first: str, own: str) -> bool:
        """A follow-up's figure changes only the figure when it names no other marketplace,
        currency or metric ("…letters under 20 euro in Germany? and Japan under 1000 yen?"
        asks another rule)."""
        before, after = self.case(first), self.case(own)
        places = {m.code for m in after.markets} <= {m.code for m in before.markets}
        money = after.currency in (None, before.currency)
        return places and money and set(after.metrics) <= set(before.metrics)

    def _with_claims_beside(self, whole: Answer, pieces: list[str], reply_lang: Lang) -> Answer:
        """ "Garden 56/60 valid. what's the VTR, how many to fix, and will it hit my FBA?": the
        figures are one case, answered whole; a part asking a belief of the claims table about
        something else (FBA) is answered after them, on its own words, not dropped."""
        if whole.decision is None or not whole.decision.facts.get("shipments"):
            return whole
        story = _story(pieces)
        beside: list[Answer] = []
        for piece in pieces:
            asked = piece[len(story) :].strip() or piece
            one = self._answer_one(asked, reply_lang)
            if one.decision is None and not self._subject(asked) and whole.matched:
                # "…am I ok and will other categories get restricted": the part's subject
                # is the figures' metric, which it does not name again.
                subject = self._lexicon.synonyms.get(whole.matched.split("-")[0], [""])[0]
                one = self._answer_one(f"{subject}. {asked}", reply_lang) if subject else one
            claimed = one.decision is not None and one.decision.code == "claim"
            if claimed and all(_new_topic(one, a) for a in [whole, *beside]):
                beside.append(one)
        return whole.model_copy(update={"parts": beside[:MAX_PARTS]}) if beside else whole

    def _normalized(self, text: str) -> str:
        """`normalize_question`, remembered for the last few texts: a message is read again
        for its parts, facets and subject."""
        return _remembered(self._normal_texts, text, lambda: self._normalize(text))

    def _normalize(self, text: str) -> str:
        normal = normalize_question(text, self._lexicon.typos)
        normal = spoken_alike(self._analyzer.correct_words(normal))
        return self._analyzer.correct_han(normal)

    def _facets(self, piece: str, lang: Lang) -> list[str]:
        """ "What's the VTR target and the time window?": one question per facet asked of
        one subject, so each gets its own answer."""
        text = self._normalized(piece)
        named = list(dict.fromkeys(c for _, c in self._cases.concepts(text)))
        facets = [c for c in named if c in FACETS]
        subject = self._subject(piece)[:1]
        if not subject and all(c in FACETS or c in FORM_CONCEPTS for c in named):
            # "whats the target and whats the window": facets asked of nothing named at
            # all (not "FBA storage fees") are asked of this bot's own subject, VTR.
            subject = self._lexicon.synonyms.get("vtr", [])[:1]
        if len(facets) < 2 or not subject or not _owner_named(named, facets):
            return [piece]
        return [f"{subject[0]} {FACETS[facet][lang == 'en']}" for facet in facets]

    def _near(self, one: Answer, first: Answer) -> bool:
        """One answer is on a topic next to the first's (one of its related entries)."""
        if one.kind != "answer" or one.matched is None or first.matched is None:
            return False
        return one.matched in self.entries[first.matched].related or self._related(
            one.matched, first.matched
        )

    def _names_a_concept(self, text: str) -> bool:
        """The text names something of our field or a thing it is asked about (VTR, FBA,
        feedback, a marketplace …), not only a form ("有固定时间吗")."""
        return any(
            c in self._lexicon.synonyms for _, c in self._cases.concepts(self._normalized(text))
        )

    def _subject(self, question: str) -> list[str]:
        """The phrases naming our field's concepts in a question ("购买配送", "VTR")."""
        text = self._normalized(question)
        core = set(self._lexicon.core)
        concepts = dict.fromkeys(c for _, c in self._cases.concepts(text) if c in core)
        return [self._lexicon.synonyms[c][0] for c in concepts if self._lexicon.synonyms.get(c)]

    def case(self, question: str) -> Case:
        """The facts a question states (for the services: a question about the chat's data)."""
        return self._read(question)[2]

    def _read(self, question: str) -> tuple[str, Entities, Case]:
        """A question normalised, its entities and its case, remembered for the last few
        questions: a chat asks `case` to see whether a question is about its data, then
        `answer` reads the same question again (both are frozen, so sharing them is safe)."""
        return _remembered(self._read_questions, question, lambda: self._read_afresh(question))

    def _read_afresh(self, question: str) -> tuple[str, Entities, Case]:
        text = self._normalized(question)
        entities = self._finder.find(question, text)
        return text, entities, self._cases.read(text, entities, question)

    def _answer_one(self, question: str, reply_lang: Lang) -> Answer:
        text = self._normalized(question)
        subject = announced_subject(text)
        if subject is not None:
            return self._topics_about(subject, reply_lang)
        found = self._search(text, reply_lang)
        if self._composer is None:
            return found.answer
        _, entities, case = self._read(question)
        return self._composer.compose(question, text, found, entities, case)

    def _topics_about(self, subject: str, reply_lang: Lang) -> Answer:
        """ "question about my shipments", "追踪号的事": nothing asked yet, so the topics
        closest to the subject named to pick from (the main ones when it names none)."""
        found = self._search(subject, reply_lang)
        composer = self._composer
        if composer is not None and composer.another_field(subject, found):
            return Answer(lang=reply_lang, kind="off_topic", confidence=0.0)
        off_vtr = "vtr" in found.concepts and not (found.best or "").startswith("vtr")
        if found.best is None or not found.concepts & set(self._lexicon.synonyms) or off_vtr:
            topics = list(VAGUE_TOPICS)  # VTR named, the words pulling elsewhere: VTR's own
        else:
            topics = [found.best, *self.entries[found.best].related][: self.MAX_SUGGESTIONS]
        return Answer(
            lang=reply_lang, kind="unsure", confidence=0.0, suggestions=topics, opening=True
        )

    def _search(self, text: str, reply_lang: Lang) -> Found:
        terms = {t.text: t for t in self._analyzer.terms(without_tag(text), fix_typos=True)}
        if _vtr_unnamed(text, terms):
            terms["vtr"] = Term("vtr", "concept")
        self._category_named(text, terms)
        self._read_figures(text, terms)
        query = [t for t in terms.values() if t.kind != "number" or t.text in self._index]
        concepts = frozenset(t.text for t in query if t.kind in ("concept", "general"))
        # The sentences that ask count twice: the story around them is context.
        main = main_question(text)
        asked = [t.text for t in self._analyzer.terms(main, fix_typos=True)] if main else []
        # The question's form (how much, how long, where, why …) says what is asked.
        forms = [t.text for t in query if t.text in FORM_CONCEPTS]
        asked = [a for a in asked if a in terms]
        scores = self._scores([t.text for t in query] + asked * MAIN_EXTRA + forms)
        ranked = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
        unnamed = not concepts & frozenset(self._lexicon.core)
        if _BARE_CHANGE.search(text) or (unnamed and _CHANGE_SHOWN.search(text)):
            topics = [e for e in EDIT_TOPICS if e in self.entries]
            unclear = Answer(lang=reply_lang, kind="unsure", confidence=0.0, suggestions=topics)
            return Found(unclear, None, concepts)
        if (not query or self._names_nothing(text)) and _WORDS_OR_ASKED.search(text):
            # Nothing but small words ("what does this mean?", "可以吗"), words that refer
            # without naming ("thoughts?", "还是不行啊") or a bare "??": too vague to know the
            # topic, not another field's; the main topics to pick from.
            topics = [e for e in STARTING_TOPICS if e in self.entries]
            vague = Answer(
                lang=reply_lang,
                kind="unsure",
                confidence=0.0,
                suggestions=topics,
                opening=self._opens_a_talk(text),
            )
            return Found(vague, None, concepts)
        if not query or scores[ranked[0]] <= 0:
            off = Answer(lang=reply_lang, kind="off_topic", confidence=0.0)
            return Found(off, None, concepts)
        assessment = self._assess(query, scores, ranked)
        confidence = assessment.confidence
        best = self.entries[self._ids[ranked[0]]]
        top = [self._ids[i] for i in ranked[: self.MAX_SUGGESTIONS] if scores[i] > 0]
        if assessment.off_topic:
            answer = Answer(lang=reply_lang, kind="off_topic", confidence=confidence)
        elif assessment.firm:
            answer = Answer(
                lang=reply_lang,
                kind="answer",
                matched=best.id,
                confidence=confidence,
                suggestions=best.related[: self.MAX_SUGGESTIONS],
            )
        else:
            answer = Answer(lang=reply_lang, kind="unsure", confidence=confidence, suggestions=top)
        return Found(answer, best.id, concepts, assessment.information)

    def _category_named(self, text: str, terms: dict[str, Term]) -> None:
        """A product category named by its name alone to be mended ("how do I fix outdoor
        items", "玩具怎么改善"), nothing of our field beside it: the category's VTR is asked
        about (this bot's one rate per category), not another field's thing."""
        if terms.keys() & self._field_concepts - {"category"} or not _MENDING.search(text):
            return
        named = [
            m.group()
            for m in _category_names().finditer(text)
            if not _ONE_THING.search(text, 0, m.start())  # "fix a broken toy": one product
        ]
        if not named:
            return
        for name in named:
            for term in self._analyzer.terms(name):
                terms.pop(term.text, None)
        terms["category"] = Term("category", "concept")
        terms["vtr"] = Term("vtr", "concept")

    def _opens_a_talk(self, text: str) -> bool:
        """A message naming nothing that greets, calls someone by a name, asks whether they
        are free or announces a question ("hey! you around?", "老师，方便吗"): greeted back."""
        if self._social_phrases is not None and self._social_phrases.search(text):
            return True
        words = _LATIN_WORD.findall(text)
        return any(w in self._social_words or stem(w) in self._social_words for w in words)

    def _names_nothing(self, text: str) -> bool:
        """Every word of the text only refers ("it happened again", "我这情况正常不", "and the
        other thing?", "上次说的那个呢") or asks a bare form ("ok so now what do i do"): no
        metric, number, carrier, marketplace or rule of any field is named."""
        rest = self._vague_phrases.sub(" ", without_tag(text)) if self._vague_phrases else text
        terms = self._analyzer.terms(rest, fix_typos=True)
        return all(
            (t.kind == "word" and t.text in self._vague_words)
            or (t.kind == "general" and t.text in BARE_FORMS)
            for t in terms
        )

    @staticmethod
    def _read_figures(text: str, terms: dict[str, Term]) -> None:
        """A seller's own VTR figure is not a fact to look up: "VTR 90%" is not On-Time
        Delivery's 90% target. Under the bar it says the VTR is low; over it, it asks
        whether that is enough (unless the question already says which)."""
        figures = stated_figures(text)
        if "vtr" not in terms or not figures:
            return
        for figure in figures:
            terms.pop(f"{figure:g}", None)
        if "threshold" not in terms and "drop" not in terms:
            concept = "drop" if min(figures) < 95 else "threshold"
            terms[concept] = Term(concept, "general")

    def _related(self, a: str, b: str) -> bool:
        return b in self.entries[a].related or a in self.entries[b].related

    def _scores(self, terms: list[str]) -> list[float]:
        entry_scores = self._index.scores(terms)
        phrase_scores = [0.0] * len(entry_scores)
        for phrase, score in enumerate(self._phrase_index.scores(terms)):
            owner = self._phrase_owner[phrase]
            phrase_scores[owner] = max(phrase_scores[owner], score)
        asked = set(terms)
        named = asked & self._field_concepts
        gates = zip(self._requires, self._own_subjects, self._excludes, strict=True)
        for position, (required, own, excluded) in enumerate(gates):
            if (
                (required and not required & asked)
                or (own and named and not own & asked)
                or excluded & asked
            ):
                entry_scores[position] = phrase_scores[position] = 0.0
        top_entry = max(entry_scores, default=0.0) or 1.0
        top_phrase = max(phrase_scores, default=0.0) or 1.0
        return [
            e / top_entry + PHRASE_WEIGHT * p / top_phrase
            for e, p in zip(entry_scores, phrase_scores, strict=True)
        ]

    def _assess(self, query: list[Term], scores: list[float], ranked: list[int]) -> Assessment:
        index = self._index
        best_terms = index.doc_terms[ranked[0]]
        known = unknown = explained = informative = 0.0
        for term in query:
            weight = TERM_WEIGHTS[term.kind]
            if term.text in index:
                known += weight
                informative += weight * index.idf[term.text]
                if term.text in best_terms:
                    explained += weight * index.idf[term.text]
            elif term.text not in self._vague_words:
                # A word that only refers ("hmm", "thoughts") names no other field's subject.
                unknown += weight * (UNKNOWN_BIGRAM_FACTOR if term.kind == "bigram" else 1.0)
        best_id = self._ids[ranked[0]]
        best = scores[ranked[0]]
        rival = next(
            (scores[i] for i in ranked[1:] if not self._related(best_id, self._ids[i])), 0.0
        )
        named = [t.text for t in query if t.kind in ("concept", "general")]
        return Assessment(
            relevance=known / (known + unknown) if known else 0.0,
            anchored=any(t.kind == "concept" for t in query),
            match=explained / informative if informative else 0.0,
            information=explained,
            margin=(best - rival) / best,
            names_held=(not named or any(n in best_terms for n in named))
            and all(n in best_terms for n in named if n in HELD_FORMS),
        )


OTHER_METRICS = frozenset({"lsr", "odr", "otdr", "cancelrate"})
_FORMAT_WORDS = re.compile(r"格式|几位|开头|结尾|format|digits|starts? with|ends? (?:with|in)")


_WHOLE_SHOP_RATE = re.compile(
    r"(?:整体|总体|全店|整个店|整店|店铺整体|overall|whole (?:shop|store|account)|"
    r"[\u4e00-\u9fff]类|类目|品类|分类|\bcategory\b)"
    r"[^。.!?？\d]{0,12}\d{2,3}(?:\.\d+)?\s?%|\d{2,3}(?:\.\d+)?\s?%\s?(?:overall|整体)"
)
"""A rate told of the whole shop or of a category with no metric named ("我整体95%是不是就
没事", "家居类95%，不要紧吧", "my overall is 95%"): VTR's, the rate this bot judges."""


def _vtr_unnamed(text: str, terms: dict[str, Term]) -> bool:
    """VTR meant but not named, no other metric named either: its bar ("the bar … above
    95", "the 95% rule") or the whole shop's rate ("我整体95%"), this bot's own subject."""
    if "vtr" in terms or terms.keys() & OTHER_METRICS:
        return False
    return _vtr_s_bar(text, terms) or bool(_WHOLE_SHOP_RATE.search(text))


def _vtr_s_bar(text: str, terms: dict[str, Term]) -> bool:
    """A bar named with no metric is VTR's: "the 95% rule", "a category under the bar",
    "追踪号的要求是多少" (not the number's format)."""
    if not terms.keys() & {"threshold", "policy"}:
        return False
    if _BAR_FIGURE.search(text):
        return True
    named = "threshold" in terms and bool(terms.keys() & {"category", "trackingid"})
    return named and not _FORMAT_WORDS.search(text)


_QUESTION_WORDS = re.compile(
    r"[?？]|\b(?:how|what|which|when|where|why|do|does|did|can|could|is|are|should|will|i|it)\b|"
    r"吗|呢|怎么|如何|什么|哪里|哪|多少|为什么|是否|能否|可以|会不会|要不要|有没有"
)


_SENTENCE = re.compile(r"[。！!；;]|\.\s")


def _told(piece: str) -> str:
    """What a question asked, without its question words or the story before it: the
    context of a following question that says "it" ("by when must I do it?")."""
    last = [s for s in _SENTENCE.split(piece) if s.strip()][-1:] or [piece]
    return " ".join(_QUESTION_WORDS.sub(" ", last[0].casefold()).split())


_WHAT_ABOUT = re.compile(
    r"^(?:and |but |so )?(?:what|how) about (?:the )?(.{2,40}?)\s*[?？]?$|^(?:那|那么)?(.{2,20}?)呢\s*[?？]?$",
    re.IGNORECASE,
)
"""A question asked again of another thing ("and what about cancelled ones?", "取消的订单呢")."""
_FIGURE = re.compile(r"\d")
"""An amount or a figure in either question: each is its own case, asked as written."""
_ASKED_OF = frozenset({"vtr", "lsr", "odr", "otdr", "cancelrate", "metric", "whatis", "howto"})
"""What the first question is asked of or how, kept when another thing is asked about."""
_PRONOUN = re.compile(r"它|这个|类似|结果|\bit\b|\bthis\b|\bthat\b|\bsimilar\b", re.IGNORECASE)
"""Words that point back at what the first question asked ("does the US have something
similar?", "美国有类似的吗": the rule the first one told)."""
_WHEN_TAIL = re.compile(
    r"(?:\band |\bso |\bthen |那么?|大概|大约)?(?:by when|\bwhen|how soon|how long|(?:要|得|需要)?多久"
    r"|多长时间|什么时候|啥时候|几天|何时)(?: then| exactly)?(?:能|会|可以)?(?:呢|啊|吧)?\W*$",
    re.IGNORECASE,
)


def _asks_only_when(first: str, piece: str) -> bool:
    """A part that only asks when ("…, and by when?", "要多久？"), after the story the first
    part told (the splitter gives it the first's condition: "if I start today … by when?"):
    it asks when of what the first part asked, as a pronoun would."""
    tail = _WHEN_TAIL.search(piece)
    return tail is not None and first.strip().startswith(piece[: tail.start()].strip())


FACETS: dict[str, tuple[str, str]] = {
    "threshold": ("要求多少", "target"),
    "window": ("统计多少天", "time window"),
    "where": ("在哪里看", "where to see it"),
    "calculate": ("怎么算", "how is it calculated"),
    "fee": ("收费吗", "fee"),
    # "does Buy Shipping protect me on A-to-z claims and negative feedback?": two protections.
    "atoz": ("A-to-z 索赔", "A-to-z claims"),
    "feedback": ("差评", "negative feedback"),
}
"""Facets of a subject a question may ask together, as a question of their own (zh, en)."""
_BELIEF_TAG = re.compile(
    r"[,，]?\s*(?:right|correct|true|yes|yeah|isn't it|no|对吧|对吗|是吧|是吗|没错吧|对不对|吧)\s*[?？]*\s*$",
    re.IGNORECASE,
)
_JOINED = re.compile(
    r"\s+and\s+(?:also\s+)?|[,，]?\s*(?:而且|并且)|[，,]\s*(?:还|也)(?=[能可会要算])"
)
"""Two beliefs joined ("free and works for Australia", "免费，而且日本站也能用")."""
_ITS_SHIPPING = re.compile(
    r"\s*(?:[€$£¥￥]\s?)?(?:\d+(?:\.\d+)?\s?(?:eur|euros?|€|jpy|yen|円|usd|\$|£|gbp)?\s*)?"
    r"(?:for |in |of )?(?:shipping|postage|运费|邮费)",
    re.IGNORECASE,
)
"""An item's price "and 4 euro shipping": one order's amount in parts, not a second belief."""
_HEADING = re.compile(r"^\s*([^:：?？,，。.!！]{1,24})[:：]\s*\S")
_THINGS_PROTECTED = frozenset({"atoz", "feedback"})
NORMAL_CACHE = 64
_V = TypeVar("_V")


def _remembered(cache: dict[str, _V], key: str, make: Callable[[], _V]) -> _V:
    """`cache[key]`, made on a miss; the cache is emptied when it holds NORMAL_CACHE keys
    (a message's parts are read together, so the last few are all worth keeping)."""
    value = cache.get(key)
    if value is None:
        if len(cache) >= NORMAL_CACHE:
            cache.clear()
        value = cache[key] = make()
    return value


MAX_PARTS = 3
"""Further questions answered after the first: four in all (a message of four short
questions is common), more would bury each answer."""


_FIGURE_FOLLOW_UP = re.compile(
    r"\b(?:what|how) about\b|^(?:and |but )?(?:for|at|with|if (?:it'?s|it is|i'?m))\b|"
    r"^(?:那|如果是?|要是|换成)|呢\W*$|"
    # "and $5?", "or 95.00?": a figure alone, with its unit at most.
    r"^(?:and|or|but)?\s*[$€£¥]?\s?\d[\d.,]*\s?(?:%|[a-z]{1,6}|[\u4e00-\u9fff]{1,3})?\W*$",
    re.IGNORECASE,
)
"""A part that only asks the part before again with another figure ("what about 6 USD?",
"那1500日元呢？", "and at 95.1?")."""
_ONE_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_WORD = re.compile(r"[a-z]+|[\u4e00-\u9fff]", re.IGNORECASE)
MAX_FOLLOW_UP_WORDS = 8


def _asked_again_with(first: str, piece: str) -> tuple[str, str] | None:
    """The follow-up's own words and the first part asked again with the figure they give,
    when the first holds one figure (in its story or its question) and the follow-up one of
    its own; None for any other part."""
    pairs = enumerate(zip(first, piece, strict=False))
    shared = next((i for i, (a, b) in pairs if a != b), min(len(first), len(piece)))
    own = piece[shared:]
    new = _ONE_FIGURE.findall(own)
    old = list(_ONE_FIGURE.finditer(first))  # the story's own figure is the one to change
    if len(new) != 1 or len(old) != 1 or not _FIGURE_FOLLOW_UP.search(own.strip()):
        return None
    if len(_WORD.findall(own)) > MAX_FOLLOW_UP_WORDS:
        return None  # a question of its own that happens to hold a figure
    at = old[0]
    return own, f"{first[: at.start()]}{new[0]}{first[at.end() :]}"


def _asked_again_as(first: str, piece: str) -> str | None:
    """ "18 EUR letter to France, does it count? and if it goes as a parcel?", "平信算吗？如果
    走小包呢？": the first part asked again with the other service, when the follow-up is
    short, names one service, no figure, and the first part names the other."""
    pairs = enumerate(zip(first, piece, strict=False))
    shared = next((i for i, (a, b) in pairs if a != b), min(len(first), len(piece)))
    own = piece[shared:]  # the story asked_pieces put before it is the first part's
    if _FIGURE.search(own) or len(_WORD.findall(own)) > MAX_SERVICE_FOLLOW_UP_WORDS:
        return None
    if not _SERVICE_FOLLOW_UP.search(own):
        return None
    for said, other in ((_PARCEL_WORD, _LETTER_WORD), (_LETTER_WORD, _PARCEL_WORD)):
        new = said.search(own)
        if new is not None and not other.search(own) and other.search(first):
            return other.sub(new.group(), first, count=1)
    return None


MAX_SERVICE_FOLLOW_UP_WORDS = 10
"""Longer, a part naming a service asks a question of its own ("do parcels need tracking?")."""
_LETTER_WORD = re.compile(
    r"\bletters?\b|平信|信件|\bbriefe?\b|\blettre\b|\blettera\b", re.IGNORECASE
)
_PARCEL_WORD = re.compile(r"\bparcels?\b|\bpackets?\b|小包|包裹", re.IGNORECASE)
_SERVICE_FOLLOW_UP = re.compile(
    r"\bif\b|\b(?:what|how) about\b|\binstead\b|\brather\b|\bas an?\b|呢|如果|要是|换成|改成|改用|改走",
    re.IGNORECASE,
)
"""A follow-up asking the first question of another service ("and if it goes as a parcel?")."""


_ANOTHER_ASKED = re.compile(
    r"\bbtw\b|by the way|另外|顺便|\balso\b|\bplus\b|还有(?![效多救几没什的])"
)
"""Words that start another question, whatever the question marks say."""


_ASKS_UNMARKED = re.compile(
    r"吗|呢|怎么|如何|什么|哪|多少|多久|多长|几|为什么|是否|\b(?:how|what|which|when|where|why)\b",
    re.IGNORECASE,
)


def _questions_asked(question: str) -> int:
    """The question marks, and a last question sent without one ("达标吗？统计周期是多久")."""
    marked = question.count("?") + question.count("？")
    last = re.split(r"[?？]", question)[-1] if marked else ""
    return marked + bool(_ASKS_UNMARKED.search(last))


def _story(pieces: list[str]) -> str:
    """What every piece starts with up to a sentence's end: the story told before the
    questions ("Garden 56/60 valid."), which asked_pieces puts before each of them."""
    first, last = min(pieces), max(pieces)
    size = next(
        (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first)
    )
    shared = first[:size]
    ends = [m.end() for m in _SENTENCE_END.finditer(shared)]
    return shared[: ends[-1]] if ends else ""


_SENTENCE_END = re.compile(r"[.。!！?？;；](?=\s)|[。！？；]")


_CLAUSE_END = re.compile(r"[,，;；?？。!！]+")


def _decided_as_one(whole: Answer, question: str) -> bool:
    """The whole message is one case: the seller's figures, or one belief with its verdict
    asked once at the end ("POA: root cause, what we did, how we prevent it, right?"),
    whose inner "what"/"how" clauses are parts of the belief, not questions of their own."""
    decision = whole.decision
    if decision is None:
        return False
    one_belief = decision.belief and decision.agrees is not None
    asked_once = _questions_asked(question) <= 1
    asked_once = asked_once and not _ANOTHER_ASKED.search(question.casefold())
    figures = bool(decision.facts.get("shipments"))
    # "LSR or PFCR, which has the 2.5% target?": the metrics named and the figure asked
    # are one question, whatever commas split it.
    by_target = decision.code == "metric_by_target"
    # "75个包裹72个有效，现在怎么样？如果再坏1个呢？": the second question supposes a change
    # of the first one's figures; the whole, now and then, answers both.
    supposed = figures and "change" in decision.facts
    # "按12月5号截止，11月6号发的在窗口里吗？11月5号的呢？": each day judged on the one window.
    days = bool({"also_inside", "also_before"} & decision.facts.keys())
    return ((figures or one_belief or by_target) and asked_once) or supposed or days


_DECIDES_ENTRY = FIGURE_CODES | {"vtr_window_choice", "bar_choice"}
"""Decisions that state their entry's rule in their verdict: the figures worked out, or a
choice named ("30 days, not 60")."""


def _decided_in_place(answers: list[Answer]) -> list[Answer]:
    """ "What is the VTR target? And with 12 of 200 untracked, am I below it?": a part
    answered by an entry alone gives way to a part whose figures are worked out on that same
    entry: their verdict states the bar too, so it leads and the entry is not shown twice.
    (A claim's verdict does not state the entry's rule: "VTR的公式是啥？取消的算吗？" keeps both.)"""
    decided = {a.matched for a in answers if a.decision and a.decision.code in _DECIDES_ENTRY}
    return [a for a in answers if a.decision is not None or a.matched not in decided]


def _same_family(one: Answer, first: Answer) -> bool:
    """Two entries of one subject's family ("buy-shipping-cost", "buy-shipping-vtr"): a
    pronoun's part answered about the subject stays with what the first part was about."""
    if one.kind != "answer" or not one.matched or not first.matched:
        return False
    return one.matched.rsplit("-", 1)[0] == first.matched.rsplit("-", 1)[0]


def _back_on_the_first(one: Answer, first: Answer) -> bool:
    """A part that says "it" answered on the first part's entry: its context pulled it back,
    also when the context's words made a claim of it ("any fee for it?" after the A-to-z
    protection checked as "is every claim covered")."""
    if not _new_topic(one, first):
        return True
    claimed = one.decision is not None and one.decision.code == "claim"
    return claimed and one.matched == first.matched


def _new_topic(one: Answer, before: Answer) -> bool:
    """One says something the earlier answer did not: another entry, or the same entry
    with other facts (two categories' figures)."""
    return _topic(one)[0] != _topic(before)[0] or bool(
        _topic(one)[1] and _topic(one) != _topic(before)
    )


def _topic(answer: Answer) -> tuple[str | None, str]:
    """What an answer says: its entry, and its decision's facts (two categories' figures
    are two answers; the same entry twice is one)."""
    facts = answer.decision.topic() if answer.decision else ""
    return answer.matched, facts


def _phrasings(entry: Entry) -> list[str]:
    return [*entry.questions.zh, *entry.questions.en, entry.titles.zh, entry.titles.en]


def _texts(entry: Entry) -> list[str]:
    """Everything an entry says, for the typo corrector's vocabulary."""
    return [*_phrasings(entry), entry.answers.zh, entry.answers.en, *entry.tags]


def _owner_named(named: list[str], facets: list[str]) -> bool:
    """A-to-z claims and negative feedback are facets of what protects against both,
    Buy Shipping (domain.md §2); asked of anything else ("no tracking: do I lose A-to-z
    claims and get negative feedback?") they are the subject, not two questions."""
    return not set(facets) & _THINGS_PROTECTED or "buyshipping" in named


def _with_stems(words: list[str]) -> frozenset[str]:
    """The words as typed and as the analyzer stems them ("morning" is read as "morn")."""
    return frozenset(stem(w) for w in words) | frozenset(words)


def _any_of(phrases: list[str]) -> re.Pattern[str] | None:
    """One pattern for the phrases, the longest tried first."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


_MENDING = re.compile(
    r"\b(?:fix|fixing|improve|improving|repair|recover|raise|boost|rescue|save)\b|"
    r"\b(?:get|bring)s? (?:it |them |\w+ )*back\b|修复|修好|改善|提高|提升|拉回|拉上来|救回|整改|补救|挽回"
)
"""A thing to be mended: said of a category, its VTR is asked about."""
_ONE_THING = re.compile(
    r"\b(?:a|an|one|this|that)\s+(?:\w+\s+)?$|broken|damaged|defective|坏了|坏的|破损"
)
"""One product, or a damaged one, before the name ("fix a broken toy", "修坏了的玩具"): the
thing itself, not a category's VTR."""


@cache
def _category_names() -> re.Pattern[str]:
    """Every product category's names (categories.yaml), a Latin one as a whole word with
    or without its plural s ("outdoor" for "outdoors", "toy"), longest first."""
    names = sorted({n for names in category_aliases() for n in names}, key=len, reverse=True)
    latin = [rf"\b{re.escape(n.removesuffix('s'))}s?\b" for n in names if n.isascii()]
    han = [re.escape(n) for n in names if not n.isascii()]
    return re.compile("|".join(latin + han))
