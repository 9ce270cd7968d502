"""The vectorised projection against a plain day-by-day count with fractions."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.projection import AT_RISK_DAYS, RECENT_DAYS, outlooks

# A property test and 200,000 groups: the full tier as a whole, so the fast tier does not
# import hypothesis (tests/conftest.py); reports' outlooks stay in the engine's fast tests.
pytestmark = pytest.mark.slow

AS_OF = date(2026, 11, 20)
START = AS_OF - timedelta(days=29)


def _vtr_ahead(days: dict[int, tuple[int, int]], ahead: int, share: Fraction) -> Fraction:
    """VTR `ahead` days after AS_OF: the days still in the window, plus total/30 new
    shipments a day of which `share` are valid."""
    kept = [counts for day, counts in days.items() if day >= ahead]
    new = Fraction(sum(n for n, _ in days.values()), 30) * ahead
    shipments = sum(n for n, _ in kept) + new
    valid = sum(v for _, v in kept) + new * share
    return valid / shipments


def _reference(days: dict[int, tuple[int, int]]) -> tuple[date | None, bool]:
    shipments = sum(n for n, _ in days.values())
    valid = sum(v for _, v in days.values())
    if Fraction(valid, shipments) <= Fraction(95, 100):
        for ahead in range(1, 31):
            if _vtr_ahead(days, ahead, Fraction(1)) > Fraction(95, 100):
                return AS_OF + timedelta(days=ahead), False
        raise AssertionError("no recovery within 30 days")
    recent = [c for d, c in days.items() if d >= 30 - RECENT_DAYS]
    if sum(n for n, _ in recent):
        share = Fraction(sum(v for _, v in recent), sum(n for n, _ in recent))
    else:
        share = Fraction(valid, shipments)
    risk = any(
        _vtr_ahead(days, ahead, share) <= Fraction(95, 100) for ahead in range(1, AT_RISK_DAYS + 1)
    )
    return None, risk


day_counts = st.dictionaries(
    st.integers(0, 29),
    st.integers(1, 60).flatmap(lambda n: st.tuples(st.just(n), st.integers(0, n))),
    min_size=1,
    max_size=12,
)


@settings(max_examples=80, deadline=None)
@given(st.lists(day_counts, min_size=1, max_size=5))
def test_outlooks_match_a_day_by_day_count(groups: list[dict[int, tuple[int, int]]]) -> None:
    rows = [
        (f"g{index}", START + timedelta(days=day), n, v)
        for index, days in enumerate(groups)
        for day, (n, v) in days.items()
    ]
    counted = pl.DataFrame(
        rows, schema=["category", "ship_date", "shipments", "valid"], orient="row"
    )
    found = outlooks(counted, "category", AS_OF)
    for index, days in enumerate(groups):
        expected = _reference(days)
        if all(n == v for n, v in days.values()):
            assert f"g{index}" not in found  # nothing to project: above and staying there
            continue
        outlook = found[f"g{index}"]
        assert (outlook.recovery_date, outlook.at_risk) == expected


def test_many_groups_are_projected_at_once() -> None:
    """200,000 groups of 19 valid of 20 on the as-of date: all below (95.0%). A day later
    20/30 new valid shipments have come: 19.67/20.67 = 95.16%, above the bar."""
    n = 200_000
    counted = pl.DataFrame(
        {
            "category": [f"c{i}" for i in range(n)],
            "ship_date": [AS_OF] * n,
            "shipments": [20] * n,
            "valid": [19] * n,
        }
    )
    found = outlooks(counted, "category", AS_OF)
    assert len(found) == n
    assert {o.recovery_date for o in found.values()} == {AS_OF + timedelta(days=1)}
