"""Cell values sellers write in many ways: dates, amounts, marketplaces, statuses.

Each parser works on a column's *unique* values and maps the answers back, so a
million rows with a few hundred distinct dates cost a few hundred parses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

import numpy as np
import polars as pl

from bot.domain.reference import fold_key, marketplaces, vocabulary

# The date part of a cell; times and zones after it are ignored (domain keys on the day).
_DATE_PART = (
    r"^\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|\d{8}(?:\D|$)"
    r"|\d{5}(?:\.\d+)?$)"
)
_YMD = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_AMBIGUOUS = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})[-/.](\d{2,4})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})")
_EXCEL_SERIAL = re.compile(r"^(\d{5})(?:\.\d+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)
_NAMED_MONTH_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%d-%b-%Y", "%d-%b-%y")
EARLIEST_PLAUSIBLE = date(2000, 1, 1)
"""No Amazon self-fulfilled shipment is older: a date before it is a typo or a forgery
(0001-01-01), and would push the 30-day window out of any file's range."""
PLAUSIBLE_DAYS_AHEAD = 366
"""Ship dates and report dates may lie up to a year ahead of today (a clock off, a
planned date); later ones (9999-12-31) are not dates a seller means."""
UNREADABLE_EXAMPLES = 5


def plausible_report_date(day: date, today: date | None = None) -> bool:
    """Whether a ship date or report date (`/as_of`) is one a seller can mean."""
    latest = (today or date.today()) + timedelta(days=PLAUSIBLE_DAYS_AHEAD)
    return EARLIEST_PLAUSIBLE <= day <= latest


def _safe_date(year: int, month: int, day: int) -> date | None:
    """A date from its parts; a two-digit year (26-11-20: 2026? 1926? the 26th?) is not
    guessed: the date is unreadable, and the seller is shown it."""
    if year < 100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_first(parts: list[tuple[int, str, int]]) -> tuple[bool, bool]:
    """(day first?, was it a guess?) for a column of a/b/yyyy dates."""
    if any(a > 12 for a, _, _ in parts):
        return True, False
    if any(b > 12 for _, _, b in parts):
        return False, False
    # No evidence: dotted dates are European (DD.MM.YYYY); slashes US (MM/DD/YYYY).
    return any(sep == "." for _, sep, _ in parts), bool(parts)


def _parse_named_month(text: str) -> date | None:
    cleaned = re.sub(r"[,.]", " ", text).split()
    candidate = " ".join(cleaned[:3])
    for fmt in _NAMED_MONTH_FORMATS:
        try:
            return datetime.strptime(candidate, fmt.replace("-", " ")).date()
        except ValueError:
            continue
    return None


def _parse_one(text: str, day_first: bool) -> date | None:
    if match := _YMD.match(text):
        return _safe_date(*map(int, match.groups()))
    if match := _AMBIGUOUS.match(text):
        a, _, b, year = match.groups()
        day, month = (int(a), int(b)) if day_first else (int(b), int(a))
        return _safe_date(int(year), month, day)
    if match := _EXCEL_SERIAL.match(text):
        serial = int(match.group(1))
        return _EXCEL_EPOCH + timedelta(days=serial) if 30000 <= serial <= 80000 else None
    if match := _COMPACT.match(text):
        return _safe_date(*map(int, match.groups()))
    return _parse_named_month(text)


class ParsedDates:
    """A parsed date column and what a seller should know about it: how many dates
    could not be read, and a few of them as written."""

    def __init__(
        self,
        dates: pl.Series,
        blank: pl.Series,
        unreadable: int,
        guessed_order: str | None,
        examples: list[str] | None = None,
    ) -> None:
        self.dates = dates
        self.blank = blank
        self.unreadable = unreadable
        self.guessed_order = guessed_order
        self.examples = examples or []


@dataclass
class DateOrder:
    """How a file writes a/b/yyyy dates, shared by its batches: the first batch with
    evidence (a day over 12) settles it; until then each batch guesses."""

    day_first: bool | None = None
    guessed: str | None = None


def parse_dates(
    raw: pl.Series, order: DateOrder | None = None, today: date | None = None
) -> ParsedDates:
    """Parse a column of seller dates; blank stays null; unreadable and implausible
    dates (`plausible_report_date`) are null and counted, and a few are kept to show."""
    order = order or DateOrder()
    stripped = raw.fill_null("").str.strip_chars()
    # Fast path: ISO dates (Amazon's reports), optionally followed by a time. Four-digit
    # years only: polars reads "26-11-20" as the year 26.
    iso_text = stripped.str.slice(0, 10).str.contains(r"^\d{4}-\d{1,2}-\d{1,2}$")
    iso = stripped.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
    iso = pl.select(pl.when(iso_text).then(iso)).to_series()
    rest = stripped.filter(iso.is_null() & (stripped != ""))
    dates = iso
    if len(rest):
        mapping = _parse_unique(rest, order)
        dates = pl.select(
            pl.coalesce(iso, stripped.replace_strict(mapping, default=None, return_dtype=pl.Date))
        ).to_series()
    latest = (today or date.today()) + timedelta(days=PLAUSIBLE_DAYS_AHEAD)
    dates = pl.select(pl.when(dates.is_between(EARLIEST_PLAUSIBLE, latest)).then(dates)).to_series()
    blank = stripped == ""
    unreadable = ~blank & dates.is_null()
    examples = stripped.filter(unreadable).unique(maintain_order=True).head(UNREADABLE_EXAMPLES)
    return ParsedDates(
        dates.alias(raw.name), blank, int(unreadable.sum()), order.guessed, examples.to_list()
    )


def _parse_unique(texts: pl.Series, order: DateOrder) -> dict[str, date | None]:
    """Each distinct non-ISO text → its date, reading a/b/yyyy the same way for the column."""
    uniques = texts.unique().to_list()
    parts = {u: (m.group(1).strip() if (m := re.match(_DATE_PART, u)) else u) for u in uniques}
    ambiguous = [m.groups() for p in parts.values() if (m := _AMBIGUOUS.match(p))]
    day_first = order.day_first
    if day_first is None:
        day_first, guessed = _day_first([(int(a), sep, int(b)) for a, sep, b, _ in ambiguous])
        if guessed:
            order.guessed = "DD/MM/YYYY" if day_first else "MM/DD/YYYY"
        elif ambiguous:
            order.day_first = day_first
    return {u: _parse_one(part, day_first) for u, part in parts.items()}


_AMOUNT_JUNK = re.compile(r"[^\d,.\-]")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\uff0d": "-", "\u2012": "-", "\u2013": "-"})


def parse_amount(text: str) -> float | None:
    """'€19,99', '1.234,50', '¥1,200', '19.99 EUR' → a number (decimal comma understood).
    A minus sign in any script, or accounting brackets '(5.00)', make it negative."""
    text = text.translate(_MINUS_SIGNS)
    if text.strip().startswith("(") and text.strip().endswith(")"):
        text = "-" + text.strip()[1:-1]
    cleaned = _AMOUNT_JUNK.sub("", text)
    if not cleaned or not re.search(r"\d", cleaned):
        return None
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    elif "," in cleaned:
        whole, _, tail = cleaned.rpartition(",")
        cleaned = whole.replace(",", "") + ("." if len(tail) != 3 else "") + tail
    try:
        return float(cleaned)
    except ValueError:
        return None


_PLAIN_NUMBER = r"^-?\d+(?:\.\d+)?$"


def parse_amounts(texts: pl.Series) -> pl.Series:
    """`parse_amount` over a column: plain decimals ('72.27', most cells) are cast in
    polars, the rest go through Python once per distinct text. Parsing every distinct
    price in Python held a dict of ~100k floats per million rows."""
    texts = texts.fill_null("").str.strip_chars()
    plain = texts.str.contains(_PLAIN_NUMBER)
    others = map_unique(texts.filter(~plain), parse_amount, pl.Float64)
    amounts = (
        texts.cast(pl.Float64, strict=False)
        .to_frame("amount")
        .with_columns(pl.when(plain).then(pl.col("amount")))
        .to_series()
    )
    return amounts.scatter(np.flatnonzero(~plain.to_numpy()), others) if len(others) else amounts


def map_unique(
    values: pl.Series, parse: Callable[[str], object], dtype: pl.DataType | type[pl.DataType]
) -> pl.Series:
    """Apply a Python parser to a column's unique values and map the answers back."""
    values = values.fill_null("")
    mapping = {u: parse(u) for u in values.unique().to_list()}
    return values.replace_strict(mapping, default=None, return_dtype=dtype)


@cache
def _vocabulary_index(kind: str) -> dict[str, str]:
    table = getattr(vocabulary(), kind)
    return {fold_key(word): meaning for meaning, words in table.items() for word in words}


def vocabulary_meaning(kind: str, text: str) -> str | None:
    """'已取消' → 'cancelled'; 'AFN' → 'amazon'; unknown words → None."""
    return _vocabulary_index(kind).get(fold_key(text)) if text else None


@cache
def _marketplace_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for market in marketplaces():
        for spelling in (market.code, market.domain, market.zh, *market.aliases):
            index[fold_key(spelling)] = market.code
        index[fold_key("www." + market.domain)] = market.code
    return index


def marketplace_code(text: str) -> str:
    """'Amazon.de', 'DE', '德国站' → 'DE'; other non-empty text is kept as written."""
    cleaned = text.strip()
    if not cleaned:
        return ""
    return _marketplace_index().get(fold_key(cleaned), cleaned)
