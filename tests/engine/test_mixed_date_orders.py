"""A file joining a US site's export (11/20/2026 05:23 AM PST, month first) to a UK site's
(14/10/2026 11:50, day first) in one date column: read in the order the UK rows showed,
every US row was an unreadable date, out of every figure. Now a column that mixes the two
orders is read per marketplace, each in the order its own dates show."""

from __future__ import annotations

from datetime import date

import polars as pl

from bot.domain.engine import analyse_file, report_file
from bot.domain.values import mixes_date_orders, parse_dates
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from tests.engine.conftest import FEDEX_OK, UPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
HEADER = "Order ID\tMarketplace\tShip Date\tCarrier\tTracking\tCategory"


def _mixed_file() -> list[str]:
    """By hand, as of 5 Dec 2026 (window 6 Nov – 5 Dec). US, month first: 11/20 and 11/28
    (a day over 12 settles it), 12/01 (1 Dec, in), 10/30 PDT (out). UK, day first: 21/11 and
    14/10 (out), 12/01 (12 January, out) and 01/12 (1 December, in)."""
    return [
        HEADER,
        f"111-1\tAmazon.com\t11/20/2026 05:23 AM PST\tUPS\t{UPS_OK}\tToys",
        "111-2\tAmazon.com\t11/28/2026 11:59 PM PST\tUPS\t\tToys",
        f"111-3\tAmazon.com\t12/01/2026 01:05 AM PST\tFedEx\t{FEDEX_OK}\tToys",
        f"111-4\tAmazon.com\t10/30/2026 06:40 AM PDT\tFedEx\t{FEDEX_OK}\tToys",
        "202-1\tAmazon.co.uk\t21/11/2026 09:15\tRoyal Mail\tRR123456785GB\tToys",
        "202-2\tAmazon.co.uk\t14/10/2026 10:00\tRoyal Mail\tRR123456785GB\tToys",
        "202-3\tAmazon.co.uk\t12/01/2026 10:00\tRoyal Mail\tRR123456785GB\tToys",
        "202-4\tAmazon.co.uk\t01/12/2026 16:30\tRoyal Mail\t\tToys",
    ]


def test_each_marketplace_is_read_in_its_own_order(write_file: WriteFile) -> None:
    path = write_file(_mixed_file(), name="mixed.tsv")
    report = report_file(path, as_of=AS_OF)
    markets = {g.name: (g.shipments, g.valid) for g in report.by_marketplace}
    assert markets == {"US": (3, 2), "UK": (2, 1)}
    assert report.excluded["unreadable_date"] == 0
    assert report.excluded["outside_window"] == 3
    assert sorted(d.order_id for d in report.defects) == ["111-2", "202-4"]
    assert {str(d.ship_date) for d in report.defects} == {"2026-11-28", "2026-12-01"}
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert uploaded.by_marketplace == report.by_marketplace


def test_a_column_in_one_order_is_not_split_by_marketplace() -> None:
    assert mixes_date_orders(["11/20/2026 05:23 AM PST", "14/10/2026 11:50"])
    assert not mixes_date_orders(["14/10/2026", "21/11/2026", "01/12/2026"])
    assert not mixes_date_orders(["11/20/2026", "12/01/2026", "2026-11-05"])


def test_a_date_still_unread_is_reported_in_both_languages(write_file: WriteFile) -> None:
    """Never a silent drop: a date no order reads (month 20 and day 40) is counted as not
    counted, and the report says how many, in English and Chinese."""
    lines = [
        *_mixed_file(),
        f"111-9\tAmazon.com\t20/40/2026 05:23 AM PST\tUPS\t{UPS_OK}\tToys",
    ]
    report = report_file(write_file(lines, name="mixed.tsv"), as_of=AS_OF)
    assert report.excluded["unreadable_date"] == 1
    assert report.overall.shipments == 5
    assert "1 row has a ship date I could not read" in render_report(report, Translator("en"))
    assert "1 行的发货日期无法识别" in render_report(report, Translator("zh"))


def test_parse_keeps_the_day_as_written_with_am_pm_and_a_zone() -> None:
    # The day as written: a 11:59 PM PST time is not moved to the next day in UTC.
    texts = pl.Series(["11/28/2026 11:59 PM PST", "11/28/2026 12:01 AM PDT"])
    assert parse_dates(texts, today=AS_OF).dates.to_list() == [date(2026, 11, 28)] * 2
