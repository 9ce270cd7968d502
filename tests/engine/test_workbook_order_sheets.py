"""A workbook whose first sheet is a summary (店铺, 站点, 订单数, 追踪率) and whose orders are
on one sheet per shop, each below a title and with the tracking column first: the summary
was read as the file's table and the file refused for lacking order columns. Now every
sheet with the columns orders need is read, a summary is named as not read, and, with no
shop column, the shop sheets' names are the shops (each its own account)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import xlsxwriter

from bot.domain.engine import analyse_file, report_file
from bot.domain.errors import FileRejected
from tests.engine.conftest import CHINA_POST_OK, UPS_OK

pytestmark = pytest.mark.collection

AS_OF = date(2026, 12, 5)
HEADER = ["跟踪号", "物流商", "发货时间", "订单号", "站点", "品类"]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, values in enumerate(rows):
            sheet.write_row(r, 0, values)
    workbook.close()
    return path


def _summary() -> list[list[object]]:
    # Its figures are not the orders': read, they would be wrong whatever they say.
    return [
        ["周报"],
        ["店铺", "站点", "订单数", "已上传跟踪号", "追踪率"],
        ["阳光", "美国", 10, 10, 1.0],
    ]


def _orders(prefix: str, market: str, valid: str, count: int) -> list[list[object]]:
    """A title row, a blank one, then the header; `count` rows of which the last has no
    tracking number."""
    rows: list[list[object]] = [[f"{prefix} 自发货订单导出"], [], HEADER]
    for i in range(count):
        number = valid if i < count - 1 else ""
        rows.append([number, "UPS" if valid == UPS_OK else "中国邮政", "2026-11-20"])
        rows[-1] += [f"{prefix}-{i}", market, "玩具"]
    return rows


def test_a_summary_sheet_is_passed_over_for_the_shop_sheets(tmp_path: Path) -> None:
    """By hand: 阳光 sells 4 on the US (3 valid), 月亮 3 on the UK (2 valid)."""
    path = _workbook(
        tmp_path / "周报.xlsx",
        {
            "汇总": _summary(),
            "阳光": _orders("S", "美国", UPS_OK, 4),
            "月亮": _orders("M", "英国", CHINA_POST_OK, 3),
        },
    )
    report = report_file(path, as_of=AS_OF)
    assert {s.name: (s.shipments, s.valid) for s in report.by_shop} == {
        "阳光": (4, 3),
        "月亮": (3, 2),
    }
    assert {m.name: (m.shipments, m.valid) for m in report.by_marketplace} == {
        "US": (4, 3),
        "UK": (3, 2),
    }
    assert [w.detail for w in report.warnings if w.code == "unread_sheets"] == ["汇总"]
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert uploaded.by_shop == report.by_shop
    assert uploaded.warnings == report.warnings  # `vtrbot check` named no sheet left out


@pytest.mark.parametrize("months", [("2026-11", "2026-12"), ("11月", "12月订单"), ("Nov", "Dec")])
def test_sheets_named_for_months_are_one_account(tmp_path: Path, months: tuple[str, str]) -> None:
    """One seller's orders kept a sheet a month: 7 orders of one account, no shops."""
    first, second = months
    path = _workbook(
        tmp_path / "orders.xlsx",
        {first: _orders("A", "美国", UPS_OK, 4), second: _orders("B", "美国", UPS_OK, 3)},
    )
    report = report_file(path, as_of=AS_OF)
    assert report.by_shop == []
    assert (report.overall.shipments, report.overall.valid) == (7, 5)


def test_a_workbook_of_summaries_alone_is_refused_by_its_first_table(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "周报.xlsx", {"汇总": _summary()})
    with pytest.raises(FileRejected) as caught:
        report_file(path, as_of=AS_OF)
    assert caught.value.code == "missing_columns"
