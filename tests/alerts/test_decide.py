"""Each trigger of the daily alert, the quiet day and the digest; then the window rolling
forward day by day over one stored upload, with every number computed by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.domain.alerts import (
    DROP_THRESHOLD,
    STALE_DAYS,
    AlertSnapshot,
    AlertUnit,
    decide,
)
from bot.domain.models import GroupStats, VtrReport, Window
from bot.domain.projection import AT_RISK_DAYS
from bot.domain.trend import daily_vtr
from bot.domain.vtr import compute_report, group_stats
from tests.alerts.conftest import garden_store, rolling_store

TODAY = date(2026, 11, 30)
FRESH = TODAY - timedelta(days=1)


def report(*categories: GroupStats, as_of: date = TODAY) -> VtrReport:
    shipments = sum(c.shipments for c in categories)
    valid = sum(c.valid for c in categories)
    return VtrReport(
        as_of=as_of,
        window=Window(start=as_of - timedelta(days=29), end=as_of),
        overall=group_stats("overall", shipments, valid),
        by_category=list(categories),
        by_carrier=[],
        by_marketplace=[],
        excluded={},
        defects=[],
        warnings=[],
        suggestions=[],
    )


def cat(name: str, shipments: int, valid: int, at_risk: bool = False) -> GroupStats:
    stats = group_stats(name, shipments, valid)
    stats.at_risk = at_risk
    return stats


def snapshot(**vtr: float | None) -> AlertSnapshot:
    return AlertSnapshot(as_of=TODAY - timedelta(days=1), vtr=vtr)


def test_thresholds() -> None:
    assert DROP_THRESHOLD == 0.01
    assert STALE_DAYS == 3
    assert AT_RISK_DAYS == 7  # the projected-below trigger looks a week ahead


def test_quiet_when_all_is_well() -> None:
    well = report(cat("Toys", 100, 98), cat("Home", 40, 40))
    decision = decide(well, snapshot(Toys=0.985, Home=1.0), FRESH, TODAY, digest=False)
    assert not decision.send
    assert decision.triggers == []
    assert decision.categories == []
    # The first day (no previous alert) is quiet too when all is well.
    assert not decide(well, None, FRESH, TODAY).send


def test_digest_sends_the_quiet_day() -> None:
    decision = decide(report(cat("Toys", 100, 98)), None, FRESH, TODAY, digest=True)
    assert decision.send and decision.digest_only
    assert decision.triggers == []


def test_below() -> None:
    # Home 37/40 = 92.5%: needs ⌊0.95·40⌋ + 1 − 37 = 39 − 37 = 2 fixes.
    decision = decide(report(cat("Toys", 100, 98), cat("Home", 40, 37)), None, FRESH, TODAY)
    assert decision.send and not decision.digest_only
    assert decision.triggers == ["below"]
    assert decision.below == [AlertUnit("Home")]
    assert decision.categories == [AlertUnit("Home")]
    assert cat("Home", 40, 37).needed == 2
    # Amazon's bar is strictly above 95%: a category at exactly 95% (19/20) is below it.
    exactly = decide(report(cat("Toys", 20, 19)), None, FRESH, TODAY)
    assert exactly.triggers == ["below"]
    assert exactly.below == [AlertUnit("Toys")]
    assert decide(report(cat("Toys", 21, 20)), None, FRESH, TODAY).triggers == []


def test_projected_below() -> None:
    decision = decide(report(cat("Toys", 100, 97, at_risk=True)), None, FRESH, TODAY)
    assert decision.triggers == ["projected_below"]
    assert decision.projected_below == [AlertUnit("Toys")]
    assert decision.categories == [AlertUnit("Toys")]


def test_projected_below_from_real_shipments() -> None:
    """Garden, as of 11-30: 10 valid a day 11-01 … 11-07 (70), then one a day 11-24 … 11-30,
    two of those seven without tracking: 75/77 = 97.4%. The recent rate is 5/7 valid and the
    volume 77/30 a day; on 12-02 the 20 shipments of 11-01 and 11-02 have left:
    kept 57 (55 valid) + 2·77/30 new (5/7 of them valid) → 58.67/62.13 = 94.4% < 95%."""
    garden = compute_report(garden_store(), as_of=TODAY)
    assert (garden.by_category[0].shipments, garden.by_category[0].valid) == (77, 75)
    decision = decide(garden, None, TODAY, TODAY)
    assert decision.triggers == ["projected_below"]
    assert decision.categories == [AlertUnit("Garden")]


def test_dropped_by_one_point() -> None:
    # Toys 98/100 = 98% after 99% at the last alert: exactly one point (float 0.99 − 0.98).
    now = report(cat("Toys", 100, 98), cat("Home", 200, 199))
    decision = decide(now, snapshot(Toys=0.99, Home=1.0), FRESH, TODAY)
    assert decision.triggers == ["dropped"]
    assert [(c.category, c.previous, c.current) for c in decision.dropped] == [("Toys", 0.99, 0.98)]
    assert decision.categories == [AlertUnit("Toys")]  # Home fell half a point: not enough
    assert decision.previous_as_of == TODAY - timedelta(days=1)


def test_not_dropped() -> None:
    now = report(cat("Toys", 1000, 981))  # 98.1%
    assert decide(now, snapshot(Toys=0.99), FRESH, TODAY).triggers == []  # 0.9 points
    decision = decide(now, snapshot(Toys=0.95), FRESH, TODAY)  # rose 3.1 points
    assert decision.triggers == []
    assert [c.category for c in decision.changes] == ["Toys"]  # a rise is news, not an alert
    # A category new since the last alert, or without shipments then, cannot have dropped.
    assert decide(now, snapshot(Home=0.99), FRESH, TODAY).triggers == []
    assert decide(now, snapshot(Toys=None), FRESH, TODAY).triggers == []


@pytest.mark.parametrize(
    ("newest", "stale", "days_stale"),
    [
        (TODAY, False, None),
        (TODAY - timedelta(days=3), False, None),  # three days old: still fresh
        (TODAY - timedelta(days=4), True, 4),  # older than three days
        (None, True, None),  # nothing stored at all
    ],
)
def test_stale(newest: date | None, stale: bool, days_stale: int | None) -> None:
    decision = decide(report(cat("Toys", 100, 100)), None, newest, TODAY)
    assert decision.triggers == (["stale"] if stale else [])
    assert decision.send is stale
    assert decision.days_stale == days_stale
    assert decision.categories == []


def test_several_triggers_in_a_fixed_order() -> None:
    now = report(cat("Home", 40, 30), cat("Toys", 100, 97, at_risk=True))
    decision = decide(now, snapshot(Home=0.9, Toys=0.99), None, TODAY, digest=True)
    assert decision.triggers == ["below", "projected_below", "dropped", "stale"]
    assert decision.categories == [AlertUnit("Home"), AlertUnit("Toys")]
    assert not decision.digest_only
    assert decision.snapshot == AlertSnapshot(
        as_of=TODAY, vtr={"Home": 0.75, "Toys": 0.97}, overall=127 / 140
    )


def test_snapshot_round_trips_as_json() -> None:
    snap = AlertSnapshot(as_of=TODAY, vtr={"玩具": 0.9, "Empty": None}, overall=0.9)
    assert AlertSnapshot.model_validate_json(snap.model_dump_json()) == snap


def test_window_rolling_forward_on_stored_data() -> None:
    """rolling_store(): Toys without tracking on 11-02 and 11-03; one valid a day 11-10 … 11-30
    (21); uploaded on 11-30 and never again. Each day the window is as_of−29 … as_of."""
    store = rolling_store()
    newest = store.frame.get_column("ship_date").max()  # what Store.newest_ship_date gives
    assert newest == date(2026, 11, 30)
    expected = {
        # day: (shipments, valid, triggers of the daily run, with the previous alert sent)
        # 11-01 … 11-30: both defects inside, 21/23 = 91.3%, below; ⌈0.95·23⌉ − 21 = 1.
        date(2026, 11, 30): (23, 21, ["below"]),
        # 11-02 … 12-01: still both inside.
        date(2026, 12, 1): (23, 21, ["below"]),
        # 11-03 … 12-02: the 11-02 defect left, 21/22 = 95.45%: back over the bar; quiet.
        date(2026, 12, 2): (22, 21, []),
        # 11-04 … 12-03: the second defect left too, 21/21.
        date(2026, 12, 3): (21, 21, []),
        # 11-05 … 12-04: nothing new stored since 11-30, four days ago: ask for an upload.
        date(2026, 12, 4): (21, 21, ["stale"]),
        # 11-11 … 12-10: the 11-10 shipment left; nothing is invented: 20/20.
        date(2026, 12, 10): (20, 20, ["stale"]),
    }
    previous = None
    for today, (shipments, valid, triggers) in expected.items():
        now = compute_report(store, as_of=today)
        toys = now.by_category[0]
        assert (toys.name, toys.shipments, toys.valid) == ("Toys", shipments, valid), today
        assert toys.vtr == valid / shipments
        decision = decide(now, previous, newest, today)
        assert decision.triggers == triggers, today
        if decision.send:
            previous = decision.snapshot

    first = compute_report(store, as_of=date(2026, 11, 30)).by_category[0]
    assert first.below_threshold and first.needed == 1
    # Recovery with every new shipment valid at 23/30 a day: on 12-01 the window keeps
    # 23 (21 valid) + 23/30 new → 91.6%; on 12-02 it keeps 22 (21 valid) + 46/30 new →
    # 22.53/23.53 = 95.75%. And that is the day the stored data alone gets back over.
    assert first.recovery_date == date(2026, 12, 2)
    assert daily_vtr(store, end=date(2026, 12, 2), days=3)["Toys"] == [
        (date(2026, 11, 30), 21 / 23),
        (date(2026, 12, 1), 21 / 23),
        (date(2026, 12, 2), 21 / 22),
    ]
    # 12-01 … 12-30: nothing shipped in the window; the category is gone, and no alert
    # beyond asking for fresh data.
    empty = compute_report(store, as_of=date(2026, 12, 30))
    assert empty.by_category == [] and empty.overall.vtr is None
    assert decide(empty, previous, newest, date(2026, 12, 30)).triggers == ["stale"]
