"""The fix plan: for every category and marketplace below the bar, the fewest shipments to
fix to get it strictly above 95%, and which ones (docs/vtr-rules.md §4.6).

Amazon enforces the bar on each category in each marketplace: a category that sells on
several marketplaces is planned on each of them (`CellStats`), each taking only its own
marketplace's defects; one that sells on one marketplace is planned as itself. A file
holding several shops is several accounts: every category and marketplace is planned within
its shop, on that shop's defects alone.

Which ones: the most recent editable defects first. Tracking added or changed after
delivery is itself a defect, so a parcel that is delivered (the file says so) or probably
delivered (past its fix-by estimate) can only wait to leave the window; the newest parcels
are the likeliest still in transit. Categories are planned first; a marketplace then
counts the fixes its categories' plans already hold and adds only what is still missing,
so one fix is never asked for twice.

"Uncategorized" is planned as a category only when it is the only one (a file without a
category column): beside real categories it holds shipments whose category is unknown (a
product Amazon's catalog has no category for), and fixing them saves no category Amazon
judges. Its defects still count in their marketplace's plan.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from bot.domain.models import (
    UNCATEGORIZED,
    Defect,
    GroupStats,
    PlannedGroup,
    PlanScope,
    unit_marketplace,
    unit_shop,
)

UnitKey = tuple[str, str | None, str | None]
"""A planned category: its name, its marketplace when it is a cell on one, and its shop
when the file holds several. A planned marketplace: its name, None, and its shop."""


def plan_fixes(
    defects: list[Defect],
    categories: Iterable[GroupStats],
    marketplaces: Iterable[GroupStats],
    as_of: date,
) -> tuple[list[PlannedGroup], list[Defect]]:
    """(the plan, the defects with `in_plan` set on the planned ones, same order).
    `categories`: the enforced units (`enforced_units`), pooled categories or cells."""
    below_categories = [s for s in _plannable(list(categories)) if s.below_threshold]
    below_markets = [s for s in marketplaces if s.below_threshold]
    wanted = {_category_key(s) for s in below_categories}
    wanted |= {_market_key(s) for s in below_markets}
    per_shop = any(shop is not None for _, (_, _, shop) in wanted)
    members: dict[tuple[PlanScope, UnitKey], list[int]] = defaultdict(list)
    for index, defect in enumerate(defects):  # only the groups below the bar are indexed
        for unit in _units_of(defect, per_shop):
            if unit in wanted:
                members[unit].append(index)
    picked: dict[int, Defect] = {}  # index in `defects` → the defect marked `in_plan`
    plan = [
        _plan_group("category", s, members[_category_key(s)], defects, picked, as_of)
        for s in below_categories
    ]
    plan += [
        _plan_group("marketplace", s, members[_market_key(s)], defects, picked, as_of)
        for s in below_markets
    ]
    marked = [picked.get(index, defect) for index, defect in enumerate(defects)]
    return plan, marked


def _category_key(stats: GroupStats) -> tuple[PlanScope, UnitKey]:
    return "category", (stats.name, unit_marketplace(stats), unit_shop(stats))


def _market_key(stats: GroupStats) -> tuple[PlanScope, UnitKey]:
    return "marketplace", (stats.name, None, unit_shop(stats))


def _units_of(defect: Defect, per_shop: bool) -> tuple[tuple[PlanScope, UnitKey], ...]:
    """Every unit a defect may belong to: a category is planned on each marketplace (a
    cell) or as a whole, never both; within the defect's shop when the plan is per shop
    (`per_shop`), else over every shop."""
    shop = defect.shop if per_shop else None
    return (
        ("category", (defect.category, defect.marketplace, shop)),
        ("category", (defect.category, None, shop)),
        ("marketplace", (defect.marketplace, None, shop)),
    )


def _plannable(categories: list[GroupStats]) -> list[GroupStats]:
    """The categories a plan may save: "Uncategorized" only when nothing else is."""
    named = [s for s in categories if s.name != UNCATEGORIZED]
    return named or categories


def _plan_group(
    scope: PlanScope,
    stats: GroupStats,
    members: list[int],
    defects: list[Defect],
    picked: dict[int, Defect],
    as_of: date,
) -> PlannedGroup:
    """Plan one group: fixes already planned for it count, then the newest editable."""
    editable = [i for i in members if defects[i].editable(as_of)]
    covered = sum(1 for i in editable if i in picked)
    newest_first = sorted(
        (i for i in editable if i not in picked),
        key=lambda i: (defects[i].ship_date or date.min, defects[i].order_id),
        reverse=True,
    )
    chosen = newest_first[: max(0, stats.needed - covered)]
    picked.update((i, dataclasses.replace(defects[i], in_plan=True)) for i in chosen)
    return PlannedGroup(
        scope=scope,
        name=stats.name,
        marketplace=unit_marketplace(stats) if scope == "category" else None,
        shop=unit_shop(stats),
        shipments=stats.shipments,
        valid=stats.valid,
        needed=stats.needed,
        editable=len(editable),
        fixes=[picked[i] for i in chosen],
        covered=covered,
        recovery_date=stats.recovery_date,
    )


def fix_order(defects: list[Defect], plan: list[PlannedGroup], as_of: date) -> list[Defect]:
    """The defects in the order to fix them: first the plan's fixes of the groups that
    fixing saves, then every other defect still editable, each part soonest fix-by first
    (one in transit is due now); last those delivered or past their fix-by, which can no
    longer be fixed, newest first. The order an answer lists "which orders first" in, so
    it never leads with a package Amazon no longer lets the seller edit."""
    saves = {(d.order_id, d.tracking) for g in plan if g.savable for d in g.fixes}

    def urgency(defect: Defect) -> tuple[int, int, str]:
        if not defect.editable(as_of):
            return 2, -(defect.ship_date or date.min).toordinal(), defect.order_id
        due = defect.fix_by if defect.fix_by and not defect.in_transit else as_of
        first = 0 if (defect.order_id, defect.tracking) in saves else 1
        return first, max(due, as_of).toordinal(), defect.order_id

    return sorted(defects, key=urgency)
