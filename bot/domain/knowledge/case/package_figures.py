"""The message's package figures, checked against its rate, less an exempt order."""

from __future__ import annotations

from bot.domain.knowledge.case.amounts import amount_match
from bot.domain.knowledge.case.rates import INVALID
from bot.domain.knowledge.figures import (
    BAR_PERCENT,
    Reading,
    read_figures,
    without_exempt,
)
from bot.domain.knowledge.patterns import CLAUSE, lazy
from bot.domain.knowledge.tables import Table
from bot.domain.reference import Marketplace
from bot.domain.value_limits import value_exemption

_THAT_ORDER = lazy(
    r"\bthe (?:other|remaining|last|rest|\d+(?:st|nd|rd|th))\b|\bthat (?:one|order|package|parcel)\b|"
    r"\bthe (?:one|order|package|parcel)s? (?:without|with no|that|which)|\bthose\b|\bthem\b|\bboth\b|"
    r"\bthey (?:were|are|all)\b|"
    r"剩下|另外|其余|其他|没有?(?:上传)?(?:追踪|单号)的|无效的|那单|那个|那一单|那几单|那些|这单|这个|这几单"
)
"""A clause said of the packages already told ("the other one was a €12 letter")."""


_STATED_COUNT = lazy(
    r"(?<![\d.€$£¥￥])(\d{1,4})\s*(?:单|个|件|封|orders?\b|packages?\b|parcels?\b|letters?\b|"
    r"of (?:them|those|these)\b)"
)
"""A count of packages in a clause, not an amount ("the other 3 orders", not "a €10 order")."""


_ALL_OF_THEM = lazy(r"\bboth\b|\ball\b|\bthose\b|\bthem\b|\bthey\b|都|全|那些|这些|几单")


def _exempt_remainder(
    reading: Reading,
    text: str,
    order: tuple[tuple[Marketplace, ...], float | None, str | None, bool],
) -> Reading:
    """Invalid packages the seller says are an exempt order ("the 12th was a €12 Brief",
    "没追踪那单只有800日元"): out of the total, by the rule orders are judged by
    (value_exemption), when the amount's clause speaks of those packages. `order` is the
    question's marketplace, amount, currency and whether a letter service is named."""
    now = reading.now
    markets, amount, currency, letter = order
    market = markets[0] if len(markets) == 1 else None
    if now is None or reading.then is not None or market is None or amount is None:
        return reading
    if {"exempt", "left_out"} & set(reading.roles) or currency is None:
        return reading
    if value_exemption(market.code, currency, amount, letter) is None:
        return reading
    match, _ = amount_match(text)
    clause = _clause_at(text, match.start() if match else 0)
    if not _THAT_ORDER.search(clause) and not INVALID.search(clause):
        return reading
    invalid = now.shipments - now.valid
    stated = [int(n) for n in _STATED_COUNT.findall(clause)]
    count = stated[0] if stated else (invalid if _ALL_OF_THEM.search(clause) else 1)
    return without_exempt(reading, count)


def _clause_at(text: str, at: int) -> str:
    """The clause (between commas or sentence ends) holding position `at`."""
    starts = [m.end() for m in CLAUSE.finditer(text) if m.end() <= at]
    ends = [m.start() for m in CLAUSE.finditer(text) if m.start() >= at]
    return text[max(starts, default=0) : min(ends, default=len(text))]


def read_packages(
    text: str,
    rate: float | None,
    table: Table,
    order: tuple[tuple[Marketplace, ...], float | None, str | None, bool],
) -> Reading:
    """The message's package figures: told in words (checked against the one rate stated)
    or as a pasted table's one row, less an untracked order the seller says is exempt."""
    reading = _tabled(table) or _checked(read_figures(text, rate=rate), rate, text)
    return _exempt_remainder(reading, text, order)


def _tabled(table: Table) -> Reading | None:
    """A pasted table's one row as the message's figures, or the row it cannot read as an
    unclear part of a whole; None when the table has several rows (each a group) or none."""
    if table.unclear is not None:
        _, part, whole = table.unclear
        return Reading({"total": whole, "unsure": part}, unclear=True)
    if len(table.groups) != 1:
        return None
    counts = table.groups[0][1]
    return Reading({"total": counts.shipments, "valid": counts.valid}, now=counts)


def not_counts(amount: float | None) -> frozenset[float]:
    """Figures that are no package counts: an order's amount ("a 15 EUR letter")."""
    return frozenset() if amount is None else frozenset({amount})


_WHOLE_SHOP = lazy(
    r"整体|店铺|全店|整店|整个店|整个账号|总体|overall|\bshop\b|\bstore\b|account|whole"
)


def _checked(reading: Reading, rate: float | None, text: str) -> Reading:
    """Counts told in words against the one rate the seller states for them ("12 went
    untracked out of 400 … now at 94%": 388/400 is 97%): when they disagree, neither is
    worked out."""
    now = reading.now
    told = {"valid", "invalid"} & set(reading.roles)
    if now is None or rate is None or not told or reading.then is not None:
        return reading
    if _WHOLE_SHOP.search(text) or rate == BAR_PERCENT:
        return reading  # "shop overall 97%, Toys 37 of 40": the rate is another group's
    decimals = len(f"{rate:g}".split(".")[1]) if "." in f"{rate:g}" else 0
    if abs(now.valid * 100 / now.shipments - rate) <= 0.5 * 10**-decimals:
        return reading
    return Reading(reading.roles, unclear=True, stated_rate=rate)
