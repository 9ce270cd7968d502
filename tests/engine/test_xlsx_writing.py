"""The defect file's XLSX writer, read back by an independent reader (calamine) and by an
XML parser: what a seller's data can hold (formula characters, control characters, text
that looks like Excel's own escapes, spaces at the ends) comes back as it went in."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from xml.dom import minidom

from python_calamine import CalamineWorkbook

from bot.domain.xlsx_writing import MAX_TEXT, CellStyle, Workbook, column_letters, column_width

TRICKY = [
    "=1+2",  # a formula's first character: stays text
    "a\rb",  # carriage return: not allowed raw in XML 1.0's content
    "nul\x00here",
    "x_x0041_y",  # Excel would read _x0041_ as "A" unless escaped itself
    " leading",
    "trailing ",
    "<&>\"'",
    "tab\tand\nline",
    "运单号",
]


def test_column_letters_and_widths_as_excel_writes_them() -> None:
    assert [column_letters(n) for n in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA",
    ]  # fmt: skip
    # 26 characters: 26 × 7 + 5 pixels = 187, / 7 × 256 = 6838.86 → 6838 / 256
    assert column_width(26) == 6838 / 256 == 26.7109375


def test_text_numbers_and_dates_come_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    with Workbook(path) as book:
        text, day = book.style(CellStyle("@")), book.style(CellStyle("yyyy-mm-dd"))
        sheet = book.sheet("Seller's & sheet", [(10, text), (8, 0)], frozen_header=True)
        for value in TRICKY:
            sheet.row([(0, value, text), (1, 2.5, 0), (2, date(2026, 1, 2), day), (3, None, 0)])
        sheet.row([(0, "x" * (MAX_TEXT + 10), text)])
        sheet.filter_over(2)
        book.sheet("second").row([(0, 7, 0)])
    with zipfile.ZipFile(path) as parts:
        for name in parts.namelist():
            minidom.parseString(parts.read(name))  # every part is well-formed XML
        first = parts.read("xl/worksheets/sheet1.xml").decode()
        workbook = parts.read("xl/workbook.xml").decode()
    assert "<f>" not in first
    assert '<autoFilter ref="A1:B10"/>' in first
    assert "'Seller''s &amp; sheet'!$A$1:$B$10" in workbook
    read = CalamineWorkbook.from_path(str(path))
    assert read.sheet_names == ["Seller's & sheet", "second"]
    rows = read.get_sheet_by_index(0).to_python()
    assert [row[0] for row in rows[: len(TRICKY)]] == TRICKY
    assert rows[0][1:3] == [2.5, date(2026, 1, 2)]
    assert len(rows[-1][0]) == MAX_TEXT  # cut where Excel stops
    assert read.get_sheet_by_index(1).to_python() == [[7.0]]
