"""The defect workbook read back by an independent reader (calamine, which shares no code
with xlsxwriter), and its XML checked for the frozen header row and the filters."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from bot.cli import main
from bot.domain.defects_file import write_defects_xlsx
from bot.domain.engine import analyse_file
from bot.domain.models import Defect, VtrReport
from bot.services.defect_document import defect_file_labels, defect_replies
from bot.services.i18n import Translator
from tests.engine.conftest import UPS_OK, WriteFile

USPS_22 = "9400111201080805483016"  # 22 digits: a CSV opened in Excel shows 9.40011E+21
LINES = [
    "order-id,ship-date,carrier-code,tracking-number,product-category,sales-channel",
    f"111-2223334-5556667,2026-11-20,UPS,{UPS_OK},Toys,Amazon.com",
    f"00123,2026-11-19,UPS,{USPS_22},Toys,Amazon.com",  # valid USPS under UPS
    "2026-11-18,2026-11-18,UPS,,Toys,Amazon.com",  # an order ID that looks like a date
    "=1+2,2026-11-01,Pigeon Post,@SUM(A1),Toys,Amazon.com",
    "+44,2026-11-17,-Speedy,12345,Toys,Amazon.com",
]


def sheet_rows(path: Path, index: int = 0) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(index).to_python()


def test_identifiers_stay_text_and_dates_are_dates(write_file: WriteFile, tmp_path: Path) -> None:
    report, _ = analyse_file(write_file(LINES), as_of=date(2026, 11, 20))
    out = tmp_path / "defects.xlsx"
    assert main(["check", str(write_file(LINES)), "--as-of", "2026-11-20", "--lang", "en",
                 "--defects", str(out)]) == 0  # fmt: skip
    header, *rows = sheet_rows(out)
    assert header[:3] == ["Order ID", "Ship date", "Category"]
    by_order = {row[0]: row for row in rows}
    assert set(by_order) == {"00123", "2026-11-18", "=1+2", "+44"}
    usps = by_order["00123"]
    assert usps[5] == USPS_22  # digit for digit, as text
    assert isinstance(usps[5], str)
    assert usps[1] == date(2026, 11, 19)  # a real date cell
    assert usps[8] == date(2026, 11, 24)  # fix by: 11-19 + 5 days' domestic transit
    assert usps[9] == "this number looks like a USPS number: pick USPS from Amazon's list"
    assert isinstance(by_order["2026-11-18"][0], str)
    # Formula characters are written as text, never as formulas.
    assert by_order["=1+2"][5] == "@SUM(A1)"
    assert by_order["+44"][4] == "-Speedy"
    old = by_order["=1+2"]  # shipped 11-01: too late to edit, leaves the window on 12-01
    assert old[8] == ""
    assert old[10] == date(2026, 12, 1)
    assert old[9].startswith("probably delivered: too late to edit")
    assert len(rows) == len(report.defects)
    with zipfile.ZipFile(out) as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml  # no formula anywhere
    assert re.search(r'<pane [^>]*ySplit="1"[^>]*state="frozen"', xml)
    assert '<autoFilter ref="A1:N5"' in xml  # 11 columns, then "fix sent" and the two to fill
    assert '<col min="6" max="6" width="26.7109375"' in xml  # tracking column sized


def test_legend_and_every_group_are_in_the_workbook(write_file: WriteFile, tmp_path: Path) -> None:
    report, _ = analyse_file(write_file(LINES), as_of=date(2026, 11, 20))
    (path,) = write_defects_xlsx(report, tmp_path / "d.xlsx", defect_file_labels(Translator("zh")))
    names = CalamineWorkbook.from_path(str(path)).sheet_names
    assert names == ["缺陷", "说明", "各分组有效追踪率"]
    legend = {row[0]: row[1] for row in sheet_rows(path, 1)}
    assert legend["缺少追踪号"].startswith("在买家收到包裹之前补上追踪号")
    groups = sheet_rows(path, 2)
    assert groups[1][:4] == ["品类", "Toys", 5, 1]
    assert groups[1][4] == pytest.approx(0.2)


def big_report(defects: int) -> VtrReport:
    """A report with `defects` generated defects (long-ish fields, like real ones)."""
    report, _ = analyse_file_stub()
    generated = [
        Defect(
            order_id=f"{100 + i % 900:03d}-{i:07d}-{(i * 7919) % 10**7:07d}",
            ship_date=date(2026, 11, 1 + i % 20),
            category=f"Category {i % 50}",
            carrier="USPS",
            marketplace="US",
            tracking=f"9400{i:018d}",
            reason="bad_check_digit",
            fix_by=date(2026, 11, 6 + i % 20),
        )
        for i in range(defects)
    ]
    return report.model_copy(update={"defects": generated})


def analyse_file_stub() -> tuple[VtrReport, None]:
    return VtrReport.model_validate(
        {
            "as_of": "2026-11-20",
            "window": {"start": "2026-10-22", "end": "2026-11-20"},
            "overall": {
                "name": "overall",
                "shipments": 0,
                "valid": 0,
                "vtr": None,
                "below_threshold": False,
                "needed": 0,
            },
            "by_category": [],
            "by_carrier": [],
            "by_marketplace": [],
            "excluded": {},
            "defects": [],
            "warnings": [],
            "suggestions": [],
        }
    ), None


@pytest.mark.slow
def test_a_large_defect_list_is_split_under_the_upload_cap(tmp_path: Path) -> None:
    """8,000 defects under a 120 KB cap: several files, each under it, together holding
    every defect once, in order."""
    report = big_report(8_000)
    replies = defect_replies(report, Translator("en"), tmp_path, max_bytes=120_000)
    assert len(replies) > 1
    order_ids: list[str] = []
    for index, reply in enumerate(replies, start=1):
        assert reply.document is not None
        assert len(reply.document.data) <= 120_000
        assert f"Part {index} of {len(replies)}." in reply.html
        part = tmp_path / f"part{index}.xlsx"
        part.write_bytes(reply.document.data)
        order_ids += [row[0] for row in sheet_rows(part)[1:]]
    assert order_ids == [d.order_id for d in report.defects]


@pytest.mark.slow
def test_long_sentences_are_written_once_not_per_row(tmp_path: Path) -> None:
    """A row carries short labels; the sentence lives in the legend. 8,000 defects take
    about 51 bytes a row compressed (the old CSV repeated a 90-character sentence)."""
    report = big_report(8_000)
    (reply,) = defect_replies(report, Translator("en"), tmp_path)
    assert reply.document is not None
    assert reply.document.filename == "vtr-defects-2026-11-20.xlsx"
    assert len(reply.document.data) < 64 * 8_000
    path = tmp_path / "d.xlsx"
    path.write_bytes(reply.document.data)
    rows = sheet_rows(path)
    assert rows[1][6] == "wrong check digit"
    assert rows[1][9] == "probably delivered: too late to edit — leaves the window on Dec 1, 2026"
    assert not any("Correct the number" in str(cell) for row in rows for cell in row)


def _refill(bot_file: Path, out: Path, fills: dict[str, tuple[str, str]]) -> None:
    """The bot's defect sheet as a seller saves it after typing into the last two columns."""
    import xlsxwriter

    header, *rows = sheet_rows(bot_file)
    with xlsxwriter.Workbook(str(out)) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, [str(cell) for cell in header])
        for number, row in enumerate(rows, start=1):
            cells = [str(cell) for cell in row[:-2]] + list(fills.get(str(row[0]), ("", "")))
            for column, value in enumerate(cells):
                sheet.write_string(number, column, value)


def test_a_chinese_defect_file_filled_in_is_read_back_by_its_headers(
    write_file: WriteFile, tmp_path: Path
) -> None:
    from bot.domain.defects_file import FilledRow, fix_columns, read_filled_defects
    from bot.services.i18n import translator

    report, _ = analyse_file(write_file(LINES), as_of=date(2026, 11, 20))
    zh_labels = defect_file_labels(translator("zh"))
    (written,) = write_defects_xlsx(report, tmp_path / "zh.xlsx", zh_labels)
    assert sheet_rows(written)[0][11:] == ["在聊天中修正", "新承运商", "新追踪号"]
    columns = fix_columns([defect_file_labels(translator("en")), zh_labels])
    assert read_filled_defects(written, columns) == []  # the bot's own copy: nothing filled
    _refill(written, tmp_path / "filled.xlsx", {"00123": ("USPS", ""), "+44": ("", "1Z")})
    rows = {row.order_id: row for row in read_filled_defects(tmp_path / "filled.xlsx", columns)}
    assert rows["00123"] == FilledRow(rows["00123"].line, "00123", "UPS", USPS_22, "USPS", "")
    assert (rows["+44"].carrier, rows["+44"].new_tracking) == ("-Speedy", "1Z")
    assert set(rows) == {"00123", "+44"}
    order_report = tmp_path / "orders.xlsx"
    import xlsxwriter

    with xlsxwriter.Workbook(str(order_report)) as book:
        book.add_worksheet().write_row(0, 0, LINES[0].split(","))
    assert read_filled_defects(order_report, columns) is None  # goes to the analysis
