"""Tracking cells holding a link formula's text, as Google Sheets or Excel writes a
HYPERLINK cell into CSV: '=HYPERLINK("https://…tracknum=1Z…","1Z…")'. The sheet showed the
label, the number the seller copied into Amazon; judged as written, every such number was a
bad format. Read in the one cleaning function (`normalize_tracking`) the report, answers and
Amazon sync share; a label without a digit ('Track') gives way to the link's number. Set
F9's F02."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.tracking import check_tracking, normalized_text
from tests.engine.conftest import FEDEX_OK, UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("written", "number"),
    [
        (f'=HYPERLINK("https://www.ups.com/track?tracknum={UPS_OK}","{UPS_OK}")', UPS_OK),
        (
            f'=hyperlink( "https://fedex.com/fedextrack/?trknbr={FEDEX_OK}" ; "{FEDEX_OK}" )',
            FEDEX_OK,
        ),
        (f'=HYPERLINK("https://fedex.com/fedextrack/?trknbr={FEDEX_OK}",{FEDEX_OK})', FEDEX_OK),
        (f'=HYPERLINK("https://tools.usps.com/go/TrackConfirmAction?tLabels={USPS_OK}")', USPS_OK),
        (
            f'=HYPERLINK("https://tools.usps.com/go/TrackConfirmAction?tLabels={USPS_OK}","Track")',
            USPS_OK,
        ),
        (f'=HYPERLINK("https://www.ups.com/","UPS: {UPS_OK}")', UPS_OK),
        # Kept as written: other formulas, and a link with no number in it or its label.
        ("=SUM(A1)", "=SUM(A1)"),
        ('=HYPERLINK("https://example.com/track","Track")', "HTTPS://EXAMPLE.COM/TRACK"),
    ],
)
def test_the_number_is_the_links_label(written: str, number: str) -> None:
    assert normalized_text(written) == number


def test_answers_judge_a_pasted_link_formula_as_the_report_does() -> None:
    pasted = f'=HYPERLINK("https://www.ups.com/track?tracknum={UPS_OK}","{UPS_OK}")'
    assert check_tracking("UPS", pasted).valid
    bad = UPS_OK[:-1] + ("8" if UPS_OK[-1] != "8" else "9")
    assert check_tracking("UPS", pasted.replace(UPS_OK, bad)).reason == "bad_check_digit"


def _cell(formula: str) -> str:
    """As a CSV writer quotes a formula: the cell in quotes, its own quotes doubled."""
    return '"' + formula.replace('"', '""') + '"'


def test_a_sheet_of_link_formulas(write_file: WriteFile) -> None:
    """By hand: five counted; three links label valid numbers (UPS, FedEx with ';' between
    its parts, USPS whose label is 'Track'), one labels a UPS number with a bad check digit,
    and one labels 'N/A' under its link with no number: 3 valid of 5."""
    bad_ups = UPS_OK[:-1] + ("8" if UPS_OK[-1] != "8" else "9")
    link = "https://www.ups.com/track?loc=en_US&tracknum="
    cells = [
        ("UPS", f'=HYPERLINK("{link}{UPS_OK}","{UPS_OK}")'),
        (
            "FedEx",
            f'=HYPERLINK("https://www.fedex.com/fedextrack/?trknbr={FEDEX_OK}";"{FEDEX_OK}")',
        ),
        (
            "USPS",
            f'=HYPERLINK("https://tools.usps.com/go/TrackConfirmAction?tLabels={USPS_OK}","Track")',
        ),
        ("UPS", f'=HYPERLINK("{link}{bad_ups}","{bad_ups}")'),
        ("UPS", '=HYPERLINK("https://www.ups.com/track","N/A")'),
    ]
    lines = ["Order ID,Ship Date,Carrier,Tracking Number,Category"] + [
        f"111-{i},11/{20 + i}/2026,{carrier},{_cell(formula)},Toys"
        for i, (carrier, formula) in enumerate(cells, start=1)
    ]
    path = write_file(lines)
    report = report_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (5, 3)
    assert sorted(d.order_id for d in report.defects) == ["111-4", "111-5"]
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert (uploaded.overall.shipments, uploaded.overall.valid) == (5, 3)
