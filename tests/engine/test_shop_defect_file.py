"""The defect file of a report with several shops names each package's shop (its Seller
Central account, where the package is edited), in a column after all the others; a file
with one shop or none is the file main wrote before the column existed.

Counted by hand: 太阳店 (Sun) ships Toys S1, S2 tracked and SUN-X untracked; 月亮店 (Moon)
ships Toys M1, M2 tracked and MOON-X untracked, all on Amazon.com. Each shop's Toys is 2 of 3
(66.7%) and needs ⌊95 × 3 / 100⌋ + 1 − 2 = 1 fix: one defect per shop, each in the plan."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import date
from pathlib import Path

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from bot.domain.defects_file import FilledRow, read_filled_defects, write_defects_xlsx
from bot.domain.engine import analyse_file
from bot.services.amazon.fix_conversation import defect_file_columns
from bot.services.defect_document import defect_file_labels
from bot.services.i18n import translator
from tests.engine.conftest import UPS_OK, WriteFile

pytestmark = pytest.mark.collection

AS_OF = date(2026, 11, 20)
HEADER = "订单号,店铺,店铺站点,发货日期,物流商,跟踪号,品类"
SUN, MOON = "太阳店", "月亮店"
UPS_NEW = "1Z999AA10123456784"  # UPS's own published example number


def shop_rows(sun: str = SUN, moon: str = MOON) -> list[str]:
    return [
        f"S1,{sun},US,2026-11-10,UPS,{UPS_OK},Toys",
        f"S2,{sun},US,2026-11-10,UPS,{UPS_OK},Toys",
        f"SUN-X,{sun},US,2026-11-19,UPS,,Toys",
        f"M1,{moon},US,2026-11-10,UPS,{UPS_OK},Toys",
        f"M2,{moon},US,2026-11-10,UPS,{UPS_OK},Toys",
        f"MOON-X,{moon},US,2026-11-18,UPS,,Toys",
    ]


def sheet_rows(path: Path, index: int) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(index).to_python()


def parts_digest(path: Path) -> str:
    """SHA-256 over every part of the XLSX, name and bytes in the zip's order: the zip's own
    bytes also hold the time each part was written."""
    digest = hashlib.sha256()
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            digest.update(name.encode() + b"\0" + book.read(name) + b"\0")
    return digest.hexdigest()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_defect_row_names_its_shop_in_a_last_column(
    write_file: WriteFile, tmp_path: Path, lang: str
) -> None:
    report, _ = analyse_file(write_file([HEADER, *shop_rows()]), as_of=AS_OF)
    labels = defect_file_labels(translator(lang))
    (path,) = write_defects_xlsx(report, tmp_path / "d.xlsx", labels)
    header, *rows = sheet_rows(path, 0)
    assert header == [*labels.columns, {"en": "Shop (account)", "zh": "店铺（账号）"}[lang]]
    assert {row[0]: row[-1] for row in rows} == {"SUN-X": SUN, "MOON-X": MOON}
    assert all(row[7] == labels.yes for row in rows)  # each is its shop's one fix
    group_header, *groups = sheet_rows(path, 2)
    assert group_header[-1] == header[-1]
    cells = {row[-1]: row[2:4] for row in groups if row[0] == labels.group_kinds[3]}
    assert cells == {SUN: [3, 2], MOON: [3, 2]}
    pooled = [row for row in groups if row[0] == labels.group_kinds[0]]
    assert [row[1:4] + row[7:] for row in pooled] == [["Toys", 6, 4, ""]]  # no one shop's


def _filled_in(bot_file: Path, out: Path, fills: dict[str, tuple[str, str]]) -> None:
    """The defects sheet as a seller saves it after typing into the columns titled for the
    new carrier and number: found by their titles, not their places."""
    header, *rows = sheet_rows(bot_file, 0)
    columns = defect_file_columns()
    new = [i for i, title in enumerate(header) if str(title).casefold() in columns
           and columns[str(title).casefold()].startswith("new_")]  # fmt: skip
    with xlsxwriter.Workbook(str(out)) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, [str(cell) for cell in header])
        for number, row in enumerate(rows, start=1):
            cells = [str(cell) for cell in row]
            for index, value in zip(new, fills.get(cells[0], ("", "")), strict=True):
                cells[index] = value
            for column, value in enumerate(cells):
                sheet.write_string(number, column, value)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_filled_in_file_of_two_shops_reads_back_as_fixes(
    write_file: WriteFile, tmp_path: Path, lang: str
) -> None:
    report, _ = analyse_file(write_file([HEADER, *shop_rows()]), as_of=AS_OF)
    (path,) = write_defects_xlsx(report, tmp_path / "d.xlsx", defect_file_labels(translator(lang)))
    assert read_filled_defects(path, defect_file_columns()) == []  # the bot's copy: none filled
    _filled_in(path, tmp_path / "filled.xlsx", {"SUN-X": ("", UPS_NEW), "MOON-X": ("UPS", UPS_NEW)})
    rows = read_filled_defects(tmp_path / "filled.xlsx", defect_file_columns())
    assert rows is not None
    assert sorted(rows, key=lambda row: row.order_id) == [
        FilledRow(2, "MOON-X", "UPS", "", "UPS", UPS_NEW),  # shipped 11-18: the oldest first
        FilledRow(3, "SUN-X", "UPS", "", "", UPS_NEW),
    ]


# Each digest is of the file main wrote before the shop column (at c125253), through this
# module's `parts_digest`, for the same rows and labels.
MAIN_DIGESTS = {
    ("one shop", "en"): "7211f399dffed67aac37236ad600256ac9ed3352e2e1bedec1fc1f279a7b7b3b",
    ("one shop", "zh"): "0fb7bf1b3a580fcfe67cba925dcfd3fdf6ec76df04124ea68722482117731816",
    ("no shop", "en"): "7211f399dffed67aac37236ad600256ac9ed3352e2e1bedec1fc1f279a7b7b3b",
    ("no shop", "zh"): "0fb7bf1b3a580fcfe67cba925dcfd3fdf6ec76df04124ea68722482117731816",
}


@pytest.mark.parametrize(("shops", "lang"), sorted(MAIN_DIGESTS))
def test_one_shop_or_none_writes_the_file_main_wrote(
    write_file: WriteFile, tmp_path: Path, shops: str, lang: str
) -> None:
    if shops == "one shop":
        lines = [HEADER, *shop_rows(moon=SUN)]
    else:  # the shop column dropped
        lines = [line.replace(f",{SUN}", "").replace(f",{MOON}", "") for line in shop_rows()]
        lines.insert(0, HEADER.replace(",店铺,", ","))
    report, _ = analyse_file(write_file(lines), as_of=AS_OF)
    assert not report.per_shop
    labels = defect_file_labels(translator(lang))
    (path,) = write_defects_xlsx(report, tmp_path / "d.xlsx", labels)
    assert parts_digest(path) == MAIN_DIGESTS[shops, lang]
