"""Ship dates a batch shares with earlier batches are read as a batch of their own reads
them (row_rules.Lookups keeps the dates it read without Python, and reads a batch again
only for a text it has not seen): hand-computed dates, blanks and a/b/yyyy readings."""

from __future__ import annotations

from datetime import date

import polars as pl

from bot.domain.row_rules import Lookups


def _read(lookups: Lookups, texts: list[str | None]) -> list[tuple[date | None, bool]]:
    """Each row's (ship date, blank?) once `lookups` has learnt the batch of `texts`."""
    frame = pl.DataFrame({"ship_date": texts}, schema={"ship_date": pl.String})
    lookups.learn(frame)
    day, blank = lookups.ship_dates()
    return frame.select(day=day, blank=blank).rows()


FIRST = ["2026-11-01", " 2026-11-02 ", "", None, "2026-11-01"]
READ = [
    (date(2026, 11, 1), False),
    (date(2026, 11, 2), False),
    (None, True),
    (None, True),
    (date(2026, 11, 1), False),
]


def test_a_batch_of_dates_seen_before_reads_as_the_first() -> None:
    lookups = Lookups()
    assert _read(lookups, FIRST) == READ
    assert _read(lookups, FIRST[::-1]) == READ[::-1]
    assert _read(lookups, ["2026-11-02", ""]) == [(date(2026, 11, 2), False), (None, True)]


def test_a_new_text_beside_dates_seen_before_is_read() -> None:
    lookups = Lookups()
    _read(lookups, FIRST)
    # 14/11 settles the order: day first, so 05/11 is 5 November.
    assert _read(lookups, ["2026-11-02", "14/11/2026", "05/11/2026", ""]) == [
        (date(2026, 11, 2), False),
        (date(2026, 11, 14), False),
        (date(2026, 11, 5), False),
        (None, True),
    ]
    assert _read(lookups, ["2026-11-01", "not a date"]) == [
        (date(2026, 11, 1), False),
        (None, False),
    ]
