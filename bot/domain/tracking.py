"""Carrier recognition and offline tracking-number checks (domain.md §4 rule 4, §6).

A row costs one or two pattern checks, not fifty: numbers are first grouped by the
carrier they were entered with, and only that carrier's formats are tried.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import polars as pl
from pydantic import BaseModel

from bot.domain.checkdigits import CHECK_RULES
from bot.domain.models import DefectReason
from bot.domain.reference import Carrier, carrier_by_id, carriers, fold_key

_SHORT_ALIAS = 4
"""Latin aliases shorter than this (ups, dhl, sf) match only as a whole word."""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_WORD = re.compile(r"[0-9a-z]+")
_SCIENTIFIC = r"^[0-9](\.[0-9]+)?E\+?[0-9]+$"


@lru_cache(maxsize=1)
def _alias_index() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(exact folded alias -> carrier id, [(alias, id)] longest first for containment)."""
    exact: dict[str, str] = {}
    for carrier in carriers():
        for alias in carrier.aliases:
            exact.setdefault(fold_key(alias), carrier.id)
    by_length = sorted(exact.items(), key=lambda item: -len(item[0]))
    return exact, by_length


@lru_cache(maxsize=4096)
def resolve_carrier(text: str | None) -> str | None:
    """The carrier id a cell means ("UPS Ground", "云途物流", "Fed Ex"), or None."""
    if not text or not text.strip():
        return None
    folded = fold_key(text)
    exact, by_length = _alias_index()
    if folded in exact:
        return exact[folded]
    words = set(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))
    for alias, carrier_id in by_length:
        if len(alias) < _SHORT_ALIAS and not _CJK.search(alias):
            if alias in words:
                return carrier_id
        elif alias in folded:
            return carrier_id
    return None


def normalize_tracking(number: pl.Expr) -> pl.Expr:
    """Case and inner spaces/dashes are ignored (§4); Excel's text-marking quote too."""
    return (
        number.fill_null("")
        .str.strip_chars()
        .str.strip_prefix("'")
        .str.to_uppercase()
        .str.replace_all(r"[\s\-]+", "")
    )


def looks_scientific(number: pl.Expr) -> pl.Expr:
    """A number Excel turned into 9.2E+21: its digits are lost, worth its own warning."""
    return number.str.contains(_SCIENTIFIC)


def _carrier_verdict(carrier: Carrier | None, number: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(reason, unverified) for numbers entered with one carrier (None: unrecognised)."""
    missing = number == ""
    if carrier is None:
        reason = (
            pl.when(missing).then(pl.lit("missing_tracking")).otherwise(pl.lit("unknown_carrier"))
        )
        return reason, pl.lit(False)
    if not carrier.formats:
        reason = pl.when(missing).then(pl.lit("missing_tracking")).otherwise(pl.lit(None))
        return reason, ~missing
    matches = [number.str.contains(f"^(?:{fmt.pattern})$") for fmt in carrier.formats]
    checked = [
        (match & CHECK_RULES[fmt.check](number).fill_null(False)) if fmt.check else match
        for match, fmt in zip(matches, carrier.formats, strict=True)
    ]
    reason = (
        pl.when(missing)
        .then(pl.lit("missing_tracking"))
        .when(~pl.any_horizontal(matches))
        .then(pl.lit("bad_format"))
        .when(~pl.any_horizontal(checked))
        .then(pl.lit("bad_check_digit"))
        .otherwise(pl.lit(None))
    )
    return reason, pl.lit(False)


def classify(pairs: pl.DataFrame) -> pl.DataFrame:
    """Add `reason` (a DefectReason or null) and `unverified` to (carrier_id, tracking) rows.

    `tracking` must already be normalized. Call it on unique pairs: the result joins back.
    """
    if pairs.is_empty():
        return pairs.with_columns(
            reason=pl.lit(None, dtype=pl.String), unverified=pl.lit(False, dtype=pl.Boolean)
        )
    known = carrier_by_id()
    parts = []
    for (carrier_id,), part in pairs.partition_by("carrier_id", as_dict=True).items():
        reason, unverified = _carrier_verdict(known.get(carrier_id or ""), pl.col("tracking"))
        parts.append(
            part.with_columns(reason=reason.cast(pl.String), unverified=unverified.cast(pl.Boolean))
        )
    return pl.concat(parts)


class TrackingVerdict(BaseModel):
    carrier_id: str | None
    tracking: str
    reason: DefectReason | None
    unverified: bool

    @property
    def valid(self) -> bool:
        return self.reason is None


def check_tracking(carrier: str | None, tracking: str | None) -> TrackingVerdict:
    """Check one number as the engine would (same rules, same code path)."""
    frame = pl.DataFrame(
        {"carrier_id": [resolve_carrier(carrier)], "tracking": [tracking or ""]},
        schema={"carrier_id": pl.String, "tracking": pl.String},
    ).with_columns(tracking=normalize_tracking(pl.col("tracking")))
    row = classify(frame).row(0, named=True)
    return TrackingVerdict(**row)
