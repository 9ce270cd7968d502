"""Carrier recognition and offline tracking-number checks (docs/vtr-rules.md §4.4, §6).

A row costs one or two pattern checks, not fifty: numbers are first grouped by the
carrier they were entered with, and only that carrier's formats are tried.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import cache, lru_cache

import numpy as np
import numpy.typing as npt
import polars as pl
from pydantic import BaseModel

from bot.domain.batch_engine import batch_engine
from bot.domain.checkdigits import CHECK_RULES
from bot.domain.models import DefectReason
from bot.domain.reference import (
    INVISIBLE,
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
_FULL_WIDTH = "[\uff01-\uff5e\u3000]"
_SCIENTIFIC = r"^[0-9](\.[0-9]+)?E\+?[0-9]+$"
_WHOLE_FLOAT = r"^([0-9]+)\.0+$"
MIN_TRACKING_LENGTH = 3
"""No carrier's tracking number is this short: "1" or "12" stands in for a missing one."""
_NO_DIGIT_OR_OTHER_SCRIPT = r"^[^0-9]*$|[\p{L}&&[^A-Za-z]]"
"""A cell with no digit at all, or with a letter of another script (待上传123456): one
pattern, since each pass of a pattern over a million cells costs about as much as another."""


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


def names_a_family(cell: str) -> bool:
    """A carrier cell naming a family of carriers alone ('DHL'), which a ship service may
    narrow to one of them (carriers.yaml's `named_by_service`)."""
    return any(family.search(cell) for family, _ in _families())


def names_a_member(service: str) -> bool:
    """A ship service naming a carrier a family may be narrowed to ('DHL Express
    Worldwide'): a row with a family's bare name and this service is that carrier's, its
    number judged on that carrier's formats, not on every DHL's."""
    return any(members.search(service) for _, members in _families())


@cache
def _families() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(a cell naming the family alone, a service naming one of its carriers) as patterns."""
    loose = r"[\s\-_.]*"

    def spelled(alias: str) -> str:
        return loose.join(re.escape(char) for char in alias)

    by_id = {c.id: c for c in carriers()}
    return [
        (
            re.compile(f"(?i)^\\s*(?:{'|'.join(spelled(a) for a in family.aliases)})\\s*$"),
            re.compile(
                "(?i)"
                + "|".join(spelled(a) for m in family.named_by_service for a in by_id[m].aliases)
            ),
        )
        for family in carriers()
        if family.named_by_service
    ]


_SPACES = f"[ \\-\u00a0\t{INVISIBLE}]"
"""What a number is read without: spaces, dashes, tabs and the invisible characters pasted
with it (`reference.INVISIBLE`)."""


def normalize_tracking(number: pl.Expr) -> pl.Expr:
    """Case and inner spaces/dashes are ignored (§4); Excel's text-marking quote too, and the
    '.0' a spreadsheet or a float column writes after a whole number (no carrier's number
    holds a dot, so the digits before it are what the seller entered). Full-width
    characters a Chinese or Japanese input method types ('８１２７', 'ＲＲ') are the same
    number (NFKC, docs/decisions/007-full-width-tracking.md); `written_full_width` finds them
    before this folds them, for the report to warn of."""
    # One character class, not four literal replacements: cheaper in polars 2 (see
    # docs/performance.md, "The engine after its redesign").
    folded = number.fill_null("").str.normalize("NFKC").str.strip_chars().str.strip_prefix("'")
    folded = _unwrapped(folded).str.replace_all(_SPACES, "").str.to_uppercase()
    return folded.str.replace(_WHOLE_FLOAT, "${1}")


_TRACKING_URL = r"(?i)^(?:https?://|www\.)"
_URL_NUMBER = r"[=/#]([A-Za-z]{0,4}[0-9][0-9A-Za-z]{6,39})(?:[&#/?]|$)"
"""In a carrier's tracking link, the first query value or path part that is a number: a
digit within its first five characters, 8 to 44 in all ('tLabels=9400…', 'trknbr=…',
'…/tracking-results/RR123456785GB'), so neither 'TrackConfirmAction' nor 'v2' is taken."""
_LABEL = r"^[^:0-9][^:]{0,30}:\s*"
"""A label before a colon: 'UPS: 1Z…', 'Tracking No.:1Z…', '顺丰：SF…' (NFKC makes '：' ':')."""


_MAY_BE_WRAPPED = r":|^=|^[A-Za-z]{3,}[\s\-]|[^\x00-\x7f]"
"""Every wrapped cell holds one of these (a colon, a formula's '=', a name of three letters
and a space or a dash, a character not ASCII); most columns hold none, and are then left as
they are in one pass."""
_HYPERLINK = r'(?i)^=\s*HYPERLINK\s*\(\s*"([^"]*)"\s*(?:[,;]\s*"?([^")]*?)"?\s*)?\)$'
"""A link formula's text, as a spreadsheet exports it to CSV ('=HYPERLINK("https://…
tracknum=1Z…","1Z…")', ';' between its parts in European locales): its link and its label."""


def _unwrapped(cell: pl.Expr) -> pl.Expr:
    """The number out of what an ERP writes around it: a carrier's tracking link, a label
    before a colon, or a carrier's name before it ('顺丰 SF…', 'UPS 1Z…'). What was uploaded
    to Amazon is the number (set F7's README: the writer's judgement, which domain.md leaves
    open). A link with no number in it stays as written, and invalid. A column with no cell
    that may be wrapped costs one pattern: the four that unwrap made a third of the folding
    of a column of spaced numbers."""
    return cell.map_batches(_unwrapped_column, return_dtype=pl.String, is_elementwise=True)


def _unwrapped_column(cells: pl.Series) -> pl.Series:
    if not cells.str.contains(_MAY_BE_WRAPPED).any():
        return cells
    cells = _hyperlinks_shown(cells)
    cell = pl.col(cells.name)
    from_url = cell.str.extract(_URL_NUMBER, 1)
    labelled = cell.str.replace(_LABEL, "").str.replace(_carrier_name_label(), "${1}")
    unwrapped = pl.when(cell.str.contains(_TRACKING_URL)).then(from_url.fill_null(cell))
    return cells.to_frame().select(unwrapped.otherwise(labelled)).to_series()


def _hyperlinks_shown(cells: pl.Series) -> pl.Series:
    """A link formula's cell as what the sheet showed: its label when the label holds a
    digit (the number the seller saw and uploaded), else its link, whose number `_unwrapped`
    then takes from the link like any tracking link's. Other cells as they are."""
    if not cells.str.contains("^=").any():
        return cells
    cell = pl.col(cells.name)
    link, label = cell.str.extract(_HYPERLINK, 1), cell.str.extract(_HYPERLINK, 2)
    shown = (
        pl.when(label.str.contains("[0-9]"))
        .then(label.str.strip_chars())
        .when(link.is_not_null())
        .then(link.str.strip_chars())
        .otherwise(cell)
    )
    return cells.to_frame().select(shown).to_series()


@lru_cache(maxsize=1)
def _carrier_name_label() -> str:
    """A carrier's name before its number: in Chinese or Japanese ('顺丰 SF…', no number holds
    such characters), or a Latin one of three letters or more and a space, a dash or a colon
    ('UPS 1Z…', 'DHL-312…', 'Royal Mail - TT…'; 'SF' and other two-letter names start their
    own numbers). A name of no carrier ('待上传123456') is kept, to be judged a placeholder."""
    cjk, latin = _carrier_names()
    return rf"^(?:(?:{cjk})\s*{_NAME_MARK}?\s*|(?i:{latin})(?:\s*{_NAME_MARK}\s*|\s+))([A-Za-z0-9])"


_NAME_MARK = "[:：\\-–—]"
"""What a seller types between a carrier's name and its number, besides a space."""


@lru_cache(maxsize=1)
def _carrier_names() -> tuple[str, str]:
    """The aliases of carriers.yaml as patterns, longest first: (Chinese and Japanese ones,
    Latin ones of three letters or more, each spelled as loosely as a seller types it: 'Royal
    Mail', 'Fed-Ex')."""
    aliases = {alias for c in carriers() for alias in c.aliases}
    cjk = sorted((a for a in aliases if _CJK.search(a)), key=len, reverse=True)
    latin = sorted((a for a in aliases if a.isascii() and a.isalpha() and len(a) >= 3), key=len)
    loose = ("[\\s._-]?".join(re.escape(char) for char in name) for name in reversed(latin))
    return "|".join(re.escape(n) for n in cjk), "|".join(loose)


@lru_cache(maxsize=1)
def _leading_name() -> str:
    """A cell that opens with a carrier's name, then its number or nothing ('UPS: 1Z…',
    'DHL-312…', 'USPS'): the name is group 1 (Chinese, Japanese) or 2 (Latin)."""
    cjk, latin = _carrier_names()
    return rf"^\s*(?:({cjk})|((?i:{latin}))(?:\s*{_NAME_MARK}|\s|$))"


def leading_carrier(cell: str) -> str | None:
    """The carrier name a tracking cell opens with ('UPS' of 'UPS: 1Z…'), or None."""
    match = re.match(_leading_name(), cell)
    return (match.group(1) or match.group(2)).strip() if match else None


def carrier_named_first(cell: pl.Expr) -> pl.Expr:
    """`leading_carrier` of a column: the carrier of a file that writes it in the tracking
    cell, before the number (set F10's F02), '' where a cell names none."""
    named = pl.coalesce(cell.str.extract(_leading_name(), 1), cell.str.extract(_leading_name(), 2))
    return named.str.strip_chars().fill_null("")


_STATE_LINE = r"(?im)^\s*(?:状态|狀態|物流状态|物流狀態|轨迹|軌跡|status|state)\s*[:：].*$"
"""The line of a logistics cell giving the parcel's state ('状态：已签收', 'Status: Delivered')."""
_LINE_LABEL = r"(?m)^\s*[^:：\n0-9]{1,16}[:：]\s*"
"""A line's label in a logistics cell of several lines ('物流商：', '跟踪号：')."""
_STATE_TAIL = (
    r"\s*(?:[(（【\[][^()（）【】\[\]]*[)）】\]]|[|｜]\s*[^|｜0-9]*|\s[–—-]\s*[^0-9–—-]*)\s*$"
)
"""A parcel's state after its number: bracketed ('(已签收)', '【运输途中】', '（待获取单号）'), after
a bar ('| Delivered') or a spaced dash ('– Not Found'); no digit in it."""


def number_of_info_cell(cell: pl.Expr) -> pl.Expr:
    """A logistics cell's carrier and number, its parcel state left out: '云途物流 YT…
    (已签收)' → '云途物流 YT…', 'FedEx | 6… | In Transit' → 'FedEx 6…', '物流商：UPS⏎跟踪号：1Z…⏎
    状态：已上网' → 'UPS 1Z…'. The state is the carrier's word on the parcel, no part of the
    number the seller gave Amazon; read as a tracking cell naming its carrier."""
    text = cell.fill_null("").str.replace_all("\r", "")
    lines = text.str.replace_all(_STATE_LINE, "").str.replace_all(_LINE_LABEL, "")
    text = pl.when(text.str.contains("\n")).then(lines).otherwise(text)
    text = text.str.replace_all(r"\s*\n\s*", " ").str.strip_chars()
    text = text.str.replace(_STATE_TAIL, "")
    return text.str.replace_all(r"\s*[|｜]\s*", " ").str.strip_chars()


_CELL_SEPARATOR = "[,;/|\n\r，；、／]"
"""What separates the numbers of a multi-package order written in one cell: '1Z…, 1Z…',
'…;…', '… / …', one a line."""
_PACKAGE_NUMBER = (
    r"^[0-9A-Za-z０-９Ａ-Ｚａ-ｚ][0-9A-Za-z０-９Ａ-Ｚａ-ｚ \-]{4,}[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]$"
)
MIN_PACKAGE_DIGITS = 6
"""A piece of a cell is a tracking number of its own only with this many digits: every
format of carriers.yaml has more, no placeholder ('N/A', 'TBD/pending') has one."""


def has_cell_separator(cell: pl.Expr) -> pl.Expr:
    """Whether a tracking cell holds a separator: the only cells `package_numbers` may split."""
    return cell.str.contains(_CELL_SEPARATOR).fill_null(False)


def package_numbers(cell: pl.Expr) -> pl.Expr:
    """A tracking cell as the list of its packages' numbers (domain.md §1b: one tracking ID
    per package): split at its separators when every piece looks like a number of its own
    (letters, digits, inner spaces and dashes, at least MIN_PACKAGE_DIGITS digits); else the
    cell whole, so 'N/A', '待上传/无' or 'UPS/1Z…' stay one value, judged as written."""
    parts = (
        cell.str.replace_all(rf"\s*{_CELL_SEPARATOR}\s*", "\x1f")
        .str.strip_chars("\x1f")
        .str.split("\x1f")
        .list.eval(pl.element().filter(pl.element() != ""))
    )
    own_number = pl.element().str.contains(_PACKAGE_NUMBER) & (
        pl.element().str.count_matches(r"\d") >= MIN_PACKAGE_DIGITS
    )
    several = (parts.list.len() >= 2) & parts.list.eval(own_number).list.all()
    return pl.when(several).then(parts).otherwise(pl.concat_list(cell))


def written_full_width(number: pl.Expr) -> pl.Expr:
    """A number (not yet folded) holding full-width characters (U+FF01–FF5E, the
    ideographic space): valid here once folded, but Amazon wants it uploaded in half-width."""
    return number.str.contains(_FULL_WIDTH).fill_null(False)


def looks_scientific(number: pl.Expr) -> pl.Expr:
    """A number Excel turned into 9.2E+21: its digits are lost here (perhaps not at Amazon,
    if the ERP uploaded it before the export was opened in Excel)."""
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
            | number.str.contains(_NO_DIGIT_OR_OTHER_SCRIPT)
            | (length < MIN_TRACKING_LENGTH)
            # one character repeated: the text equals itself shifted by one character
            | (number.str.tail(-1) == number.str.head(-1))
        )
    )


def naming_nothing(cells: Collection[str]) -> set[str]:
    """The cells of `cells` that hold no value: blank, or a word a seller writes for none
    ('无', 'N/A', '-', '未知': the tracking placeholders, vocabulary.yaml), in a carrier
    column as in a tracking one. Folded in one query: a query per cell cost a big file's
    batches more than the rest of their lookups."""
    if not cells:
        return set()
    texts = pl.Series("cell", list(cells), dtype=pl.String)
    folded = texts.to_frame().select(normalize_tracking(pl.col("cell"))).to_series()
    words = set(_placeholder_words())
    return {
        cell
        for cell, fold in zip(texts.to_list(), folded.to_list(), strict=True)
        if fold in words or not cell.strip()
    }


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


class _Numbers:
    """A column of numbers, for check rules that want the numbers of one length as a matrix
    of their codes: gathered and joined by polars into one buffer per matrix, no Python
    object per number (and no buffer of the whole column, which for an upload's whole
    table would be tens of MB)."""

    def __init__(self, numbers: pl.Series) -> None:
        self.numbers = numbers
        self.lengths = numbers.str.len_bytes().fill_null(0).to_numpy()

    def matrix(self, rows: npt.NDArray[np.intp], length: int) -> npt.NDArray[np.uint8]:
        joined: bytes = self.numbers.gather(rows).str.join("").cast(pl.Binary).item()
        return np.frombuffer(joined, dtype=np.uint8).reshape(len(rows), length)


def _fitting(formats: list[TrackingFormat]) -> pl.Expr:
    """Bit i set where the number fits `formats[i]` (at most 32 formats)."""
    number = pl.col("tracking")
    fits = [
        number.str.contains(f"^(?:{fmt.pattern})$").fill_null(False).cast(pl.UInt32) * (1 << i)
        for i, fmt in enumerate(formats)
    ]
    return pl.sum_horizontal(fits) if fits else pl.lit(0, dtype=pl.UInt32)


def _passing(
    formats: list[TrackingFormat],
    fits: npt.NDArray[np.uint32],
    rows: npt.NDArray[np.intp],
    numbers: _Numbers,
) -> npt.NDArray[np.bool_]:
    """Which numbers (`rows` of `numbers`, `fits` their `_fitting` bits) fit one of `formats`
    and pass its check digit."""
    passes = np.zeros(len(rows), dtype=np.bool_)
    for i, fmt in enumerate(formats):
        match = (fits >> np.uint32(i)) & 1 == 1
        if fmt.check is None:
            passes |= match
            continue
        todo = np.flatnonzero(match & ~passes)
        lengths = numbers.lengths[rows[todo]]
        for length in np.unique(lengths):
            some = todo[lengths == length]
            passes[some] = CHECK_RULES[fmt.check](numbers.matrix(rows[some], int(length)))
    return passes


@lru_cache(maxsize=1)
def _distinctive_formats() -> list[tuple[str, TrackingFormat]]:
    return [(c.id, fmt) for c in carriers() for fmt in c.formats if fmt.distinctive]


@lru_cache(maxsize=64)
def _tried(carrier_id: str) -> tuple[list[TrackingFormat], pl.Expr]:
    """The formats a number entered under this carrier is tried against, and the
    expression of its `_fitting` bits: the carrier's own formats; for a carrier with no
    format rule of its own, the other carriers' distinctive formats, then (as one more
    bit) the numbers it hands out itself (`may_use`)."""
    carrier = carrier_by_id()[carrier_id]
    if carrier.formats:
        return carrier.formats, _fitting(carrier.formats)
    others = [fmt for owner, fmt in _distinctive_formats() if owner != carrier_id]
    own = [TrackingFormat(pattern="|".join(carrier.may_use))] if carrier.may_use else []
    return others, _fitting(others + own)


def _carrier_verdicts(
    carrier: Carrier, fits: npt.NDArray[np.uint32], rows: npt.NDArray[np.intp], numbers: _Numbers
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.bool_]]:
    """(verdict codes, unverified) of non-empty numbers entered under one known carrier.
    A carrier with no format rule of its own leaves its numbers unverified, unless one can
    only be another carrier's (YT + 16 digits under 4PX): a distinctive format, check digit
    included, that the carrier does not hand out itself (`may_use`)."""
    formats = _tried(carrier.id)[0]
    passes = _passing(formats, fits, rows, numbers)
    if carrier.formats:
        fitting = fits != 0
        verdicts = np.where(passes, _VALID, np.where(fitting, _BAD_CHECK, _BAD_FORMAT))
        return verdicts.astype(np.int8), np.zeros(len(rows), dtype=np.bool_)
    if carrier.may_use:
        passes &= (fits >> np.uint32(len(formats))) & 1 == 0
    return np.where(passes, _BAD_FORMAT, _VALID).astype(np.int8), ~passes


def likely_carriers(entered: pl.Series, numbers: pl.Series) -> pl.Series:
    """For each (entered carrier id, normalized number) pair: the id of the one *other*
    carrier whose numbers this one fits, check digit included, or null when none or
    several do. A valid number under the wrong carrier is what Amazon shows as
    "unconfirmed"; naming the right carrier tells the seller what to pick instead."""
    per_number = _owners(numbers.filter(numbers != "").unique())
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


def _owners(candidates: pl.Series) -> pl.DataFrame:
    """(number, likely) for each distinct normalized number and each carrier whose own marks
    (`_naming_formats`, check digit included) it fits: none, one or several rows a number."""
    naming = _naming_formats()
    fits = candidates.to_frame("tracking").select(
        _fitting(formats).alias(carrier_id) for carrier_id, formats in naming
    )
    rows, text = np.arange(len(candidates)), _Numbers(candidates)
    fitting = []
    for carrier_id, formats in naming:
        passes = _passing(formats, fits.get_column(carrier_id).to_numpy(), rows, text)
        if passes.any():
            fitting.append(
                pl.DataFrame({"number": candidates.filter(passes), "likely": carrier_id})
            )
    return pl.concat(fitting) if fitting else pl.DataFrame(schema=_LIKELY_SCHEMA)


@lru_cache(maxsize=1)
def _naming_formats() -> list[tuple[str, list[TrackingFormat]]]:
    """Each carrier's marks, for carriers that have any: its distinctive formats (check
    digit included) and its `looks_like` patterns. A carrier whose marks are all another's
    too (DHL Express's, all bare DHL's) is left out: a number fitting both would name
    neither, where it plainly is a DHL number."""
    naming = [
        (
            carrier.id,
            [fmt for fmt in carrier.formats if fmt.names]
            + [TrackingFormat(pattern=pattern) for pattern in carrier.looks_like],
        )
        for carrier in carriers()
    ]
    marks = {carrier_id: _marks(formats) for carrier_id, formats in naming}
    return [
        (carrier_id, formats)
        for carrier_id, formats in naming
        if formats and not any(marks[carrier_id] < wider for wider in marks.values())
    ]


def _marks(formats: list[TrackingFormat]) -> frozenset[tuple[str, str | None]]:
    return frozenset((fmt.pattern, fmt.check) for fmt in formats)


def classify(frame: pl.DataFrame) -> pl.DataFrame:
    """Add `reason` (a DefectReason or null) and `unverified` to (carrier_id, tracking) rows.

    `tracking` must already be normalized. Each number is tried against its own carrier's
    formats only, all carriers in one polars query (a filtered query per carrier, run
    together); the check digits then read the numbers' bytes. Row order is kept.
    """
    known = carrier_by_id()
    present = [c for c in frame.get_column("carrier_id").unique().to_list() if c in known]
    rows = frame.lazy().select("carrier_id", "tracking").with_row_index("row")
    number = pl.col("tracking").fill_null("")
    flags = rows.select(
        # A number Excel turned into 9.4E+21 fits no carrier's format, so it is a defect
        # (domain.md §4.4), whatever Amazon may hold; the report says how to check.
        damaged=looks_scientific(number).fill_null(False),
        missing=(number == "") | placeholder_tracking(number),
    )
    tried = [
        rows.filter(pl.col("carrier_id") == carrier_id).select("row", fits=_tried(carrier_id)[1])
        for carrier_id in present
    ]
    flagged, *fitting = pl.collect_all([flags, *tried], engine=batch_engine(frame.height))
    verdicts, unverified = _verdicts(frame, known, dict(zip(present, fitting, strict=True)))
    damaged = flagged.get_column("damaged").to_numpy()
    missing = flagged.get_column("missing").to_numpy() & ~damaged
    verdicts[missing], unverified[missing] = _MISSING, False
    damaged &= verdicts != _UNKNOWN  # an unknown carrier is the first reason that applies
    verdicts[damaged], unverified[damaged] = _BAD_FORMAT, False
    reasons = pl.Series("reason", verdicts).replace_strict(_REASONS, return_dtype=pl.Categorical)
    return frame.with_columns(reason=reasons, unverified=pl.Series("unverified", unverified))


def _verdicts(
    frame: pl.DataFrame, known: dict[str, Carrier], fitting: dict[str, pl.DataFrame]
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.bool_]]:
    """Verdict codes and unverified flags of every row as its carrier judges it (unknown
    carrier where none is known), before missing and damaged numbers are set. `fitting`:
    each known carrier's rows (`row`) and their `_fitting` bits (`fits`)."""
    verdicts = np.full(frame.height, _UNKNOWN, dtype=np.int8)
    unverified = np.zeros(frame.height, dtype=np.bool_)
    if not any(part.height for part in fitting.values()):
        return verdicts, unverified
    numbers = _Numbers(frame.get_column("tracking"))
    for carrier_id, part in fitting.items():
        if part.is_empty():
            continue
        rows = part.get_column("row").to_numpy().astype(np.intp)
        fits = part.get_column("fits").to_numpy()
        verdicts[rows], unverified[rows] = _carrier_verdicts(known[carrier_id], fits, rows, numbers)
    return verdicts, unverified


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


class NumberCheck(BaseModel):
    """One tracking number a seller asks about, judged by the report's own rules (`classify`
    under each carrier, `_owners`), for answers that check a pasted number."""

    number: str
    """As the report folds it (`normalize_tracking`)."""
    entered: str | None
    """The carrier id it was named with, if any."""
    reason: DefectReason | None
    """Its defect under `entered` (None: valid, or no carrier named)."""
    unverified: bool
    """`entered` has no format rule of its own: counted valid, not checked."""
    owners: tuple[str, ...]
    """Carriers whose own number marks it fits, check digit included."""
    accepting: tuple[str, ...]
    """Carriers under which the report counts it valid, checked (not merely unverified)."""
    bad_check: tuple[str, ...]
    """Carriers whose format it fits with a check digit that does not match."""


def check_numbers(numbers: list[str], entered: str | None = None) -> list[NumberCheck]:
    """Each number as the report judges it: under `entered` (a carrier id) by `classify`,
    row for row; under every carrier with a format rule by the verdict `classify` takes per
    carrier (`_tried`, `_carrier_verdicts`), all carriers in one query (a question's few
    numbers do not need the report's per-carrier queries); whose number it is by `_owners`."""
    typed = pl.DataFrame({"tracking": numbers}, schema={"tracking": pl.String})
    folded = typed.select(normalize_tracking(pl.col("tracking"))).get_column("tracking")
    reasons: list[DefectReason | None] = [None] * len(numbers)
    unverified = [False] * len(numbers)
    if entered:
        judged = classify(pl.DataFrame({"carrier_id": entered, "tracking": folded}))
        reasons = [_AS_REASON[r] for r in judged.get_column("reason").cast(pl.String)]
        unverified = judged.get_column("unverified").to_list()
    every = _under_every_carrier(folded)
    owners = _owners(folded.filter(folded != "").unique())
    return [
        NumberCheck(
            number=number,
            entered=entered,
            reason=reasons[at],
            unverified=unverified[at],
            owners=tuple(owners.filter(pl.col("number") == number).get_column("likely")),
            accepting=tuple(c for c, codes in every.items() if codes[at] == _VALID),
            bad_check=tuple(c for c, codes in every.items() if codes[at] == _BAD_CHECK),
        )
        for at, number in enumerate(folded.to_list())
    ]


_AS_REASON: dict[str | None, DefectReason | None] = {r: r for r in _REASONS.values()}


def _under_every_carrier(folded: pl.Series) -> dict[str, npt.NDArray[np.int8]]:
    """Verdict codes of normalized numbers under each carrier with a format rule; a
    placeholder (无, 0000000000) is missing tracking under all of them, as in `classify`."""
    known = [c for c in carriers() if c.formats]
    fits = folded.to_frame("tracking").select(
        missing=(pl.col("tracking") == "") | placeholder_tracking(pl.col("tracking")),
        **{c.id: _tried(c.id)[1] for c in known},
    )
    rows, text = np.arange(len(folded)), _Numbers(folded)
    missing = fits.get_column("missing").to_numpy()
    every = {}
    for carrier in known:
        codes = _carrier_verdicts(carrier, fits.get_column(carrier.id).to_numpy(), rows, text)[0]
        every[carrier.id] = np.where(missing, np.int8(_MISSING), codes)
    return every
