"""XLSX → the same frame of string columns as a text file (reading.py), read by calamine
after `xlsx_guard` has bounded what it may allocate, and never past the first sheets."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import polars as pl

from bot.domain.categories import names_a_category
from bot.domain.errors import FileRejected
from bot.domain.reading import HEADER_SCAN_LINES, RawTable, best_header, missing_columns
from bot.domain.reference import marketplace_by_code
from bot.domain.values import excel_safe_cell, marketplace_code, names_a_month
from bot.domain.xlsx_guard import guard_workbook

XLSX_MAX_EXPANSION = 100
"""An XLSX inflating to over 100× its size (and past XLSX_MAX_INFLATED) is a zip bomb."""
XLSX_MAX_INFLATED = 1 << 30
XLSX_MAX_SHEETS = 20
"""Sheets looked at for a header: a seller's export has its table in one of the first."""


def guard_xlsx(path: Path) -> None:
    """Refuse what is no XLSX, a zip bomb, or a workbook whose grids the reader could not
    allocate (`xlsx_guard`), before calamine opens it: every XLSX the bot reads goes here."""
    try:
        with zipfile.ZipFile(path) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as error:
        raise FileRejected("bad_xlsx") from error
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise FileRejected("bad_xlsx")
    limit = max(XLSX_MAX_EXPANSION * path.stat().st_size, 64 << 20)
    if inflated > min(limit, XLSX_MAX_INFLATED):
        # A zip bomb: small to send, too big once opened. The upload limit does not
        # apply, so the refusal is the one for a sheet too big to read.
        raise FileRejected("sheet_too_large")
    with zipfile.ZipFile(path) as archive:
        guard_workbook(archive)


def read_xlsx(path: Path) -> RawTable:
    from python_calamine import CalamineError, CalamineWorkbook

    guard_xlsx(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        tables: list[tuple[str, RawTable]] = []
        filled: list[str] = []  # sheets with some text: an empty one (Excel's Sheet2) is none
        for name in workbook.sheet_names[:XLSX_MAX_SHEETS]:
            rows = workbook.get_sheet_by_name(name).iter_rows()
            head = _head(rows)
            table = _table_from_rows(head, rows)
            if table is not None:
                tables.append((name, table))
            if table is not None or any(cell_text(c).strip() for row in head for c in row):
                filled.append(name)
        chosen = _order_sheets(tables)
        unread = [name for name in filled if name not in dict(chosen)]
        unread += workbook.sheet_names[XLSX_MAX_SHEETS:]
        if chosen:
            return replace(_joined_sheets(chosen), unread_sheets=tuple(unread))
    except CalamineError as error:
        raise FileRejected("bad_xlsx") from error
    except Exception as error:  # calamine raises plain errors on some malformed parts
        if isinstance(error, FileRejected):
            raise
        raise FileRejected("bad_xlsx") from error
    raise FileRejected("no_header")


def _order_sheets(tables: list[tuple[str, RawTable]]) -> list[tuple[str, RawTable]]:
    """The sheets to read: every one whose table has the columns orders need, whatever
    its place (a report's first sheet is often a summary: 店铺, 站点, 订单数, 追踪率). In a
    workbook with no such sheet, the first table and those naming the same columns, so
    the refusal names what the first table lacks."""
    orders = [(name, table) for name, table in tables if not missing_columns(table.columns)]
    if orders or not tables:
        return orders
    first = tables[0][1].columns
    return [(name, table) for name, table in tables if table.columns == first]


def _joined_sheets(tables: list[tuple[str, RawTable]]) -> RawTable:
    """Every order sheet is read: a seller who keeps one sheet per marketplace (美国站,
    英国站), per product line (Toys & Games, Pet Supplies) or per shop (店铺A-美国站,
    店铺B-欧洲站) expects all his orders counted, not the first sheet's alone. Without a
    marketplace column, a sheet named after a marketplace says the marketplace of its rows;
    without a category column, one named after a product category (`names_a_category`) says
    their category (set F11's F06); without a shop column, the sheets of a workbook of
    several, named otherwise, are its shops (each its own account, judged on its own),
    unless they name periods (2026-11, 11月), which are one account's."""
    frames = []
    for name, table in tables:
        frame = table.frame
        if "marketplace" not in frame.columns and marketplace_code(name) in marketplace_by_code():
            frame = frame.with_columns(marketplace=pl.lit(name, dtype=pl.String))
        elif "category" not in frame.columns and names_a_category(name):
            frame = frame.with_columns(category=pl.lit(name, dtype=pl.String))
        elif "shop" not in frame.columns and len(tables) > 1 and not _names_a_period(name):
            frame = frame.with_columns(shop=pl.lit(name, dtype=pl.String))
        frames.append(frame)
    first = tables[0][1]
    return RawTable.of(pl.concat(frames, how="diagonal"), first.headers, first.encoding)


_PERIOD_WORDS = re.compile(
    r"\d|[年月日号周季度第至到~\-_/.\s]|week|month|quarter|q[1-4]|orders?|订单|发货", re.IGNORECASE
)


def _names_a_period(name: str) -> bool:
    """A sheet name that is a month or a week ('2026-11', '11月', '11月订单', 'Week 47',
    'Nov 2026'): nothing but dates and period words, or a month's name."""
    rest = _PERIOD_WORDS.sub("", name)
    return not rest or names_a_month(rest)


def _head(rows: Iterator[Sequence[object]]) -> list[Sequence[object]]:
    """A sheet's first rows, where its header is looked for."""
    head: list[Sequence[object]] = []
    for row in rows:
        head.append(row)
        if len(head) >= HEADER_SCAN_LINES:
            break
    return head


def _table_from_rows(
    head: list[Sequence[object]], rows: Iterator[Sequence[object]]
) -> RawTable | None:
    """One sheet's table when its top rows hold a header; only needed columns are kept.
    `rows`: the sheet's rows after `head`."""
    found = best_header([[cell_text(c) for c in row] for row in head])
    if found is None:
        return None
    line, meanings = found
    columns: dict[str, list[str]] = {meaning: [] for meaning in meanings}
    body = [*head[line + 1 :]]
    for row in _chain(body, rows):
        if not any(row):
            continue
        for meaning, index in meanings.items():
            columns[meaning].append(cell_text(row[index]) if index < len(row) else "")
    headers = [cell_text(c) for c in head[line]]
    frame = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    return RawTable.of(frame, headers, "xlsx")


def _chain(
    first: list[Sequence[object]], rest: Iterator[Sequence[object]]
) -> Iterator[Sequence[object]]:
    yield from first
    yield from rest


def cell_text(value: object) -> str:
    """Spreadsheet cell → the text a seller sees (12-digit numbers stay whole)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return ""
    text = str(value).strip()
    # A CSV's Excel-safe cell (="9400…") pasted or imported into a sheet as text.
    return excel_safe_cell(text) if text.startswith(("=", '"=')) else text
