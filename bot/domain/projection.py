"""Where a category's VTR goes next, from its daily counts inside the window.

Old shipments leave the window 30 days after their ship date; new ones arrive at the
window's average daily volume. Fractions keep the 95% comparison exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from bot.domain.models import THRESHOLD_PERCENT, WINDOW_DAYS

AT_RISK_DAYS = 7
"""A category is at risk when it would fall below the bar within a week at its recent rate."""
RECENT_DAYS = 7


@dataclass(frozen=True)
class DayCount:
    shipments: int
    valid: int


def _meets_bar(valid: Fraction, shipments: Fraction) -> bool:
    return 100 * valid >= THRESHOLD_PERCENT * shipments


def project(
    daily: dict[date, DayCount],
    as_of: date,
    days: int,
    daily_volume: Fraction,
    valid_fraction: Fraction,
) -> list[tuple[date, Fraction, Fraction]]:
    """(day, valid, shipments) for each of the next `days` days after `as_of`."""
    out = []
    for ahead in range(1, days + 1):
        day = as_of + timedelta(days=ahead)
        first_kept = day - timedelta(days=WINDOW_DAYS - 1)
        kept = [count for d, count in daily.items() if d >= first_kept]
        new = daily_volume * ahead
        shipments = sum((c.shipments for c in kept), Fraction(0)) + new
        valid = sum((c.valid for c in kept), Fraction(0)) + new * valid_fraction
        out.append((day, valid, shipments))
    return out


def window_volume(daily: dict[date, DayCount]) -> Fraction:
    return Fraction(sum(c.shipments for c in daily.values()), WINDOW_DAYS)


def recovery_date(daily: dict[date, DayCount], as_of: date) -> date | None:
    """First day back at ≥95% if every new shipment is valid (None: no volume to recover)."""
    volume = window_volume(daily)
    for day, valid, shipments in project(daily, as_of, WINDOW_DAYS, volume, Fraction(1)):
        if shipments > 0 and _meets_bar(valid, shipments):
            return day
    return None


def recent_valid_fraction(daily: dict[date, DayCount], as_of: date) -> Fraction:
    """Valid share of the last week's shipments; the window's when the week had none."""
    since = as_of - timedelta(days=RECENT_DAYS - 1)
    recent = [c for d, c in daily.items() if d >= since] or list(daily.values())
    shipments = sum(c.shipments for c in recent)
    return Fraction(sum(c.valid for c in recent), shipments) if shipments else Fraction(1)


def falls_below_within(
    daily: dict[date, DayCount], as_of: date, days: int = AT_RISK_DAYS
) -> date | None:
    """First day in the next `days` the VTR would be under the bar at the recent defect rate."""
    volume = window_volume(daily)
    rate = recent_valid_fraction(daily, as_of)
    for day, valid, shipments in project(daily, as_of, days, volume, rate):
        if shipments > 0 and not _meets_bar(valid, shipments):
            return day
    return None
