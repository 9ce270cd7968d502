"""How many cells the XLSX reader would allocate, found before it is asked to.

calamine builds each sheet as a dense grid from its first to its last cell, whatever lies
between, and aborts the whole process when that allocation fails: no Python `except`
catches it. So every part of the workbook is read here first, as the reader would place
its cells, and a workbook whose grids would be too big is refused.

The reader places a cell at its `r` reference ("B7", letters in either case), in any
attribute order or quoting; a cell without one goes after the cells before it in its row,
and a row without `r` after the row before it. Tags may carry a namespace prefix, and a
sheet may be any part of the zip (the workbook's relations say which). The bounds below are
upper bounds for every one of these placements; a forged `<dimension>` is not one, since
calamine does not allocate from it (tests/engine/test_hostile_xlsx.py shows it).

The scan is columnar: each block of XML is split into tags by polars, so a sheet of a
million rows costs a few seconds, not a Python loop per cell.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import numpy as np
import polars as pl

from bot.domain.errors import FileRejected

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
"""Excel's own limits: a reference beyond them is forged."""
MAX_SHEET_CELLS = 16_000_000
"""Largest grid one sheet may ask for: about 500 MB of calamine cells. A 20 MB export
(250,000 rows of 40 columns) asks for 10 million."""
MAX_WORKBOOK_CELLS = 24_000_000
"""Largest sum of grids over all sheets: many medium sheets cost as much as one huge one."""
BLOCK_BYTES = 4 << 20
MAX_ROW_BYTES = 64 << 20
"""A row of 16,384 cells is at most a few MB of XML; one longer than this is not a row."""

_PREFIX = r"(?:[A-Za-z_][\w.\-]*:)?"
_ROW_START = re.compile(rb"(?s).*(<(?:[A-Za-z_][\w.\-]*:)?row[\s/>])")
_TAG = rf"""<{_PREFIX}(?:c|row)(?:[\s/](?:[^>"']|"[^"]*"|'[^']*')*)?(?:>|$)"""
_ROW_TAG = rf"^<{_PREFIX}row"
_R_NAME = r"\sr\s*="
_FIRST_R = r"""^<[^\s/>]+(?:\s+[\w:.\-]+\s*=\s*(?:"[^"]*"|'[^']*'))*?\s+r\s*=\s*["']([^"']*)["']"""
_REFERENCE = r"^([A-Za-z]*)([0-9]*)$"
_SPACE = np.isin(np.arange(256), list(b" \t\n\r"))
_NAME_END = np.isin(np.arange(256), list(b" \t\n\r/>"))
"""Lookup tables: byte -> is it XML white space / can it end a tag name."""
_REF_SPAN = 12
"""Bytes read for a reference and its closing quote: 3 letters, 7 digits, and room to
see that a longer one is longer."""
_SPAN = np.arange(_REF_SPAN)


@dataclass
class _Cursor:
    """Where the previous block left off: the last row's number and how many rows came."""

    row: int = 0
    rows: int = 0


@dataclass(frozen=True)
class Extent:
    """The last row and column a part's cells can land on (0 when it has none)."""

    rows: int
    columns: int

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def guard_workbook(archive: zipfile.ZipFile) -> None:
    """Refuse the workbook if any part, read as a sheet, asks for too big a grid."""
    total = 0
    for info in archive.infolist():
        extent = part_extent(archive, info.filename)
        if extent.rows > EXCEL_MAX_ROWS or extent.columns > EXCEL_MAX_COLUMNS:
            raise FileRejected("sheet_too_large")
        total += extent.cells
        if extent.cells > MAX_SHEET_CELLS or total > MAX_WORKBOOK_CELLS:
            raise FileRejected("sheet_too_large")


def part_extent(archive: zipfile.ZipFile, name: str) -> Extent:
    """The grid a part would ask for if the reader took it for a sheet."""
    cursor, rows, columns = _Cursor(), 0, 0
    with archive.open(name) as part:
        head = part.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
            raise FileRejected("bad_xlsx")  # UTF-16 XML: no spreadsheet writes it
        for block in _row_blocks(part, head):
            extent = _block_extent(block, cursor)
            rows, columns = max(rows, extent.rows), max(columns, extent.columns)
            if rows > EXCEL_MAX_ROWS or columns > EXCEL_MAX_COLUMNS:
                break
    return Extent(rows, columns)


def _row_blocks(part: IO[bytes], head: bytes) -> Iterator[bytes]:
    """The part's text in blocks of about BLOCK_BYTES, each cut just before a row starts,
    so that a row is never split between blocks."""
    carry = head
    while block := part.read(BLOCK_BYTES):
        data = carry + block
        match = _ROW_START.match(data)
        cut = match.start(1) if match and match.start(1) > 0 else 0
        if cut == 0:
            if len(data) > MAX_ROW_BYTES:
                raise FileRejected("sheet_too_large")
            carry = data
            continue
        yield data[:cut]
        carry = data[cut:]
    if carry:
        yield carry


def _block_extent(block: bytes, cursor: _Cursor) -> Extent:
    plain = _plain_extent(block, cursor)
    return plain if plain is not None else _parsed_extent(block, cursor)


def _parsed_extent(block: bytes, cursor: _Cursor) -> Extent:
    tags = _tags(block.decode("utf-8", "replace"))
    rows = _row_numbers(tags.filter(pl.col("is_row")), cursor)
    cells = tags.filter(~pl.col("is_row"))
    if cells.is_empty():
        return Extent(0, 0)
    explicit = cells.filter(pl.col("r").is_not_null())
    row, column = _furthest(explicit)
    if explicit.height == cells.height:
        return Extent(row, column)
    return _with_positional(cells, rows, Extent(row, column), cursor)


def _plain_extent(block: bytes, cursor: _Cursor) -> Extent | None:
    """The extent of a block written as spreadsheet programs write it: every `<c>` and
    `<row>` tag unprefixed and opening with `r="..."`, no other `r=` anywhere, references
    of at most 3 letters and 7 digits. Checked and measured with numpy over the bytes (a
    4 MB block in a few ms); None when the block is written any other way."""
    data = np.frombuffer(block + b"\0" * 16, dtype=np.uint8)
    opens = np.flatnonzero(data[: len(block)] == ord("<"))
    first = data[opens + 1]
    cells = opens[(first == ord("c")) & _NAME_END[data[opens + 2]]]
    rows = opens[first == ord("r")]
    rows = rows[
        (data[rows + 2] == ord("o")) & (data[rows + 3] == ord("w")) & _NAME_END[data[rows + 4]]
    ]
    cell_refs = _plain_references(data, cells + 2)
    row_refs = _plain_references(data, rows + 4)
    if cell_refs is None or row_refs is None or _stray_r(data, len(cells) + len(rows)):
        return None
    if _has_prefixed_tag(data):
        return None
    cell_rows, cell_columns = cell_refs
    if (row_refs[1] > 0).any():
        return None  # a row tag with letters in its r
    furthest_row = int(cell_rows.max(initial=0))
    cursor.row = max(cursor.row, furthest_row, int(row_refs[0].max(initial=0)))
    cursor.rows += len(row_refs[0])
    return Extent(furthest_row, int(cell_columns.max(initial=0)))


def _plain_references(data: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(rows, columns) of the ` r="XFD1048576"` written at each offset, or None if one is
    written otherwise. Past Excel's limits counts as Excel's limit plus one."""
    if not len(at):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    head = data[at[:, None] + np.arange(4)]
    if not (head == np.frombuffer(b' r="', np.uint8)).all():
        return None
    value = data[at[:, None] + np.arange(4, 4 + _REF_SPAN)]
    upper = value & 0xDF  # ASCII letters to upper case; digits are checked apart
    is_letter = (upper >= ord("A")) & (upper <= ord("Z"))
    letters = np.argmin(is_letter, axis=1)
    in_reference = ((value >= ord("0")) & (value <= ord("9"))) | (letters[:, None] > _SPAN)
    length = np.argmin(in_reference, axis=1)
    closing = np.take_along_axis(value, length[:, None], axis=1)[:, 0]
    if (closing != ord('"')).any() or in_reference.all(axis=1).any():
        return None
    digits = length - letters
    if (letters > 3).any() or (digits > 7).any():
        raise FileRejected("sheet_too_large")
    return _number(value, letters, digits, 10, 48), _number(value, 0, letters, 26, 64)


def _number(
    value: np.ndarray, start: np.ndarray | int, count: np.ndarray, base: int, zero: int
) -> np.ndarray:
    """Each line's `count` characters from `start` read as a number in `base`."""
    width = int(count.max(initial=0))
    if width == 0:
        return np.zeros(len(value), np.int64)
    places = np.arange(width)
    at = np.minimum(np.asarray(start)[..., None] + places, _REF_SPAN - 1)
    at = np.broadcast_to(at, (len(value), width))
    figures = np.take_along_axis(value, at, axis=1).astype(np.int64)
    figures = (figures & 0xDF if base == 26 else figures) - zero  # letters in upper case
    powers = np.where(
        places < count[:, None], base ** np.maximum(count[:, None] - 1 - places, 0), 0
    )
    return (figures * powers).sum(axis=1)


def _stray_r(data: np.ndarray, expected: int) -> bool:
    """More ` r=` (with any spacing) than the plain tags account for: a second `r`
    attribute, an odd spacing, or only text that looks like one."""
    r_at = np.flatnonzero(data[1:-1] == ord("r")) + 1
    r_at = r_at[_SPACE[data[r_at - 1]]]
    following = data[r_at + 1]
    return int((_SPACE[following] | (following == ord("="))).sum()) != expected


def _has_prefixed_tag(data: np.ndarray) -> bool:
    """A `:c` or `:row` tag name (a namespace prefix): rare, so left to the full parse."""
    colons = np.flatnonzero(data[:-5] == ord(":"))
    cell = (data[colons + 1] == ord("c")) & _NAME_END[data[colons + 2]]
    row = (data[colons + 1] == ord("r")) & (data[colons + 2] == ord("o"))
    row &= (data[colons + 3] == ord("w")) & _NAME_END[data[colons + 4]]
    return bool((cell | row).any())


def _tags(text: str) -> pl.DataFrame:
    """One line per `<c>` or `<row>` tag: whether it is a row, the row it is in
    (`segment`: 0 before the block's first row) and its `r` attribute. Attributes are
    walked whole, so an `r=` inside another attribute's value is not taken for one; a tag
    with two `r` attributes is not XML, and is refused."""
    tags = pl.Series("tag", [text]).str.extract_all(_TAG).explode().drop_nulls().to_frame()
    tags = tags.with_columns(is_row=pl.col("tag").str.contains(_ROW_TAG))
    if tags.select((pl.col("tag").str.count_matches(_R_NAME) > 1).any()).item():
        raise FileRejected("bad_xlsx")
    return tags.select(
        "is_row",
        segment=pl.col("is_row").cum_sum(),
        r=pl.col("tag").str.extract(_FIRST_R, 1),
    )


def _furthest(explicit: pl.DataFrame) -> tuple[int, int]:
    """(last row, last column) of the explicit references; one calamine cannot parse
    makes it refuse the workbook, and so do we."""
    parts = explicit.select(
        letters=pl.col("r").str.extract(_REFERENCE, 1),
        digits=pl.col("r").str.extract(_REFERENCE, 2),
    )
    if parts.get_column("letters").null_count():
        raise FileRejected("bad_xlsx")
    longest = parts.select(pl.all().str.len_chars().max())
    if (longest.item(0, 0) or 0) > 3 or (longest.item(0, 1) or 0) > 7:
        raise FileRejected("sheet_too_large")
    rows = parts.get_column("digits").replace("", "0").cast(pl.Int64).max()
    columns = map(_column_number, parts.get_column("letters").unique().to_list())
    return int(rows or 0), max(columns, default=0)  # type: ignore[arg-type]  # polars types max() as any literal


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _with_positional(
    cells: pl.DataFrame, rows: pl.DataFrame, explicit: Extent, cursor: _Cursor
) -> Extent:
    """Add the cells placed by position: each row's go past its explicit cells, at most
    one column per cell of the row; the row's number bounds theirs."""
    per_row = cells.group_by("segment").agg(
        cells=pl.len(),
        positional=pl.col("r").is_null().any(),
        letters=pl.col("r").str.extract(_REFERENCE, 1).drop_nulls().unique(),
    )
    placed = per_row.filter("positional").join(rows, on="segment", how="left")
    row, column = explicit.rows, explicit.columns
    fallback = max(cursor.row, cursor.rows, 1)
    for cell_count, letters, bound in placed.select("cells", "letters", "bound").iter_rows():
        furthest = max(map(_column_number, letters), default=0)
        row, column = max(row, bound or fallback), max(column, furthest + cell_count)
    return Extent(row, column)


def _row_numbers(rows: pl.DataFrame, cursor: _Cursor) -> pl.DataFrame:
    """(segment, bound): an upper bound on the number of each row of the block, whether
    the reader takes the row's `r` or counts rows; the cursor moves past the block."""
    if rows.is_empty():
        return pl.DataFrame(schema={"segment": pl.UInt32, "bound": pl.Int64})
    digits = pl.col("r").str.extract(r"^([0-9]+)$", 1)
    explicit = (
        pl.when(digits.str.len_chars() > 7)
        .then(EXCEL_MAX_ROWS + 1)
        .otherwise(digits.cast(pl.Int64, strict=False))
    )
    numbered = rows.with_row_index("i").with_columns(explicit=explicit)
    group = pl.col("explicit").is_not_null().cum_sum()
    offset = pl.int_range(pl.len()).over(group)
    base = pl.col("explicit").forward_fill().fill_null(cursor.row)
    number = base + offset + pl.when(group == 0).then(1).otherwise(0)
    ordinal = pl.col("i").cast(pl.Int64) + cursor.rows + 1
    result = numbered.select(
        pl.col("segment"), number.alias("number"), pl.max_horizontal(number, ordinal).alias("bound")
    )
    cursor.row = int(result.get_column("number")[-1])
    cursor.rows += result.height
    return result.select("segment", "bound")
