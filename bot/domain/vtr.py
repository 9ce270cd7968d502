"""The VTR computation (docs/vtr-rules.md §4): window, groups, defects,
suggestions, projection and the fix plan."""

from __future__ import annotations

import dataclasses
import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import TypedDict, TypeVar, cast

import polars as pl

from bot.domain.bar import fixes_needed, is_above, is_below
from bot.domain.categories import one_name_per_category
from bot.domain.exemptions import LETTER_COUNTED_UNCONVERTED, LETTER_WARNED
from bot.domain.fixplan import plan_fixes
from bot.domain.models import (
    DEFECT_REASONS,
    EXCLUSION_REASONS,
    Action,
    AsOfSource,
    CellStats,
    Defect,
    DefectReason,
    GroupStats,
    Suggestion,
    VtrReport,
    Warning,
    Window,
    enforced_units,
    window_start,
)
from bot.domain.projection import Outlook, outlooks
from bot.domain.reference import carrier_by_id, transit
from bot.domain.shipments import DELIVERY_COLUMNS, Shipments
from bot.domain.tracking import likely_carriers

KEY_COLUMNS = (
    "ship_date",
    "category",
    "carrier",
    "carrier_id",
    "marketplace",
    "reason",
    "unverified",
    "shop",
)
MAX_SUGGESTIONS = 100
"""Ranked defect groups kept in a report (the fix plan covers every group below the bar)."""
ACTIONS: dict[DefectReason, Action] = {
    "missing_tracking": "add_tracking",
    "unknown_carrier": "pick_listed_carrier",
    "bad_format": "correct_number",
    "bad_check_digit": "correct_number",
}


class _Verdict(TypedDict):
    vtr: float | None
    below_threshold: bool
    needed: int


def _verdict(shipments: int, valid: int) -> _Verdict:
    """A group's rate and its verdict against the bar: every group's and every cell's."""
    return {
        "vtr": valid / shipments if shipments else None,
        "below_threshold": is_below(valid, shipments),
        "needed": fixes_needed(shipments, valid),
    }


def group_stats(name: str, shipments: int, valid: int) -> GroupStats:
    return GroupStats(name=name, shipments=shipments, valid=valid, **_verdict(shipments, valid))


def resolve_as_of(
    table: Shipments, as_of: date | None, today: date | None
) -> tuple[date, AsOfSource]:
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
class PartCounts:
    """What one part of the shipments adds to a report: its counted shipments tallied by
    `KEY_COLUMNS` (`shipments`), its defects in the window, its exclusions by reason
    (`excluded`, `count`) and its open shipments outside the window."""

    counts: pl.DataFrame
    defects: list[Defect]
    excluded: pl.DataFrame
    outside: int
    letters_warned: int = 0
    """Counted shipments in the window whose letter Amazon may exempt (LETTER_WARNED)."""


def compute_report(
    table: Shipments, as_of: date | None = None, today: date | None = None
) -> VtrReport:
    as_of, as_of_source = resolve_as_of(table, as_of, today)
    start = window_start(as_of)
    parts = []
    for frame in table.parts():
        parts.append(_count_part(frame, start, as_of))
        del frame  # before the next part is read
    return report_of_parts(
        parts, as_of, as_of_source, table.warnings, table.rows_read, table.rows_skipped
    )


def report_of_parts(
    parts: list[PartCounts],
    as_of: date,
    as_of_source: AsOfSource,
    warnings: list[Warning],
    rows_read: int,
    rows_skipped: int,
) -> VtrReport:
    """The report of the parts' tallies, however they were made: from whole shipment
    tables (`compute_report`) or batch by batch (tallies.py)."""
    start = window_start(as_of)
    counted = _counts([p.counts for p in parts])
    renamed = one_name_per_category(counted.get_column("category").cast(pl.String).unique())
    if renamed:
        counted = _counts([_renamed(counted, renamed)])
    unverified = counted.filter(pl.col("unverified").fill_null(False))
    by_category = _groups(counted, "category", as_of)
    by_marketplace = _groups(counted, "marketplace", as_of)
    by_shop = _groups(counted, "shop", as_of) if _names_a_shop(counted) else []
    cells = _cells(counted, by_category, by_marketplace, False, as_of)
    shop_cells = (
        _cells(counted, by_category, by_marketplace, True, as_of) if len(by_shop) > 1 else []
    )
    defects = list(heapq.merge(*(p.defects for p in parts), key=_defect_order))
    if renamed:
        defects = sorted(_defects_renamed(defects, renamed), key=_defect_order)
    excluded = _exclusion_counts(parts)
    letters = _letters_warning(sum(p.letters_warned for p in parts))
    del parts  # the parts' defect lists, before the plan copies them
    units = enforced_units(by_category, by_marketplace, cells, shop_cells)
    markets = _shop_markets(counted, as_of) if len(by_shop) > 1 else by_marketplace
    plan, defects = plan_fixes(defects, units, markets, as_of)
    return VtrReport(
        as_of=as_of,
        as_of_source=as_of_source,
        window=Window(start=start, end=as_of),
        overall=group_stats("overall", _total(counted, "shipments"), _total(counted, "valid")),
        by_category=by_category,
        by_carrier=_groups(counted, "carrier_name"),
        carrier_reasons=_carrier_reasons(counted),
        by_marketplace=by_marketplace,
        by_category_marketplace=cells,
        by_shop=by_shop,
        by_shop_category_marketplace=shop_cells,
        excluded=excluded,
        defects=defects,
        warnings=[
            *warnings,
            *_carrier_not_found_warning(counted),
            *letters,
            *_unverified_warning(unverified),
        ],
        suggestions=_suggestions(counted),
        plan=plan,
        unverified=_total(unverified, "shipments"),
        rows_read=rows_read,
        rows_skipped=rows_skipped,
    )


def _count_part(frame: pl.DataFrame, start: date, as_of: date) -> PartCounts:
    """One part's counted shipments tallied by every key a report groups on (a few thousand
    rows however big the part, so no copy of the counted rows is made), its defects, and
    its exclusions."""
    open_ = frame.get_column("excluded").is_null()
    in_window = frame.get_column("ship_date").is_between(start, as_of)
    in_count = open_ & in_window
    counts = (
        frame.lazy()
        .select(KEY_COLUMNS)
        .filter(in_count)
        .group_by(KEY_COLUMNS)
        .agg(shipments=pl.len())
        .collect()
    )
    return PartCounts(
        counts=counts,
        # Objects at once: a filtered frame would keep the whole part's text buffers alive.
        defects=defects_of(
            frame.filter(in_count & frame.get_column("reason").is_not_null()), as_of
        ),
        excluded=frame.get_column("excluded").drop_nulls().value_counts(),
        outside=int((open_ & ~in_window).sum()),
        letters_warned=int((in_count & frame.get_column(LETTER_WARNED)).sum())
        if LETTER_WARNED in frame.columns
        else 0,
    )


def _counts(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """The parts' tallies summed, with the valid count and the carrier's display name."""
    return (
        pl.concat(parts)
        .group_by(KEY_COLUMNS)
        .agg(pl.col("shipments").sum())
        .with_columns(
            valid=pl.when(pl.col("reason").is_null()).then("shipments").otherwise(0),
            carrier_name=_carrier_display(),
        )
    )


def _renamed(counted: pl.DataFrame, renamed: dict[str, str]) -> pl.DataFrame:
    """The tallies with each category name in `renamed` written as its other name."""
    category = pl.col("category").cast(pl.String).replace(renamed)
    return counted.select(*KEY_COLUMNS, "shipments").with_columns(
        category.cast(counted.schema["category"])
    )


def _defects_renamed(defects: list[Defect], renamed: dict[str, str]) -> list[Defect]:
    return [
        dataclasses.replace(d, category=renamed[d.category]) if d.category in renamed else d
        for d in defects
    ]


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


def _groups(counted: pl.DataFrame, column: str, as_of: date | None = None) -> list[GroupStats]:
    """Worst first, so the report leads with what needs work. Given `as_of`, groups below
    the bar get their recovery date and the others their at-risk flag (projection.py)."""
    totals = _totals(counted, [column])
    stats = [group_stats(*row) for row in totals.iter_rows()]
    if as_of is not None:
        _add_outlooks(stats, outlooks(counted.rename({column: "group"}), "group", as_of))
    return stats


def _names_a_shop(counted: pl.DataFrame) -> bool:
    """Whether any counted shipment has a shop named (the file has a shop column)."""
    return bool((counted.get_column("shop").cast(pl.String).fill_null("") != "").any())


def _cells(
    counted: pl.DataFrame,
    by_category: list[GroupStats],
    by_marketplace: list[GroupStats],
    per_shop: bool,
    as_of: date,
) -> list[CellStats]:
    """Each category in each marketplace (within each shop, `per_shop`: several shops are
    several accounts), worst first, with its outlook: the same counts, bar and projection
    as every other group. With one marketplace (or none) and one shop the cells are the
    categories, copied rather than counted again (a file can hold 330,000 of them)."""
    several_markets = len(by_marketplace) > 1
    if not several_markets and not per_shop:
        market = by_marketplace[0].name if by_marketplace else ""
        return [_as_cell(stats, market) for stats in by_category]
    columns = ["category", *(["marketplace"] if several_markets else []), *(["shop"] * per_shop)]
    totals = _totals(counted, columns).select(
        "category",
        "marketplace" if several_markets else pl.lit("").alias("marketplace"),
        "shop" if per_shop else pl.lit(None, pl.String).alias("shop"),
        "shipments",
        "valid",
    )
    cells = [
        CellStats(
            name=category,
            marketplace=market,
            shop=shop,
            shipments=shipments,
            valid=valid,
            **_verdict(shipments, valid),
        )
        for category, market, shop, shipments, valid in totals.iter_rows()
    ]
    keyed = counted.with_columns(cell=_cell_key(*columns))

    def key_of(cell: CellStats) -> str:
        market = [cell.marketplace] if several_markets else []
        return _CELL_SEPARATOR.join([cell.name, *market, *([cell.shop or ""] * per_shop)])

    _add_outlooks(cells, outlooks(keyed, "cell", as_of), key_of)
    return cells


def _shop_markets(counted: pl.DataFrame, as_of: date) -> list[CellStats]:
    """Each marketplace within each shop, worst first, with its outlook: what the plan
    saves when a file holds several shops (each its own account). `name` and
    `marketplace` are both the marketplace."""
    totals = _totals(counted, ["marketplace", "shop"])
    markets = [
        CellStats(
            name=market,
            marketplace=market,
            shop=shop,
            shipments=shipments,
            valid=valid,
            **_verdict(shipments, valid),
        )
        for market, shop, shipments, valid in totals.iter_rows()
    ]
    keyed = counted.with_columns(cell=_cell_key("marketplace", "shop"))
    _add_outlooks(markets, outlooks(keyed, "cell", as_of), _market_key_of)
    return markets


def _as_cell(stats: GroupStats, marketplace: str) -> CellStats:
    """A category as the one cell of its one marketplace: every field of the group kept."""
    return CellStats(
        marketplace=marketplace, **{f.name: getattr(stats, f.name) for f in fields(stats)}
    )


G = TypeVar("G", bound=GroupStats)


def _name(group: GroupStats) -> str:
    return group.name


_CELL_SEPARATOR = "\x1f"
"""Joins a cell's category and marketplace into the one key the projection groups on; a
unit separator, which no category name holds. Never shown, never stored."""


def _cell_key(*parts: pl.Expr | str) -> pl.Expr:
    texts = [pl.col(p) if isinstance(p, str) else p for p in parts]
    return pl.concat_str(
        [text.cast(pl.String).fill_null("") for text in texts], separator=_CELL_SEPARATOR
    )


def _market_key_of(market: CellStats) -> str:
    """`_cell_key`'s text for a marketplace within a shop (`_shop_markets`)."""
    return f"{market.marketplace}{_CELL_SEPARATOR}{market.shop or ''}"


def _totals(counted: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """Shipments and valid per group of `columns`, worst VTR first (then the biggest, then
    by name, so the order never varies from run to run)."""
    return (
        counted.group_by(columns)
        .agg(pl.col("shipments", "valid").sum())
        .select(
            *(pl.col(c).cast(pl.String).fill_null("") for c in columns),
            "shipments",
            "valid",
            vtr=pl.col("valid") / pl.col("shipments"),
        )
        .sort(["vtr", "shipments", *columns], descending=[False, True, *[False] * len(columns)])
        .drop("vtr")
    )


def _add_outlooks(
    stats: Sequence[G], by_key: dict[str, Outlook], key: Callable[[G], str] = _name
) -> None:
    """Each group's recovery date and at-risk flag, found by `key` (a group's name, or a
    cell's category and marketplace)."""
    for group in stats:
        if (outlook := by_key.get(key(group))) is not None:
            group.recovery_date, group.at_risk = outlook.recovery_date, outlook.at_risk


def _carrier_reasons(counted: pl.DataFrame) -> dict[str, DefectReason]:
    """Each carrier with a defect: the reason most of its defects share (ties: the first
    reason in the order they are tested)."""
    order = {reason: rank for rank, reason in enumerate(DEFECT_REASONS)}
    per_reason = (
        counted.filter(pl.col("reason").is_not_null())
        .group_by("carrier_name", "reason")
        .agg(pl.col("shipments").sum())
        .select(pl.col("carrier_name", "reason").cast(pl.String).fill_null(""), "shipments")
    )
    main: dict[str, tuple[int, int, DefectReason]] = {}
    for carrier, reason_text, count in per_reason.iter_rows():
        reason = DEFECT_REASONS[order[reason_text]]
        candidate = (-count, order[reason], reason)
        main[carrier] = min(main.get(carrier, candidate), candidate)
    # By name: polars' group order varies from run to run, and the stored report should not.
    return {carrier: main[carrier][2] for carrier in sorted(main)}


def _exclusion_counts(parts: list[PartCounts]) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(EXCLUSION_REASONS, 0)
    counts["outside_window"] = sum(p.outside for p in parts)
    for part in parts:
        for reason, count in part.excluded.iter_rows():
            counts[reason] += count
    return counts


def _defect_order(defect: Defect) -> tuple[str, date | None, str]:
    """How defects are listed: by category, ship date, order (each part's list is sorted
    alike by polars, so the parts' lists merge)."""
    return defect.category, defect.ship_date, defect.order_id


_DEFECT_COLUMNS = (
    "order_id",
    "ship_date",
    "category",
    "carrier",
    "marketplace",
    "tracking",
    "shop",
)


def defects_of(defective: pl.DataFrame, as_of: date) -> list[Defect]:
    """The defects of `defective` (rows of shipments, each counted and with a reason),
    listed as `_defect_order` says."""
    rows = defective.select(
        *_DEFECT_COLUMNS,
        pl.col("reason").cast(pl.String),
        looks_like=_looks_like(defective),
        fix_by=_fix_by(),
        **_delivery(defective, as_of),
    ).sort(pl.col("category").cast(pl.String), "ship_date", "order_id")
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
            shop=shared.setdefault(shop, shop),
            reason=cast("DefectReason", shared.setdefault(reason, reason)),
            looks_like=looks_like,
            fix_by=fix_by,
            delivered=delivered_on or (True if delivered else None),
            in_transit=in_transit,
        )
        for (
            order_id,
            ship_date,
            category,
            carrier,
            marketplace,
            tracking,
            shop,
            reason,
            looks_like,
            fix_by,
            delivered,
            delivered_on,
            in_transit,
        ) in rows.iter_rows()
    ]


def _looks_like(defective: pl.DataFrame) -> pl.Series:
    """Display name of the one other carrier each defective number fits, if any."""
    names = {carrier_id: c.name for carrier_id, c in carrier_by_id().items()}
    ids = likely_carriers(defective.get_column("carrier_id"), defective.get_column("tracking"))
    return ids.replace_strict(names, default=None, return_dtype=pl.String)


CHINESE_NAME = r"[\u3400-\u9fff]"
"""A carrier written in Chinese that we do not know (安骏物流) is a China-origin forwarder."""


def _fix_by() -> pl.Expr:
    """Ship date + the typical transit days of the carrier's route (transit.yaml); an
    unknown carrier with a Chinese name takes the route from China (docs/vtr-rules.md §4.6)."""
    table = transit()
    days = {c.id: table.days(c.route) for c in carrier_by_id().values()}
    unknown = (
        pl.when(pl.col("carrier").cast(pl.String).str.contains(CHINESE_NAME))
        .then(table.days("from_china"))
        .otherwise(table.days(None))
    )
    transit_days = (
        pl.col("carrier_id")
        .cast(pl.String)
        .replace_strict(days, default=None, return_dtype=pl.Int64)
        .fill_null(unknown)
    )
    return pl.col("ship_date") + pl.duration(days=transit_days)


def _delivery(defective: pl.DataFrame, as_of: date) -> dict[str, pl.Expr]:
    """The best evidence of delivery on the as-of date (docs/vtr-rules.md §4.6):
    `delivered` (the file's status or a delivery date on or before it), `delivered_on`
    (that date), `in_transit` (the status says so, or the delivery came later)."""
    state_column, day_column = DELIVERY_COLUMNS
    state = pl.col(state_column) if state_column in defective.columns else pl.lit(None, pl.String)
    day = pl.col(day_column) if day_column in defective.columns else pl.lit(None, pl.Date)
    on_time = pl.when(day <= as_of).then(day)
    delivered = (on_time.is_not_null() | ((state == "delivered") & day.is_null())).fill_null(False)
    return {
        "delivered": delivered,
        "delivered_on": on_time,
        "in_transit": (~delivered & ((state == "in_transit") | (day > as_of))).fill_null(False),
    }


CARRIER_NOT_FOUND = "carrier_not_found"
UNKNOWN_CARRIER_SHARE = 0.9
"""The share of the counted packages with a tracking number whose carrier no alias names,
from which the report says the carrier column was not found (docs/decisions/019): a
misread column leaves (nearly) every such package unknown, a seller's odd local courier a
few."""
UNKNOWN_CARRIER_FLOOR = 3
"""Fewer packages than this with an unknown carrier are defects, not a misread file."""
CARRIER_EXAMPLES = 3


def _carrier_not_found_warning(counted: pl.DataFrame) -> list[Warning]:
    """(Nearly) every counted package with an unknown carrier: the carrier was read from a
    column that names none ('Standard', 'Letter'), and a 0% VTR would be the reading's, not
    the seller's. The warning names the values read, the most packages first."""
    reason = pl.col("reason").cast(pl.String)
    unknown = counted.filter(reason == "unknown_carrier")
    tracked = counted.filter((reason != "missing_tracking") | reason.is_null())
    count, total = _total(unknown, "shipments"), _total(tracked, "shipments")
    if count < UNKNOWN_CARRIER_FLOOR or count < UNKNOWN_CARRIER_SHARE * total:
        return []
    names = (
        unknown.group_by(pl.col("carrier_name").cast(pl.String))
        .agg(pl.col("shipments").sum())
        .sort(["shipments", "carrier_name"], descending=[True, False])
        .get_column("carrier_name")
    )
    read = [name or "—" for name in names.head(CARRIER_EXAMPLES).to_list()]
    return [Warning(code=CARRIER_NOT_FOUND, count=count, detail=", ".join(read))]


def _unverified_warning(unverified: pl.DataFrame) -> list[Warning]:
    if unverified.is_empty():
        return []
    carriers = ", ".join(sorted(set(unverified.get_column("carrier_name").to_list())))
    return [Warning(code="unverified", count=_total(unverified, "shipments"), detail=carriers)]


def _suggestions(counted: pl.DataFrame) -> list[Suggestion]:
    """Defect groups (category × reason), ranked by how much of the category's VTR they
    win; the first MAX_SUGGESTIONS of them, then the advice for every category."""
    groups = _ranked_defect_groups(counted)
    suggestions = [
        Suggestion(
            category=category,
            reason=reason,
            count=count,
            vtr_gain=gain,
            reaches_threshold=is_below(valid, shipments) and is_above(valid + count, shipments),
            action=ACTIONS[reason],
        )
        for category, reason, count, shipments, valid, gain in groups.head(
            MAX_SUGGESTIONS
        ).iter_rows()
    ]
    if not suggestions:
        return []
    buy_shipping = Suggestion(
        category="",
        reason=None,
        count=int(groups.get_column("count").sum()),
        vtr_gain=0.0,
        reaches_threshold=False,
        action="use_buy_shipping",
    )
    return [*suggestions, buy_shipping]


def _ranked_defect_groups(counted: pl.DataFrame) -> pl.DataFrame:
    """One row per (category, reason) with its count, the category's totals and the share
    of the category it would win back, the biggest win first."""
    totals = counted.group_by("category").agg(pl.col("shipments", "valid").sum())
    return (
        counted.filter(pl.col("reason").is_not_null())
        .group_by("category", "reason")
        .agg(count=pl.col("shipments").sum())
        .join(totals, on="category")
        .select(
            pl.col("category", "reason").cast(pl.String),
            "count",
            "shipments",
            "valid",
            vtr_gain=pl.col("count") / pl.col("shipments"),
        )
        .sort(["vtr_gain", "count", "category", "reason"], descending=[True, True, False, False])
    )


def _letters_warning(count: int) -> list[Warning]:
    """Counted letters Amazon may exempt (`exemptions.letter_counted_unconverted`)."""
    if not count:
        return []
    return [Warning(code=LETTER_COUNTED_UNCONVERTED, count=count)]
