"""Carrier recognition and offline tracking-number checks (docs/vtr-rules.md §4.4, §6).

A row costs one or two pattern checks, not fifty: numbers are first grouped by the
carrier they were entered with, and only that carrier's formats are tried.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import polars as pl
from pydantic import BaseModel

from bot.domain.checkdigits import CHECK_RULES
from bot.domain.models import DefectReason
from bot.domain.reference import (
    Carrier,
    TrackingFormat,
    carrier_by_id,
    carriers,
    fold_key,
    vocabulary,
)

_SHORT_ALIAS = 4
"""Latin aliases shorter than this (ups, dhl, sf) match only as a whole word."""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_WORD = re.compile(r"[0-9a-z]+")
_SCIENTIFIC = r"^[0-9](\.[0-9]+)?E\+?[0-9]+$"
MIN_TRACKING_LENGTH = 3
"""No carrier's tracking number is this short: "1" or "12" stands in for a missing one."""
_OTHER_SCRIPT_LETTER = r"[\p{L}&&[^A-Za-z]]"


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
    # One character class, not four literal replacements: cheaper in polars 2 (see
    # docs/performance.md, "The engine after its redesign").
    folded = number.fill_null("").str.strip_chars().str.strip_prefix("'")
    return folded.str.replace_all("[ \\-\u00a0\t]", "").str.to_uppercase()


def looks_scientific(number: pl.Expr) -> pl.Expr:
    """A number Excel turned into 9.2E+21: its digits are lost here, but most likely not
    at Amazon (the ERP uploaded it before the export was opened in Excel)."""
    return number.str.contains(_SCIENTIFIC)


def placeholder_tracking(number: pl.Expr) -> pl.Expr:
    """A normalized tracking cell that holds no tracking number (无, 待上传, N/A, TBD, 0,
    0000000000): missing tracking (docs/vtr-rules.md §4.4). A number Excel turned into
    9.4E+21 is not one of them: it was a real number (looks_scientific)."""
    length = number.str.len_chars()
    return (
        (number != "")
        & ~looks_scientific(number)
        & (
            number.is_in(_placeholder_words())
            | ~number.str.contains("[0-9]")
            | number.str.contains(_OTHER_SCRIPT_LETTER)
            | (length < MIN_TRACKING_LENGTH)
            # one character repeated: the text equals itself shifted by one character
            | (number.str.slice(1) == number.str.slice(0, length - 1))
        )
    )


@lru_cache(maxsize=1)
def _placeholder_words() -> list[str]:
    return [normalized_text(word) for word in vocabulary().tracking_placeholders]


def normalized_text(text: str) -> str:
    """One cell folded as `normalize_tracking` folds a column."""
    folded: str = pl.select(normalize_tracking(pl.lit(text))).item()
    return folded


# Verdict codes while classifying; turned into DefectReason strings at the end.
_VALID, _MISSING, _UNKNOWN, _BAD_FORMAT, _BAD_CHECK = range(5)
_REASONS: dict[int, DefectReason | None] = {
    _VALID: None,
    _MISSING: "missing_tracking",
    _UNKNOWN: "unknown_carrier",
    _BAD_FORMAT: "bad_format",
    _BAD_CHECK: "bad_check_digit",
}


def _ascii_matrix(numbers: pl.Series, length: int) -> npt.NDArray[np.uint8]:
    joined = "".join(numbers.to_list()).encode("ascii")
    return np.frombuffer(joined, dtype=np.uint8).reshape(len(numbers), length)


def _matches(formats: list[TrackingFormat], numbers: pl.Series) -> list[npt.NDArray[np.bool_]]:
    """Which numbers fit each of `formats`, all patterns in one polars pass: a pass per
    pattern cost more than the matching itself on the few numbers of a small file."""
    if not formats or numbers.is_empty():
        return [np.zeros(len(numbers), dtype=np.bool_) for _ in formats]
    fitting = numbers.to_frame("number").select(
        pl.col("number").str.contains(f"^(?:{fmt.pattern})$").fill_null(False).alias(str(i))
        for i, fmt in enumerate(formats)
    )
    return [column.to_numpy() for column in fitting.iter_columns()]


def _fit_and_pass(
    formats: list[TrackingFormat],
    numbers: pl.Series,
    matches: list[npt.NDArray[np.bool_]] | None = None,
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Which numbers fit one of `formats`, and which of those pass its check digit
    (`matches`: each format's fits, when already known)."""
    fits = np.zeros(len(numbers), dtype=np.bool_)
    passes = np.zeros(len(numbers), dtype=np.bool_)
    for fmt, match in zip(formats, matches or _matches(formats, numbers), strict=True):
        if not match.any():
            continue
        fits |= match
        todo = np.flatnonzero(match & ~passes)
        if fmt.check is None:
            passes[todo] = True
            continue
        lengths = numbers.gather(todo).str.len_bytes().to_numpy()
        for length in np.unique(lengths):
            rows = todo[lengths == length]
            passes[rows] = CHECK_RULES[fmt.check](_ascii_matrix(numbers.gather(rows), int(length)))
    return fits, passes


def _check_formats(carrier: Carrier, numbers: pl.Series) -> npt.NDArray[np.int8]:
    """Verdict codes for non-empty numbers entered with one carrier that has formats."""
    fits, passes = _fit_and_pass(carrier.formats, numbers)
    return np.where(passes, _VALID, np.where(fits, _BAD_CHECK, _BAD_FORMAT)).astype(np.int8)


@lru_cache(maxsize=1)
def _distinctive_formats() -> list[tuple[str, TrackingFormat]]:
    return [(c.id, fmt) for c in carriers() for fmt in c.formats if fmt.distinctive]


def _belongs_elsewhere(carrier: Carrier, numbers: pl.Series) -> npt.NDArray[np.bool_]:
    """Which numbers, entered under a carrier with no format rule of its own, can only be
    another carrier's (YT + 16 digits under 4PX): a distinctive format, check digit
    included, that the carrier does not hand out itself (`may_use`)."""
    others = [fmt for carrier_id, fmt in _distinctive_formats() if carrier_id != carrier.id]
    elsewhere = _fit_and_pass(others, numbers)[1]
    if carrier.may_use and elsewhere.any():
        own = numbers.str.contains(f"^(?:{'|'.join(carrier.may_use)})$").fill_null(False)
        elsewhere &= ~own.to_numpy()
    return elsewhere


def likely_carriers(entered: pl.Series, numbers: pl.Series) -> pl.Series:
    """For each (entered carrier id, normalized number) pair: the id of the one *other*
    carrier whose numbers this one fits, check digit included, or null when none or
    several do. A valid number under the wrong carrier is what Amazon shows as
    "unconfirmed"; naming the right carrier tells the seller what to pick instead."""
    candidates = numbers.filter(numbers != "").unique()
    naming = _naming_formats()
    matches = iter(_matches([fmt for _, formats in naming for fmt in formats], candidates))
    fitting = []
    for carrier_id, formats in naming:
        passes = _fit_and_pass(formats, candidates, [next(matches) for _ in formats])[1]
        if passes.any():
            fitting.append(
                pl.DataFrame({"number": candidates.filter(passes), "likely": carrier_id})
            )
    per_number = pl.concat(fitting) if fitting else pl.DataFrame(schema=_LIKELY_SCHEMA)
    pairs = pl.DataFrame(
        {"entered": entered.cast(pl.String).fill_null(""), "number": numbers.fill_null("")}
    ).with_row_index("row")
    found = (
        pairs.join(per_number, on="number")
        .filter(pl.col("likely") != pl.col("entered"))
        .group_by("row")
        .agg(pl.col("likely").first(), pl.len().alias("fits"))
        .filter(pl.col("fits") == 1)
    )
    return pairs.join(found, on="row", how="left").sort("row").get_column("likely").alias("likely")


_LIKELY_SCHEMA = {"number": pl.String, "likely": pl.String}


@lru_cache(maxsize=1)
def _naming_formats() -> list[tuple[str, list[TrackingFormat]]]:
    """Each carrier's marks, for carriers that have any: its distinctive formats (check
    digit included) and its `looks_like` patterns."""
    naming = [
        (
            carrier.id,
            [fmt for fmt in carrier.formats if fmt.names]
            + [TrackingFormat(pattern=pattern) for pattern in carrier.looks_like],
        )
        for carrier in carriers()
    ]
    return [(carrier_id, formats) for carrier_id, formats in naming if formats]


def classify(frame: pl.DataFrame) -> pl.DataFrame:
    """Add `reason` (a DefectReason or null) and `unverified` to (carrier_id, tracking) rows.

    `tracking` must already be normalized. Rows are grouped by carrier so each number is
    tried against its own carrier's formats only; row order is kept.
    """
    verdicts = np.zeros(frame.height, dtype=np.int8)
    unverified = np.zeros(frame.height, dtype=np.bool_)
    tracking = frame.get_column("tracking")
    empty = (
        frame.select((pl.col("tracking") == "") | placeholder_tracking(pl.col("tracking")))
        .to_series()
        .to_numpy()
    )
    known = carrier_by_id()
    rows_by_carrier = (
        frame.select("carrier_id")
        .with_row_index("row")
        .partition_by("carrier_id", as_dict=True, include_key=False)
    )
    for (carrier_id,), part in rows_by_carrier.items():
        rows = part.get_column("row").to_numpy()
        rows = rows[~empty[rows]]
        carrier = known.get(carrier_id) if carrier_id else None
        if carrier is None:
            verdicts[rows] = _UNKNOWN
        elif not carrier.formats:
            elsewhere = _belongs_elsewhere(carrier, tracking.gather(rows))
            verdicts[rows[elsewhere]] = _BAD_FORMAT
            unverified[rows[~elsewhere]] = True
        else:
            verdicts[rows] = _check_formats(carrier, tracking.gather(rows))
    verdicts[empty] = _MISSING
    # A number Excel turned into 9.4E+21 was a real one, and Amazon most likely holds it
    # whole: valid, not a defect the plan would count on fixing (docs/vtr-rules.md §4.4).
    damaged = frame.select(looks_scientific(pl.col("tracking"))).to_series().to_numpy()
    verdicts[damaged] = _VALID
    unverified[damaged] = False
    reasons = pl.Series("reason", verdicts).replace_strict(_REASONS, return_dtype=pl.Categorical)
    return frame.with_columns(reason=reasons, unverified=pl.Series("unverified", unverified))


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
