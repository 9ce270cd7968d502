"""Cells an ERP writes Excel-safe, as a formula of one string (="9400…", ="114-…"), so that
Excel keeps a long number's every digit and a leading 0: read as the text inside, in any
column, whether the cell is bare (="…") or quoted as CSV (the same formula, its quotes
doubled); ="" is an empty cell. One reading (values.excel_safe_text, excel_safe_cell for one
cell) for every text file and for a workbook's text cells."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

from bot.domain.engine import analyse_file, report_file
from bot.domain.values import excel_safe_text
from tests.engine.conftest import FEDEX_OK, UPS_OK, WriteFile

AS_OF = date(2026, 11, 20)
DHL_LEADING_ZERO = "0123456782"  # 012345678 mod 7 = 2: valid only with its leading 0 kept
HEADER = (
    "Order ID,Ship Date,Carrier,Tracking Number,Category,Marketplace,Service,Order Total,Currency"
)
ROWS = [
    f'="111-0000001-0000001",2026-11-10,UPS,="{UPS_OK}",Toys,US,Ground,="25.00",USD',
    f'"=""111-0000001-0000002""","=""2026-11-11""",FedEx,"=""{FEDEX_OK}""",Toys,US,Ground,30,USD',
    '="111-0000001-0000003",2026-11-12,USPS,="",Toys,US,Ground,12.00,USD',
    '="111-0000001-0000004",2026-11-12,USPS,="0",Toys,US,Ground,12.00,USD',
    f'111-0000001-0000005,2026-11-13,DHL Express,="{DHL_LEADING_ZERO}",Toys,US,Express,40,USD',
    '="302-0000001-0000006",2026-11-14,Deutsche Post,="RR123456785DE",Toys,DE,Brief,="12.50",EUR',
]


def test_the_text_inside_is_read() -> None:
    cells = ['="9400"', '"=""114-1"""', '=""', ' ="0" ', "plain", "=SUM(A1)", 'a="b"']
    frame = pl.DataFrame({"cell": cells})
    read = frame.select(excel_safe_text(pl.col("cell"))).to_series().to_list()
    assert read == ["9400", "114-1", "", "0", "plain", "=SUM(A1)", 'a="b"']


def test_excel_safe_cells_in_every_column(write_file: WriteFile) -> None:
    """By hand: five US shipments, three valid (UPS, FedEx, the DHL number whose leading 0
    only the formula kept), two missing (="" and the placeholder ="0"): 60%, needed
    ⌊95 × 5 / 100⌋ + 1 − 3 = 2. The DE letter at EUR 12.50 (an Excel-safe amount) is exempt.
    Order IDs and the ship date written Excel-safe are read as written inside."""
    path = write_file([HEADER, *ROWS])
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        (toys,) = report.by_category
        assert (toys.shipments, toys.valid, toys.needed) == (5, 3, 2)
        assert [(d.order_id, d.reason) for d in report.defects] == [
            ("111-0000001-0000003", "missing_tracking"),
            ("111-0000001-0000004", "missing_tracking"),
        ]
        assert report.excluded["eu_letter_under_20"] == 1
        assert report.excluded.get("unreadable_date", 0) == 0


def test_a_tab_file_keeps_the_quoted_form_as_written_and_it_is_read(write_file: WriteFile) -> None:
    # Tab-delimited files are read without quoting: the CSV-quoted formula arrives whole.
    header = "order-id\tship-date\tcarrier-code\ttracking-number\tproduct-category"
    lines = [
        header,
        f'"=""111-0000002-0000001"""\t2026-11-10\tUPS\t"=""{UPS_OK}"""\tToys',
        f'="111-0000002-0000002"\t2026-11-10\tFedEx\t="{FEDEX_OK}"\tToys',
        '="111-0000002-0000003"\t2026-11-10\tFedEx\t=""\tToys',
    ]
    report = report_file(write_file(lines, name="orders.txt"), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (3, 2)
    assert [d.order_id for d in report.defects] == ["111-0000002-0000003"]


def test_excel_safe_text_cells_of_a_workbook(tmp_path: Path) -> None:
    # A CSV imported into a sheet keeps its Excel-safe cells as text, not as formulas.
    import xlsxwriter

    path = tmp_path / "orders.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet()
        rows = [
            ["订单号", "发货时间", "物流商", "跟踪号", "品类"],
            ['="111-0000003-0000001"', "2026-11-10", "UPS", f'="{UPS_OK}"', "玩具"],
            ['="111-0000003-0000002"', "2026-11-11", "FedEx", '=""', "玩具"],
        ]
        for row_index, row in enumerate(rows):
            for column, text in enumerate(row):
                sheet.write_string(row_index, column, text)
    report = report_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 1)
    assert [(d.order_id, d.reason) for d in report.defects] == [
        ("111-0000003-0000002", "missing_tracking")
    ]
