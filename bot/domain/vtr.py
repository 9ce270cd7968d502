"""The VTR computation of domain.md §4: window, groups, defects, suggestions, projection."""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from bot.domain.models import (
    DEFECT_FIELDS,
    EXCLUSION_REASONS,
    THRESHOLD_PERCENT,
    WINDOW_DAYS,
    Defect,
    GroupStats,
    Suggestion,
    VtrReport,
    Warning,
    Window,
)
from bot.domain.projection import DayCount, falls_below_within, recovery_date
from bot.domain.reference import carrier_by_id
from bot.domain.shipments import Shipments

_KEY_COLUMNS = (
    "ship_date",
    "category",
    "carrier",
    "carrier_id",
    "marketplace",
    "reason",
    "unverified",
)
ACTIONS = {
    "missing_tracking": "add_tracking",
    "unknown_carrier": "pick_listed_carrier",
    "bad_format": "correct_number",
    "bad_check_digit": "correct_number",
}


def fixes_needed(shipments: int, valid: int) -> int:
    """Fewest invalid shipments to fix to reach the bar: max(0, ⌈0.95·n⌉ − valid), exactly."""
    required = -(-THRESHOLD_PERCENT * shipments // 100)
    return max(0, required - valid)


def group_stats(name: str, shipments: int, valid: int) -> GroupStats:
    return GroupStats(
        name=name,
        shipments=shipments,
        valid=valid,
        vtr=valid / shipments if shipments else None,
        below_threshold=bool(shipments) and 100 * valid < THRESHOLD_PERCENT * shipments,
        needed=fixes_needed(shipments, valid),
    )


def resolve_as_of(table: Shipments, as_of: date | None, today: date | None) -> tuple[date, str]:
    """The given date; else the latest ship date of a self-fulfilled shipment; else today."""
    if as_of is not None:
        return as_of, "given"
    latest_open: list[date] = []  # per part, of self-fulfilled shipments
    latest_any: list[date] = []
    for frame in table.parts():
        dates = frame.get_column("ship_date")
        latest_open += _newest(dates.filter(frame.get_column("excluded").is_null()))
        latest_any += _newest(dates)
        del frame, dates  # before the next part is read
    shipped = max(latest_open, default=None) or max(latest_any, default=None)
    if isinstance(shipped, date):
        return shipped, "latest_ship_date"
    return today or date.today(), "today"


def _newest(dates: pl.Series) -> list[date]:
    newest = dates.max()
    return [newest] if isinstance(newest, date) else []


@dataclass
class _PartCounts:
    """What one part of the shipments adds to a report."""

    counts: pl.DataFrame
    defects: list[Defect]
    excluded: pl.DataFrame
    outside: int


def compute_report(
    table: Shipments, as_of: date | None = None, today: date | None = None
) -> VtrReport:
    as_of, as_of_source = resolve_as_of(table, as_of, today)
    start = as_of - timedelta(days=WINDOW_DAYS - 1)
    parts = []
    for frame in table.parts():
        parts.append(_count_part(frame, start, as_of))
        del frame  # before the next part is read
    counted = _counts([p.counts for p in parts])
    unverified = counted.filter(pl.col("unverified").fill_null(False))
    by_category = _groups(counted, "category")
    _add_outlook(by_category, counted, as_of)
    return VtrReport(
        as_of=as_of,
        as_of_source=as_of_source,  # type: ignore[arg-type]
        window=Window(start=start, end=as_of),
        overall=group_stats("overall", _total(counted, "shipments"), _total(counted, "valid")),
        by_category=by_category,
        by_carrier=_groups(counted, "carrier_name"),
        by_marketplace=_groups(counted, "marketplace"),
        excluded=_exclusion_counts(parts),
        defects=list(heapq.merge(*(p.defects for p in parts), key=_defect_order)),
        warnings=[*table.warnings, *_unverified_warning(unverified)],
        suggestions=_suggestions(counted, by_category),
        unverified=_total(unverified, "shipments"),
        rows_read=table.rows_read,
        rows_skipped=table.rows_skipped,
    )


def _count_part(frame: pl.DataFrame, start: date, as_of: date) -> _PartCounts:
    """One part's counted shipments tallied by every key a report groups on (a few thousand
    rows however big the part, so no copy of the counted rows is made), its defects, and
    its exclusions."""
    open_ = frame.get_column("excluded").is_null()
    in_window = frame.get_column("ship_date").is_between(start, as_of)
    in_count = open_ & in_window
    counts = (
        frame.lazy()
        .select(_KEY_COLUMNS)
        .filter(in_count)
        .group_by(_KEY_COLUMNS)
        .agg(shipments=pl.len())
        .collect()
    )
    return _PartCounts(
        counts=counts,
        # Objects at once: a filtered frame would keep the whole part's text buffers alive.
        defects=_defects(frame.filter(in_count & frame.get_column("reason").is_not_null())),
        excluded=frame.get_column("excluded").drop_nulls().value_counts(),
        outside=int((open_ & ~in_window).sum()),
    )


def _counts(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """The parts' tallies summed, with the valid count and the carrier's display name."""
    return (
        pl.concat(parts)
        .group_by(_KEY_COLUMNS)
        .agg(pl.col("shipments").sum())
        .with_columns(
            valid=pl.when(pl.col("reason").is_null()).then("shipments").otherwise(0),
            carrier_name=_carrier_display(),
        )
    )


def _total(counts: pl.DataFrame, column: str) -> int:
    return int(counts.get_column(column).sum())


def _carrier_display() -> pl.Expr:
    names = {carrier_id: c.name for carrier_id, c in carrier_by_id().items()}
    return (
        pl.when(pl.col("carrier_id").is_not_null())
        .then(pl.col("carrier_id").replace_strict(names, default=None))
        .otherwise(pl.col("carrier"))
        .cast(pl.Categorical)
    )


def _groups(counted: pl.DataFrame, column: str) -> list[GroupStats]:
    """Worst first, so the report leads with what needs work."""
    totals = counted.group_by(column).agg(pl.col("shipments", "valid").sum())
    stats = [
        group_stats(row[column] or "", row["shipments"], row["valid"])
        for row in totals.iter_rows(named=True)
    ]
    return sorted(stats, key=lambda s: (s.vtr if s.vtr is not None else 1.0, -s.shipments, s.name))


def _daily_counts(counted: pl.DataFrame) -> dict[str, dict[date, DayCount]]:
    per_day = counted.group_by("category", "ship_date").agg(pl.col("shipments", "valid").sum())
    daily: dict[str, dict[date, DayCount]] = defaultdict(dict)
    for row in per_day.iter_rows(named=True):
        daily[row["category"]][row["ship_date"]] = DayCount(row["shipments"], row["valid"])
    return daily


def _add_outlook(categories: list[GroupStats], counted: pl.DataFrame, as_of: date) -> None:
    """Recovery date for categories below the bar; at-risk flag for the rest."""
    daily = _daily_counts(counted)
    for stats in categories:
        if stats.below_threshold:
            stats.recovery_date = recovery_date(daily[stats.name], as_of)
        else:
            stats.at_risk = falls_below_within(daily[stats.name], as_of) is not None


def _exclusion_counts(parts: list[_PartCounts]) -> dict[str, int]:
    counts = dict.fromkeys(EXCLUSION_REASONS, 0)
    counts["outside_window"] = sum(p.outside for p in parts)
    for part in parts:
        for reason, count in part.excluded.iter_rows():
            counts[reason] += count
    return counts


def _defect_order(defect: Defect) -> tuple[str, date | None, str]:
    """How defects are listed: by category, ship date, order (each part's list is sorted
    alike by polars, so the parts' lists merge)."""
    return defect.category, defect.ship_date, defect.order_id


def _defects(defective: pl.DataFrame) -> list[Defect]:
    rows = defective.select(DEFECT_FIELDS).sort(
        pl.col("category").cast(pl.String), "ship_date", "order_id"
    )
    # Row by row, sharing the few distinct texts: a list of dicts for every defect of a
    # big file, held beside the objects made from it, was one of the engine's peaks.
    shared: dict[str, str] = {}
    return [
        Defect(
            order_id=order_id,
            ship_date=ship_date,
            category=shared.setdefault(category, category),
            carrier=shared.setdefault(carrier, carrier),
            marketplace=shared.setdefault(marketplace, marketplace),
            tracking=tracking,
            reason=shared.setdefault(reason, reason),
        )
        for order_id, ship_date, category, carrier, marketplace, tracking, reason in rows.iter_rows()
    ]


def _unverified_warning(unverified: pl.DataFrame) -> list[Warning]:
    if unverified.is_empty():
        return []
    carriers = ", ".join(sorted(set(unverified.get_column("carrier_name").to_list())))
    return [Warning(code="unverified", count=_total(unverified, "shipments"), detail=carriers)]


def _suggestions(counted: pl.DataFrame, categories: list[GroupStats]) -> list[Suggestion]:
    """Defect groups (category × reason), ranked by how much of the category's VTR they win."""
    by_name = {s.name: s for s in categories}
    groups = (
        counted.filter(pl.col("reason").is_not_null())
        .group_by("category", "reason")
        .agg(count=pl.col("shipments").sum())
    )
    suggestions = []
    for row in groups.iter_rows(named=True):
        stats = by_name[row["category"]]
        fixed_valid = stats.valid + row["count"]
        suggestions.append(
            Suggestion(
                category=row["category"],
                reason=row["reason"],
                count=row["count"],
                vtr_gain=row["count"] / stats.shipments,
                reaches_threshold=stats.below_threshold
                and 100 * fixed_valid >= THRESHOLD_PERCENT * stats.shipments,
                action=ACTIONS[row["reason"]],  # type: ignore[arg-type]
            )
        )
    suggestions.sort(key=lambda s: (-s.vtr_gain, -s.count, s.category, s.reason or ""))
    if suggestions:
        total = sum(s.count for s in suggestions)
        suggestions.append(
            Suggestion(
                category="",
                reason=None,
                count=total,
                vtr_gain=0.0,
                reaches_threshold=False,
                action="use_buy_shipping",
            )
        )
    return suggestions
