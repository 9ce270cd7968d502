"""Where each group's VTR goes next, from its daily counts inside the window.

Old shipments leave the window 30 days after their ship date; new ones arrive at the
window's average daily volume (its shipments ÷ 30 a day). Two questions are answered:

- **recovery date** (groups below the bar): the first day the group is back strictly above
  95% if every new shipment is valid;
- **at risk** (groups above the bar): whether the group would fall to 95% or under within
  `AT_RISK_DAYS` days if new shipments keep the valid share of the last `RECENT_DAYS` days
  (the window's share when those days had no shipment).

Every group is worked on at once, as integer matrices (groups × days): a file with 330,000
categories costs a few numpy operations per day ahead, not a loop of fractions per
category. Counts are scaled to integers (× 30 for the daily volume, × the recent
shipments for the recent share), so the comparison with the bar stays exact (bar.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt
import polars as pl

from bot.domain.bar import THRESHOLD_PERCENT
from bot.domain.models import AT_RISK_DAYS, WINDOW_DAYS

__all__ = ["AT_RISK_DAYS", "Outlook", "outlooks"]
RECENT_DAYS = 7
"""The recent defect rate is the valid share of the last week's shipments."""
_EXACT_INT64 = 10**6
"""Above this many shipments in a group, scaled products could pass int64: Python ints."""

Matrix = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Outlook:
    """One group's future: `recovery_date` if it is below the bar, `at_risk` if not."""

    recovery_date: date | None = None
    at_risk: bool = False


def outlooks(counted: pl.DataFrame, key: str, as_of: date) -> dict[str, Outlook]:
    """Outlook of each group of `counted` (rows: key, ship_date, shipments, valid; ship
    dates inside the window ending `as_of`). Groups without a defect are left out: they
    are above the bar and stay there, since all they have is valid."""
    start = as_of - timedelta(days=WINDOW_DAYS - 1)
    per_day = (
        counted.group_by(key, "ship_date")
        .agg(pl.col("shipments", "valid").sum())
        .filter((pl.col("shipments") > pl.col("valid")).any().over(key))
    )
    if per_day.is_empty():
        return {}
    keys = per_day.get_column(key).cast(pl.String).fill_null("")
    names = keys.unique().sort()
    rows = (keys.rank("dense").cast(pl.Int64) - 1).to_numpy()  # position in `names`
    days = (per_day.get_column("ship_date") - start).dt.total_days().to_numpy()
    shipments = _matrix(len(names), rows, days, per_day.get_column("shipments"))
    valid = _matrix(len(names), rows, days, per_day.get_column("valid"))
    if shipments.sum(axis=1).max() > _EXACT_INT64:
        shipments, valid = shipments.astype(object), valid.astype(object)
    below = 100 * valid.sum(axis=1) <= THRESHOLD_PERCENT * shipments.sum(axis=1)
    recovery = _recovery_days(shipments, valid)
    at_risk = _at_risk(shipments, valid)
    return {
        name: Outlook(
            recovery_date=as_of + timedelta(days=int(recovery[i])) if below[i] else None,
            at_risk=not below[i] and bool(at_risk[i]),
        )
        for i, name in enumerate(names.to_list())
    }


def _matrix(
    groups: int, rows: npt.NDArray[np.int64], days: npt.NDArray[np.int64], counts: pl.Series
) -> Matrix:
    matrix = np.zeros((groups, WINDOW_DAYS), dtype=np.int64)
    np.add.at(matrix, (rows, days), counts.to_numpy().astype(np.int64))
    return matrix


def _kept(counts: Matrix, ahead: int) -> Matrix:
    """Each group's count still inside the window `ahead` days after the as-of date:
    the window then starts at column `ahead` of the current one."""
    return counts[:, ahead:].sum(axis=1)


def _recovery_days(shipments: Matrix, valid: Matrix) -> npt.NDArray[np.int64]:
    """Days after the as-of date until each group is strictly above the bar with every new
    shipment valid. By day 30 only new, valid shipments remain, so it always happens."""
    total = shipments.sum(axis=1)
    found = np.zeros(len(total), dtype=np.int64)
    for ahead in range(1, WINDOW_DAYS + 1):
        new = total * ahead  # × 30: the daily volume is total / 30
        scaled_shipments = WINDOW_DAYS * _kept(shipments, ahead) + new
        scaled_valid = WINDOW_DAYS * _kept(valid, ahead) + new
        above = 100 * scaled_valid > THRESHOLD_PERCENT * scaled_shipments
        found = np.where((found == 0) & above, ahead, found)
    return found


def _at_risk(shipments: Matrix, valid: Matrix) -> npt.NDArray[np.bool_]:
    """Would each group be at or under the bar on one of the next AT_RISK_DAYS days, with
    new shipments valid at the recent share?"""
    recent_shipments = shipments[:, -RECENT_DAYS:].sum(axis=1)
    recent_valid = valid[:, -RECENT_DAYS:].sum(axis=1)
    quiet = recent_shipments == 0
    share_of = np.where(quiet, shipments.sum(axis=1), recent_shipments)
    share_valid = np.where(quiet, valid.sum(axis=1), recent_valid)
    total = shipments.sum(axis=1)
    risk = np.zeros(len(total), dtype=np.bool_)
    for ahead in range(1, AT_RISK_DAYS + 1):
        # × 30 × share_of: daily volume total / 30, valid share share_valid / share_of.
        scaled_shipments = share_of * (WINDOW_DAYS * _kept(shipments, ahead) + total * ahead)
        scaled_valid = share_of * WINDOW_DAYS * _kept(valid, ahead) + share_valid * total * ahead
        risk |= np.asarray(100 * scaled_valid <= THRESHOLD_PERCENT * scaled_shipments, dtype=bool)
    return risk
