"""Daily VTR series: hand-made stores, numbers computed by hand in the comments."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.trend import OVERALL, daily_vtr
from bot.domain.vtr import compute_report
from tests.alerts.conftest import rolling_store, shipment, table


def two_categories():
    """Toys: 10 shipped 11-01 (2 without tracking); 10 valid shipped 11-10.
    Home: 4 shipped 11-20, 1 with an unknown carrier. FBA on 11-15 never counts."""
    return table(
        [
            *(shipment(f"T1-{i}", date(2026, 11, 1)) for i in range(8)),
            *(shipment(f"T1-bad-{i}", date(2026, 11, 1), tracking="") for i in range(2)),
            *(shipment(f"T2-{i}", date(2026, 11, 10)) for i in range(10)),
            *(shipment(f"H-{i}", date(2026, 11, 20), category="Home") for i in range(3)),
            shipment("H-bad", date(2026, 11, 20), category="Home", carrier="Pigeon Post"),
            shipment("FBA", date(2026, 11, 15), tracking="", excluded="fba"),
        ]
    )


def test_defects_leave_the_window_on_the_exact_day() -> None:
    series = daily_vtr(two_categories(), end=date(2026, 12, 10), days=41)  # 10-31 … 12-10
    toys = dict(series["Toys"])
    # A window ending on day d holds ship dates d−29 … d.
    assert toys[date(2026, 10, 31)] is None  # nothing shipped yet
    assert toys[date(2026, 11, 1)] == 8 / 10
    assert toys[date(2026, 11, 9)] == 8 / 10
    assert toys[date(2026, 11, 10)] == 18 / 20  # the valid ten arrive
    assert toys[date(2026, 11, 30)] == 18 / 20  # 11-01 still inside (11-01 … 11-30)
    assert toys[date(2026, 12, 1)] == 10 / 10  # 11-01 and its two defects leave today
    assert toys[date(2026, 12, 9)] == 10 / 10
    assert toys[date(2026, 12, 10)] is None  # 11-10 has left too

    home = dict(series["Home"])
    assert home[date(2026, 11, 19)] is None
    assert home[date(2026, 11, 20)] == 3 / 4
    assert home[date(2026, 12, 10)] == 3 / 4  # 11-20 stays until 12-19

    overall = dict(series[OVERALL])
    assert overall[date(2026, 11, 9)] == 8 / 10
    assert overall[date(2026, 11, 15)] == 18 / 20  # the FBA shipment is not counted
    assert overall[date(2026, 11, 20)] == 21 / 24
    assert overall[date(2026, 12, 1)] == 13 / 14
    assert overall[date(2026, 12, 10)] == 3 / 4


def test_shape_order_and_keys() -> None:
    series = daily_vtr(two_categories(), end=date(2026, 12, 10))
    assert list(series) == [OVERALL, "Home", "Toys"]
    for points in series.values():
        assert points[0][0] == date(2026, 11, 11)
        assert points[-1][0] == date(2026, 12, 10)
        assert len(points) == 30
    empty = daily_vtr(table([]), end=date(2026, 12, 10), days=3)
    assert empty == {OVERALL: [(date(2026, 12, d), None) for d in (8, 9, 10)]}
    with pytest.raises(ValueError, match="days"):
        daily_vtr(two_categories(), end=date(2026, 12, 10), days=0)


@pytest.mark.slow  # a report for each of 45 days
@pytest.mark.parametrize("store", [two_categories, rolling_store])
def test_same_numbers_as_the_report_every_day(store) -> None:
    shipments = store()
    series = daily_vtr(shipments, end=date(2026, 12, 12), days=45)
    for index, (day, overall) in enumerate(series[OVERALL]):
        report = compute_report(shipments, as_of=day)
        assert overall == report.overall.vtr
        for stats in report.by_category:
            assert series[stats.name][index] == (day, stats.vtr)
