"""The facts a question states and the form of what it asks, as one value the rules read."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from bot.domain.knowledge.case.metrics import Contrast
from bot.domain.knowledge.figures import (
    Counts,
    Reading,
)
from bot.domain.knowledge.patterns import lazy
from bot.domain.reference import Carrier, Marketplace

_RAW_WORD = lazy(r"[A-Za-z][A-Za-z&'-]*")


@dataclass(frozen=True, slots=True)
class Case:
    """The facts a question states and the form of what it asks."""

    text: str
    raw: str = ""
    """The question as typed, for the names a seller writes ("Home & Kitchen")."""
    metrics: tuple[str, ...] = ()
    markets: tuple[Marketplace, ...] = ()
    origin: str | None = None
    """Code of the marketplace shipped from, or "CN"."""
    destination: Marketplace | None = None
    domestic: bool = False
    abroad: bool = False
    """Another European country named (Austria, Portugal …): the route crosses a border."""
    carriers: tuple[Carrier, ...] = ()
    number_carrier: str | None = None
    """The carrier the question's tracking number belongs to by its shape (entities.py)."""
    amount: float | None = None
    currency: str | None = None
    bound: str | None = None
    """ "1000日元以下", "under EUR 20": the amount is a rule's limit ("under"/"over"), not an order's."""
    own_order: tuple[float, int] | None = None
    """The seller's own order's amount told after a rule's limit ("under €20 are exempt, so my
    €35 Brief …"), and where in `text` it is said; None when no limit or no such order."""
    letter: bool = False
    parcel: bool = False
    """A parcel service named ("普通包裹", "as a parcel"): not a letter."""
    buy_shipping: bool = False
    counts: Counts | None = None
    """The counts a verdict is given on (a hypothetical's, when one is supposed)."""
    reading: Reading | None = None
    """Every package figure by its role (figures/), the window now and as supposed."""
    one_figure: bool = False
    """One package figure given ("I shipped 200, am I ok?"): too few to decide the bar."""
    total: int | None = None
    """The packages shipped, when the question gives that figure."""
    rate_groups: tuple[tuple[str, float], ...] = ()
    """Several labelled groups' rates ("Home 95.2%, Toys 94.1%"), as written."""
    groups: tuple[tuple[str, Counts], ...] = ()
    """Several groups' figures in one question ("电子：100个，有效96；家居：50个，有效47"),
    each with the label written before it."""
    rate: float | None = None
    """A rate the seller states as theirs (percent), not the bar."""
    stated_windows: tuple[tuple[str, int], ...] = ()
    """Windows in days said of metrics, each given to the metric named before it ("VTR is a
    7-day metric" → ("vtr", 7)), or to every metric named when they are said to be alike
    ("VTR和迟发率一样都是看10天")."""
    contrasts: tuple[Contrast, ...] = ()
    """Clauses that set another metric against the one the belief is about ("not 60 like
    ODR", "不像ODR那样看60天"): what they say is that metric's, judged on its own."""
    metrics_at: tuple[tuple[int, str], ...] = ()
    """Where each metric is named in `text` (every time), for what a "not" denies."""
    metric_rates: tuple[tuple[str, float], ...] = ()
    """Each metric named with its own rate after it ("PFCR 2.4% and ODR 1.1%"), in order."""
    concepts: frozenset[str] = field(default_factory=frozenset)
    belief: bool = False
    negated: bool = False
    how_many: bool = False
    when: bool = False
    what_to_do: bool = False
    own: bool = False
    age_days: int | None = None
    as_of: tuple[int, int] | None = None
    """(month, day) of the report's as-of day, named beside the day a package shipped."""
    ship_ages: tuple[int, ...] = ()
    """Each ship day named beside the as-of day (or today), as days before it, in the order
    asked: two dates in one question are each judged on their own."""
    """How long ago the package in question was shipped ("10天前发的", "shipped 3 months
    ago"), in days; None when the question gives no age."""
    verb: str | None = None
    """The verb a Chinese yes/no question asks with (算不算 → 算, 可以…吗 → 可以): the
    answer's first word, as a Chinese speaker answers yes or no."""

    @property
    def metric(self) -> str | None:
        return self.metrics[0] if self.metrics else None

    @property
    def names_a_marketplace(self) -> bool:
        """A marketplace is named: what the sources state of most marketplaces only (OTDR is
        no enforced bar "in most", domain.md §3) they do not state of it."""
        return bool(self.markets)

    def as_written(self, folded: str) -> str:
        """A piece of the normalised text as the seller wrote it (case kept), if found."""
        at = self.raw.casefold().find(folded)
        if at >= 0 and folded:
            return self.raw[at : at + len(folded)]
        # A word the typo repair changed ("Shoes" read as "shows"): the seller's own spelling,
        # word by word in a longer name ("my shows category" → "my shoes category").
        words = {w.casefold(): w for w in _RAW_WORD.findall(self.raw)}
        if " " in folded:
            return " ".join(self.as_written(part) for part in folded.split())
        close = difflib.get_close_matches(folded, list(words), n=1, cutoff=0.75)
        return words[close[0]] if close else folded
