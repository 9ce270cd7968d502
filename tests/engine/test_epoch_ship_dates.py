"""Ship times an ERP's API dump writes as Unix time: 10 digits are seconds, 13 milliseconds
(told apart by size), read as their day in UTC. A purchase time beside them is not the ship
date; a compact date with an hour after it (2026111512) stays a date."""

from __future__ import annotations

from calendar import timegm
from datetime import date

import polars as pl

from bot.domain.engine import analyse_file, report_file
from bot.domain.values import parse_dates
from tests.engine.conftest import FEDEX_OK, UPS_OK, WriteFile

AS_OF = date(2026, 11, 30)  # window 1 Nov … 30 Nov


def unix(day: str, hour: int = 12, minute: int = 0) -> int:
    """Seconds since 1970 of a UTC instant, by the standard library's own calendar."""
    year, month, mday = map(int, day.split("-"))
    return timegm((year, month, mday, hour, minute, 0))


def test_seconds_and_milliseconds_are_told_apart_by_size() -> None:
    texts = [
        str(unix("2026-11-10")),
        str(unix("2026-11-10") * 1000 + 417),
        str(unix("2026-11-20", 23, 59) * 1000),  # late in the UTC day: still the 20th
        "2026111512",
        "0000000000",
    ]
    days = parse_dates(pl.Series(texts)).dates.to_list()
    assert days == [
        date(2026, 11, 10),
        date(2026, 11, 10),
        date(2026, 11, 20),
        date(2026, 11, 15),
        None,
    ]


def test_an_api_dump_is_counted_by_its_ship_time(write_file: WriteFile) -> None:
    """By hand: A and B shipped in the window (ms and s), C on 31 Oct (outside), each bought
    five weeks before (a purchase time outside the window, which would count none): 2 counted,
    both valid; 1 outside the window."""
    bought = unix("2026-10-05")
    lines = [
        "order.amazon_order_id,order.purchase_time,shipment.carrier_code,"
        "shipment.tracking_number,shipment.ship_time,item.category",
        f"A,{bought},UPS,{UPS_OK},{unix('2026-11-09') * 1000 + 5},Toys",
        f"B,{bought},FedEx,{FEDEX_OK},{unix('2026-11-30', 14)},Toys",
        f"C,{bought},FedEx,{FEDEX_OK[:-1]}0,{unix('2026-10-31', 23, 30) * 1000},Toys",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (2, 2)
        assert report.excluded["outside_window"] == 1
        assert report.excluded.get("unreadable_date", 0) == 0
