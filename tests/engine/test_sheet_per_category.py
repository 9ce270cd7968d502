"""A workbook with one sheet per product line and no category column ('Toys & Games',
'宠物用品'), beside a sheet of notes: each sheet's name is its orders' category, judged as a
category column's cell would be. Read before as the workbook's shops, each its own
account, every order 'Uncategorized'."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import xlsxwriter

from bot.domain.categories import names_a_category
from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import CHINA_POST_OK, UPS_OK

AS_OF = date(2026, 12, 5)
HEADER = ["Order ID", "Ship Date", "Carrier", "Tracking Number", "Marketplace"]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, values in enumerate(rows):
            sheet.write_row(r, 0, values)
    workbook.close()
    return path


def _orders(prefix: str, count: int, valid: str, carrier: str) -> list[list[object]]:
    """The header and `count` orders, the last without a tracking number."""
    rows: list[list[object]] = [HEADER]
    for i in range(count):
        number = valid if i < count - 1 else ""
        rows.append([f"{prefix}-{i}", "2026-11-20", carrier, number, "Amazon.com"])
    return rows


def test_names_of_categories() -> None:
    assert names_a_category("Toys & Games")
    assert names_a_category("kitchen & dining")
    assert names_a_category("宠物用品")
    assert not names_a_category("Read me")
    assert not names_a_category("店铺A")


def test_each_sheet_names_its_orders_category(tmp_path: Path) -> None:
    """By hand: Toys & Games 4 shipped, 3 valid; 宠物用品 3 shipped, 2 valid; one shop."""
    path = _workbook(
        tmp_path / "orders.xlsx",
        {
            "Read me": [["Exported 2026-12-05"], ["One sheet per product line."]],
            "Toys & Games": _orders("T", 4, UPS_OK, "UPS"),
            "宠物用品": _orders("P", 3, CHINA_POST_OK, "China Post"),
        },
    )
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        figures = {g.name: (g.shipments, g.valid) for g in report.by_category}
        assert figures == {"Toys & Games": (4, 3), "宠物用品": (3, 2)}
        assert (report.overall.shipments, report.overall.valid) == (7, 5)
