"""The fix workbook: a connected store's fixable packages with two empty columns, "new
carrier" and "new tracking", that the seller fills in and sends back (a batch of fixes).

The first sheet holds the rows, in a fixed column order (the labels are the seller's
language, so the order is what is read back); a hidden sheet holds `MARKER`, which tells
an upload that is this workbook filled in from an order report to analyse. The two new
columns are text cells: a typed 22-digit number must not become 9.4E+21.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import xlsxwriter

from bot.domain.errors import FileRejected
from bot.domain.xlsx_reading import cell_text, guard_xlsx

MARKER = "vtrbot-fixes/1"
MARKER_SHEET = "vtrbot"
MAX_ROWS = 5000
"""Rows read back: far more than a store's editable defects, few enough to check at once."""


@dataclass(frozen=True, slots=True)
class FixRow:
    """One fixable package as the workbook lists it."""

    order_id: str
    package_id: str
    ship_date: date | None
    carrier: str
    tracking: str
    problem: str


@dataclass(frozen=True, slots=True)
class FilledRow:
    """A row the seller filled in: which package, and the new carrier and/or number."""

    order_id: str
    package_id: str
    new_carrier: str
    new_tracking: str


def write_fix_workbook(
    path: Path, rows: Sequence[FixRow], columns: Sequence[str], sheet: str
) -> None:
    """`columns`: the eight labels (order, package, ship date, carrier, tracking, problem,
    new carrier, new tracking) in the seller's language."""
    with xlsxwriter.Workbook(str(path), {"strings_to_numbers": False}) as book:
        header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        text = book.add_format({"num_format": "@"})
        fill = book.add_format({"num_format": "@", "bg_color": "#FFF2CC", "border": 1})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        sheet_ = book.add_worksheet(sheet[:31])
        sheet_.write_row(0, 0, list(columns), header)
        for number, row in enumerate(rows, start=1):
            sheet_.write_string(number, 0, row.order_id, text)
            sheet_.write_string(number, 1, row.package_id, text)
            if row.ship_date:
                sheet_.write_datetime(number, 2, row.ship_date, day)
            for column, value in ((3, row.carrier), (4, row.tracking), (5, row.problem)):
                sheet_.write_string(number, column, value, text)
            sheet_.write_blank(number, 6, None, fill)
            sheet_.write_blank(number, 7, None, fill)
        sheet_.set_column(0, 0, 22)
        sheet_.set_column(3, 7, 20)
        marker = book.add_worksheet(MARKER_SHEET)
        marker.write_string(0, 0, MARKER)
        marker.hide()


def read_fix_workbook(path: Path) -> list[FilledRow] | None:
    """The filled rows of a fix workbook; None when the file is not one (any other XLSX,
    an order report, goes to the analysis). Raises FileRejected for a broken workbook."""
    from python_calamine import CalamineWorkbook

    guard_xlsx(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if MARKER_SHEET not in workbook.sheet_names:
            return None
        marker = workbook.get_sheet_by_name(MARKER_SHEET).to_python()
        if not marker or not marker[0] or marker[0][0] != MARKER:
            return None
        rows = workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()
    except Exception as error:  # calamine raises plain errors on malformed parts
        raise FileRejected("bad_xlsx") from error
    return _filled(rows[1 : MAX_ROWS + 1])


def _filled(rows: Sequence[Sequence[object]]) -> list[FilledRow]:
    out = []
    for row in rows:
        cells = [cell_text(value) for value in list(row)[:8]] + [""] * 8
        if cells[0] and (cells[6] or cells[7]):
            out.append(FilledRow(cells[0], cells[1], cells[6], cells[7]))
    return out
