"""Tracking numbers and carrier names pasted from a web page or a chat carry characters no
seller sees: zero-width spaces and joiners (U+200B, U+200D, U+2060), a BOM (U+FEFF) mid-file,
no-break and narrow no-break spaces (U+00A0, U+202F). Read as spaces are (domain.md §4.4:
inner spaces ignored), in the header, the carrier and the number alike."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.reference import fold_key
from tests.engine.conftest import CHINA_POST_OK, FEDEX_OK, UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 12, 5)


def test_headers_and_names_fold_without_invisible_characters() -> None:
    assert fold_key("Tracking\u200b Number\u2060") == fold_key("Tracking Number")
    assert fold_key("\ufeffRoyal\u200dMail") == fold_key("Royal Mail")


def test_numbers_pasted_with_invisible_characters_are_valid(write_file: WriteFile) -> None:
    """By hand: five numbers valid once the invisible characters are gone, and one 'N/A'
    wrapped in them, missing or malformed either way: 5 valid of 6."""
    lines = [
        "Order ID,Ship Date,Carrier\u200b,Tracking Number\u2060",
        f"A,2026-11-20,UPS\u00a0,{UPS_OK}\u200b",
        f"B,2026-11-20,\u2060FedEx,\ufeff{FEDEX_OK}",
        f"C,2026-11-21,USPS,{USPS_OK[:4]}\u202f{USPS_OK[4:12]}\u200d{USPS_OK[12:]}",
        f"D,2026-11-21,China\u200bPost,{CHINA_POST_OK}\u2060\t",
        f"E,2026-11-22,UPS,\u00a0{UPS_OK[:6]}\u00a0{UPS_OK[6:]}",
        "F,2026-11-22,UPS,N/A\u200b",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (6, 5)
        assert [d.order_id for d in report.defects] == ["F"]
