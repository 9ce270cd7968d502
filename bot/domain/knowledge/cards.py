"""Answers composed from the engine's registry: one carrier, one marketplace.

A seller asks about 云途, 4PX or Japan Post far more often than any entry could list.
The wording lives in `knowledge/cards.yaml`; the facts (names, number formats, which
marketplaces the bar covers) come from `bot/domain/data/`, the tables the report uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from bot.domain.knowledge.case.asked import (
    A_NOT_A,
    FAIL_DENIED,
    OR_NOT,
    OUTSIDE_THE_EU,
    one_way,
)
from bot.domain.knowledge.edit_timing import named_words
from bot.domain.knowledge.patterns import compiled
from bot.domain.knowledge.schema import Texts
from bot.domain.knowledge.understand import sentences
from bot.domain.languages import Lang
from bot.domain.reference import Carrier, Marketplace

MAX_FORMATS_SHOWN = 8
_NOT = re.compile(
    r"\bnot\b|n't\b|\bnever\b|不是|不会|并非|不(?:用|需要|能|算|计|收|受|看|够|包括|包含|考虑)|"
    # Left out ("excluded from OTDR?", "从VTR里剔除吗"): what counts, denied.
    r"\bexclud(?:e|es|ed|ing)\b|\bleft out\b|剔除|排除在|除外|"
    r"没(?:有)?(?:关系|关联|联系|影响|算)|无关|unrelated|\bno (?:relation|link|connection)|nothing to do with"
)
_RELATION_DENIED = re.compile(
    r"没(?:有)?(?:啥|什么|任何)?(?:关系|关联|联系)|无关|unrelated|\bno (?:relation|link|connection)|"
    r"nothing to do with|(?:isn't|is not|aren't|are not|not) (?:related|linked|connected)"
)
_RELATION = re.compile(r"关系|关联|联系|无关|相关|relat|link|connect|nothing to do")
"""A claim whose own words are about a relation: a relation denied negates it."""


def _both_ways_out(text: str) -> str:
    """A question's either-way words ("算不算", "有没有", "Buy Shipping or not") taken out:
    no negation of a belief."""
    return OR_NOT.sub("", A_NOT_A.sub("", text))


_EXCLUDED = re.compile(
    r"(?:不(?:会|再)?(?:计入?|算(?:进|入|在)?|在|含|包括|影响|拉低|进)(?:到)?|"
    r"(?:does not|doesn't|do not|don't|won't|will not|wouldn't|not|never) (?:count (?:toward|towards|in|against)|"
    r"hit|affect|hurt|impact|touch|ding|lower|drag down|go (?:into|toward|towards|against)|show (?:up )?in))"
    r"\s?(?:(?:my|the|your|our|their) )?([a-z]{2,5}(?![a-z])|订单缺陷率|有效追踪率|迟发率|取消率)"
)
_METRIC_IN_CHINESE = {"订单缺陷率": "odr", "有效追踪率": "vtr", "迟发率": "lsr", "取消率": "pfcr"}
"""A metric said to leave something out ("不计入 ODR", "does not count toward ODR", "so it
doesn't hit my ODR", "不会影响ODR"): however the seller words it, the claim's own exclusion."""
_CONTRAST = re.compile(
    r"[,，;；]\s*(?:and |but )?(?:not|而不是|不是|并非)(?!\s?(?:just|only|merely|只|仅))"
    r"\s?[^,.?!，。？；;]{1,30}"
)
"""A contrast after a comma (", not a paid add-on"); "not just / 不只" limits, it is kept."""
_CLAUSE = re.compile(r"[^,，;；]+")
_JOINED = re.compile(r"\s(?:and|and so|so)\s|而且|并且|所以")
"""Where one clause joins two statements ("shows as unconfirmed and isn't valid")."""
_NOT_JUST = re.compile(
    r"(?:\bnot|n't|\bnever)\s(?:just|only|merely|simply)\b|不只|不仅|不光|不单|不止"
)
"""A limiter ("doesn't just restrict that category", "不只限制那个品类"): more is added, no
negation, unless the limited word is the belief's own ("not only over EUR 20")."""
_RESTRICTED = re.compile(
    r"(?:只有|只算|只针对|仅(?:有|限)?|\bonly\b)(?!\s?[\d.])(?<!only)|(?<!不)只[^要\d]{1,12}才|"
    r"\bonly\b(?!\s?[\d.])(?![^,.;?]{0,30}\b(?:after|later|days?|hours?|weeks?)\b)"
)
"""A belief that restricts ("只有…才…", "only X"), whose rest may be denied in its own clause;
not "only" of a time ("we only uploaded it 2 days after delivery": not until then), nor of a
figure said small ("LSR只有1%", "my ODR is only 0.4%": the figure, no rule restricted)."""
_COMPLEMENT = re.compile(
    r"(?:^|[,，;；。])\s*(?:而|但)?(?:别的|其他|其它|其余|剩下的?|其他的|别家)[^,，;；。?？]*|"
    r"(?:^|[,;.])\s*(?:and |but |while )?(?:the )?(?:others?|rest|other \w+|remaining \w+)\b[^,;.?]*|"
    r"(?:^|[,;.])\s*(?:and |but |while )?(?:the |all )?(?:\w+ )?ones\b[^,;.?]*"
)
"""A clause about the rest ("别的物流不用传", "the others don't", "the cheaper ones don't"):
a restriction's complement."""
_NOT_OR_FILLER = re.compile(
    r"\b\w+n't\b|"
    + _NOT.pattern
    + r"|\b(?:affect(?:s|ed|ing)?|impact(?:s|ed)?|touch(?:es|ed)?|hurt|hits?|will|would|"
    r"stock|inventory|listings?|offers?|products?|items?|side|gets?|got|getting|will|mine|our|"
    r"be|is|are|it|that|this|the|my|your|does|do|at all|either|and|but|so|also|though|"
    r"right|correct|true)\b|影响|波及|牵连|受|会|被|到|也|都|就|的|了|吧|呢|啊|吗|并|还|而且|但|那边|这边|那块|这块|方面|商品|产品|库存|链接"
)
_AFFECTED = re.compile(
    r"(?:也|都|一起|同样)(?:会)?(?:被|受)?(?:影响|限制|封|停|下架|连累|牵连)|受影响|被限制|"
    r"\b(?:too|as well|also)\b[^,.;?]{0,20}\b(?:affected|restricted|blocked|suspended|hit)\b|"
    r"\b(?:affected|restricted|blocked|suspended|hit)\b[^,.;?]{0,12}\b(?:too|as well|also)\b"
)
"""Words that say something is affected too: a clause of them may contradict a claim."""
_TAG_CLAUSE = re.compile(
    r"\s*(?:right|correct|yes|yeah|ok|okay|true|对吧|对吗|是吧|是吗|没错吧|对不对)\s*[?？!！.。]*\s*"
)
"""A clause that is only the question's tag (", correct?"), never a restriction's complement."""
_LEFT_ALONE = re.compile(
    r"untouched|left alone|unaffected|not affected|aren't affected|isn't affected|不受(?:到)?(?:影响|牵连)"
)
"""A belief that something is kept apart ("my FBA listings are untouched"): a restriction
of what is affected."""


_UNAFFECTED = re.compile(r"照常|照样|不受|unaffected|keep (?:selling|going)|\bstill\b")
_SAME_WORD = {"品类": "分类", "类目": "分类", "自发货": "自配送", "店铺": "店", "账户": "账号"}


def _same_words(text: str) -> str:
    """One spelling for the words sellers use interchangeably (品类, 类目 and 分类)."""
    return re.sub("|".join(_SAME_WORD), lambda m: _SAME_WORD[m.group()], text)


_TERM = re.compile(r"[a-z0-9]{2,}|[\u4e00-\u9fff]{2,}")
"""What a negated clause is about once its negation and filler are gone ("不会影响FBA": fba)."""
_PIECE = re.compile(r"\[([^\]]+)\](?:\{(\d+)(?:,(\d+))?\})?|([0-9A-Z]+)")
_CLASS_NAMES = {
    "0-9": ("位数字", "digit"),
    "A-Z": ("位字母", "letter"),
    "0-9A-Z": ("位字母或数字", "letters or digits"),
}


class _Loose:
    """Cards are frozen dataclasses validated by pydantic where cards.yaml is read (loader.py),
    unknown fields refused; plain classes for the reason the entries are (schema.py)."""

    __pydantic_config__: ClassVar[dict[str, object]] = {"extra": "forbid"}


@dataclass(frozen=True, kw_only=True)
class CarrierCard(_Loose):
    direct: Texts
    choice: Texts
    """ "USPS or UPS, which counts?": a choice between carriers, each of which can count."""
    eu_update: Texts
    body: Texts
    formats: Texts
    no_formats: Texts
    source: Texts


@dataclass(frozen=True, kw_only=True)
class MarketplaceCard(_Loose):
    vtr_bar: Texts
    no_vtr_bar: Texts
    eu_cross_border: Texts
    eu_rule: Texts
    no_eu_rule: Texts
    buy_shipping: Texts
    no_buy_shipping: Texts
    buy_shipping_elsewhere: Texts
    denied_wrongly: Texts


@dataclass(frozen=True, kw_only=True)
class Claim(_Loose):
    """A belief sellers hold, checked against the facts (cards.yaml's `claims`)."""

    id: str
    entry: str
    truth: bool
    flips: bool = False
    presumed: bool = False
    """The belief is one a question takes for granted ("how long until FBA orders leave my
    VTR?" presumes they are in it): answered with its fact whatever is asked, no yes or no."""
    silent: bool = False
    """The sources say nothing either way (a fine for a low VTR): the fact first, never a
    yes or no, however the belief is said."""
    inferred: bool = False
    """The belief is what another metric's figure is taken to show ("my OTDR is 98%, so my
    VTR must be fine"): judged whatever that figure's own verdict."""
    most_marketplaces: bool = False
    """The claim's fact holds in most marketplaces, not all ("not an enforced bar in most
    marketplaces"): of a marketplace named, the sources say nothing, so no yes or no."""
    exemption: bool = False
    """The belief is that something is exempt: a question whether it counts ("算吗",
    "does it count?") asks the opposite, so its yes is the belief's no."""
    when: list[str]
    unless: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    """Patterns that state the belief negated ("不是实时", "isn't per order"), where the
    general negation words do not reach; with `flips`, the question then states the opposite."""
    stated_by: list[str] = field(default_factory=list)
    """Words that state the belief itself though they hold a negation ("不算缺陷", "not a
    defect" for "tracking added after delivery is fine"): they do not negate it."""
    opposite: list[str] = field(default_factory=list)
    """Words that ask the belief's opposite ("is it a defect?" of "tracking added after
    delivery is fine"), unless `stated_by` words say the belief itself ("isn't a defect")."""
    figures: list[str] = field(default_factory=list)
    """The figures this belief's own rule is made of ("98", "97" of the shorter promises):
    a question stating one of them speaks of this rule, not of a metric's target."""
    says: Texts

    def __post_init__(self) -> None:
        # A `when` pattern may name a shared word list ("@edit_now_or_later": edit_timing.py).
        object.__setattr__(self, "when", [named_words(p) for p in self.when])

    def asks_opposite(self, text: str) -> bool:
        # "edits only count if made before delivery, after that it's a defect": what falls
        # outside a restriction, said in a clause of its own, asks nothing of the belief.
        text = self._complement_dropped(text, "all")
        return any(compiled(p).search(text) for p in self.opposite) and not any(
            compiled(p).search(text) for p in self.stated_by
        )

    def _complement_dropped(self, text: str, dropped: str) -> str:
        """A belief that restricts ("only X count", "只有X才算") with clauses of their own
        saying what falls outside it ("older ones don't", "FBA的不算", "after that it's a
        defect"): those clauses are the restriction's complement, not the belief negated or
        its opposite asked. `dropped` says which of them go: "negated" ones, "plain" ones
        (a negated clause may be a belief said negated) or "all". A clause that holds the
        whole belief ("VTR doesn't look at 30 days, only 60") is kept, as is one that
        restricts, and nothing goes when the restriction is the belief's own word ("we only
        use FBA, so we must fix VTR")."""
        restriction = _RESTRICTED.search(text)
        if restriction is None or self._own_word(restriction, text):
            return text

        def kept(match: re.Match[str]) -> str:
            clause = match.group()
            if _RESTRICTED.search(clause) or all(compiled(p).search(clause) for p in self.when):
                return clause
            if _TAG_CLAUSE.fullmatch(clause):
                return clause  # ", correct?": the question's tag, nothing outside the restriction
            negated = bool(_NOT.search(clause))
            gone = dropped == "all" or (negated if dropped == "negated" else not negated)
            return " " if gone else clause

        return _CLAUSE.sub(kept, text)

    def restriction_apart(self, text: str) -> bool:
        """The message states a restriction ("only X", "只有X才", "X are untouched") that is
        none of this claim's own words: what falls outside it is said in the words other
        beliefs, this one among them, are made of."""
        words = [*_RESTRICTED.finditer(text), *_LEFT_ALONE.finditer(text)]
        return any(not self._own_word(word, text) for word in words)

    def _own_word(self, word: re.Match[str], text: str) -> bool:
        """The word overlaps a match of one of the claim's own `when` patterns ("只能" of
        "只能用购买配送才…" is the only-way belief's own)."""
        return any(
            m.start() < word.end() and word.start() < m.end()
            for p in self.when
            for m in compiled(p).finditer(text)
            if m.end() > m.start()
        )

    def denied_in(self, text: str) -> bool:
        """A denial pattern matches, once 是不是 / 算不算 are taken out: "是不是按订单算的"
        asks, its 不是按订单 denies nothing."""
        said = _both_ways_out(text)
        return any(compiled(p).search(said) for p in self.denied_by)

    def negated_around(self, text: str, own_clauses: bool = False) -> bool:
        """A negation outside the words that make the belief ("Buy Shipping isn't free",
        "VTR不是看30天吧"): the question states the belief's opposite. Words the belief
        itself is made of ("不收费", "no fee") are taken out first. With `own_clauses`, only
        the clauses holding the belief's words are read (a belief that flips when negated,
        whose other clauses say something else: "doesn't take 72 hours, it shows at once"),
        else the belief's sentences (a clause beside it may negate part of its fact: "free,
        I don't pay the postage either")."""
        # "…72 hours to show, correct? so no panic if it's not updated yet": a negation in
        # another sentence than the belief's says something else.
        text = self._belief_sentences(text)
        # "95%算不算达标": the either-way words asked as one ("算"), before the belief's own
        # words are taken out ("算达标" would leave "算不" behind, a negation).
        text = OR_NOT.sub(" ", one_way(text))
        # "The UK isn't in the EU, but …": a true premise, no negation of a belief; nor is
        # "isn't below 95" ("…so it passes"), the pass said as a failing word denied.
        text = FAIL_DENIED.sub(" ", OUTSIDE_THE_EU.sub(" ", text))
        if own_clauses:
            text = self.belief_clauses(text)
        # The claim's own words (`says`) restate the belief only when the belief is true; a
        # false belief's `says` is the fact against it, so a clause restating what it sets
        # apart negates the belief (as for its exclusions, `_excluded_kept`).
        if self.truth:
            if any(self._contradicts(c) for c in _CLAUSE.findall(text)):
                return True  # "只限制那个品类，FBA也会受影响吧": what the facts set apart, affected
            text = _CLAUSE.sub(self._restatement_kept, text)
        # ", not a paid add-on", "，不是收费的": a contrast set against the belief denies
        # the alternative, not the belief.
        text = _CONTRAST.sub(self._contrast_kept, text)
        if _RESTRICTED.search(text):
            # "只有对接的物流商才要传，别的不用传", "only X need it, others don't": the rest
            # denied is the restriction's own complement, no negation of the belief.
            text = _COMPLEMENT.sub(" ", self._complement_dropped(text, "negated"))
        text = _NOT_JUST.sub(lambda m: m.group() if self._own_word(m, m.string) else " ", text)
        inside = self._negation_inside(text)
        for pattern in [*self.stated_by, *self.when]:
            text = compiled(pattern).sub(_kept_negation, text)
        if inside:
            return True
        text = _EXCLUDED.sub(self._excluded_kept, text)
        if not any(_RELATION.search(p) for p in self.when):
            # "OTDR和VTR没关系吧，没追踪的也能算准时": a relation denied is a belief of its
            # own, no negation of one that says nothing of a relation.
            text = _RELATION_DENIED.sub(" ", text)
        return bool(_NOT.search(_both_ways_out(text)))

    def _negation_inside(self, text: str) -> bool:
        """A negation inside the span a belief's words match, not part of them: "category
        doesn't get reinstated" matches "category … reinstat" across its "doesn't", and
        still matches without it, so the negation is the seller's (none that `stated_by`
        words hold: those state the belief)."""
        own = [m.span() for p in self.stated_by for m in compiled(p).finditer(text)]
        for pattern in self.when:
            for match in compiled(pattern).finditer(text):
                for negation in _NOT.finditer(match.group()):
                    at = match.start() + negation.start()
                    if any(a <= at < b for a, b in own):
                        continue
                    said = match.group()
                    rest = f"{said[: negation.start()]} {said[negation.end() :]}"
                    if compiled(pattern).search(rest):
                        return True
        return False

    def belief_clauses(self, text: str) -> str:
        """The clauses that hold the belief's words (the whole text when none does): "a
        tracking edit doesn't take 72 hours, it shows at once" says real-time in its second
        clause, and the first clause's "doesn't" negates the 72 hours, not that belief."""
        clauses = _CLAUSE.findall(text)
        own = [c for c in clauses if any(compiled(p).search(c) for p in self.when)]
        return "，".join(own) if own and len(own) < len(clauses) else text

    def _belief_sentences(self, text: str) -> str:
        """The sentences that hold the belief's words (all of them when none does alone)."""
        said = [s for s in sentences(text) if any(compiled(p).search(s) for p in self.when)]
        return " ".join(said) if said else text

    def _restatement_kept(self, match: re.Match[str]) -> str:
        """ "只影响那个品类的自配送，不会影响FBA": a clause of its own that negates only what
        the claim's own words also set apart (FBA) restates the belief, no negation of it."""
        clause = match.group()
        if not _NOT.search(clause):
            return clause
        if all(compiled(p).search(clause) for p in self.when):
            # "…it shows as unconfirmed and isn't valid": the belief's clause, with a part
            # joined by "and" that restates what its own words deny ("not valid").
            parts = _JOINED.split(clause)
            kept = [p for p in parts if not (_NOT.search(p) and self._restated(p))]
            return " and ".join(kept) if kept and len(kept) < len(parts) else clause
        return " " if self._restated(clause) else clause

    def _restated(self, words: str) -> bool:
        """Every term the words hold, once their negation and filler are gone, is in a
        clause of the claim's own words that negates or sets something apart."""
        terms = _TERM.findall(_same_words(_NOT_OR_FILLER.sub(" ", words)))
        apart = self._set_apart()
        return bool(terms) and all(any(t in c for c in apart) for t in terms)

    def _contradicts(self, clause: str) -> bool:
        """A clause of its own saying that what the claim's facts set apart is affected too
        ("FBA也会受影响", "and FBA gets blocked as well"): the belief is the opposite."""
        if any(compiled(p).search(clause) for p in self.when) or _NOT.search(clause):
            return False
        if not _AFFECTED.search(clause):
            return False
        terms = _TERM.findall(_same_words(_NOT_OR_FILLER.sub(" ", _AFFECTED.sub(" ", clause))))
        apart = self._set_apart()
        return bool(terms) and all(any(t in c for c in apart) for t in terms)

    def _set_apart(self) -> list[str]:
        """The clauses of the claim's own words that negate or keep something unaffected
        ("FBA 商品照常销售", "not in VTR"): what a negated clause may restate."""
        said = _same_words(f"{self.says.zh}\n{self.says.en}".lower())
        clauses = re.split(r"[,，;；。:：\n]|\.\s|\bwhile\b|\band\b", said)
        return [c for c in clauses if _NOT.search(c) or _UNAFFECTED.search(c)]

    def _excluded_kept(self, match: re.Match[str]) -> str:
        """ "…而且不算ODR": what the claim's own words exclude too ("不计入 ODR") is the
        belief restated, no negation of it; a verdict there would contradict its body. A false
        belief's words are its correction ("FBA … 不在 VTR 里" of "FBA counts"), so what they
        exclude, said by the seller ("FBA的订单不算进VTR"), negates the belief: kept."""
        if not self.truth:
            return match.group()
        said = f"{self.says.zh} {self.says.en}".lower()
        own = {_metric_id(m.group(1)) for m in _EXCLUDED.finditer(said)}
        return " " if _metric_id(match.group(1)) in own else match.group()

    def _contrast_kept(self, match: re.Match[str]) -> str:
        """A contrast naming the belief's own words (", not free") negates it: kept."""
        contrast = match.group()
        return contrast if any(compiled(p).search(contrast) for p in self.when) else " "

    def holds_in(self, text: str) -> bool:
        """Every `when` pattern matches the folded question, and no `unless` one does. A
        false belief must hold without the clauses that only say what falls outside a
        restriction ("edits only count if made before delivery, after that it's a defect"
        is no belief that an edit before delivery is a defect): a true restriction's
        complement is made of the words such beliefs are."""
        if not self._holds(text):
            return False
        return self.truth or self._holds(self._complement_dropped(text, "plain"))

    def shares_words(self, other: Claim, text: str) -> bool:
        """Both claims fired by the same words of the text (a span one's `when` matches
        overlaps one the other's does): they judge the same belief."""
        mine = [
            m.span() for p in self.when for m in compiled(p).finditer(text) if m.end() > m.start()
        ]
        theirs = [
            m.span() for p in other.when for m in compiled(p).finditer(text) if m.end() > m.start()
        ]
        return any(a < d and c < b for a, b in mine for c, d in theirs)

    def _holds(self, text: str) -> bool:
        return all(compiled(p).search(text) for p in self.when) and not any(
            compiled(p).search(text) for p in self.unless
        )


_NEGATION_BEFORE = re.compile(r"(?:不|没有?)(?:什么|啥|多大|太|大|怎么|起)?$")
"""A 不/没 just before a belief's words, a softener between them ("没什么用", "没啥帮助",
"不太有用", "不起作用")."""


def _metric_id(name: str) -> str:
    return _METRIC_IN_CHINESE.get(name, name)


def _kept_negation(match: re.Match[str]) -> str:
    """A belief's words taken out, but a 不/没 glued before them still negates ("FBA订单不算
    vtr吧": 算vtr is the belief's, 不 its negation; "对VTR没啥帮助吧": 帮助 is)."""
    return " 不算" if _NEGATION_BEFORE.search(match.string[: match.start()]) else " "


@dataclass(frozen=True, kw_only=True)
class Cards(_Loose):
    carrier: CarrierCard
    marketplace: MarketplaceCard
    claims: list[Claim] = field(default_factory=list)


def format_lengths(pattern: str) -> frozenset[int] | None:
    """How many characters a number of the pattern has (one or a range); None for a
    pattern that is no plain sequence of literals and counted classes."""
    low = high = position = 0
    for match in _PIECE.finditer(pattern):
        if match.start() != position:
            return None
        position = match.end()
        klass, least, most, literal = match.groups()
        if literal:
            low, high = low + len(literal), high + len(literal)
            continue
        if klass not in _CLASS_NAMES:
            return None
        low, high = low + int(least or 1), high + int(most or least or 1)
    return frozenset(range(low, high + 1)) if position == len(pattern) else None


def describe_format(pattern: str, lang: Lang) -> str | None:
    """A tracking-number regex as a seller reads it ("1Z + 15 letters or digits + 1 digit").

    Only plain sequences of literals and counted classes are described; anything else
    (optional groups) returns None and is left out rather than described wrongly.
    """
    parts, position = [], 0
    for match in _PIECE.finditer(pattern):
        if match.start() != position:
            return None
        position = match.end()
        klass, low, high, literal = match.groups()
        if literal:
            parts.append(literal)
            continue
        if klass not in _CLASS_NAMES:
            return None
        count = (low or "1") if high is None else f"{low}–{high}"
        zh_word, en_word = _CLASS_NAMES[klass]
        if count != "1" and not en_word.endswith("s"):
            en_word += "s"
        parts.append(f"{count} {zh_word}" if lang == "zh" else f"{count} {en_word}")
    if position != len(pattern):
        return None
    return " + ".join(parts)


def carrier_answer(
    card: CarrierCard,
    named: list[Carrier],
    lang: Lang,
    yes_no: bool,
    about_format: bool = False,
    eu_markets: Sequence[Marketplace] = (),
    choice: bool = False,
) -> str:
    """Everything a seller needs about the carriers named, the direct answer first: the
    yes to "can it count" (with the EU/UK update when one of its marketplaces is named: "can
    i use 4px for germany"), or the number's format when that is what was asked."""
    joiner = "、" if lang == "zh" else " / "
    name = joiner.join(c.name for c in named)
    lines = [card.body.for_lang(lang).strip().format(name=name, en_name=name)]
    formats = [_formats_line(card, carrier, lang) for carrier in named]
    lines = [*formats, *lines] if about_format else [*lines, *formats]
    if yes_no:
        said = card.choice if choice and len(named) > 1 else card.direct
        direct = said.for_lang(lang).format(name=name)
        if eu_markets:
            markets = joiner.join(marketplace_name(m, lang) for m in eu_markets)
            update = card.eu_update.for_lang(lang).format(name=name, markets=markets)
            direct = f"{direct}{update}" if lang == "zh" else f"{direct} {update}"
        lines.insert(0, direct)
    return "\n".join(lines)


def _formats_line(card: CarrierCard, carrier: Carrier, lang: Lang) -> str:
    described = list(
        dict.fromkeys(
            text
            for fmt in carrier.formats
            for option in fmt.pattern.split("|")
            if (text := describe_format(option, lang)) is not None
        )
    )[:MAX_FORMATS_SHOWN]
    if not described:
        return card.no_formats.for_lang(lang).format(name=carrier.name)
    separator = "，或 " if lang == "zh" else "; or "
    return card.formats.for_lang(lang).format(name=carrier.name, formats=separator.join(described))


def marketplace_name(market: Marketplace, lang: Lang) -> str:
    return market.zh if lang == "zh" else f"{market.domain.capitalize()} ({market.code})"


_YES = re.compile(r"^(?:(?:yes|no)[:,—]\s*|是的[，：]|(?:可以|不能)[，：])", re.IGNORECASE)
"""A card line's yes or no, said only when the question asks one."""


def without_yes(text: str) -> str:
    """A card's line without its "Yes:" / "是的，" / "No:" when the question asked no yes or no
    ("VTR requirement for Germany?"): an opener comes only from what was asked."""
    lines = []
    for line in text.split("\n"):  # one line per marketplace: none keeps its yes
        rest = _YES.sub("", line, count=1)
        lines.append(rest[:1].upper() + rest[1:] if rest != line else line)
    return "\n".join(lines)


def eu_rule_lead(card: MarketplaceCard, market: Marketplace, lang: Lang) -> str:
    """Whether the EU/UK cross-border rule covers a marketplace, from the registry."""
    text = card.eu_rule if market.eu_cross_border_rule else card.no_eu_rule
    return text.for_lang(lang).format(name=marketplace_name(market, lang))


def marketplace_lead(
    card: MarketplaceCard, market: Marketplace, lang: Lang, about_buy_shipping: bool
) -> str:
    """The one-line direct answer for a marketplace, from the registry's flags."""
    name = marketplace_name(market, lang)
    if about_buy_shipping:
        text = card.buy_shipping if market.buy_shipping_from_china else card.no_buy_shipping
        return text.for_lang(lang).format(name=name)
    text = card.vtr_bar if market.vtr_bar_from_china else card.no_vtr_bar
    lines = [text.for_lang(lang).format(name=name)]
    if market.eu_cross_border_rule and not market.vtr_bar_from_china:
        lines.append(card.eu_cross_border.for_lang(lang).format(name=name))
    return " ".join(lines) if lang == "en" else "".join(lines)
