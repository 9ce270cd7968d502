"""Daily VTR over recent days, for the trend chart and the daily alerts. No Telegram here.

Public API:

- `daily_vtr(table, end, days=30, by="category")` → ``{group: [(day, vtr | None), …]}``, one
  series per category (or marketplace, or carrier: `by`): for each of the
  `days` days up to `end` (oldest first), the VTR of the 30-day window ending on that day,
  exactly as `compute_report(table, as_of=day)` would give it (docs/vtr-rules.md §4: counted = not
  excluded, ship date inside the window; valid = no defect reason). `None` where the window
  holds no shipment. The whole-account series is under the key `OVERALL`.
- `history_start(end)` → the oldest ship date either of them needs, so callers load no more.

Computed from per-day counts with sliding sums (one group-by, then prefix sums), not by
re-running the report once per day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

import numpy as np
import polars as pl

from bot.domain.models import WINDOW_DAYS
from bot.domain.shipments import ShipmentTable

OVERALL = "__overall__"
"""Key of the all-categories series; no real category can be spelled like this."""
TREND_DAYS = 30
"""Days the chart shows by default: one point per day, each a full 30-day window."""

Series = list[tuple[date, float | None]]
TrendDimension = Literal["category", "marketplace", "carrier_id"]
"""The shipment column a trend is grouped by: one line per category, marketplace or carrier."""


def daily_vtr(
    table: ShipmentTable,
    end: date,
    days: int = TREND_DAYS,
    by: TrendDimension = "category",
    marketplace: str | None = None,
    shop: str | None = None,
) -> dict[str, Series]:
    """VTR of the 30-day window ending on each of the `days` days up to `end`, per group of
    the `by` column; of one marketplace's shipments alone when `marketplace` is given (a
    category judged on one marketplace, as Amazon judges it), and of one shop's alone when
    `shop` is given (a file of several shops: each is its own account).

    Every group with a counted shipment in any of those windows gets a series (so a group
    whose last shipments left the window shows `None` at the end); `OVERALL` is always
    present.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    first_day = end - timedelta(days=days - 1)
    since = history_start(end, days)
    span = days + WINDOW_DAYS - 1
    per_day = _per_day(table, since, end, by, marketplace, shop)
    shipments: dict[str, np.ndarray] = {}
    valid: dict[str, np.ndarray] = {}
    for group, ship_date, n, ok in per_day.iter_rows():
        if group not in shipments:
            shipments[group] = np.zeros(span, dtype=np.int64)
            valid[group] = np.zeros(span, dtype=np.int64)
        index = (ship_date - since).days
        shipments[group][index] += n
        valid[group][index] += ok
    shipments[OVERALL] = sum(shipments.values(), np.zeros(span, dtype=np.int64))
    valid[OVERALL] = sum(valid.values(), np.zeros(span, dtype=np.int64))
    days_list = [first_day + timedelta(days=i) for i in range(days)]
    return {
        name: _series(days_list, _window_sums(shipments[name]), _window_sums(valid[name]))
        for name in sorted(shipments, key=lambda n: (n != OVERALL, n))
    }


def _per_day(
    table: ShipmentTable,
    since: date,
    end: date,
    by: TrendDimension,
    marketplace: str | None,
    shop: str | None,
) -> pl.DataFrame:
    """Counted shipments and the valid among them per group and ship date."""
    counted = pl.col("excluded").is_null() & pl.col("ship_date").is_between(since, end)
    if marketplace is not None:
        counted &= pl.col("marketplace").cast(pl.String) == marketplace
    if shop is not None:
        counted &= pl.col("shop").cast(pl.String).fill_null("") == shop
    return (
        table.frame.filter(counted)
        .group_by(by, "ship_date")
        .agg(shipments=pl.len(), valid=pl.col("reason").is_null().sum())
    )


def history_start(end: date, days: int = TREND_DAYS) -> date:
    """First ship date that the report as of `end` or its `days`-day trend can count: the
    first day of the earliest window. Older shipments need not be loaded."""
    return end - timedelta(days=days - 1 + WINDOW_DAYS - 1)


def _window_sums(counts: np.ndarray) -> np.ndarray:
    """Sum of each run of WINDOW_DAYS consecutive days: prefix sums, one subtraction each."""
    prefix = np.concatenate(([0], np.cumsum(counts)))
    return prefix[WINDOW_DAYS:] - prefix[:-WINDOW_DAYS]


def _series(days: list[date], shipments: np.ndarray, valid: np.ndarray) -> Series:
    return [
        (day, int(ok) / int(n) if n else None)
        for day, n, ok in zip(days, shipments, valid, strict=True)
    ]
