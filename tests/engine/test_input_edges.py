"""Line endings, implausible dates and negative prices: each read the way a seller means
it, or shown to the seller as unreadable, never silently miscounted."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file
from bot.domain.values import plausible_report_date
from tests.engine.conftest import UPS_OK, WriteFile
from tests.engine.test_rules import AS_OF, report_for, row

pytestmark = pytest.mark.collection

CSV_HEAD = "order-id,ship-date,carrier,tracking-number"


@pytest.mark.parametrize("newline", ["\r", "\r\n", "\n"])
def test_every_line_ending_reads_every_row(write_file: WriteFile, newline: str) -> None:
    rows = [f"{n},2026-11-20,UPS,{UPS_OK}" for n in range(1, 6)]
    report, _ = analyse_file(write_file([CSV_HEAD, *rows], newline=newline))
    assert (report.rows_read, report.overall.shipments) == (5, 5)


def test_cr_rows_pasted_into_a_crlf_file_are_all_read(write_file: WriteFile) -> None:
    text = (
        f"{CSV_HEAD}\r\n1,2026-11-20,UPS,{UPS_OK}\r2,2026-11-20,UPS,\r\n3,2026-11-20,UPS,{UPS_OK}\r"
    )
    report, _ = analyse_file(write_file(text))
    assert (report.rows_read, report.overall.shipments, report.overall.valid) == (3, 3, 2)
    assert [d.order_id for d in report.defects] == ["2"]


def test_a_cr_file_read_in_tiny_chunks_loses_no_row(write_file: WriteFile, monkeypatch) -> None:
    from bot.domain import reading

    monkeypatch.setattr(reading, "CHUNK_BYTES", 7)  # CR and LF of one CRLF in two blocks
    text = "\r\n".join([CSV_HEAD, *(f"{n},2026-11-20,UPS,{UPS_OK}" for n in range(12))])
    split = [at for at in range(6, len(text), 7) if text[at : at + 2] == "\r\n"]
    assert len(split) == 2  # (each row a part of its own: 40 rows took 0.7 s)
    report, _ = analyse_file(write_file(text + "\r"))
    assert report.rows_read == 12


def test_years_0000_0001_and_9999_are_unreadable_and_named(write_file: WriteFile) -> None:
    rows = [row("A", ship="0000-01-01"), row("B", ship="0001-01-01"), row("C", ship="9999-12-31")]
    report = report_for(write_file, [*rows, row("D")], as_of=None)
    assert report.as_of == AS_OF  # from the one plausible date
    assert (report.overall.shipments, report.excluded["unreadable_date"]) == (1, 3)
    [warning] = [w for w in report.warnings if w.code == "unreadable_dates"]
    assert (warning.count, warning.detail) == (3, "0000-01-01, 0001-01-01, 9999-12-31")


def test_a_two_digit_year_is_not_read_as_the_year_26(write_file: WriteFile) -> None:
    """Before: 26-11-20 was 20 Nov 26 AD, outside the window, and VTR read 100 %."""
    rows = [row("A"), row("B", ship="26-11-20", tracking=""), row("C", ship="11/19/26")]
    report = report_for(write_file, rows, as_of=None)
    assert report.excluded["unreadable_date"] == 2
    [warning] = [w for w in report.warnings if w.code == "unreadable_dates"]
    assert warning.detail == "26-11-20, 11/19/26"


def test_plausible_report_dates() -> None:
    today = date(2026, 12, 1)
    assert plausible_report_date(date(2026, 11, 20), today)
    assert plausible_report_date(date(2000, 1, 1), today)
    assert plausible_report_date(date(2027, 12, 2), today)  # 366 days ahead
    assert not plausible_report_date(date(2027, 12, 3), today)
    assert not plausible_report_date(date(1, 1, 1), today)
    assert not plausible_report_date(date(1999, 12, 31), today)


@pytest.mark.parametrize(
    ("letter", "reason"),
    [
        (dict(channel="Amazon.de", carrier="Deutsche Post", tracking="", service="Warenpost Brief", currency="EUR"), "eu_letter_under_20"),
        (dict(channel="Amazon.co.jp", carrier="Japan Post", tracking="", currency="JPY"), "jp_under_1000"),
    ],
)  # fmt: skip
@pytest.mark.parametrize(
    "price", ["-100", "-0.01", "−5", "－5", pytest.param("(5.00)", marks=pytest.mark.fast)]
)
def test_a_negative_price_does_not_exempt_an_order(
    write_file: WriteFile, letter: dict[str, str], reason: str, price: str
) -> None:
    report = report_for(write_file, [row("N", price=price, **letter)])
    assert report.excluded[reason] == 0
    assert (report.overall.shipments, report.overall.valid) == (1, 0)
    assert [d.reason for d in report.defects] == ["missing_tracking"]


def test_a_negative_line_in_an_order_keeps_it_counted(write_file: WriteFile) -> None:
    letter = dict(channel="Amazon.fr", carrier="La Poste", tracking="", service="Lettre suivie", currency="EUR")  # fmt: skip
    report = report_for(
        write_file, [row("F", price="5", **letter), row("F", price="-50", **letter)]
    )
    assert (report.excluded["eu_letter_under_20"], report.overall.shipments) == (0, 1)


def test_a_small_positive_price_still_exempts(write_file: WriteFile) -> None:
    letter = dict(channel="Amazon.de", carrier="Deutsche Post", tracking="", service="Warenpost Brief", price="4.50", currency="EUR")  # fmt: skip
    report = report_for(write_file, [row("P", **letter)])
    assert report.excluded["eu_letter_under_20"] == 1


_DE_LETTER = dict(channel="Amazon.de", carrier="Deutsche Post", tracking="", service="Brief", currency="EUR")  # fmt: skip


@pytest.mark.parametrize(
    ("others", "exempt"),
    [
        (["12,50", "1.234,56"], 0),  # decimal commas: '1.500' is EUR 1,500, counted
        (["12.50", "7.5"], 1),  # decimal dots: '1.500' is EUR 1.50, an exempt letter
        (["12,50", "19.99"], 1),  # both marks: no reading of thousands is sure, as written
    ],
)
def test_a_dotted_thousand_is_read_by_how_the_file_writes_decimals(
    write_file: WriteFile, others: list[str], exempt: int
) -> None:
    rows = [row("D1", price="1.500", **_DE_LETTER)]
    rows += [
        row(f"D{n}", price=p, channel="Amazon.de", currency="EUR") for n, p in enumerate(others, 2)
    ]
    report = report_for(write_file, rows)
    assert report.excluded["eu_letter_under_20"] == exempt
    assert report.overall.shipments == 1 + len(others) - exempt


@pytest.mark.parametrize("line", [f"{'h' * 100_000},ship-date", pytest.param(",".join(["order-id", "ship-date", *(f"{'x' * 500}{n}" for n in range(200))]), marks=pytest.mark.fast)])  # fmt: skip
def test_a_refusal_quotes_headers_short_enough_for_one_message(
    write_file: WriteFile, line: str
) -> None:
    from bot.domain.engine import FileRejected
    from bot.services.i18n import translator
    from bot.services.report_text import render_file_error
    from bot.services.text_split import TELEGRAM_LIMIT, units

    with pytest.raises(FileRejected) as caught:
        analyse_file(write_file([line, "1,2026-11-20"]))
    assert len(caught.value.found) <= 20
    assert all(len(header) <= 40 for header in caught.value.found)
    for lang in ("en", "zh"):
        assert units(render_file_error(caught.value, translator(lang), html=True)) < TELEGRAM_LIMIT
