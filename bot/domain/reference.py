"""Typed access to the engine's reference tables in `bot/domain/data/*.yaml`.

The YAML files are the one place for column aliases, value vocabularies,
marketplaces and carriers; this module validates them once and caches them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from bot.domain.chinese_script import to_simplified

DATA_DIR = Path(__file__).with_name("data")

# The registries' rows are plain dataclasses, validated by pydantic where their YAML is read
# (`_validated`): `vtrbot ask` gets them from its prepared file and never imports pydantic,
# whose import and model classes were half of its start-up (docs/performance.md).


@dataclass(kw_only=True)
class TrackingFormat:
    pattern: str
    check: str | None = None
    names: bool = True
    """False: too generic to say a number entered elsewhere belongs to this carrier."""
    distinctive: bool = False
    """Only this carrier's numbers fit it: entered under another, it is a wrong carrier."""


@dataclass(kw_only=True)
class Carrier:
    id: str
    name: str
    aliases: list[str]
    formats: list[TrackingFormat] = field(default_factory=list)
    looks_like: list[str] = field(default_factory=list)
    """Patterns that identify the carrier's numbers without validating them."""
    may_use: list[str] = field(default_factory=list)
    """Patterns of other carriers' numbers this carrier hands out as its own."""
    usual_starts: list[str] = field(default_factory=list)
    """First digits the carrier's plain-digit numbers usually start with, as published
    (USPS: 92–95): likely, never proof of whose a number is."""
    route: str = "domestic"
    named_by_service: list[str] = field(default_factory=list)
    """Carriers of this one's family a ship service may name ('DHL' with 'DHL Express
    Worldwide'): the row is that carrier's."""
    sources_name: bool = True
    """Whether the sources (seeds, domain.md) name this carrier. One they never name is
    still read in a file (valid and unverified: domain.md §6 'others'), but the knowledge
    base says the sources are silent on it rather than answering of it."""


@dataclass(kw_only=True)
class TransitTable:
    """Typical transit days by route: an estimate of when a parcel is delivered."""

    routes: dict[str, int]
    default: str

    def days(self, route: str | None) -> int:
        return self.routes.get(route or self.default, self.routes[self.default])


@dataclass(kw_only=True)
class Marketplace:
    code: str
    domain: str
    zh: str
    currency: str
    letter_rule: bool = False
    vtr_bar_from_china: bool = False
    buy_shipping_from_china: bool = False
    eu_cross_border_rule: bool = False
    feedback_strike_through: bool = False
    letter_limit_surely_under: float | None = None
    """In the marketplace's currency, an amount under EUR 20 at any recent exchange rate."""
    letter_limit_surely_over: float | None = None
    """In the marketplace's currency, an amount over EUR 20 at any recent exchange rate."""
    aliases: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    """The country's states as a buyer's address writes them (codes and names): a state
    column names the marketplace by them when nothing else does (docs/decisions/011)."""
    currency_signs: list[str] = field(default_factory=list)
    """Signs and words of the marketplace's currency that no other marketplace's currency
    shares ('£', '英镑'): with its code, they name the marketplace when nothing else does
    (docs/decisions/014)."""

    def under_eu_uk_update(self) -> bool:
        """Whether the EU/UK update of 15 January 2025 speaks of this marketplace (its letter
        exemption, or its cross-border rule): the questions' rules on letters and routes ask
        this of a country named."""
        return self.letter_rule or self.eu_cross_border_rule


@dataclass(kw_only=True)
class Metric:
    """A self-fulfilled metric's Seller Central target (metrics.yaml)."""

    id: str
    abbr: str
    en: str
    zh: str
    target: float
    good: Literal["above", "below"]
    days: list[int]
    about: list[str] = field(default_factory=list)
    """The knowledge base's concepts for what the metric counts (tracking, feedback …)."""
    enforced: bool | None = None
    """Whether missing the target is enforced: False for a target that is no enforced bar
    (OTDR in most marketplaces); None where the sources do not say what follows a miss."""


@dataclass(kw_only=True)
class PolicyDate:
    """When one of Amazon's VTR rules took effect (policy_dates.yaml)."""

    id: str
    en: str
    zh: str
    dates: list[str]
    """ISO dates, a day or only a month ("2023-03")."""
    said: dict[str, str]
    entry: str
    about: list[str]


@dataclass(kw_only=True)
class Vocabulary:
    fulfillment: dict[str, list[str]]
    status: dict[str, list[str]]
    contains: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """Words a cell holds, by kind and meaning, for cells no whole word spells."""
    delivery: dict[str, list[str]] = field(default_factory=dict)
    platform: dict[str, list[str]] = field(default_factory=dict)
    """Which platform an order was sold on: Amazon, or another one (not_amazon_platform)."""
    tracking_placeholders: list[str] = field(default_factory=list)
    totals_row_words: list[str] = field(default_factory=list)
    template_note_words: list[str] = field(default_factory=list)
    """Words opening a template's filling instruction, under its header: not an order."""
    record_count_leads: list[str] = field(default_factory=list)
    record_count_units: list[str] = field(default_factory=list)
    """A footer counting the rows ('共 190 条记录'): its lead words and its unit words."""
    subtotal_words: list[str] = field(default_factory=list)
    """The words Excel's Data > Subtotal writes after a group's name, in its languages."""
    grand_total_labels: list[str] = field(default_factory=list)
    item_headers: list[str] = field(default_factory=list)
    """Headers naming an order's items: a file with one lists items, not orders alone."""
    order_total_headers: list[str] = field(default_factory=list)
    """Headers naming the whole order's total, which a file of items repeats on each row."""
    number_header_words: list[str] = field(default_factory=list)
    """What follows a carrier's name in a header naming its tracking numbers ('UPS #')."""
    letter_service_words: list[str]
    letter_service_whole_words: list[str]
    month_names: dict[str, list[str]] = field(default_factory=dict)
    """Other languages' month names, by the English abbreviation dates are parsed with."""
    date_fillers: list[str] = field(default_factory=list)


_PREPARED: dict[str, object] = {}
"""Registries handed over already read and validated (`use_prepared`), by file name."""
_READERS: dict[str, Callable[[], object]] = {}
"""The readers `prepared` can keep the registries of, by file name."""

T = TypeVar("T")


def _registry(name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """A registry's reader, read and validated once; a copy handed over by `use_prepared`
    is returned instead, when there is one (neither its YAML nor pydantic's validator, whose
    first build imports `importlib.metadata`, is then paid)."""

    def keeping(read: Callable[[], T]) -> Callable[[], T]:
        @cache
        def kept_or_read() -> T:
            return cast(T, _PREPARED[name]) if name in _PREPARED else read()

        kept_or_read.__doc__ = read.__doc__
        _READERS[name] = kept_or_read
        return kept_or_read

    return keeping


def prepared(names: tuple[str, ...]) -> dict[str, object]:
    """The named registries as read and validated, to be kept and handed back later."""
    return {name: _READERS[name]() for name in names}


def use_prepared(registries: dict[str, object]) -> None:
    """Registries kept from an earlier `prepared` (the prepared knowledge base of `vtrbot
    ask`): used instead of reading and validating their YAML again."""
    _PREPARED.update(registries)


def _load(name: str) -> object:
    # libyaml's loader when installed: the same safe subset, read about ten times faster.
    import yaml  # only when the registry is read: a prepared knowledge base needs no YAML

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


def _validated(kind: Any, name: str) -> object:
    """The registry's YAML validated as `kind` (pydantic is imported here, where a registry
    is first read, not where the module is)."""
    from pydantic import TypeAdapter

    return TypeAdapter(kind).validate_python(_load(name))


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
"""Zero-width characters (space, non-joiner, joiner, word joiner, BOM) that text pasted from a
web page or a chat carries: no seller sees them, so a header, a carrier's name and a tracking
number are read without them, as spaces are (set F11's F02). NFKC makes the other Unicode
spaces (U+00A0, U+202F) plain ones."""
_NON_KEY = re.compile(rf"[\s\-_.·・/\\{INVISIBLE}]+")


def fold_key(text: str) -> str:
    """Fold a header or alias for comparison: width, case, BOM, separators and Chinese
    script ignored (聯邦快遞 is 联邦快递: chinese_script.py)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return to_simplified(_NON_KEY.sub("", folded))


@dataclass(kw_only=True)
class ProductCategory:
    """One of Amazon's top-level categories (categories.yaml)."""

    amazon: list[str]
    """The names Amazon gives it, amazon.com's first."""
    zh: str
    """Its common Chinese name."""
    also: list[str] = field(default_factory=list)
    """Other names sellers and ERPs give it, in either language."""

    def official_names(self) -> tuple[str, ...]:
        """Amazon's names and the Chinese one: the names a top level is written with."""
        return (*self.amazon, self.zh)


@cache
def product_categories() -> tuple[ProductCategory, ...]:
    raw = _validated(dict[str, ProductCategory], "categories.yaml")
    return tuple(cast("dict[str, ProductCategory]", raw).values())


def _folded_name(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().strip()


@cache
def category_aliases() -> tuple[tuple[str, ...], ...]:
    """Each product category's names in both languages (categories.yaml), case folded:
    Amazon's, then the Chinese one, then the others."""
    return tuple(
        tuple(_folded_name(a) for a in (*c.official_names(), *c.also)) for c in product_categories()
    )


@cache
def top_level_names() -> dict[str, tuple[str, ...]]:
    """The names a top-level category is written with (Amazon's and its common Chinese
    one), case folded, each to every name of its category."""
    return {
        _folded_name(name): names
        for c, names in zip(product_categories(), category_aliases(), strict=True)
        for name in c.official_names()
    }


_NAME_PARTS = re.compile(r"\s*[/|｜]\s*|\s*[(（]\s*|\s*[)）]\s*")
"""Separators between the names an export gives one category in two languages
("Pet Supplies/宠物用品", "Toys (玩具)")."""


def category_spellings(name: str) -> tuple[str, ...]:
    """A category's name and every other name of the same category ("Toys" → toys, 玩具 …),
    case folded. A name written in both languages ("Garden & Outdoor/园艺户外") is each of
    its parts too, with their other names, so a question in either language finds it; only
    the name and its parts for a category the table does not know."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    parts = [folded, *(p for p in _NAME_PARTS.split(folded) if p and p != folded)]
    # "居家廚房" written in Traditional is 居家厨房 to a question in Simplified, and to the table.
    parts = list(dict.fromkeys(q for p in parts for q in (p, to_simplified(p))))
    spellings: list[str] = []
    for part in parts:
        group = next((names for names in category_aliases() if part in names), ())
        spellings += [part, *group]
    return tuple(dict.fromkeys(spellings))


@cache
def carriers_the_sources_name() -> list[Carrier]:
    """The carriers the knowledge base answers of (`Carrier.sources_name`)."""
    return [carrier for carrier in carriers() if carrier.sources_name]


@cache
def column_aliases() -> dict[str, tuple[str, ...]]:
    """meaning -> folded header spellings, in preference order. Read once: every line a
    file's header is looked for in asks it, under each delimiter tried."""
    raw = cast("dict[str, list[str]]", _validated(dict[str, list[str]], "columns.yaml"))
    return {meaning: tuple(fold_key(a) for a in aliases) for meaning, aliases in raw.items()}


_WORD_GROUPS = "groups"
"""header_words.yaml's entry of named word groups, not a meaning."""


@cache
def _header_words_file() -> dict[str, dict[str, list[str]]]:
    words = _validated(dict[str, dict[str, list[str]]], "header_words.yaml")
    return cast("dict[str, dict[str, list[str]]]", words)


def header_words() -> dict[str, dict[str, list[str]]]:
    """meaning -> {"any": word sets, "not": words} for headers no alias spells."""
    return {k: v for k, v in _header_words_file().items() if k != _WORD_GROUPS}


def header_word_groups() -> dict[str, list[str]]:
    """name -> words: what `@name` stands for in header_words.yaml's word sets."""
    return _header_words_file()[_WORD_GROUPS]


@_registry("vocabulary.yaml")
def vocabulary() -> Vocabulary:
    return cast(Vocabulary, _validated(Vocabulary, "vocabulary.yaml"))


@_registry("marketplaces.yaml")
def marketplaces() -> tuple[Marketplace, ...]:
    return tuple(cast("list[Marketplace]", _validated(list[Marketplace], "marketplaces.yaml")))


@cache
def marketplace_by_code() -> dict[str, Marketplace]:
    return {m.code: m for m in marketplaces()}


@_registry("carriers.yaml")
def carriers() -> tuple[Carrier, ...]:
    return tuple(cast("list[Carrier]", _validated(list[Carrier], "carriers.yaml")))


@cache
def carrier_by_id() -> dict[str, Carrier]:
    return {c.id: c for c in carriers()}


@_registry("amazon_carrier_codes.yaml")
def amazon_carrier_list() -> dict[str, str]:
    """Our carriers' ids → the code Amazon's carrier list has for each (the `from_registry`
    of amazon_carrier_codes.yaml, validated where fixes are sent: bot/domain/amazon_carriers.py).
    A carrier missing here is one the list is not known to have: entered as "Other"."""
    table = cast("dict[str, dict[str, str]]", _load("amazon_carrier_codes.yaml"))
    return dict(table["from_registry"])


@cache
def metrics() -> dict[str, Metric]:
    table = cast("list[Metric]", _validated(list[Metric], "metrics.yaml"))
    return {m.id: m for m in table}


@_registry("policy_dates.yaml")
def policy_dates() -> tuple[PolicyDate, ...]:
    return tuple(cast("list[PolicyDate]", _validated(list[PolicyDate], "policy_dates.yaml")))


@cache
def transit() -> TransitTable:
    return cast(TransitTable, _validated(TransitTable, "transit.yaml"))
