"""The trend chart of /chart and of the daily alert: which lines, from which data.

- `chart_units(report, decision=None)` — which categories to draw: the alert's, else
  those below the bar or at risk, worst first, each on its marketplace when it is judged
  there; the chart draws the whole account (`trend.OVERALL`) when no category needs attention.
- `trend_chart(table, end, t, …)` — the chart itself, drawn by `bot.services.chart_drawing`,
  imported only when a chart is drawn: matplotlib is most of what importing the bot costs,
  and every process that builds the services (`vtrbot run`, `connect`, `sync`, `alerts`)
  imports this module, mostly to draw no chart at all.
- `chart_replies(store, chat_id, t, amazon)` — /chart: the stored shipments and, for a
  connected store, Amazon's daily figures.

Usage: ``png = trend_chart(table, today, t, report)``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date, timedelta

import polars as pl

from bot.domain.alerts import AlertDecision, AlertUnit
from bot.domain.amazon_regions import marketplace_code_of
from bot.domain.models import WINDOW_DAYS, VtrReport
from bot.domain.shipments import ShipmentTable
from bot.domain.trend import OVERALL, Series, daily_vtr, history_start
from bot.domain.vtr import compute_report
from bot.services.amazon.repository import AmazonRepository, PerformanceSnapshot
from bot.services.history import stored_history
from bot.services.i18n import Translator
from bot.services.lines import esc, say
from bot.services.replies import Document, Reply
from bot.services.store import Store
from bot.services.vtr_words import Markup, unit_label

MAX_LINES = 8
"""More lines than this is unreadable; callers pass the worst categories first."""


def chart_units(report: VtrReport, decision: AlertDecision | None = None) -> list[AlertUnit]:
    """The lines worth drawing: the alert's categories, else those below the bar or at risk,
    worst first; each on its marketplace when it is judged there. Empty when none needs
    attention (the chart then draws the whole account)."""
    if decision is not None and decision.categories:
        units = decision.categories
    else:
        units = [AlertUnit.of(s) for s in report.enforced_units() if s.below_threshold or s.at_risk]
    return units[:MAX_LINES]


def trend_chart(
    table: ShipmentTable,
    end: date,
    t: Translator,
    report: VtrReport | None = None,
    decision: AlertDecision | None = None,
    official: dict[str, Series] | None = None,
) -> bytes:
    """The chart of /chart and of the daily alert: the 30 days to `end`, with the lines
    that need attention (the alert's, else those below or at risk), and for a connected
    store Amazon's own daily figure per marketplace (`official`, dashed)."""
    from bot.services.chart_drawing import render_trend_png  # matplotlib: see the docstring

    report = report or compute_report(table, as_of=end)
    series = daily_vtr(table, end)
    drawn = _unit_lines(table, end, t, chart_units(report, decision), series)
    return render_trend_png(series, drawn or [OVERALL], t, official or {}, full_windows_from(table))


def _unit_lines(
    table: ShipmentTable,
    end: date,
    t: Translator,
    units: list[AlertUnit],
    series: dict[str, Series],
) -> list[str]:
    """The keys of `series` to draw: a whole category's own; a category on one marketplace
    (or in one shop) gets its line from that marketplace's (that shop's) shipments alone,
    added under its name ('Toys on Amazon.de (DE)')."""
    places: dict[tuple[str | None, str | None], dict[str, Series]] = {}
    keys = []
    for category, market, shop in units:
        if market is None and shop is None:
            keys.append(category)
            continue
        if (market, shop) not in places:
            places[market, shop] = daily_vtr(table, end, marketplace=market, shop=shop)
        if category in places[market, shop]:
            key = unit_label(t, Markup(html=False), category, market, shop)
            series[key] = places[market, shop][category]
            keys.append(key)
    return keys


def full_windows_from(table: ShipmentTable) -> date | None:
    """The first day whose 30-day window lies wholly after the first counted shipment we
    hold: earlier points are built from fewer days and are drawn hollow."""
    first = table.frame.filter(pl.col("excluded").is_null()).get_column("ship_date").min()
    return first + timedelta(days=WINDOW_DAYS - 1) if isinstance(first, date) else None


def official_series(snapshots: Sequence[PerformanceSnapshot]) -> dict[str, Series]:
    """Daily snapshots of Amazon's rate, as one series per marketplace (code: US, DE …)."""
    series: dict[str, Series] = {}
    for snapshot in snapshots:
        market = marketplace_code_of(snapshot.marketplace_id)
        series.setdefault(market, []).append((snapshot.snapshot_date, snapshot.rate))
    return series


async def chart_replies(
    store: Store, chat_id: int, t: Translator, amazon: AmazonRepository | None = None
) -> list[Reply]:
    """/chart: the trend up to the last report's date (else the newest ship date stored),
    with Amazon's daily figures when the chat's store is connected."""
    newest = await store.newest_ship_date(chat_id)
    if newest is None:
        return say(t._("No report yet. Send me an order or shipment file first."))
    end = await store.last_report_as_of(chat_id) or newest
    table = await stored_history(store, chat_id, end)
    snapshots = await amazon.snapshots(chat_id, history_start(end)) if amazon else []
    official = official_series([s for s in snapshots if s.snapshot_date <= end])
    png = await asyncio.to_thread(trend_chart, table, end, t, None, None, official)
    caption = t._(
        "Daily VTR over the 30 days to {date}; the dashed line is the 95% bar.", date=t.date(end)
    )
    return [Reply(esc(caption), image=Document(f"vtr-{end.isoformat()}.png", png))]
