"""Which shipments are exempt by value (docs/vtr-rules.md §2, §4.2): letters under EUR 20
to EU marketplaces and Japanese orders under JPY 1,000, judged on the whole order's value,
shipping included and VAT excluded, never on a negative or missing amount.

One rule, `value_exemption_rule`, for both ways shipments arrive: an uploaded file's rows
(item price + shipping − item and shipping tax, summed per order, in columns) and a
connected store's orders (`order_value_exemption`: Amazon's order total less its tax).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

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


def value_exemption_rule(
    marketplace: pl.Expr, currency: pl.Expr, value: pl.Expr, letter: pl.Expr
) -> pl.Expr:
    """The exemption an order's value earns, or null: `value` is the order's total with
    shipping and without VAT, in `currency`; `letter` is whether this package went by a
    letter service."""
    japan = (marketplace == "JP") & (currency == "JPY") & (value < JP_EXEMPT_LIMIT_JPY)
    eu_letter = (
        marketplace.is_in(letter_markets()) & letter & (currency == "EUR")
        & (value < EU_LETTER_LIMIT_EUR)
    )  # fmt: skip
    return (
        pl.when(japan).then(pl.lit("jp_under_1000"))
        .when(eu_letter).then(pl.lit("eu_letter_under_20"))
        .otherwise(pl.lit(None, pl.String))
    )  # fmt: skip


def order_value_exemption(
    marketplace: str, currency: str, value: float, service: str
) -> ExclusionReason | None:
    """`value_exemption_rule` for one package of a connected store's order. Only a letter to
    an EU marketplace or a Japanese order can be exempt (as `with_market` picks a file's
    candidates), so other packages are not put to the rule at all."""
    if value < 0:  # a refund, not a low value (as for a file's negative price)
        return None
    letter = _is_letter_service(service)
    if not (marketplace == "JP" or (letter and marketplace in letter_markets())):
        return None
    return _judged(marketplace, currency, round(value, 2), letter)


@lru_cache(maxsize=4096)
def _judged(marketplace: str, currency: str, value: float, letter: bool) -> ExclusionReason | None:
    rule = value_exemption_rule(
        pl.lit(marketplace, pl.String), pl.lit(currency, pl.String), pl.lit(value, pl.Float64),
        pl.lit(letter),
    )  # fmt: skip
    reason: ExclusionReason | None = pl.select(rule).item()
    return reason


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
    to an EU marketplace or a Japanese row (`with_market`)."""
    judged = candidates.with_columns(
        total=pl.col("value").sum().over("order_id"),
        priced=pl.col("priced").any().over("order_id") & ~pl.col("negative").any().over("order_id"),
    )
    rule = value_exemption_rule(
        pl.col("marketplace").cast(pl.String), pl.col("currency").cast(pl.String),
        pl.col("total"), pl.lit(True),
    )  # fmt: skip
    exemption = pl.when(pl.col("priced")).then(rule)
    return judged.select("row", exemption.alias("value_exemption")).drop_nulls()
