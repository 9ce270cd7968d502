"""The case read from a normalised question, each fact by the module that finds it."""

from __future__ import annotations

from bot.domain.knowledge.case.age import as_of_named, ship_ages, shipment_age
from bot.domain.knowledge.case.amounts import (
    LETTER_ZH,
    NOT_LETTER,
    PARCEL,
    letter_service,
    own_order_after_limit,
    read_amount,
    read_bound,
)
from bot.domain.knowledge.case.asked import (
    A_NOT_A,
    BELIEF,
    HOW_MANY,
    NEGATION,
    OWN_DATA,
    WHAT_TO_DO,
    WHEN,
    read_verb,
)
from bot.domain.knowledge.case.groups import read_groups
from bot.domain.knowledge.case.metrics import (
    read_contrasts,
    read_metric_rates,
    read_stated_windows,
    without_contrasts,
)
from bot.domain.knowledge.case.model import Case
from bot.domain.knowledge.case.package_figures import read_packages
from bot.domain.knowledge.case.rate_groups import read_rate_groups
from bot.domain.knowledge.case.rates import (
    PERCENT,
    category_rate_restated,
    one_rate,
    rate_beside_a_category,
    sellers_rate,
)
from bot.domain.knowledge.case.routes import OTHER_COUNTRY, is_domestic, route
from bot.domain.knowledge.entities import Entities
from bot.domain.knowledge.figures.changed import new_figures_only
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Lexicon
from bot.domain.knowledge.tables import read_table

METRICS = ("vtr", "lsr", "cancelrate", "otdr", "odr")
"""The self-fulfilled metrics with their own targets (metrics.yaml), by lexicon concept."""


_THOUSANDS = lazy(r"(?<=\d),(?=\d{3}(?!\d))")


_RATE_RESTATED = lazy(
    r"((?:\bthat(?:'s| is|s)|\bwhich is|\bwhich makes|\bthat makes|\bso it'?s|(?<![a-z\u4e00-\u9fff])=|就是|等于|也就是|算下来(?:是)?)\s?)"
    r"(\d{1,2}(?:\.\d+)?|100)"
    r"(?![\d.%％/]|\s?(?:percent|pct|of\b|out\b|more|invalid|valid|bad|untracked|without|missing|"
    r"packages?|pkgs?|orders?|shipments?|parcels?|days?|个|单|件|票|包裹|订单|天|日|号|次|元|欧|美元|日元))"
)
"""A rate the seller works out and says without its % ("20 pkgs, 19 valid. thats 95 so ok?",
"…就是95"): a rate to check against the counts, not a second total."""


class CaseReader:
    """Reads cases with the lexicon's concept spellings (one list for search and cases)."""

    def __init__(self, lexicon: Lexicon) -> None:
        spellings: dict[str, str] = {}
        for concept, phrases in {**lexicon.general, **lexicon.synonyms}.items():
            for phrase in [concept, *phrases]:
                spellings.setdefault(phrase.casefold(), concept)
        self._concept_of = spellings
        # Spellings by their first character, longest first: a scan of the question tries
        # only the few that can start at each place (a regex alternation of ~900 is slow).
        by_start: dict[str, list[str]] = {}
        for phrase in sorted(spellings, key=len, reverse=True):
            by_start.setdefault(phrase[:2], []).append(phrase)
        self._by_start = by_start

    def concepts(self, text: str) -> list[tuple[int, str]]:
        """(position, concept) of the concept spellings in the text, longest first at each
        place, not overlapping; Latin ones only as whole words ("eu" is not in "euro")."""
        found: list[tuple[int, str]] = []
        at = 0
        while at < len(text):
            if at and _word_char(text[at]) and _word_char(text[at - 1]):
                at += 1  # inside a Latin word: no spelling starts here
                continue
            candidates = [
                *self._by_start.get(text[at : at + 2], ()),
                *self._by_start.get(text[at], ()),
            ]
            phrase = next((p for p in candidates if _at(text, at, p)), None)
            if phrase is None:
                at += 1
                continue
            found.append((at, self._concept_of[phrase]))
            at += len(phrase)
        return found

    def read(self, text: str, entities: Entities, raw: str = "") -> Case:
        """The case a normalised question states; `entities` as the finder found them."""
        text = new_figures_only(_THOUSANDS.sub("", text))
        if not PERCENT.search(text):  # "94.98% 四舍五入就是95": the rate is the one with its %
            text = _RATE_RESTATED.sub(r"\1\2%", text)
        text = category_rate_restated(text)
        named = self.concepts(text)
        concepts = frozenset(c for _, c in named)
        metrics = tuple(dict.fromkeys(c for _, c in named if c in METRICS))
        metrics_at = [(at, c) for at, c in named if c in METRICS]
        contrasts = read_contrasts(text, metrics_at)
        amount, currency = read_amount(text)
        bound = read_bound(text, amount)
        origin, destination = route(text, entities.markets_at)
        rate = sellers_rate(without_contrasts(text, contrasts), len(metrics))
        table = read_table(text)
        letter = "letter" in concepts or letter_service(text) or bool(LETTER_ZH.search(text))
        letter = letter and not NOT_LETTER.search(text)
        order = (entities.marketplaces, amount, currency, letter)
        vtr_rate = one_rate(text) and metrics[:1] in ((), ("vtr",))  # not LSR's 3%
        vtr_rate = vtr_rate and not rate_beside_a_category(text)
        reading = read_packages(text, rate if vtr_rate else None, table, order)
        return Case(
            text=text,
            raw=raw,
            metrics=metrics,
            markets=entities.marketplaces,
            origin=origin,
            destination=destination,
            domestic=is_domestic(text, origin, entities.markets_at),
            abroad=bool(OTHER_COUNTRY.search(text)),
            carriers=entities.carriers,
            number_carrier=entities.number_carrier.name if entities.number_carrier else None,
            amount=amount,
            currency=currency,
            bound=bound,
            own_order=own_order_after_limit(text, currency) if bound == "under" else None,
            letter=letter,
            parcel=bool(PARCEL.search(text)),
            buy_shipping="buyshipping" in concepts,
            counts=reading.counts,
            reading=reading,
            one_figure=len(reading.roles) == 1,
            total=reading.roles.get("total"),
            groups=table.groups if len(table.groups) > 1 else read_groups(text, amount),
            rate_groups=read_rate_groups(text),
            rate=rate,
            metrics_at=tuple(metrics_at),
            metric_rates=read_metric_rates(text, metrics_at),
            stated_windows=read_stated_windows(text, metrics_at, contrasts),
            contrasts=contrasts,
            concepts=concepts,
            belief=bool(BELIEF.search(text)),
            negated=bool(NEGATION.search(NOT_LETTER.sub(" ", A_NOT_A.sub("", text)))),
            how_many=bool(HOW_MANY.search(text)),
            when=bool(WHEN.search(text)),
            what_to_do=bool(WHAT_TO_DO.search(text)),
            own=bool(OWN_DATA.search(text)),
            verb=read_verb(text),
            age_days=shipment_age(text),
            as_of=as_of_named(text),
            ship_ages=ship_ages(text),
        )


def _word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _at(text: str, at: int, phrase: str) -> bool:
    """The spelling stands at `at`, Latin edges on word boundaries."""
    if not text.startswith(phrase, at):
        return False
    end = at + len(phrase)
    if _word_char(phrase[0]) and at and _word_char(text[at - 1]):
        return False
    if "." in phrase and _DOMAIN_GOES_ON.match(text, end):
        return False  # "amazon.com" is not "amazon.com.br": a domain named in full is one name
    return not (_word_char(phrase[-1]) and end < len(text) and _word_char(text[end]))


_DOMAIN_GOES_ON = lazy(r"\.[a-z]")
