"""Seller file (CSV, TSV/TXT, XLSX) → a frame of string columns named by meaning.

Only the columns VTR needs are ever materialised: buyer names, phones and addresses
are never read into memory beyond the header sample, so they cannot leak further.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import polars as pl

from bot.domain.encodings import (
    SAMPLE_BYTES,
    decode,
    detect_encoding,
    european_readings,
    transcode_to_utf8,
)
from bot.domain.errors import FileRejected
from bot.domain.header_words import REMEMBERED_CELL, meanings_by_words
from bot.domain.reference import column_aliases, fold_key, vocabulary
from bot.domain.tracking import leading_carrier, number_of_info_cell, resolve_carrier
from bot.domain.values import (
    EXCEL_SAFE_MARK,
    amazon_site_code,
    excel_safe_cell,
    excel_safe_text,
    vocabulary_meaning,
)

HEADER_SCAN_LINES = 30
"""Amazon JP reports put a few lines above the header; ERP exports sometimes a title."""
DELIMITERS = ("\t", ",", ";", "|")
_PAREN_SUFFIX = re.compile(r"[(（\[【].*$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CR, _LF = ord("\r"), ord("\n")
_SLICE_BYTES = 64 << 10
"""numpy reads a chunk's bytes this many at a time: temporary arrays of a whole 4 MB chunk,
made on the reading thread, would add to the analysis's peak; and below the 256 KiB from
which the analysis worker has glibc map a block on its own (isolation.py), each slice's
temporaries reuse the heap instead of being mapped and faulted in anew."""


CHUNK_BYTES = 4 << 20
"""Text files are parsed this many bytes at a time, so memory follows the chunk, not the file.
On the 1M-row bench, 8 MB chunks peaked ~10 MB higher, 2 MB ones ran ~15% slower."""
MAX_QUOTED_BYTES = 256 << 10
"""A spreadsheet cell holds at most 32,767 characters (≤ 128 KiB of UTF-8): a quoted cell
still open after this much text is a stray quote, not a cell."""


@dataclass
class RawTable:
    """The needed columns of one file, as strings, named by meaning (see columns.yaml).

    `batches()` reads the file anew each call and yields frames of about CHUNK_BYTES of text
    rows: callers reduce each batch before the next is read."""

    batches: Callable[[], Iterator[pl.DataFrame]]
    columns: list[str]
    headers: list[str]
    encoding: str
    source_bytes: int = 0
    """Size of the text the batches come from: how finely a big file is split (spill.py)."""
    unread_sheets: tuple[str, ...] = ()
    """A workbook's sheets with content that were not read (another table, or no header):
    the report names them, so no order is left out unseen."""

    @classmethod
    def of(cls, frame: pl.DataFrame, headers: list[str], encoding: str) -> RawTable:
        return cls(lambda: iter([frame]), frame.columns, headers, encoding)

    @property
    def lists_items(self) -> bool:
        """Whether a header names an order's items (SKU, ASIN, product name: `names_items`)."""
        return names_items(self.headers)

    @property
    def totals_orders(self) -> bool:
        """Whether the order value column holds each order's total (`names_order_total`)."""
        index = header_meanings(self.headers).get("order_value")
        return index is not None and names_order_total(self.headers[index])

    @property
    def frame(self) -> pl.DataFrame:
        """Every batch at once: for small files and tests."""
        empty = pl.DataFrame(schema=dict.fromkeys(self.columns, pl.String))
        return pl.concat([empty, *self.batches()])


def names_items(headers: Iterable[str]) -> bool:
    """Whether a header names an order's items (vocabulary.yaml `item_headers`: SKU, ASIN,
    order-item-id, product name): a file listing items may hold two rows of one package alike
    in every column the engine reads (two items at one price), where a file listing orders or
    packages alone may not (docs/decisions/015)."""
    words = _item_headers()
    return any(fold_key(_PAREN_SUFFIX.sub("", str(h))) in words for h in headers)


@cache
def _item_headers() -> frozenset[str]:
    return frozenset(fold_key(header) for header in vocabulary().item_headers)


def names_order_total(header: str) -> bool:
    """Whether a price header names the whole order's total (vocabulary.yaml
    `order_total_headers`: 订单金额, order-total), not one item's price: a file listing items
    repeats it on each item row, so the order's value counts it once (docs/decisions/016)."""
    return fold_key(_PAREN_SUFFIX.sub("", str(header))) in _order_total_headers()


@cache
def _order_total_headers() -> frozenset[str]:
    return frozenset(fold_key(header) for header in vocabulary().order_total_headers)


def missing_columns(columns: Iterable[str]) -> list[str]:
    """The meanings a table of orders needs and `columns` lacks (a carrier may be read
    from the shipping service): what a refusal names, and how a workbook's order sheets
    are told from its summary sheets."""
    present = set(columns)
    missing = [m for m in ("order_id", "ship_date", "tracking") if m not in present]
    if not present & {"carrier", "carrier_name", "ship_service", CARRIER_IN_TRACKING}:
        missing.append("carrier")
    return missing


CARRIER_IN_TRACKING = "carrier_in_tracking"
"""The meaning of a tracking column whose cells name the carrier before the number ('UPS:
1Z…', 'DHL-312…'), in a file with no carrier column: read as the carrier too."""
CARRIER_COLUMNS = frozenset({"carrier", "carrier_name"})
CARRIER_TRACKING = "tracking_of:"
"""The prefix of the meaning of a tracking column named for its carrier ('UPS #', 'FedEx
Tracking'), the carrier's name after it: a file with one such column per carrier, and no
column for all, names a number's carrier by the column it is in (set F12's F10)."""


def tracking_by_carrier_columns(cells: list[str], meanings: dict[str, int]) -> dict[str, int]:
    """{CARRIER_TRACKING + carrier: column} for each header naming a carrier and then its
    numbers ('UPS #', 'Royal Mail Tracking No.'), two or more, when no header names the
    carrier and none names the tracking but as one of them ('FedEx Tracking No.' read by its
    words); read as one tracking cell that opens with the carrier (`one_tracking_column`),
    the first column of them standing for it until then (`missing_columns`)."""
    tracking = meanings.get("tracking")
    if CARRIER_COLUMNS & meanings.keys() or (
        tracking is not None and not _carrier_of_number_header(cells[tracking])
    ):
        return {}
    taken = {index for meaning, index in meanings.items() if meaning != "tracking"}
    found = {
        CARRIER_TRACKING + name: index
        for index, cell in enumerate(cells)
        if index not in taken and (name := _carrier_of_number_header(cell))
    }
    if len(found) < 2:
        return {}
    first = min(found.values())
    return found | {"tracking": first, CARRIER_IN_TRACKING: first}


def _carrier_of_number_header(cell: str) -> str | None:
    name = leading_carrier(cell)
    if name is None:
        return None
    rest = fold_key(cell.strip()[len(name) :])
    return name if rest in _number_header_words() else None


@cache
def _number_header_words() -> frozenset[str]:
    words = [*vocabulary().number_header_words, *column_aliases()["tracking"]]
    return frozenset(fold_key(word) for word in words)


def tracking_in_info_cell(meanings: dict[str, int]) -> dict[str, int]:
    """A logistics cell of carrier, number and state ('tracking_info': columns.yaml) read as
    the tracking cell when no column holds the number alone, and as the carrier when none
    names it; a file with a tracking column reads that and leaves the cell."""
    if "tracking_info" not in meanings:
        return meanings
    if "tracking" in meanings:
        return {k: v for k, v in meanings.items() if k != "tracking_info"}
    column = meanings["tracking_info"]
    named = {} if CARRIER_COLUMNS & meanings.keys() else {CARRIER_IN_TRACKING: column}
    return meanings | {"tracking": column} | named


def one_tracking_column(frame: pl.DataFrame) -> pl.DataFrame:
    """A batch's tracking as one cell, '<carrier> <number>', where a file spreads it: over
    tracking columns named for their carriers (`tracking_by_carrier_columns`), the first
    filled from the left, or in a logistics cell beside the parcel's state
    (`tracking_in_info_cell`). One reading of the carrier and the number, the one of a cell
    where a seller writes both (CARRIER_IN_TRACKING), for every layout."""
    if "tracking_info" in frame.columns:
        cell = number_of_info_cell(pl.col("tracking_info"))
        named = [name for name in ("tracking", CARRIER_IN_TRACKING) if name in frame.columns]
        frame = frame.with_columns(cell.alias(name) for name in named).drop("tracking_info")
    named = [column for column in frame.columns if column.startswith(CARRIER_TRACKING)]
    if not named:
        return frame
    cells = [
        pl.when(pl.col(c).str.strip_chars().fill_null("") != "").then(
            pl.lit(c.removeprefix(CARRIER_TRACKING) + " ") + pl.col(c).str.strip_chars()
        )
        for c in named
    ]
    merged = pl.coalesce(*cells).fill_null("")
    return frame.with_columns(merged.alias("tracking"), merged.alias(CARRIER_IN_TRACKING)).drop(
        named
    )


def carrier_in_tracking_by_values(
    rows: list[list[str]], meanings: dict[str, int]
) -> dict[str, int]:
    """{CARRIER_IN_TRACKING: the tracking column} when the file has no carrier column and at
    least half the filled tracking cells of these rows open with a carrier's name
    (`leading_carrier`): one cell holding both, as a seller's own sheet writes 'Shipping
    (carrier + tracking)'. Without it the file was refused for a missing carrier."""
    if "tracking" not in meanings or CARRIER_COLUMNS & meanings.keys():
        return {}
    column = meanings["tracking"]
    cells = _filled_cells(rows, column)
    named = sum(leading_carrier(cell) is not None for cell in cells)
    return {CARRIER_IN_TRACKING: column} if cells and 2 * named >= len(cells) else {}


NAMING_SHARE = 0.5
"""The share of a column's filled cells that must name a known carrier for a service column
to be read as the carrier (docs/decisions/019): most of a channel column names its carrier
('云途-欧洲专线挂号', '递四方 4PX'); an odd 'Standard' or a local line beside them does not
make it a service column, while a level column ('Standard', 'Letter') names none."""


def carrier_in_service_by_values(
    header: list[str], rows: list[list[str]], meanings: dict[str, int]
) -> dict[str, int]:
    """{'carrier': column} when no column is named for the carrier and the file has two
    service-like columns (物流渠道 beside 物流方式, both ship services by name): the one whose
    values name a known carrier (`resolve_carrier`, NAMING_SHARE), when it is not the column
    already read as the service; that one keeps its service level ('Standard', 'Letter') for
    the letter rule. With one service column, the service is read as the carrier already."""
    if CARRIER_COLUMNS & meanings.keys() or CARRIER_IN_TRACKING in meanings:
        return {}
    services = _service_columns(header)
    if len(services) < 2:
        return {}
    shares = {column: _naming_share(rows, column) for column in services}
    best = max(services, key=lambda column: shares[column])
    if shares[best] < NAMING_SHARE or best == meanings.get("ship_service"):
        return {}
    return {"carrier": best}


def service_by_values(
    header: list[str], rows: list[list[str]], meanings: dict[str, int]
) -> dict[str, int]:
    """{'ship_service': column} when two service-like columns are left once the carrier is
    read ('ship-service-level' beside 'ship-method'): the one whose values say the most
    (the most distinct filled values in these rows), since the letter rule reads the
    service and a level column ('Standard') never names the letter a method column does
    ('Lettre prioritaire'). Ties keep the column the aliases chose."""
    carriers = {meanings[meaning] for meaning in CARRIER_COLUMNS & meanings.keys()}
    services = [column for column in _service_columns(header) if column not in carriers]
    chosen = meanings.get("ship_service")
    if chosen is None or len(services) < 2:
        return {}
    best = max(services, key=lambda column: (_distinct_values(rows, column), column == chosen))
    return {"ship_service": best} if best != chosen else {}


def _distinct_values(rows: list[list[str]], column: int) -> int:
    """How many different filled values the column holds in these rows."""
    return len({cell.casefold() for cell in _filled_cells(rows, column)})


def _filled_cells(rows: list[list[str]], column: int) -> list[str]:
    """The column's cells in these rows that hold something, stripped, in row order."""
    return [cell for row in rows if column < len(row) and (cell := row[column].strip())]


def _service_columns(header: list[str]) -> list[int]:
    """The columns whose header is a ship service's alias (columns.yaml `ship_service`)."""
    aliases = frozenset(column_aliases()["ship_service"])
    return [
        index
        for index, cell in enumerate(header)
        if not aliases.isdisjoint(_header_keys(str(cell)))
    ]


def _naming_share(rows: list[list[str]], column: int) -> float:
    """The share of the column's filled cells in these rows that name a known carrier."""
    cells = _filled_cells(rows, column)
    named = sum(resolve_carrier(cell) is not None for cell in cells)
    return named / len(cells) if cells else 0.0


def header_meanings(cells: Iterable[str]) -> dict[str, int]:
    """meaning -> column index, preferring the earliest alias in columns.yaml; meanings no
    alias names are then read from the words of the other headers (header_words.py)."""
    cells = [str(cell) for cell in cells]
    keys = [_header_keys(cell) for cell in cells]
    folded = _first_indexes(key for key, _ in keys)
    stripped = _first_indexes(key for _, key in keys)
    named = _meanings_of_aliases()
    halves = _bilingual_halves(cells, named)
    texts = (*folded, *stripped, *halves)
    present = {meaning for text in texts for meaning in named.get(text, ())}
    found: dict[str, int] = {}
    for meaning, aliases in column_aliases().items():
        if meaning not in present:  # most lines of a file name none: looked up, not searched
            continue
        for alias in aliases:
            index = folded.get(alias, stripped.get(alias, halves.get(alias)))
            if index is not None:
                found[meaning] = index
                break
    found |= meanings_by_words(cells, found)
    if "tracking" not in found and "tracking_updated" in found:
        found["tracking"] = found.pop("tracking_updated")  # a file's only tracking column
    return found


def _header_keys(cell: str) -> tuple[str, str]:
    """A cell's text as an alias is looked up, whole and without its bracketed suffix; found
    once per text (header_words.REMEMBERED_CELL), as a file's first lines are read for every
    delimiter and repeat their values."""
    if len(cell) > REMEMBERED_CELL:
        return _fold_keys(cell)
    return _remembered_keys(cell)


def _fold_keys(cell: str) -> tuple[str, str]:
    return fold_key(cell), fold_key(_PAREN_SUFFIX.sub("", cell))


_remembered_keys = lru_cache(maxsize=2048)(_fold_keys)


_BILINGUAL = re.compile(r"\s*[/／|｜]\s*")
_BILINGUAL_MARKS = frozenset("/／|｜")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_SCRIPT_CHANGE = re.compile(rf"(?<=[{_CJK}])[\s:：]*(?=[A-Za-z])|(?<=[A-Za-z])[\s:：]*(?=[{_CJK}])")
"""Where a header written in two languages without a mark turns from Chinese (Japanese,
Korean) to Latin letters or back: '状态 Status', 'Carrier 承运商', '订单号Order ID'."""


def _bilingual_halves(cells: list[str], named: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """ "Status/状态", "状态 Status", "Carrier 承运商": a header written in two languages,
    each half an alias, read by its halves when they name one meaning between them (a header
    like "Carrier/Tracking", whose halves name two, names neither). Folded whole, '状态 Status'
    is 'status' glued to '状态', which no alias spells: its cancelled rows were counted."""
    halves: dict[str, int] = {}
    for index, cell in enumerate(cells):
        parts = [fold_key(p) for p in _header_halves(cell) if p.strip()]
        if len(parts) < 2:
            continue
        meanings = {named[p] for p in parts if p in named}
        if len(meanings) == 1:
            for part in parts:
                halves.setdefault(part, index)
    return halves


def _header_halves(cell: str) -> list[str]:
    """A header's parts in each language: split at a mark between them, else where its
    script changes; one part for most headers, written in one language."""
    if not _BILINGUAL_MARKS.isdisjoint(cell):
        return _BILINGUAL.split(cell)
    if cell.isascii():
        return [cell]
    return _SCRIPT_CHANGE.split(cell.strip())


def _first_indexes(texts: Iterable[str]) -> dict[str, int]:
    """Each text's first column."""
    firsts: dict[str, int] = {}
    for index, text in enumerate(texts):
        firsts.setdefault(text, index)
    return firsts


@cache
def _meanings_of_aliases() -> dict[str, tuple[str, ...]]:
    """alias -> the meanings it spells (columns.yaml)."""
    meanings: dict[str, tuple[str, ...]] = {}
    for meaning, aliases in column_aliases().items():
        for alias in aliases:
            meanings[alias] = (*meanings.get(alias, ()), meaning)
    return meanings


def best_header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    """The row that names the most meanings (at least two), with the names of a two-row
    header's upper row in its blank cells; earliest on ties."""
    best: tuple[int, dict[str, int]] | None = None
    for index, cells in enumerate(rows[:HEADER_SCAN_LINES]):
        meanings = header_meanings(cells)
        meanings |= _named_above(rows, index, meanings)
        if len(meanings) >= 2 and (best is None or len(meanings) > len(best[1])):
            best = (index, meanings)
    if best is None:
        return None
    line, meanings = best[0], tracking_in_info_cell(best[1])
    # Rows as wide as the header: the halves of a line a quoted line break cut are no rows.
    below = rows[line + 1 : HEADER_SCAN_LINES]
    sample = [row for row in below if len(row) >= len(rows[line])] or below
    meanings |= marketplace_by_values(sample, meanings)
    if "shop" in meanings and meanings["shop"] == meanings.get("marketplace"):
        del meanings["shop"]  # its stores were marketplaces
    meanings |= carrier_in_service_by_values(rows[line], sample, meanings)
    meanings |= service_by_values(rows[line], sample, meanings)
    meanings |= carrier_in_tracking_by_values(sample, meanings)
    meanings |= tracking_by_carrier_columns(rows[line], meanings)
    return line, meanings | fulfillment_by_values(sample, meanings)


def marketplace_by_values(rows: list[list[str]], meanings: dict[str, int]) -> dict[str, int]:
    """{'marketplace': column} for the first column no header named whose every filled cell
    in these rows is an Amazon site ('Amazon.com', 'Amazon.co.uk'), as a shipping tool's
    'Channel' or 'Store' column writes it: a file read without its marketplace judges every
    marketplace's orders as one. Only sites: a column of country codes (US, GB) may be the
    buyer's country, not the marketplace. A 'Store' column read as the shop is this one when
    its every store is an Amazon site ('Amazon US', 'Amazon UK': set F10's F02), and the
    caller then reads no shop from it."""
    if "marketplace" in meanings:
        return {}
    taken = {index for meaning, index in meanings.items() if meaning != "shop"}
    for column in range(max((len(row) for row in rows), default=0)):
        cells = set(_filled_cells(rows, column))
        if column not in taken and cells and all(amazon_site_code(c) for c in cells):
            return {"marketplace": column}
    return {}


def _named_above(rows: list[list[str]], line: int, meanings: dict[str, int]) -> dict[str, int]:
    """Meanings named only in the row above the header, in a column the header leaves blank.

    ERP exports such as 店小秘's write a two-row header: group cells (物流信息) over the field
    names, and 订单号 or 站点 merged down both rows, so their name sits in the upper row alone.
    Reading the lower row only loses the order ID. A blank header cell takes the name above
    it; a meaning the header row already names keeps its column."""
    if line == 0:
        return {}
    width = max(len(rows[line - 1]), len(rows[line]))
    above, cells = (row + [""] * (width - len(row)) for row in (rows[line - 1], rows[line]))
    joined = [cell if cell.strip() else name for cell, name in zip(cells, above, strict=True)]
    return {k: v for k, v in header_meanings(joined).items() if k not in meanings}


def fulfillment_by_values(rows: list[list[str]], meanings: dict[str, int]) -> dict[str, int]:
    """{'fulfillment': column} for the first column no header named whose every filled cell
    in these rows is a fulfilment word, at least one of them the seller's ('Expédié par le
    vendeur' / 'Expédié par Amazon' under a header such as 'Gestion'): counting FBA orders
    is a wrong VTR. A column of 'Amazon' alone is the platform, not the channel."""
    if "fulfillment" in meanings:
        return {}
    taken = set(meanings.values())
    for column in range(max((len(row) for row in rows), default=0)):
        cells = set(_filled_cells(rows, column))
        kinds = {vocabulary_meaning("fulfillment", cell) for cell in cells}
        if column not in taken and cells and None not in kinds and "merchant" in kinds:
            return {"fulfillment": column}
    return {}


def _split_lines(text: str, delimiter: str) -> list[list[str]]:
    # Split on '\n' only, as the CSV reader counts lines (str.splitlines knows more breaks).
    lines = [line.rstrip("\r") for line in text.split("\n")[:HEADER_SCAN_LINES]]
    return [
        [excel_safe_cell(cell.strip()).strip('"').strip() for cell in _cells(line, delimiter)]
        for line in lines
    ]


def _cells(line: str, delimiter: str) -> list[str]:
    """One line's cells; a quoted cell holding the delimiter ('"Nov 6, 2026"') stays one
    cell, as the parser reads it, so the cells after it keep their columns for the readings
    by values (`marketplace_by_values`). Tab-delimited lines are split as written: Amazon's
    reports carry stray quotes."""
    if delimiter == "\t" or '"' not in line:
        return line.split(delimiter)
    return next(csv.reader([line], delimiter=delimiter), [])


def _check_size(path: Path, max_bytes: int | None) -> int:
    size = path.stat().st_size
    if size == 0:
        raise FileRejected("empty")
    if max_bytes is not None and size > max_bytes:
        raise FileRejected("too_large", limit_mb=round(max_bytes / 2**20, 1))
    return size


def read_table(path: Path, max_bytes: int | None = None, scratch: Path | None = None) -> RawTable:
    """Read any supported seller file; raise `FileRejected` with a reason otherwise.
    A text file in a legacy encoding is transcoded into `scratch` (the upload's own folder,
    which the bot clears after a crash), else into the system's temporary folder."""
    _check_size(path, max_bytes)
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK\x03\x04"):
        from bot.domain.xlsx_reading import read_xlsx  # it builds on this module's header rules

        return read_xlsx(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRejected("legacy_xls")
    return _read_text(path, scratch)


# --- delimited text -------------------------------------------------------------------


def _read_text(path: Path, scratch: Path | None = None) -> RawTable:
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
        truncated = bool(handle.read(1))
    encoding = _readable_encoding(sample, detect_encoding(sample, truncated))
    text = _sample_text(sample, encoding)
    if _looks_binary(text):
        raise FileRejected("not_a_table")
    delimiter, header_line, meanings, headers = _layout(text)
    if not truncated and not any(line.strip() for line in text.split("\n")[header_line + 1 :]):
        return RawTable.of(
            pl.DataFrame(schema=dict.fromkeys(meanings, pl.String)), headers, encoding
        )
    saved_by_excel = delimiter == "\t" and excel_quoted(text, header_line)
    nulls = writes_program_nulls(text, delimiter)
    layout = _TextLayout(delimiter, header_line, meanings, len(headers), saved_by_excel, nulls)
    if not truncated and (blocks := _stacked_blocks(text, layout)):
        columns = list(dict.fromkeys(m for block, _ in blocks for m in block.meanings))
        return RawTable(
            lambda: _stacked_batches(blocks, columns), columns, headers, encoding, len(sample)
        )
    needs_transcoding = encoding not in ("utf-8", "utf-8-sig") or b"\x00" in sample

    def batches() -> Iterator[pl.DataFrame]:
        if not needs_transcoding:
            yield from _text_batches(path, layout)
            return
        with tempfile.TemporaryDirectory(prefix="vtrbot-", dir=scratch) as folder:
            source = Path(folder) / "utf8.csv"
            transcode_to_utf8(path, encoding, source)
            yield from _text_batches(source, layout)

    return RawTable(batches, list(meanings), headers, encoding, path.stat().st_size)


def _stacked_blocks(text: str, layout: _TextLayout) -> list[tuple[_TextLayout, list[str]]]:
    """Exports pasted one under the other, each under its own header in its own column
    order (two shops' ERP exports in one file: set F13's F10), as (layout, lines) per
    block; [] when no line below the header is another header. Read in a file the sample
    holds whole; the header repeated, each column it names where the one above has it, is no
    new block (its row is skipped as before).
    The file's header is the one naming the most columns, so a block may start above it."""
    lines = text.split("\n")
    above = (_another_header(lines, index, layout) for index in range(layout.header_line))
    first = next((found for found in above if found), layout)
    starts, layouts = [first.header_line], [first]
    for index in range(first.header_line + 1, len(lines)):
        if found := _another_header(lines, index, layouts[-1]):
            starts.append(index)
            layouts.append(found)
    if len(layouts) == 1:
        return []
    ends = [*starts[1:], len(lines)]
    return [
        (block, lines[start + 1 : end])
        for block, start, end in zip(layouts, starts, ends, strict=True)
    ]


def _another_header(lines: list[str], index: int, above: _TextLayout) -> _TextLayout | None:
    """The layout a line starts when it is a header naming every needed column, other than
    the one above it. Looked at only when its cells under the order ID and ship date hold
    text with no digit, as a header's do and an order's ID never."""
    cells = lines[index].split(above.delimiter)  # a header's cells hold no delimiter
    for meaning in ("order_id", "ship_date"):
        at = above.meanings.get(meaning, len(cells))
        if at >= len(cells) or not cells[at].strip() or _DIGIT.search(cells[at]):
            return None
    rows = _split_lines("\n".join(lines[index : index + HEADER_SCAN_LINES]), above.delimiter)
    found = best_header(rows)
    while found is not None and found[0] > 0:  # a later header below it names more
        rows = rows[: found[0]]
        found = best_header(rows)
    if found is None or missing_columns(found[1]):
        return None
    if all(above.meanings.get(meaning) == at for meaning, at in found[1].items()):
        return None  # the header above repeated, maybe in other words: its columns kept
    return replace(above, header_line=index, meanings=found[1], width=len(rows[0]))


_DIGIT = re.compile(r"\d")


def _stacked_batches(
    blocks: list[tuple[_TextLayout, list[str]]], columns: list[str]
) -> Iterator[pl.DataFrame]:
    """Each block read under its own header, its columns put in one order."""
    for layout, lines in blocks:
        named = [pl.col(f"c{index}").alias(meaning) for meaning, index in layout.meanings.items()]
        chunk = ("\n".join(lines) + "\n").encode()
        frame = _without_blank_rows(_parse_chunk(chunk, layout, named))
        yield frame.select(
            pl.col(name) if name in frame.columns else pl.lit(None, pl.String).alias(name)
            for name in columns
        )


def _sample_text(sample: bytes, encoding: str) -> str:
    return decode(sample, encoding).replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def _readable_encoding(sample: bytes, detected: str) -> str:
    """The detected encoding, or a European code page the sample also decodes in
    (`european_readings`) when the header then names more of the columns: a Windows-1250
    Polish file read as GBK had only mojibake headers ('Numer zam體ienia')."""
    candidates = [detected, *european_readings(sample, detected)]
    if len(candidates) == 1:
        return detected
    return max(candidates, key=lambda encoding: _columns_named(_sample_text(sample, encoding)))


def _columns_named(text: str) -> int:
    try:
        return len(_layout(text)[2])
    except FileRejected:
        return 0


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return not sample.strip() or len(_CONTROL.findall(sample)) > 0.05 * len(sample)


def _layout(text: str) -> tuple[str, int, dict[str, int], list[str]]:
    """(delimiter, header line index, meaning -> column, header cells)."""
    best: tuple[int, str, int, dict[str, int]] | None = None
    for delimiter in DELIMITERS:
        found = best_header(_split_lines(text, delimiter))
        if found and (best is None or len(found[1]) > len(best[3])):
            best = (len(found[1]), delimiter, found[0], found[1])
    first_line = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    if best is None:
        guess = max(DELIMITERS, key=first_line.count)
        raise FileRejected("no_header", found=visible_headers(first_line.split(guess)))
    _, delimiter, line, meanings = best
    headers = _split_lines(text, delimiter)[line]
    return delimiter, line, meanings, headers


def visible_headers(cells: list[str], limit: int = 20) -> list[str]:
    """The headers a refusal quotes back: at most 20, each at most 40 characters, so the
    message fits in one Telegram message whatever the file's first line holds."""
    return [cell.strip()[:40] for cell in cells if cell.strip()][:limit]


@dataclass(frozen=True)
class _TextLayout:
    delimiter: str
    header_line: int
    meanings: dict[str, int]
    width: int
    excel_quoted: bool = False
    """A tab-delimited file Excel saved (`excel_quoted`), whose quotes open cells."""
    program_nulls: bool = False
    """Whether the file writes empty values as a program does ('null': `PROGRAM_NULLS`)."""

    @property
    def quote(self) -> str | None:
        # Amazon's tab-delimited reports carry stray '"' characters: quoting off for tabs,
        # but in a file Excel saved.
        return None if self.delimiter == "\t" and not self.excel_quoted else '"'


_EXCEL_CELL = re.compile(r'"(?:[^"]|"")*"(?=\t|\n|$)|[^"\t\n]*(?=\t|\n|$)')
"""A cell of a tab-delimited file as Excel writes it: quoted, with its inner quotes doubled
(and tabs and line breaks inside), or holding no quote at all."""
_QUOTED_CELL_OPENS = re.compile(r'(?:^|[\t\n])"')
_OPEN_QUOTED_CELL = re.compile(r'"(?:[^"]|"")*')


def excel_quoted(text: str, header_line: int = 0) -> bool:
    """Whether a tab-delimited sample (`text`, line ends made LF) quotes its cells as Excel's
    "Text (Tab delimited)" does: some cell opens with a quote, and every cell below the
    header is either quoted, its inner quotes doubled, or holds none. An Amazon report saved
    again by Excel is such a file; read with quoting off, as Amazon's own reports must be,
    a note holding a line break or a tab splits its order's row in two (set F10's F10). The
    sample's last line, which its end may cut, is left out, and so is a quoted cell it cuts."""
    body = text.split("\n", header_line + 1)[-1]
    body = body[: body.rfind("\n") + 1]
    if not _QUOTED_CELL_OPENS.search(body):
        return False
    at = 0
    while at < len(body):
        cell = _EXCEL_CELL.match(body, at)
        if cell is None:  # a stray quote, or a quoted cell the sample's end cuts
            return _OPEN_QUOTED_CELL.fullmatch(body, at) is not None
        at = cell.end() + 1  # past the tab or the line end after it
    return True


def _text_batches(source: Path, layout: _TextLayout) -> Iterator[pl.DataFrame]:
    """Frames of the needed columns, one per chunk of about CHUNK_BYTES of the file."""
    named = [pl.col(f"c{index}").alias(meaning) for meaning, index in layout.meanings.items()]
    for chunk in _record_chunks(source, layout):
        yield _without_blank_rows(_parse_chunk(chunk, layout, named))


def _blank(column: pl.Expr) -> pl.Expr:
    return column.is_null() | (column.str.strip_chars() == "")


def _without_blank_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """Rows with some text: a row can only be blank where its order ID is, so the other
    columns are looked at only when some order ID is blank (few files have any)."""
    if "order_id" in frame.columns and not frame.select(_blank(pl.col("order_id")).any()).item():
        return frame
    return frame.filter(~pl.all_horizontal(_blank(pl.all())))


def _parse_chunk(chunk: bytes, layout: _TextLayout, named: list[pl.Expr]) -> pl.DataFrame:
    """The chunk's needed columns (`named`), each cell an ERP wrote Excel-safe (="…") read
    as the text inside (`excel_safe_text`); a chunk with no '="' in it has none, and costs
    one byte search."""
    frame = _parsed_columns(chunk, layout, named)
    if not _holds_excel_safe(chunk):
        return frame
    return frame.with_columns(excel_safe_text(pl.col(name)) for name in frame.columns)


def _holds_excel_safe(chunk: bytes) -> bool:
    """Whether '="' is in the chunk. An '=' is looked for first: most files hold none, and
    finding one byte is a hundredth of the cost of finding the pair in a chunk full of
    quotes, which a quoted CSV's chunk is (docs/performance.md)."""
    return b"=" in chunk and EXCEL_SAFE_MARK in chunk


def _parsed_columns(chunk: bytes, layout: _TextLayout, named: list[pl.Expr]) -> pl.DataFrame:
    """The chunk's needed columns (`named`), as written. Where no quote can open a cell (a tab-delimited
    file, whose quoting is off, or a chunk with no quote in it), only those columns are
    parsed: the rows are split the same either way, and the others (the buyer's name and
    address, most of a row's text) are never made. Otherwise every column is parsed, then
    the needed ones selected: with the selection pushed down, polars no longer refuses a
    chunk whose stray quote sits in a column it skips, and reads the rows after that quote
    as one cell (tests/engine/test_batches.py)."""
    projected = layout.quote is None or layout.quote.encode() not in chunk
    for encoding in _ENCODINGS:
        try:
            scan = _scan_chunk(chunk, layout, encoding)
            return scan.select(named).collect() if projected else scan.collect().select(named)
        except pl.exceptions.PolarsError:
            continue
    return _parse_leniently(chunk, layout).select(named)


PROGRAM_NULLS = ["null", "NULL", "Null", "(null)", "<null>", "\\N"]
"""How a program writes an empty value into a text export (a Java or SQL dump's 'null',
MySQL's '\\N'): no seller types them, so the cell is empty (a 'null' ship date is an order
not yet shipped, a 'null' tracking number a missing one), read so by the CSV parser itself,
in a file whose first lines hold one (`writes_program_nulls`): the parser's look at every
cell would cost on every file, and most files hold none (docs/performance.md)."""


def writes_program_nulls(text: str, delimiter: str) -> bool:
    """Whether a cell of the file's first lines is a program's null (`PROGRAM_NULLS`)."""
    words = "|".join(re.escape(word) for word in PROGRAM_NULLS)
    edge = re.escape(delimiter)
    return re.search(rf"(?m)(?:^|{edge})(?:{words})\r?(?:{edge}|$)", text) is not None


def _cell_or_none(row: list[str], index: int, nulls: bool) -> str | None:
    """A parsed row's cell, None where the row is short or the cell a program's null."""
    cell = row[index] if index < len(row) else None
    return None if nulls and cell in _NULL_CELLS else cell


_NULL_CELLS = frozenset(PROGRAM_NULLS)

CsvEncoding = Literal["utf8", "utf8-lossy"]
_ENCODINGS: tuple[CsvEncoding, ...] = ("utf8", "utf8-lossy")
"""How a chunk is parsed, in turn: as UTF-8, then replacing what is not UTF-8. The
lossy reading costs a quarter of the parse on every chunk, and a chunk of valid UTF-8
(every chunk of a file the encoding detector read as UTF-8 or transcoded to it) reads the
same either way; a strict parse refuses the few that are not, whatever column their bytes
are in."""


def _scan_chunk(chunk: bytes, layout: _TextLayout, encoding: CsvEncoding) -> pl.LazyFrame:
    return pl.scan_csv(
        chunk,
        has_header=False,
        separator=layout.delimiter,
        quote_char=layout.quote,
        # The header says how wide a row is; blank or short lines then read as nulls.
        schema={f"c{i}": pl.String for i in range(layout.width)},
        missing_columns="insert",
        extra_columns="ignore",
        truncate_ragged_lines=True,
        raise_if_empty=False,
        null_values=PROGRAM_NULLS if layout.program_nulls else None,
        encoding=encoding,
    )


def _parse_leniently(chunk: bytes, layout: _TextLayout) -> pl.DataFrame:
    """Python's csv reader for the chunks polars refuses: it takes a quote inside a cell
    literally (a 15.6" screen in a product title) and an unclosed one up to the chunk's
    end, where polars rejects the whole chunk. Slower, so only a fallback."""
    text = chunk.decode("utf-8", "replace").replace("\x00", "")
    # A line cut off alone for a quote that never closes: read that quote as text, or it
    # would swallow the rest of the line, tracking number included.
    stray_quote = layout.quote and text.count(layout.quote) % 2 and text.count("\n") <= 1
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=layout.delimiter,
        quotechar=layout.quote or '"',
        quoting=csv.QUOTE_MINIMAL if layout.quote and not stray_quote else csv.QUOTE_NONE,
    )
    wanted = sorted(set(layout.meanings.values()))
    columns: dict[str, list[str | None]] = {f"c{i}": [] for i in wanted}
    try:
        for row in reader:
            for index in wanted:
                columns[f"c{index}"].append(_cell_or_none(row, index, layout.program_nulls))
    except csv.Error as error:  # a cell past csv's field size limit: not a seller table
        raise FileRejected("not_a_table") from error
    return pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))


def _record_chunks(source: Path, layout: _TextLayout) -> Iterator[bytes]:
    """The lines after the header in pieces of about CHUNK_BYTES, each cut at a record
    end, so no row is split. We cut the file ourselves rather than stream it through
    polars' scan: its streaming engine reads ahead of the consumer and held ~250 MB for
    a 151 MB file; a chunk at a time holds one chunk."""
    quote = layout.quote.encode() if layout.quote else None
    blocks = _lf_blocks(source)
    carry = _after_lines(blocks, layout.header_line + 1)
    while True:
        block = next(blocks, b"")
        if cut := _cut_in_block(carry, block, quote):
            yield b"".join((carry, memoryview(block)[:cut]))
            carry = bytes(memoryview(block)[cut:])  # the block's buffer is read into next
            continue
        data, at_end = carry + block, not block
        if at_end and data and not data.endswith(b"\n"):
            data += b"\n"
        while cut := _record_end(data, quote, at_end):
            yield data[:cut]
            data = data[cut:]
            if not at_end:
                break
        if at_end:
            return
        carry = data


def _cut_in_block(carry: bytes, block: bytes | bytearray, quote: bytes | None) -> int:
    """Where in `block` the chunk `carry + block` ends, when that is its last line end
    with an even number of quotes before it (`_record_end`'s usual answer), else 0: the
    caller then joins the two and asks `_record_end`. The chunk is then made in one copy,
    not two (the joined text, then the chunk cut from it): each 4 MB bytes object is mapped
    and faulted in anew in the analysis worker."""
    cut = block.rfind(b"\n") + 1
    if cut == 0 or (quote is not None and (carry.count(quote) + block.count(quote, 0, cut)) % 2):
        return 0
    return cut


def _lf_blocks(source: Path) -> Iterator[bytes | bytearray]:
    """The file in blocks of CHUNK_BYTES, every line ending made a LF: Excel for Mac
    ends rows with a lone CR, and files pasted together mix CR with CRLF.

    Each block is read into one buffer, the same for every block, so a caller keeps
    nothing of a block past asking for the next: a fresh 4 MB object a block was mapped
    and faulted in anew in the analysis worker (isolation.py maps such blocks alone)."""
    held = b""
    buffer = bytearray(CHUNK_BYTES)
    with source.open("rb") as handle:
        while read := handle.readinto(buffer):
            block: bytes | bytearray = buffer if read == len(buffer) else buffer[:read]
            if held:
                block = held + block
            held = b"\r" if block.endswith(b"\r") else b""  # its LF may start the next
            if held:
                block = block[:-1]
            if block:  # an empty block would read as the end of the file
                yield _lf_only(block)
    if held:
        yield b"\n"


def _lf_only(block: bytes | bytearray) -> bytes | bytearray:
    """A block with its lone CRs made LFs. CRLF is left to the CSV parser, which reads it
    as one line end: rewriting every line of a Windows file was much of the reading
    (docs/performance.md, "The engine after its redesign")."""
    if b"\r" not in block or not _has_lone_cr(block):
        return block
    # bytes.replace, not a regex: several times faster
    return block.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def _has_lone_cr(block: bytes | bytearray) -> bool:
    """Whether some CR of `block` is not followed by a LF (numpy, a slice at a time:
    counting CRs and CRLFs with bytes.count took three times as long, for every block of a
    Windows file)."""
    codes = np.frombuffer(block, np.uint8)
    for start in range(0, len(codes), _SLICE_BYTES):
        piece = codes[start : start + _SLICE_BYTES + 1]  # and the byte after it
        carriage_returns = np.flatnonzero(piece[:-1] == _CR)
        if (piece[carriage_returns + 1] != _LF).any():
            return True
    return bool(codes[-1] == _CR)


def _after_lines(blocks: Iterator[bytes | bytearray], count: int) -> bytes:
    """Skip `count` lines of the blocks; what is left of the last block read."""
    rest = b""
    while count:
        while count and (end := rest.find(b"\n")) >= 0:
            rest, count = rest[end + 1 :], count - 1
        if count:
            block = next(blocks, b"")
            if not block:
                return b""
            rest += block
    return rest


def _record_end(data: bytes, quote: bytes | None, at_end: bool = False) -> int:
    """Offset just past the last line end with an even number of quotes before it: a
    record boundary in RFC 4180 text (an escaped "" counts twice); 0 when more data is
    needed.

    When no such line end exists in MAX_QUOTED_BYTES (or at the end of the file), the
    first line holds a quote that never closes: it is cut off alone, so one bad cell
    spoils one row, not the rest of the file."""
    cut = data.rfind(b"\n") + 1
    if quote is None or cut == 0:
        return cut
    quotes = data.count(quote, 0, cut)
    while quotes % 2 and cut > 0:
        previous = data.rfind(b"\n", 0, cut - 1) + 1
        quotes -= data.count(quote, previous, cut)
        cut = previous
    if cut == 0 and (at_end or len(data) > MAX_QUOTED_BYTES):
        return data.find(b"\n") + 1
    return cut
