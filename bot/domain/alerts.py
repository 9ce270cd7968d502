"""Whether today's VTR deserves a message: the daily-alert rules. No Telegram here.

Public API:

- `AlertSnapshot` — what we remember of the last alert sent to a chat (its as-of date and each
  category's VTR). `AlertSnapshot.from_report(report)`; store it as JSON
  (`model_dump_json()` / `model_validate_json()`).
- `decide(report, previous, newest_data, today, digest)` → `AlertDecision`. `report` is
  `compute_report(table, as_of=today)` with today in the chat's time zone; `previous` the
  snapshot of the last alert sent (None before the first); `newest_data` the newest ship
  date stored, excluded shipments too (`Store.newest_ship_date`); `digest` whether the chat
  asked for a daily message even when all is well.
- After sending, remember `decision.snapshot` as the chat's new `previous`. When
  `decision.send` is False, keep the old snapshot: drops are measured against what the
  seller was last told, so a slow slide of 0.5 points a day is still reported.

An alert is sent when any trigger fires:

Categories are judged as Amazon judges them: a category that sells on several marketplaces
on each of them (`VtrReport.enforced_units`), so Toys at 19 of 20 on Amazon.de fires
``below`` even when Toys pooled over its marketplaces is above the bar. A unit is an
`AlertUnit`.

- ``below``: a category's VTR is under 95%;
- ``projected_below``: a category at or above 95% would fall under it within
  `AT_RISK_DAYS` days at its recent defect rate (`GroupStats.at_risk`);
- ``dropped``: a category's VTR is `DROP_THRESHOLD` (one point) or more below the previous
  alert's;
- ``stale``: the newest stored ship date is more than `STALE_DAYS` days before today, or
  there is no data at all (ask for a fresh upload).

Otherwise the chat hears nothing, unless it chose the daily digest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal, NamedTuple

from pydantic import BaseModel, Field

from bot.domain.models import GroupStats, VtrReport, unit_marketplace, unit_shop

# --- the thresholds, all in one place ---------------------------------------------------
DROP_THRESHOLD = 0.01
"""A fall of one percentage point (VTR is a fraction) or more since the last alert."""
STALE_DAYS = 3
"""Data whose newest ship date is more than this many days before today is stale."""
_EPSILON = 1e-9
"""VTRs are float quotients: 0.96 − 0.95 must count as a one-point drop."""

Trigger = Literal["below", "projected_below", "dropped", "stale"]
TRIGGERS: tuple[Trigger, ...] = ("below", "projected_below", "dropped", "stale")


class AlertUnit(NamedTuple):
    """A category an alert is about, with its marketplace when it sells on several and is
    judged on each (None: the category as a whole, on its one marketplace or none)."""

    category: str
    marketplace: str | None = None
    shop: str | None = None
    """Its shop, when the report holds several (each its own account)."""

    @classmethod
    def of(cls, stats: GroupStats) -> AlertUnit:
        return cls(stats.name, unit_marketplace(stats), unit_shop(stats))


@dataclass(frozen=True, slots=True)
class Subscription:
    """A chat's daily alert: local time of day, its time zone, and whether it wants a
    message even when all is well."""

    chat_id: int
    at: time
    timezone: str
    digest: bool = False


@dataclass(frozen=True, slots=True)
class AlertRecord:
    """One alert sent: when, for which as-of date, why, and what it said (JSON)."""

    chat_id: int
    sent_at: datetime
    as_of: date
    triggers: tuple[str, ...]
    snapshot_json: str


class AlertSnapshot(BaseModel):
    """What the last alert sent to a chat said: its date and each category's VTR."""

    as_of: date
    vtr: dict[str, float | None] = Field(description="category → VTR (None: no shipments)")
    overall: float | None = None
    cells: dict[str, dict[str, float | None]] = Field(
        default_factory=dict,
        description="marketplace → category → VTR, when a category sells on several",
    )
    shops: dict[str, dict[str, dict[str, float | None]]] = Field(
        default_factory=dict,
        description="shop → marketplace ('' for a file of one) → category → VTR, when the "
        "report holds several shops",
    )

    @classmethod
    def from_report(cls, report: VtrReport) -> AlertSnapshot:
        cells: dict[str, dict[str, float | None]] = {}
        shops: dict[str, dict[str, dict[str, float | None]]] = {}
        for cell in report.by_shop_category_marketplace:
            shops.setdefault(cell.shop or "", {}).setdefault(cell.marketplace, {})[cell.name] = (
                cell.vtr
            )
        if report.per_marketplace and not report.per_shop:
            for cell in report.by_category_marketplace:
                cells.setdefault(cell.marketplace, {})[cell.name] = cell.vtr
        return cls(
            as_of=report.as_of,
            vtr={s.name: s.vtr for s in report.by_category},
            overall=report.overall.vtr,
            cells=cells,
            shops=shops,
        )

    def vtr_of(self, unit: AlertUnit) -> float | None:
        if unit.shop is not None:
            return self.shops.get(unit.shop, {}).get(unit.marketplace or "", {}).get(unit.category)
        if unit.marketplace is None:
            return self.vtr.get(unit.category)
        return self.cells.get(unit.marketplace, {}).get(unit.category)


class VtrChange(BaseModel):
    """One category's VTR (on one marketplace, for a cell) at the previous alert and now."""

    category: str
    previous: float
    current: float
    marketplace: str | None = None
    shop: str | None = None

    @property
    def delta(self) -> float:
        return self.current - self.previous


class AlertDecision(BaseModel):
    send: bool
    triggers: list[Trigger] = Field(description="what fired, in TRIGGERS order; empty: quiet")
    digest_only: bool = Field(
        default=False, description="sent only because the chat chose the daily digest"
    )
    categories: list[AlertUnit] = Field(
        default_factory=list,
        description="categories concerned (below, projected below or dropped), report order; "
        "each on its marketplace when the report judges per marketplace",
    )
    below: list[AlertUnit] = Field(default_factory=list)
    projected_below: list[AlertUnit] = Field(default_factory=list)
    dropped: list[VtrChange] = Field(default_factory=list)
    changes: list[VtrChange] = Field(
        default_factory=list,
        description="every category whose VTR moved by a point or more either way",
    )
    previous_as_of: date | None = None
    newest_data: date | None = None
    days_stale: int | None = Field(
        default=None, description="days since the newest ship date, when stale"
    )
    snapshot: AlertSnapshot = Field(description="remember this once the alert is sent")


def decide(
    report: VtrReport,
    previous: AlertSnapshot | None,
    newest_data: date | None,
    today: date,
    digest: bool = False,
) -> AlertDecision:
    """Apply the alert rules (module docstring) to today's report."""
    units = report.enforced_units()
    below = [AlertUnit.of(s) for s in units if s.below_threshold]
    projected = [AlertUnit.of(s) for s in units if not s.below_threshold and s.at_risk]
    changes = _changes(report, previous)
    dropped = [c for c in changes if c.delta <= -DROP_THRESHOLD + _EPSILON]
    stale = newest_data is None or (today - newest_data).days > STALE_DAYS

    fired = {
        "below": bool(below),
        "projected_below": bool(projected),
        "dropped": bool(dropped),
        "stale": stale,
    }
    triggers: list[Trigger] = [name for name in TRIGGERS if fired[name]]
    concerned = (
        set(below)
        | set(projected)
        | {AlertUnit(c.category, c.marketplace, c.shop) for c in dropped}
    )
    return AlertDecision(
        send=bool(triggers) or digest,
        triggers=triggers,
        digest_only=digest and not triggers,
        categories=[u for u in map(AlertUnit.of, units) if u in concerned],
        below=below,
        projected_below=projected,
        dropped=dropped,
        changes=changes,
        previous_as_of=previous.as_of if previous else None,
        newest_data=newest_data,
        days_stale=(today - newest_data).days if stale and newest_data else None,
        snapshot=AlertSnapshot.from_report(report),
    )


def _changes(report: VtrReport, previous: AlertSnapshot | None) -> list[VtrChange]:
    """Categories with a VTR both then and now that moved by at least a point, report order."""
    if previous is None:
        return []
    out = []
    for stats in report.enforced_units():
        unit = AlertUnit.of(stats)
        before = previous.vtr_of(unit)
        if before is None or stats.vtr is None:
            continue
        if abs(stats.vtr - before) >= DROP_THRESHOLD - _EPSILON:
            out.append(
                VtrChange(
                    category=stats.name,
                    marketplace=unit.marketplace,
                    shop=unit.shop,
                    previous=before,
                    current=stats.vtr,
                )
            )
    return out
