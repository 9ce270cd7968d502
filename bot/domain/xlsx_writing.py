"""A small XLSX writer for the defect file: rows streamed into the zip as they come.

The defect file needs a handful of things from the format: text, number and date cells, a
few cell styles, column widths, a frozen header row and filters. A general writer
(xlsxwriter) spent most of an upload's replies on its per-cell bookkeeping
(docs/performance.md); here a row is one string, written into the zip entry in chunks, so a
sheet of any length costs no workbook held in memory.

Text is written as inline strings, never as formulas: a cell that starts with "=" stays
text. Characters XML 1.0 cannot hold are written as Excel writes them (`_x000D_`), and
text that already looks like such an escape is escaped itself, as Excel reads it back.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import IO

MAX_TEXT = 32_767
"""Excel's longest cell text; longer text is cut there, as Excel would refuse the file."""
_EPOCH = date(1899, 12, 30)
"""Day 0 of Excel's date serials, for every date after 1 March 1900."""
_BUILTIN_FORMATS = {"General": 0, "0": 1, "@": 49}
"""Excel's own number formats used here, by their ids; any other is declared in the file."""
_FIRST_CUSTOM_FORMAT = 164
_ROWS_PER_WRITE = 512
"""Rows joined into one write to the zip entry: fewer, larger calls into zlib."""
_ZIP64_ROWS = 200_000
"""A sheet of more rows may pass 2 GiB of XML, which a zip entry needs Zip64 for."""
_ESCAPED = re.compile(r"[\x00-\x08\x0b-\x1f]|_x[0-9A-Fa-f]{4}_")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class CellStyle:
    """How a cell looks: its number format, bold, a solid fill (RGB hex), a thin border,
    text wrapped and aligned to the top."""

    number_format: str = "General"
    bold: bool = False
    fill: str | None = None
    border: bool = False
    wrap: bool = False


def column_letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_width(characters: float) -> float:
    """A width in characters as Excel stores it: with the padding of its default font
    (digits 7 pixels wide, 5 pixels of padding), as Excel itself writes it."""
    pixels = int(characters * 7 + 0.5) + 5
    return int(pixels / 7 * 256) / 256


def text_xml(value: str) -> str:
    """Text fit for an XML element, Excel's way (see the module's docstring)."""
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _ESCAPED.search(value):
        value = _ESCAPED.sub(_excel_escape, value)
    return value


def _excel_escape(match: re.Match[str]) -> str:
    found = match.group()
    if len(found) == 1:
        return f"_x{ord(found):04X}_"
    return "_x005F" + found


def _attribute(value: str) -> str:
    return text_xml(value).replace('"', "&quot;")


class Sheet:
    """One worksheet being written: `row` after row, then closed by the workbook."""

    def __init__(
        self,
        stream: IO[bytes],
        widths: Sequence[tuple[float, int]],
        frozen_header: bool,
        selected: bool,
    ) -> None:
        self._stream = stream
        self._letters = [column_letters(index) for index in range(max(len(widths), 26))]
        self._pending: list[str] = []
        self.rows = 0
        self.filter_columns = 0
        view = '<sheetView workbookViewId="0"' + (' tabSelected="1"' if selected else "") + ">"
        if frozen_header:
            view += (
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
            )
        columns = "".join(
            f'<col min="{n}" max="{n}" width="{column_width(width)}" style="{style}" '
            'customWidth="1"/>'
            for n, (width, style) in enumerate(widths, start=1)
        )
        self._write(
            f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
            f"<sheetViews>{view}</sheetView></sheetViews>"
            '<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{columns}</cols>" if columns else "")
            + "<sheetData>"
        )

    def row(self, cells: Iterable[tuple[int, object, int]]) -> None:
        """The next row: (column, value, style) for each cell written, in column order. A
        value is text, a number or a date; None is an empty cell that keeps its style."""
        self.rows += 1
        number = self.rows
        letters = self._letters
        parts = [f'<row r="{number}">']
        for column, value, style in cells:
            letter = letters[column] if column < len(letters) else column_letters(column)
            where = f'<c r="{letter}{number}" s="{style}"'
            if isinstance(value, str):
                space = (
                    ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
                )
                parts.append(f'{where} t="inlineStr"><is><t{space}>{text_xml(value)}</t></is></c>')
            elif value is None:
                parts.append(where + "/>")
            elif isinstance(value, date):
                parts.append(f"{where}><v>{(value - _EPOCH).days}</v></c>")
            elif isinstance(value, int | float) and not isinstance(value, bool):
                parts.append(f"{where}><v>{value!r}</v></c>")
            else:
                raise TypeError(f"no cell for a {type(value).__name__}")
        parts.append("</row>")
        self._pending.append("".join(parts))
        if len(self._pending) >= _ROWS_PER_WRITE:
            self._flush()

    def filter_over(self, columns: int) -> None:
        """Filters on the header's first `columns` columns, over every row written."""
        self.filter_columns = columns

    def filter_range(self) -> str | None:
        """The filtered cells as A1:N5 (the header and one row at least), if any."""
        if not self.filter_columns:
            return None
        return f"A1:{column_letters(self.filter_columns - 1)}{max(2, self.rows)}"

    def close(self) -> None:
        self._flush()
        end = "</sheetData>"
        if (cells := self.filter_range()) is not None:
            end += f'<autoFilter ref="{cells}"/>'
        end += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        self._write(end + "</worksheet>")
        self._stream.close()

    def _flush(self) -> None:
        if self._pending:
            self._write("".join(self._pending))
            self._pending.clear()

    def _write(self, text: str) -> None:
        self._stream.write(text.encode("utf-8", "replace"))


class Workbook:
    """An XLSX at `path`, sheet after sheet (one is written at a time). Use it as a
    context manager: the workbook's own parts are written when it closes."""

    def __init__(self, path: Path) -> None:
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6)
        self._styles: dict[CellStyle, int] = {CellStyle(): 0}
        self._sheets: list[tuple[str, Sheet]] = []

    def __enter__(self) -> Workbook:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self._zip.close()

    def style(self, style: CellStyle) -> int:
        """The style's index, for `Sheet.row` and column widths."""
        return self._styles.setdefault(style, len(self._styles))

    def sheet(
        self,
        name: str,
        widths: Sequence[tuple[float, int]] = (),
        frozen_header: bool = False,
        expected_rows: int = 0,
    ) -> Sheet:
        """A new sheet named `name` (31 characters at most, as Excel allows), its columns'
        (width, style); the previous sheet is closed first."""
        if self._sheets:
            self._sheets[-1][1].close()
        number = len(self._sheets) + 1
        stream = self._zip.open(
            f"xl/worksheets/sheet{number}.xml", "w", force_zip64=expected_rows > _ZIP64_ROWS
        )
        sheet = Sheet(stream, widths, frozen_header, selected=number == 1)
        self._sheets.append((name[:31], sheet))
        return sheet

    def close(self) -> None:
        if self._sheets:
            self._sheets[-1][1].close()
        names = [name for name, _ in self._sheets]
        self._zip.writestr("[Content_Types].xml", _content_types(len(names)))
        self._zip.writestr("_rels/.rels", _PACKAGE_RELS)
        self._zip.writestr("xl/workbook.xml", self._workbook_xml())
        self._zip.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(names)))
        self._zip.writestr("xl/styles.xml", _styles_xml(list(self._styles)))
        self._zip.close()

    def _workbook_xml(self) -> str:
        sheets = "".join(
            f'<sheet name="{_attribute(name)}" sheetId="{n}" r:id="rId{n}"/>'
            for n, (name, _) in enumerate(self._sheets, start=1)
        )
        filters = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
            f"{text_xml(_quoted(name))}!{_absolute(cells)}</definedName>"
            for n, (name, sheet) in enumerate(self._sheets)
            if (cells := sheet.filter_range()) is not None
        )
        return (
            f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
            "<bookViews><workbookView/></bookViews>"
            f"<sheets>{sheets}</sheets>"
            + (f"<definedNames>{filters}</definedNames>" if filters else "")
            + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
        )


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _absolute(cells: str) -> str:
    """A1:N5 → $A$1:$N$5."""
    return ":".join(re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", corner) for corner in cells.split(":"))


_PACKAGE_RELS = (
    f'{_HEAD}<Relationships xmlns="{_PACKAGE}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)


def _content_types(sheets: int) -> str:
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{kind}.worksheet+xml"/>'
        for n in range(1, sheets + 1)
    )
    return (
        f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{kind}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{kind}.styles+xml"/>'
        f"{overrides}</Types>"
    )


def _workbook_rels(sheets: int) -> str:
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    links = "".join(
        f'<Relationship Id="rId{n}" Type="{kind}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheets + 1)
    )
    links += f'<Relationship Id="rId{sheets + 1}" Type="{kind}/styles" Target="styles.xml"/>'
    return f'{_HEAD}<Relationships xmlns="{_PACKAGE}">{links}</Relationships>'


def _styles_xml(styles: Sequence[CellStyle]) -> str:
    """The styles part: each style's number format, font, fill and border, in the order
    of their indexes."""
    custom = sorted(
        {s.number_format for s in styles} - set(_BUILTIN_FORMATS),
    )
    format_ids = dict(_BUILTIN_FORMATS)
    format_ids.update({code: _FIRST_CUSTOM_FORMAT + n for n, code in enumerate(custom)})
    fills = [None, "gray125", *sorted({s.fill for s in styles if s.fill})]
    number_formats = "".join(
        f'<numFmt numFmtId="{format_ids[code]}" formatCode="{_attribute(code)}"/>'
        for code in custom
    )
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    fill_xml = "".join(_fill_xml(fill) for fill in fills)
    side = '<{0} style="thin"><color auto="1"/></{0}>'
    thin = "".join(side.format(edge) for edge in ("left", "right", "top", "bottom"))
    xfs = "".join(
        _xf(s, format_ids[s.number_format], fills.index(s.fill) if s.fill else 0) for s in styles
    )
    return (
        f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
        + (f'<numFmts count="{len(custom)}">{number_formats}</numFmts>' if custom else "")
        + f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
        f'<fills count="{len(fills)}">{fill_xml}</fills>'
        '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
        f"<border>{thin}<diagonal/></border></borders>"
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        f'</cellStyleXfs><cellXfs count="{len(styles)}">{xfs}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
        'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    )


def _fill_xml(fill: str | None) -> str:
    if fill is None:
        return '<fill><patternFill patternType="none"/></fill>'
    if fill == "gray125":
        return '<fill><patternFill patternType="gray125"/></fill>'
    return (
        f'<fill><patternFill patternType="solid"><fgColor rgb="FF{fill.lstrip("#").upper()}"/>'
        '<bgColor indexed="64"/></patternFill></fill>'
    )


def _xf(style: CellStyle, format_id: int, fill_id: int) -> str:
    applied = ""
    if format_id:
        applied += ' applyNumberFormat="1"'
    if style.bold:
        applied += ' applyFont="1"'
    if fill_id:
        applied += ' applyFill="1"'
    if style.border:
        applied += ' applyBorder="1"'
    head = (
        f'<xf numFmtId="{format_id}" fontId="{int(style.bold)}" fillId="{fill_id}" '
        f'borderId="{int(style.border)}" xfId="0"{applied}'
    )
    if style.wrap:
        return head + ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    return head + "/>"
