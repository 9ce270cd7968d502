"""Cell values sellers write in many ways: dates, amounts, marketplaces, statuses.

Each parser works on a column's *unique* values and maps the answers back, so a
million rows with a few hundred distinct dates cost a few hundred parses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache

import polars as pl

from bot.domain.reference import fold_key, marketplaces, vocabulary

# The date part of a cell; times and zones after it are ignored (domain keys on the day).
_DATE_PART = (
    r"^\s*(\d{4}\s*[-/.年년]\s*\d{1,2}\s*[-/.月월]\s*\d{1,2}"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|\d{8}(?:\D|$)"
    r"|\d{5}(?:\.\d+)?$)"
)
# '2026年11月20日', also spaced as some exports pad it ('2026年 11月 20日'); Korean Excel's
# '2026. 11. 20.' and '2026년 11월 20일'.
_YMD = re.compile(r"^(\d{4})\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})")
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


AmbiguousDate = tuple[str, str, str, str]
"""An a/b/yyyy date's parts as `_AMBIGUOUS` reads them: a, separator, b, year."""


def _day_first(parts: list[AmbiguousDate]) -> tuple[bool, bool]:
    """(day first?, was it a guess?) for a column of a/b/yyyy dates. A date only one
    order reads settles it (20/40/2026, which none reads, settles nothing)."""
    if any(int(a) > 12 >= int(b) for a, _, b, _ in parts):
        return True, False
    if any(int(b) > 12 >= int(a) for a, _, b, _ in parts):
        return False, False
    # No day over 12: a shipping export covers a stretch of days, so the reading that puts
    # the dates closer together is the file's (01/11 … 10/11 are ten days of November, not
    # ten months); only when both spread alike, dotted dates are European (DD.MM.YYYY),
    # slashed ones US (MM/DD/YYYY).
    day_span, month_span = _span_days(parts, day_first=True), _span_days(parts, day_first=False)
    if day_span != month_span:
        return day_span < month_span, bool(parts)
    return any(sep == "." for _, sep, _, _ in parts), bool(parts)


def _span_days(parts: list[AmbiguousDate], day_first: bool) -> int:
    """Days between the earliest and latest date of the parts read in one order."""
    found = [d for p in parts if (d := _ambiguous_date(p, day_first)) is not None]
    return (max(found) - min(found)).days if found else 0


_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*$", re.IGNORECASE)
_CLOCK_OR_ZONE = re.compile(
    r"^(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?|[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{4})$"
)
"""A time of day or a time zone ('08:15:02', 'CST', '+0800') among a date's words: Java's
Date.toString() writes 'Fri Nov 20 08:15:02 CST 2026', its year after both. The date is
read as written, with no zone conversion (domain.md keys the window on the day)."""


def _parse_named_month(text: str) -> date | None:
    """ "Nov 5, 2026 3:04 PM", "5-Nov-2026", "05/Nov/2026", "Thursday, November 5, 2026", and
    other languages' months ("20 novembre 2026", "20 de noviembre de 2026", "3. März 2026")."""
    words = re.sub(r"[,./\-]", " ", text).split()
    fillers, months = _month_words()
    cleaned = [
        months.get(w.casefold(), w)
        for w in words
        if not _WEEKDAY.match(w) and w.casefold() not in fillers and not _clock_or_zone(w)
    ]
    candidate = " ".join(cleaned[:3])
    for fmt in _NAMED_MONTH_FORMATS:
        try:
            return datetime.strptime(candidate, fmt.replace("-", " ")).date()
        except ValueError:
            continue
    return None


def _clock_or_zone(word: str) -> bool:
    """A time of day or a zone's name ('CST', 'GMT+08:00'), not a month written in capitals."""
    return bool(_CLOCK_OR_ZONE.match(word)) and word.casefold()[:3] not in _ENGLISH_MONTHS


_ENGLISH_MONTHS = frozenset(datetime(2026, m, 1).strftime("%b").casefold() for m in range(1, 13))


def names_a_month(text: str) -> bool:
    """'Nov', 'November', 'novembre', 'März': a month's name, in a language the vocabulary
    knows."""
    return _parse_named_month(f"1 {text} 2026") is not None


@cache
def _month_words() -> tuple[frozenset[str], dict[str, str]]:
    """Filler words ("de") and other languages' month names ('novembre' → 'nov')."""
    table = vocabulary()
    months = {
        word.casefold(): english for english, words in table.month_names.items() for word in words
    }
    return frozenset(w.casefold() for w in table.date_fillers), months


def _ambiguous_date(parts: AmbiguousDate, day_first: bool) -> date | None:
    """An a/b/yyyy date read in the column's order."""
    a, separator, b, year = parts
    day, month = (int(a), int(b)) if day_first else (int(b), int(a))
    if len(year) == 2 and separator in "/.":
        # "11/5/26" (Excel's US short date), "05.11.26": the year can only be the last
        # part, and only this century is plausible. Dashed ones stay unread (26-11-20).
        return _safe_date(2000 + int(year), month, day)
    return _safe_date(int(year), month, day)


def _parse_one(text: str, day_first: bool) -> date | None:
    if match := _YMD.match(text):
        return _safe_date(*map(int, match.groups()))
    if match := _AMBIGUOUS.match(text):
        a, separator, b, year = match.groups()
        return _ambiguous_date((a, separator, b, year), day_first)
    if match := _EXCEL_SERIAL.match(text):
        serial = int(match.group(1))
        return _EXCEL_EPOCH + timedelta(days=serial) if 30000 <= serial <= 80000 else None
    if match := _COMPACT.match(text):
        compact = _safe_date(*map(int, match.groups()))
        if compact is not None and compact >= EARLIEST_PLAUSIBLE:
            return compact  # 2026111512: 15 Nov 2026, 12:00, not a Unix time
        return _epoch_date(text) or compact
    return _parse_named_month(text)


_EPOCH = re.compile(r"^(\d{10}|\d{13})(?:\.\d+)?$")
"""Unix time as an API dump writes it: 10 digits are seconds, 13 milliseconds (told apart by
size: the seconds of 2001–2286 have 10 digits, their milliseconds 13)."""


def _epoch_date(text: str) -> date | None:
    """A ship time written as Unix time (1792580700 or 1792580700892), as its UTC day: the
    instant an ERP's API dump gives, with no time zone written."""
    if not (match := _EPOCH.match(text)):
        return None
    digits = match.group(1)
    seconds = int(digits) // 1000 if len(digits) == 13 else int(digits)
    return datetime.fromtimestamp(seconds, tz=UTC).date()


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
    evidence (a day over 12) settles it; until then the first batch's guess holds."""

    day_first: bool | None = None
    guessed: str | None = None


def parse_dates(
    raw: pl.Series, order: DateOrder | None = None, today: date | None = None
) -> ParsedDates:
    """Parse a column of seller dates; blank stays null; unreadable and implausible
    dates (`plausible_report_date`) are null and counted, and a few are kept to show."""
    order = order or DateOrder()
    stripped = raw.fill_null("").str.strip_chars().alias("text")
    text = pl.col("text")
    rest = stripped.to_frame().select(odd_dates(text)).to_series()
    mapping = parse_odd_dates(rest, order) if len(rest) else {}
    dates = stripped.to_frame().select(dates_of(text, mapping, today)).to_series()
    blank = stripped == ""
    unreadable = ~blank & dates.is_null()
    examples = stripped.filter(unreadable).unique(maintain_order=True).head(UNREADABLE_EXAMPLES)
    return ParsedDates(
        dates.alias(raw.name), blank, int(unreadable.sum()), order.guessed, examples.to_list()
    )


def _iso_dates(text: pl.Expr) -> pl.Expr:
    """Fast path: ISO dates (Amazon's reports), optionally followed by a time. Four-digit
    years only: polars reads "26-11-20" as the year 26. `text` is stripped, never null."""
    day = text.str.slice(0, 10)
    return pl.when(day.str.contains(r"^\d{4}-\d{1,2}-\d{1,2}$")).then(
        day.str.to_date("%Y-%m-%d", strict=False)
    )


def odd_dates(text: pl.Expr) -> pl.Expr:
    """The distinct non-blank texts of a stripped date column that the ISO fast path does
    not read: the few a Python parser must see (`parse_odd_dates`)."""
    return text.filter(_iso_dates(text).is_null() & (text != "")).unique()


def dates_of(text: pl.Expr, odd: dict[str, date | None], today: date | None = None) -> pl.Expr:
    """A stripped, non-null date column as dates: ISO ones read by polars, the others by
    `odd` (`parse_odd_dates`); implausible dates are null (`plausible_report_date`)."""
    dates = _iso_dates(text)
    if odd:
        dates = pl.coalesce(dates, text.replace_strict(odd, default=None, return_dtype=pl.Date))
    latest = (today or date.today()) + timedelta(days=PLAUSIBLE_DAYS_AHEAD)
    return pl.when(dates.is_between(EARLIEST_PLAUSIBLE, latest)).then(dates)


def _date_parts(uniques: Iterable[str]) -> dict[str, str]:
    """Each text → its date part (a time, AM/PM and a zone after it left off)."""
    return {u: (m.group(1).strip() if (m := re.match(_DATE_PART, u)) else u) for u in uniques}


def _ambiguous_parts(parts: Iterable[str]) -> list[AmbiguousDate]:
    return [(m[1], m[2], m[3], m[4]) for p in parts if (m := _AMBIGUOUS.match(p))]


def mixes_date_orders(texts: Iterable[str]) -> bool:
    """Whether a column writes some a/b/yyyy dates day first (14/10/2026) and others month
    first (11/20/2026): a file joining a US site's export to a UK one's. Read in one order,
    every date of the other would be unreadable; each marketplace's own order is read from
    its own dates instead (row_rules.Lookups)."""
    ambiguous = _ambiguous_parts(_date_parts(texts).values())
    day_over_12_first = any(int(a) > 12 >= int(b) for a, _, b, _ in ambiguous)
    return day_over_12_first and any(int(b) > 12 >= int(a) for a, _, b, _ in ambiguous)


def parse_odd_dates(texts: pl.Series, order: DateOrder) -> dict[str, date | None]:
    """Each distinct non-ISO text → its date, reading a/b/yyyy the same way for the column."""
    parts = _date_parts(texts.unique().to_list())
    ambiguous = _ambiguous_parts(parts.values())
    day_first = order.day_first
    if day_first is None:
        day_first, guessed = _day_first(ambiguous)
        if guessed:
            # The first batch's guess holds for the later ones without evidence: one file
            # is not read two ways.
            if order.guessed is not None:
                day_first = order.guessed == "DD/MM/YYYY"
            order.guessed = "DD/MM/YYYY" if day_first else "MM/DD/YYYY"
        elif ambiguous:
            order.day_first = day_first
    return {u: _parse_one(part, day_first) for u, part in parts.items()}


EXCEL_SAFE_MARK = b'="'
"""In the bytes of every text file holding an Excel-safe cell (`excel_safe_text`)."""
_EXCEL_SAFE = r'^\s*(?:="([^"]*)"|"=""([^"]*)""")\s*$'


def excel_safe_text(cell: pl.Expr) -> pl.Expr:
    """A cell as the text it shows in Excel: ERPs (普源, 店小秘 …) write long numbers as a
    formula of one string, ="9400111899223344556677" or ="114-1234567-1234567", so Excel
    keeps every digit instead of showing 9.4E+21; quoted as CSV, its quotes doubled inside
    quotes, it reads as the same formula (and a tab-delimited file, read without quoting,
    keeps it as written, which is read too). Either is the text inside,
    whatever the column (order ID, tracking number, amount, date); ="" is an empty cell."""
    return cell.str.replace(_EXCEL_SAFE, "${1}${2}")


_EXCEL_SAFE_CELL = re.compile(_EXCEL_SAFE)


def excel_safe_cell(text: str) -> str:
    """`excel_safe_text` of one cell of the lines a header is looked for in."""
    return _EXCEL_SAFE_CELL.sub(lambda found: found.group(1) or found.group(2) or "", text)


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
    """`parse_amount` over a column (`amounts_of`)."""
    frame = texts.fill_null("").str.strip_chars().alias("text").to_frame()
    odd = frame.select(odd_amounts(pl.col("text"))).to_series()
    amounts = frame.select(amounts_of(pl.col("text"), parse_odd_amounts(odd.to_list())))
    return amounts.to_series().alias(texts.name)


def _plain(text: pl.Expr) -> pl.Expr:
    return text.str.contains(_PLAIN_NUMBER)


def odd_amounts(text: pl.Expr) -> pl.Expr:
    """The distinct texts of a stripped, non-null amount column that are not plain decimals
    ('72.27', most cells): the few `parse_amount` must see (`parse_odd_amounts`)."""
    return text.filter(~_plain(text)).unique()


def parse_odd_amounts(texts: Iterable[str]) -> dict[str, float | None]:
    return {text: parse_amount(text) for text in texts}


def amounts_of(text: pl.Expr, odd: dict[str, float | None]) -> pl.Expr:
    """A stripped, non-null amount column as numbers: plain decimals cast by polars, the
    others read by `parse_amount` once per distinct text (`odd`). Parsing every distinct
    price in Python held a dict of ~100k floats per million rows. A plain-looking text in
    `odd` is read as `odd` says ('1.500' in a file of decimal commas: `thousands_dotted`)."""
    plain = pl.when(_plain(text)).then(text.cast(pl.Float64, strict=False))
    if not odd:
        return plain
    return pl.coalesce(text.replace_strict(odd, default=None, return_dtype=pl.Float64), plain)


DOTTED_THOUSANDS = r"^-?\d{1,3}(?:\.\d{3})+$"
"""'1.500', '12.000', '1.234.567': a dot before groups of three digits, which a file that
writes its decimals with a comma uses for thousands."""
DOT_DECIMAL = r"^-?\d+\.(?:\d{1,2}|\d{4,})$"
"""'19.99', '7.5': a dot that can only be a decimal point."""
_COMMA_DECIMAL = re.compile(r"\d,\d{1,2}$|\d\.\d{3},\d")
"""'19,99', '1.234,50': a comma that is the decimal point."""


def writes_decimal_comma(odd: Iterable[str]) -> bool:
    """Some of a column's non-plain amounts write their decimals with a comma."""
    return any(_COMMA_DECIMAL.search(text) for text in odd)


def thousands_dotted(texts: Iterable[str]) -> dict[str, float | None]:
    """'1.500' → 1500.0: the texts as a file with decimal commas means them."""
    return {text: float(text.replace(".", "")) for text in texts}


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


@cache
def _contained_words(kind: str) -> tuple[tuple[str, str], ...]:
    """(folded word, meaning) a cell of `kind` may hold, in the order they are tried."""
    table = vocabulary().contains.get(kind, {})
    return tuple((fold_key(word), meaning) for meaning, words in table.items() for word in words)


def vocabulary_meaning(kind: str, text: str) -> str | None:
    """'已取消' → 'cancelled'; 'AFN' → 'amazon'; 'Fulfilled by Amazon' → 'amazon' (a word it
    holds); unknown words → None."""
    if not text:
        return None
    folded = fold_key(text)
    found = _vocabulary_index(kind).get(folded)
    if found is None:
        found = next((meaning for word, meaning in _contained_words(kind) if word in folded), None)
    return found


@cache
def _marketplace_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for market in marketplaces():
        for spelling in (market.code, market.domain, market.zh, *market.aliases):
            index[fold_key(spelling)] = market.code
        index[fold_key("www." + market.domain)] = market.code
    return index


@cache
def _site_index() -> dict[str, str]:
    return {market.domain.casefold(): market.code for market in marketplaces()}


def amazon_site_code(text: str) -> str | None:
    """'Amazon.com', 'www.amazon.co.uk', 'Amazon US', '亚马逊德国站' → 'US', 'UK', 'DE': a
    marketplace named by its site's address or as Amazon's, which nothing but a marketplace
    is ('US' alone may be a country); None for any other text."""
    folded = text.strip().casefold()
    if code := _site_index().get(folded.removeprefix("www.")):
        return code
    if not folded.startswith(("amazon", "亚马逊")):
        return None
    code = marketplace_code(text)
    return code if code in _site_index().values() else None


_MARKET_WRAPPING = re.compile(r"^(?:amazon|亚马逊|www)|(?:站点|站|marketplace|market|site)$")


def marketplace_code(text: str) -> str:
    """'Amazon.de', 'DE', '德国站' → 'DE'; 'US站', 'Amazon United States' too (read without
    the words around the name); 'Amazon.com (US)', '德国站（DE）' too (a name with its code in
    brackets, as 领星 writes them, when the two agree); 'Amazon' alone, the platform, names
    none (''); other non-empty text is kept as written."""
    cleaned = text.strip()
    if not cleaned:
        return ""
    folded = fold_key(cleaned)
    unwrapped = _MARKET_WRAPPING.sub("", folded)
    if not unwrapped and folded in _PLATFORM_NAMES:
        return ""
    index = _marketplace_index()
    code = index.get(folded) or index.get(unwrapped)
    if code is None and (bracketed := _BRACKETED.match(cleaned)):
        code = _one_marketplace_named(bracketed.groups())
    if code is None:
        code = _named_in_two_languages(cleaned)
    return code or cleaned


def _one_marketplace_named(parts: Iterable[str]) -> str | None:
    """The marketplace every part names, when they all name the same known one."""
    codes = {marketplace_code(part) for part in parts} - {""}
    return codes.pop() if len(codes) == 1 and codes <= _marketplace_codes() else None


def _named_in_two_languages(text: str) -> str | None:
    """'JP 日本', '美国 US', 'UK/英国站', 'Germany - DE' → 'JP', 'US', 'UK', 'DE': a bilingual
    export writes a marketplace's code or name beside its Chinese name; read when the two
    halves, split at a separator or where Latin letters meet Chinese ones, name the same."""
    for split in _TWO_NAMES_SPLIT.finditer(text):
        halves = (text[: split.start()], text[split.end() :])
        if all(half.strip() for half in halves) and (code := _one_marketplace_named(halves)):
            return code
    return None


_BRACKETED = re.compile(r"^(.+?)\s*[(（\[]\s*([^()（）\[\]]+?)\s*[)）\]]$")
"""A name followed by another in brackets: 'Amazon.com (US)', '英国站（UK）'."""


_TWO_NAMES_SPLIT = re.compile(
    r"\s*[/|｜、,，·-]\s*|\s+|(?<=[A-Za-z.])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[A-Za-z])"
)
"""Where a bilingual cell's two names meet: a separator, a space, or Latin beside Chinese."""


_PLATFORM_NAMES = frozenset({"amazon", "亚马逊", "亞馬遜"})


def country_marketplace(text: str) -> str:
    """A country column's cell as a marketplace: '美国', '德國', 'Japan', 'GB' → 'US', 'DE',
    'JP', 'UK'; '' for a country with no Amazon marketplace ('奥地利', 'AT'), whose orders
    were sold on some other marketplace (docs/decisions/010)."""
    code = marketplace_code(text)
    return code if code in _marketplace_codes() else ""


def state_marketplace(text: str) -> str:
    """A buyer's state as the marketplace of its country: 'CA', 'Texas', 'ny' → 'US'; '' for
    any other text (a province, a county, a word)."""
    return _state_index().get(fold_key(text), "") if text.strip() else ""


_CURRENCY_CODE = r"(?:^|[^A-Za-z])([A-Za-z]{3})(?:[^A-Za-z]|$)"
"""A three-letter code alone or beside an amount: 'GBP', '12.99 GBP', 'usd 5'."""


def currency_marketplace(text: pl.Expr) -> pl.Expr:
    """The one marketplace a currency or amount cell's currency is priced in: 'GBP',
    '£12.99', '12.99 GBP', '英镑' → 'UK'; 'JPY', '1,200円' → 'JP'; null for a currency
    several marketplaces share (EUR, '$', '¥') or none (CNY) (docs/decisions/014)."""
    codes, signs = _currency_index()
    code = text.str.extract(_CURRENCY_CODE, 1).str.to_uppercase()
    by_code = code.replace_strict(codes, default=None, return_dtype=pl.String)
    pattern = "|".join(re.escape(sign) for sign in sorted(signs, key=len, reverse=True))
    by_sign = text.str.extract(f"({pattern})", 1).replace_strict(
        signs, default=None, return_dtype=pl.String
    )
    return pl.coalesce(by_code, by_sign)


@cache
def _currency_index() -> tuple[dict[str, str], dict[str, str]]:
    """(currency code → marketplace, sign → marketplace) for the currencies one marketplace
    alone is priced in."""
    markets: dict[str, list[str]] = {}
    for market in marketplaces():
        markets.setdefault(market.currency, []).append(market.code)
    codes = {currency: m[0] for currency, m in markets.items() if len(m) == 1}
    signs = {sign: m.code for m in marketplaces() for sign in m.currency_signs}
    return codes, signs


@cache
def _state_index() -> dict[str, str]:
    return {fold_key(state): m.code for m in marketplaces() for state in m.states}


@cache
def _marketplace_codes() -> frozenset[str]:
    return frozenset(market.code for market in marketplaces())
