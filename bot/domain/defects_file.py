"""The defect file a seller works from: one row per defect, safe to open in Excel or WPS.

An XLSX, what the bot sends and what `vtrbot check --defects` writes: every identifier
(order ID, tracking number) a text cell, so a 22-digit USPS number never becomes 9.40E+21
and an order ID never a date; dates (ship date, fix-by, leaves-the-window) real date
cells; a frozen header row, filters and column widths; a legend sheet with each short
label's full sentence, so long sentences are written once, not on every row; and a sheet
with the VTR of every group that has a defect, since a report message lists only the
first few. Cells are written as strings, never as formulas.

No CSV (issue 22): Excel and WPS read a CSV's 22-digit USPS number as 9.40056E+21 and an
order ID 00123 as 123, whatever the file says; the ways around it (="…" formulas, a leading
tab or quote) are formulas or visible junk in one of the two. A text cell survives both.

Rows are streamed into the file as they are made (`xlsx_writing`): a report with 300,000
defects costs no workbook held in memory.
`write_defects_xlsx` splits the rows over several files when one would pass `max_bytes`
(Telegram's bots may upload 50 MB at most).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path

from bot.domain.bar import decimals_to_tell
from bot.domain.errors import FileRejected
from bot.domain.models import (
    CellStats,
    Defect,
    DefectReason,
    FixMark,
    GroupStats,
    VtrReport,
    unit_marketplace,
    unit_shop,
)
from bot.domain.xlsx_writing import CellStyle, Sheet, Workbook

SHEET_ROWS = 1_048_575
"""Excel's rows per sheet, the header aside: more defects continue on another sheet."""
_WIDTHS = (22, 11, 18, 12, 16, 26, 22, 8, 11, 34, 14, 16, 16, 26)
"""Column widths in characters, for the columns of `DefectFileLabels.columns`."""
_GROUP_WIDTHS = (14, 30, 10, 10, 9, 9, 9)
_SHOP_WIDTH = 18
"""The shop column's width, added to both sheets only for a report of several shops."""


def _default_action(defect: Defect, as_of: date) -> str:
    if not defect.editable(as_of):
        return "wait"
    return f"pick:{defect.looks_like}" if defect.looks_like else defect.reason


@dataclass(frozen=True)
class DefectFileLabels:
    """Titles and short labels in the seller's language (English codes by default)."""

    columns: tuple[str, ...] = (
        "order_id",
        "ship_date",
        "category",
        "marketplace",
        "carrier",
        "tracking",
        "reason",
        "in_plan",
        "fix_by",
        "action",
        "leaves_window",
        "fix_sent",
        "new_carrier",
        "new_tracking",
    )
    """The last two are left empty for the seller: filled in and sent back, the file is a
    batch of fixes for a connected store (`fix_columns`)."""
    reason: Callable[[DefectReason], str] = field(default=lambda reason: reason)
    placeholder: str = "missing_tracking (placeholder)"
    """The reason of a missing number with text in its place (Defect.placeholder)."""
    action: Callable[[Defect, date], str] = _default_action
    marketplace: Callable[[str], str] = field(default=lambda code: code)
    fix_mark: Callable[[FixMark], str] = field(default=lambda mark: mark)
    """A fix sent from the chat for the package (`Defect.fix`)."""
    yes: str = "yes"
    sheets: tuple[str, str, str] = ("defects", "legend", "groups")
    legend: tuple[tuple[str, str], ...] = ()
    """(label or column title, the sentence that explains it)."""
    legend_columns: tuple[str, str] = ("label", "meaning")
    """The legend sheet's frozen header."""
    group_columns: tuple[str, ...] = (
        "group",
        "name",
        "shipments",
        "valid",
        "vtr",
        "below_threshold",
        "needed",
    )
    group_kinds: tuple[str, str, str, str] = (
        "category",
        "marketplace",
        "carrier",
        "category_marketplace",
    )
    """The last: a category on one marketplace, listed when the report spans several."""
    shop_column: str = "shop"
    """Appended after every other column, on the defect and group sheets, only when the
    report holds several shops (`VtrReport.per_shop`): each shop is its own Seller Central
    account, where the package is edited. Last, so the columns before it keep their places."""
    shop: Callable[[str], str] = field(default=lambda shop: shop)
    """A shop's name as the file shows it ('' is shipments no shop is named for)."""


def _cells(
    defect: Defect, as_of: date, labels: DefectFileLabels, per_shop: bool = False
) -> list[object]:
    """One defect's row: strings, dates or None, in the order of `labels.columns`, then its
    shop when the report holds several (`per_shop`)."""
    editable = defect.editable(as_of)
    return [
        defect.order_id,
        defect.ship_date,
        defect.category,
        labels.marketplace(defect.marketplace),
        defect.carrier,
        defect.tracking,
        labels.placeholder if defect.placeholder else labels.reason(defect.reason),
        labels.yes if defect.in_plan else "",
        defect.fix_by if editable and not defect.in_transit else None,
        labels.action(defect, as_of),
        None if editable else defect.leaves_window(),
        labels.fix_mark(defect.fix) if defect.fix else "",
        "",
        "",
        *([labels.shop(defect.shop)] if per_shop else []),
    ]


def write_defects(report: VtrReport, path: Path, labels: DefectFileLabels | None = None) -> int:
    """The defect workbook at `path` (XLSX only: see the module's docstring); returns the
    number of defects written."""
    write_defects_xlsx(report, Path(path), labels)
    return len(report.defects)


def write_defects_xlsx(
    report: VtrReport,
    path: Path,
    labels: DefectFileLabels | None = None,
    max_bytes: int | None = None,
) -> list[Path]:
    """The defect workbook at `path`; when it would pass `max_bytes`, the defects are split
    evenly over numbered files (`path` stem + "-1", "-2", …), each with the legend and
    group sheets. Returns the files written."""
    labels = labels or DefectFileLabels()
    # The plan's fixes first (a stable sort keeps each part's order): what to do first
    # is on top, not mid-sheet.
    defects = sorted(report.defects, key=lambda defect: not defect.in_plan)
    _write_workbook(report, path, labels, defects)
    size = path.stat().st_size
    if max_bytes is None or size <= max_bytes:
        return [path]
    # Rows cost about the same each: aim a tenth under the cap so no part passes it.
    parts = math.ceil(size / (0.9 * max_bytes))
    path.unlink()
    per_part = math.ceil(len(defects) / parts)
    paths = []
    for index in range(parts):
        part_path = path.with_name(f"{path.stem}-{index + 1}{path.suffix}")
        chunk = defects[index * per_part : (index + 1) * per_part]
        _write_workbook(report, part_path, labels, chunk)
        paths.append(part_path)
    return paths


def _write_workbook(
    report: VtrReport, path: Path, labels: DefectFileLabels, defects: Sequence[Defect]
) -> None:
    shop = (labels.shop_column,) if report.per_shop else ()
    shop_width = (_SHOP_WIDTH,) if report.per_shop else ()
    with Workbook(path) as book:
        styles = _Styles(book)
        for number, chunk in enumerate(_chunks(defects, SHEET_ROWS), start=1):
            name = labels.sheets[0] if number == 1 else f"{labels.sheets[0]} {number}"
            titles, widths = labels.columns + shop, _WIDTHS + shop_width
            sheet = _headed(book, name, titles, widths, styles, len(chunk))
            _defect_rows(sheet, chunk, report, labels, styles)
        _legend_rows(_headed(book, labels.sheets[1], labels.legend_columns, (30, 100), styles),
                     labels, styles)  # fmt: skip
        titles, widths = labels.group_columns + shop, _GROUP_WIDTHS + shop_width
        groups = _headed(book, labels.sheets[2], titles, widths, styles)
        _group_rows(groups, report, labels, styles)


def _chunks(items: Sequence[Defect], size: int) -> Iterator[Sequence[Defect]]:
    yield items[:size]  # the first sheet even when empty, so the header is always there
    for start in range(size, len(items), size):
        yield items[start : start + size]


class _Styles:
    def __init__(self, book: Workbook) -> None:
        self.header = book.style(CellStyle(bold=True, fill="DDEBF7", border=True))
        self.text = book.style(CellStyle("@"))
        self.date = book.style(CellStyle("yyyy-mm-dd"))
        self.number = book.style(CellStyle("0"))
        self._book = book
        self._percents: dict[int, int] = {}
        self.wrap = book.style(CellStyle(wrap=True))
        self.fill = book.style(CellStyle("@", fill="FFF2CC", border=True))

    def percent(self, valid: int, shipments: int) -> int:
        """A VTR cell's style, with the decimals that tell which side of the bar it is on
        (95.02%, never 95.0% for a rate above it)."""
        decimals = decimals_to_tell(Fraction(valid, shipments))
        if decimals not in self._percents:
            pattern = "0." + "0" * decimals + "%"
            self._percents[decimals] = self._book.style(CellStyle(pattern))
        return self._percents[decimals]


def _headed(
    book: Workbook,
    name: str,
    titles: Sequence[str],
    widths: Sequence[int],
    styles: _Styles,
    rows: int = 0,
) -> Sheet:
    """A new sheet with its header row frozen and filters over it, its columns sized and
    text by default."""
    columns = [(width, styles.text) for width in widths]
    sheet = book.sheet(name, columns, frozen_header=True, expected_rows=rows)
    sheet.row((column, title, styles.header) for column, title in enumerate(titles))
    sheet.filter_over(len(titles))
    return sheet


def _defect_rows(
    sheet: Sheet,
    defects: Sequence[Defect],
    report: VtrReport,
    labels: DefectFileLabels,
    styles: _Styles,
) -> None:
    to_fill = range(len(labels.columns) - 2, len(labels.columns))
    per_shop = report.per_shop
    for defect in defects:
        cells: list[tuple[int, object, int]] = []
        for column, value in enumerate(_cells(defect, report.as_of, labels, per_shop)):
            if isinstance(value, date):
                cells.append((column, value, styles.date))
            elif value:
                cells.append((column, str(value), styles.text))
            elif column in to_fill:
                cells.append((column, None, styles.fill))
        sheet.row(cells)


def _legend_rows(sheet: Sheet, labels: DefectFileLabels, styles: _Styles) -> None:
    for label, sentence in labels.legend:
        sheet.row(((0, label, styles.text), (1, sentence, styles.wrap)))


def _judged(kind: str, labels: DefectFileLabels) -> bool:
    """Amazon judges categories and marketplaces against the bar, never carriers: a
    carrier's row has no verdict and no fixes to get above 95%."""
    return kind != labels.group_kinds[2]


def _cell_name(labels: DefectFileLabels) -> Callable[[GroupStats], str]:
    """'Toys · Amazon.de (DE)': the category, then its marketplace as the file names it;
    a cell within a shop (a file of several) then names the shop: 'Toys · Moon-EU'."""

    def name(stats: GroupStats) -> str:
        market, shop = unit_marketplace(stats), unit_shop(stats)
        if shop is None:
            return f"{stats.name} · {labels.marketplace(market or '')}"
        return " · ".join([stats.name, *([labels.marketplace(market)] if market else []), shop])

    return name


def _group_rows(sheet: Sheet, report: VtrReport, labels: DefectFileLabels, styles: _Styles) -> None:
    """Every category, category on a marketplace (when there are several), marketplace and
    carrier with a defect, with its VTR (the report lists the first few; the others are at
    100%). Bounded by the defects, not the groups: a file of 330,000 flawless categories
    adds nothing here."""
    category, marketplace, carrier, cell = labels.group_kinds
    named: list[tuple[str, Sequence[GroupStats], Callable[[GroupStats], str]]] = [
        (category, report.by_category, lambda s: s.name),
        (
            cell,
            [unit for unit in report.enforced_units() if isinstance(unit, CellStats)],
            _cell_name(labels),
        ),
        (marketplace, report.by_marketplace, lambda s: labels.marketplace(s.name)),
        (carrier, report.by_carrier, lambda s: s.name),
    ]
    groups = [
        (kind, s, name(s))
        for kind, members, name in named
        for s in members
        if s.valid < s.shipments
    ]
    for kind, stats, name in groups[:SHEET_ROWS]:
        cells: list[tuple[int, object, int]] = [
            (0, kind, styles.text),
            (1, name, styles.text),
            (2, stats.shipments, styles.number),
            (3, stats.valid, styles.number),
        ]
        if stats.vtr is not None:
            cells.append((4, stats.vtr, styles.percent(stats.valid, stats.shipments)))
        if _judged(kind, labels):
            yes = labels.yes if stats.below_threshold else ""
            cells += [(5, yes, styles.text), (6, stats.needed, styles.number)]
        if (shop := unit_shop(stats)) is not None:
            cells.append((len(labels.group_columns), labels.shop(shop), styles.text))
        sheet.row(cell for cell in cells if cell[1] != "")


# -- the defect file sent back, filled in: a batch of fixes ------------------------------------

_FIX_MEANINGS = {0: "order_id", 4: "carrier", 5: "tracking", 12: "new_carrier", 13: "new_tracking"}
"""The columns a filled file is read by (their positions in `DefectFileLabels.columns`)."""


@dataclass(frozen=True, slots=True)
class FilledRow:
    """A defect row the seller filled in: which package (order and the number it had) and
    the new carrier and/or number. `line` is the row's number in the sheet, as Excel shows it."""

    line: int
    order_id: str
    carrier: str
    tracking: str
    new_carrier: str
    new_tracking: str


def fix_columns(labels: Iterable[DefectFileLabels]) -> dict[str, str]:
    """Header text (folded) → what the column holds, in every language given: a file the bot
    wrote in Chinese is read back in an English chat too."""
    return {
        title.strip().casefold(): meaning
        for label in labels
        for index, meaning in _FIX_MEANINGS.items()
        for title in (label.columns[index],)
    }


def read_filled_defects(path: Path, columns: Mapping[str, str]) -> list[FilledRow] | None:
    """The rows of a defect file the seller filled in ("new carrier" / "new tracking"); None
    when `path` is no defect file (its first sheets' headers lack the order and the two new
    columns): an order report goes to the analysis. Raises FileRejected for a broken XLSX."""
    from python_calamine import CalamineWorkbook

    # Here, not at the top: xlsx_reading loads polars, which `vtrbot check` leaves to its
    # analysis worker (writing a defect file needs none of it).
    from bot.domain.xlsx_reading import guard_xlsx

    guard_xlsx(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheets = [workbook.get_sheet_by_name(name) for name in workbook.sheet_names[:3]]
        tables = [sheet.to_python() for sheet in sheets]
    except Exception as error:  # calamine raises plain errors on malformed parts
        raise FileRejected("bad_xlsx") from error
    found = [
        (table, where) for table in tables if table and (where := _fix_header(table[0], columns))
    ]
    if not found:
        return None
    table, where = found[0]
    return [
        row for line, cells in enumerate(table[1:], start=2) if (row := _filled(line, cells, where))
    ]


def _fix_header(header: Sequence[object], columns: Mapping[str, str]) -> dict[str, int] | None:
    from bot.domain.xlsx_reading import cell_text

    where: dict[str, int] = {}
    for index, cell in enumerate(header):
        meaning = columns.get(cell_text(cell).casefold())
        if meaning is not None:
            where.setdefault(meaning, index)
    return where if {"order_id", "new_carrier", "new_tracking"} <= set(where) else None


def _filled(line: int, cells: Sequence[object], where: Mapping[str, int]) -> FilledRow | None:
    from bot.domain.xlsx_reading import cell_text

    def cell(meaning: str) -> str:
        index = where.get(meaning)
        return cell_text(cells[index]) if index is not None and index < len(cells) else ""

    if not cell("order_id") or not (cell("new_carrier") or cell("new_tracking")):
        return None
    return FilledRow(line, cell("order_id"), cell("carrier"), cell("tracking"),
                     cell("new_carrier"), cell("new_tracking"))  # fmt: skip
