"""A tab-delimited file saved by Excel ("Text (Tab delimited)"): its cells are quoted as Excel
quotes them (a cell holding a quote, a tab or a line break is wrapped in quotes, its quotes
doubled), where Amazon's own reports, read with quoting off, carry stray quotes that open
nothing (domain.md §6). Each file is read by its own kind (reading.excel_quoted), so an
order's note written over two lines, or holding a tab, is no second row (set F10's F10)."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.reading import excel_quoted
from tests.engine.conftest import FEDEX_OK, UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
HEADER = "order-id\tsales-channel\tproduct-name\tship-date\tcarrier\ttracking-number\tnotes"


def test_excel_quoting_is_told_from_stray_quotes() -> None:
    saved = 'A1\t"Pan 12"""\tUPS\n"A2"\tMug\t"two\nlines"\nA3\t"a\ttab"\tx\n'
    raw = 'A1\tPan 12"\tUPS\nA2\t"Best" mug\tx\n'
    assert excel_quoted(f"h\n{saved}")
    assert not excel_quoted(f"h\n{raw}")
    assert not excel_quoted("h\nA1\tMug\tUPS\n")  # no quote at all: nothing to honour
    # A quoted cell the sample's end cuts is no stray quote.
    assert excel_quoted('h\nA1\t"note\nA2 still in it')


def test_a_note_over_two_lines_or_with_a_tab_is_no_row(write_file: WriteFile) -> None:
    """By hand: A, B and C shipped on 20-22 Nov with valid numbers; B's note holds a line
    break, C's a tab and doubled quotes; D shipped with no number. 4 shipments, 3 valid,
    nothing not shipped. Read with quoting off, B's and C's notes made rows of no ship date
    (2 not shipped) and cut C's number from its row."""
    lines = [
        HEADER,
        f'A\tAmazon.com\t"Skillet 12"""\t2026-11-20\tUPS\t{UPS_OK}\t',
        f'B\tAmazon.com\tMug\t2026-11-21\tFedEx\t{FEDEX_OK}\t"call first\r\nleave at door"',
        f'C\tAmazon.com\t"Knife 8"" steel"\t2026-11-22\tUSPS\t{USPS_OK}\t"gift\twrap ""red"""',
        "D\tAmazon.com\tLamp\t2026-11-23\tUSPS\t\t",
    ]
    path = write_file(lines, name="orders.txt", encoding="gb18030", newline="\r\n")
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (4, 3)
        assert report.excluded.get("not_shipped", 0) == 0
        assert [(d.order_id, d.reason) for d in report.defects] == [("D", "missing_tracking")]


def test_an_amazon_report_keeps_its_stray_quotes_as_text(write_file: WriteFile) -> None:
    # A '"' opening a title in Amazon's own report opens no cell: E and F stay two rows.
    lines = [
        HEADER,
        f'E\tAmazon.com\t"Best" mug 15.6"\t2026-11-20\tUPS\t{UPS_OK}\t',
        f"F\tAmazon.com\tLamp\t2026-11-21\tFedEx\t{FEDEX_OK}\t",
    ]
    report = report_file(write_file(lines, name="orders.txt"), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 2)
