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

import polars as pl

from bot.domain.models import ExclusionReason
from bot.domain.reference import marketplace_by_code, vocabulary
from bot.domain.value_limits import (
    DE_DOMESTIC_COUNTS_OVER_EUR,
    EU_LETTER_LIMIT_EUR,
    JP_EXEMPT_LIMIT_JPY,
    US_TWO_SCANS_FROM_USD,
    value_exemption,
)
from bot.domain.values import map_unique, marketplace_code, parse_amounts, vocabulary_meaning

__all__ = [
    "DE_DOMESTIC_COUNTS_OVER_EUR",
    "EU_LETTER_LIMIT_EUR",
    "JP_EXEMPT_LIMIT_JPY",
    "US_TWO_SCANS_FROM_USD",
    "letter_service",
    "priced_candidates",
    "value_exemption",
    "with_market",
    "with_value_exemptions",
]


def _is_letter_service(service: str) -> bool:
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
    reason = value_exemption(marketplace, currency, value, _is_letter_service(service))
    return cast("ExclusionReason | None", reason)


@cache
def letter_markets() -> tuple[str, ...]:
    """The marketplaces whose letters under EUR 20 are exempt (marketplaces.yaml)."""
    return tuple(code for code, m in marketplace_by_code().items() if m.letter_rule)


def letter_service(frame: pl.DataFrame) -> pl.Series:
    if "ship_service" not in frame.columns:
        return pl.Series("letter", [False] * frame.height, dtype=pl.Boolean)
    return map_unique(frame.get_column("ship_service"), _is_letter_service, pl.Boolean)


def with_market(rows: pl.DataFrame) -> pl.DataFrame:
    markets = map_unique(rows.get_column("marketplace_text"), marketplace_code, pl.String)
    fulfillment = map_unique(
        rows.get_column("fulfillment_text"),
        lambda t: vocabulary_meaning("fulfillment", t),
        pl.String,
    )
    rows = rows.with_columns(marketplace=markets, fulfillment=fulfillment)
    # Only letters to EU marketplaces and Japanese orders can be exempt by value.
    return rows.with_columns(
        value_rule=(pl.col("marketplace").is_in(letter_markets()) & pl.col("letter"))
        | (pl.col("marketplace") == "JP")
    )


def with_value_exemptions(rows: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
    """Mark eu_letter_under_20 / jp_under_1000 on rows no earlier rule excluded.

    `candidates` are the rows a value rule can apply to, with their position `row` among
    all rows; only the exempt ones are written, in place of a second full-height column."""
    if candidates.is_empty():
        return rows
    exempt = _value_exemption(candidates)
    excluded = rows.get_column("excluded")
    exempt = exempt.filter(excluded.gather(exempt.get_column("row")).is_null().to_numpy())
    if exempt.is_empty():
        return rows
    excluded = excluded.scatter(exempt.get_column("row"), exempt.get_column("value_exemption"))
    return rows.with_columns(excluded)


def priced_candidates(candidates: pl.DataFrame) -> pl.DataFrame:
    """(row, order_id, marketplace, value, priced, negative, currency) of the rows a value rule can
    apply to, typed per batch so that no price text outlives its batch."""
    default_currency = {code: m.currency for code, m in marketplace_by_code().items()}
    amounts = parse_amounts(candidates.get_column("amount_text"))
    shipping = parse_amounts(candidates.get_column("shipping_text"))
    taxes = parse_amounts(candidates.get_column("item_tax_text")).fill_null(0.0) + parse_amounts(
        candidates.get_column("shipping_tax_text")
    ).fill_null(0.0)
    written = pl.col("currency_text").str.strip_chars().str.to_uppercase()
    currency = (
        pl.when(written != "")
        .then(written)
        .otherwise(pl.col("marketplace").replace_strict(default_currency, default=""))
    )
    return candidates.select(
        "row",
        "order_id",
        pl.col("marketplace").cast(pl.Categorical),
        # Shipping included, VAT excluded (docs/vtr-rules.md §2).
        value=amounts.fill_null(0.0) + shipping.fill_null(0.0) - taxes,
        # A negative price is a refund or a forgery, not a low value: its order is not
        # judged by value at all (a -100 EUR letter is not "under EUR 20").
        priced=amounts.is_not_null() & (amounts >= 0) & (shipping.fill_null(0.0) >= 0),
        negative=(amounts.fill_null(0.0) < 0) | (shipping.fill_null(0.0) < 0),
        currency=currency.cast(pl.Categorical),
    )


def _value_exemption(candidates: pl.DataFrame) -> pl.DataFrame:
    """(row, value_exemption) for the candidate rows whose order is exempt by value.

    The order's value sums its rows' item price and shipping price less their taxes
    (docs/vtr-rules.md §1-2: shipping included, VAT excluded). Every candidate is a letter
    to an EU marketplace or a Japanese row (`with_market`), so each is judged as a letter."""
    judged = candidates.with_columns(
        total=pl.col("value").sum().over("order_id"),
        priced=pl.col("priced").any().over("order_id") & ~pl.col("negative").any().over("order_id"),
    )
    orders = (
        judged.filter(pl.col("priced"))
        .select(pl.col("marketplace", "currency").cast(pl.String), "total")
        .unique()
    )
    reasons = [value_exemption(m, c, total, True) for m, c, total in orders.iter_rows()]
    verdicts = orders.with_columns(value_exemption=pl.Series(reasons, dtype=pl.String))
    keyed = judged.filter(pl.col("priced")).with_columns(
        pl.col("marketplace", "currency").cast(pl.String)
    )
    exempt = keyed.join(verdicts, on=["marketplace", "currency", "total"], how="inner")
    return exempt.select("row", "value_exemption").drop_nulls()
