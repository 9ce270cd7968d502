"""Which shipments are exempt by value (docs/vtr-rules.md §2, §4.2): letters under EUR 20
to EU marketplaces and Japanese orders under JPY 1,000, judged on the whole order's value,
shipping included and VAT excluded, never on a negative or missing amount.

One rule, `value_limits.value_exemption` (one order judged), for every way an order is
judged: an uploaded file's orders (item price + shipping − item and shipping tax, summed per
order; the rule is asked once per distinct order value), a connected store's orders
(`order_value_exemption`: Amazon's order total less its tax) and the answers.
"""

from __future__ import annotations

import re
from functools import cache
from typing import cast

import numpy as np
import numpy.typing as npt
import polars as pl

from bot.domain.models import ExclusionReason
from bot.domain.reference import marketplace_by_code, vocabulary
from bot.domain.value_limits import (
    DE_DOMESTIC_COUNTS_OVER_EUR,
    EU_LETTER_LIMIT_EUR,
    JP_EXEMPT_LIMIT_JPY,
    LETTER_COUNTED_UNCONVERTED,
    US_TWO_SCANS_FROM_USD,
    letter_counted_unconverted,
    value_exemption,
)

LETTER_WARNED = "letter_warned"
"""The column marking a shipment's rows whose letter is counted with a warning."""

__all__ = [
    "DE_DOMESTIC_COUNTS_OVER_EUR",
    "EU_LETTER_LIMIT_EUR",
    "JP_EXEMPT_LIMIT_JPY",
    "LETTER_COUNTED_UNCONVERTED",
    "LETTER_WARNED",
    "US_TWO_SCANS_FROM_USD",
    "is_letter_service",
    "judged_letter_markets",
    "letter_markets",
    "split_warned",
    "value_exemption",
    "value_exemptions_of",
    "with_value_exemptions",
]


def is_letter_service(service: str) -> bool:
    """Ship service names a letter service: 'Großbrief' counts, 'Listing' does not."""
    terms = vocabulary()
    text = service.casefold()
    return any(w in text for w in terms.letter_service_words) or any(
        re.search(rf"\b{w}\b", text) for w in terms.letter_service_whole_words
    )


def order_value_exemption(
    marketplace: str, currency: str, value: float, service: str
) -> ExclusionReason | None:
    """The rule for one package of a connected store's order, by its ship service."""
    reason = value_exemption(marketplace, currency, value, is_letter_service(service))
    return cast("ExclusionReason | None", reason)


@cache
def letter_markets() -> tuple[str, ...]:
    """The marketplaces whose letters under EUR 20 are exempt (marketplaces.yaml)."""
    return tuple(code for code, m in marketplace_by_code().items() if m.letter_rule)


@cache
def judged_letter_markets() -> tuple[str, ...]:
    """The marketplaces whose letters are judged by value: the exempt ones, and those whose
    letters in their own currency are counted with a warning (`letter_counted_unconverted`)."""
    margins = (c for c, m in marketplace_by_code().items() if m.letter_limit_surely_over)
    return (*letter_markets(), *margins)


def with_value_exemptions(rows: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
    """Mark eu_letter_under_20 / jp_under_1000 on rows no earlier rule excluded, and the
    rows of letters counted with a warning in a LETTER_WARNED column (only when there are).

    `candidates` are the rows a value rule can apply to, with their position `row` among
    all rows; only the exempt ones are written, in place of a second full-height column."""
    if candidates.is_empty():
        return rows
    warned, exempt = split_warned(value_exemptions_of(candidates), rows.height)
    if warned.any():
        rows = rows.with_columns(pl.Series(LETTER_WARNED, warned))
    excluded = rows.get_column("excluded")
    exempt = exempt.filter(excluded.gather(exempt.get_column("row")).is_null().to_numpy())
    if exempt.is_empty():
        return rows
    excluded = excluded.scatter(exempt.get_column("row"), exempt.get_column("value_exemption"))
    return rows.with_columns(excluded)


def split_warned(verdicts: pl.DataFrame, height: int) -> tuple[npt.NDArray[np.bool_], pl.DataFrame]:
    """`value_exemptions_of`'s verdicts split in two: the rows whose letter is counted with a
    warning, as flags over all `height` rows, and the verdicts that exclude."""
    warned = verdicts.get_column("value_exemption") == LETTER_COUNTED_UNCONVERTED
    flags = np.zeros(height, np.bool_)
    flags[verdicts.filter(warned).get_column("row").to_numpy()] = True
    return flags, verdicts.filter(~warned)


def value_exemptions_of(candidates: pl.DataFrame) -> pl.DataFrame:
    """(row, value_exemption) for the candidate rows whose order is exempt by value, or
    whose letter is counted with a warning (LETTER_COUNTED_UNCONVERTED in its place).

    The order's value sums its rows' item price and shipping price less their taxes
    (docs/vtr-rules.md §1-2: shipping included, VAT excluded), a row listed twice once
    (`copy`, in a file that lists no items: docs/decisions/015). Every candidate is a letter
    to a `judged_letter_markets` marketplace or a Japanese row, so each is judged as a letter."""
    summed = candidates
    if "copy" in candidates.columns:
        summed = candidates.unique(subset=["order_id", "copy"], keep="any")
    # One group_by and a join: cheaper than three windows over the order ID
    # (docs/performance.md, "The engine after its redesign").
    priced_orders = (
        summed.group_by("order_id")
        .agg(
            total=pl.col("value").sum(),
            priced=pl.col("priced").any() & ~pl.col("negative").any(),
        )
        .filter(pl.col("priced"))
        .drop("priced")
    )
    keyed = candidates.select(
        "row", "order_id", pl.col("marketplace", "currency").cast(pl.String)
    ).join(priced_orders, on="order_id", how="inner")
    orders = keyed.select("marketplace", "currency", "total").unique()
    reasons = [_value_verdict(m, c, total) for m, c, total in orders.iter_rows()]
    verdicts = orders.with_columns(value_exemption=pl.Series(reasons, dtype=pl.String))
    exempt = keyed.join(verdicts, on=["marketplace", "currency", "total"], how="inner")
    return exempt.select("row", "value_exemption").drop_nulls()


def _value_verdict(marketplace: str, currency: str, total: float) -> str | None:
    """One candidate order (a letter, or a Japanese order): exempt, warned of, or neither."""
    reason = value_exemption(marketplace, currency, total, True)
    if reason is None and letter_counted_unconverted(marketplace, currency, total, True):
        return LETTER_COUNTED_UNCONVERTED
    return reason
