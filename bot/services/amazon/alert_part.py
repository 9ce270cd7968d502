"""The Amazon part of a chat's daily alert: text and the triggers it adds.

The alert service calls `amazon_alert_part` after computing the chat's report from the
stored shipments (which the sync has filled): it returns the official-VTR section, the sync
notice and the editable/delivered note, plus `official_bad` / `official_dropped` when
Amazon's own figures call for an alert. A chat that never connected gets an empty part.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.domain.amazon_alerts import OfficialTrigger, decide_official
from bot.domain.models import VtrReport
from bot.services.amazon.repository import AmazonRepository, PerformanceSnapshot
from bot.services.amazon.text import editable_note, official_section, sync_notice
from bot.services.i18n import Translator
from bot.services.vtr_words import Markup

SNAPSHOT_LOOKBACK_DAYS = 30


@dataclass(frozen=True)
class AmazonAlertPart:
    text: str = ""
    triggers: tuple[OfficialTrigger, ...] = ()


def latest_and_previous(
    snapshots: list[PerformanceSnapshot],
) -> tuple[list[PerformanceSnapshot], list[PerformanceSnapshot]]:
    """Each marketplace's newest snapshot, and its one before (the day-on-day change)."""
    by_market: dict[str, list[PerformanceSnapshot]] = {}
    for snapshot in snapshots:  # oldest first
        by_market.setdefault(snapshot.marketplace_id, []).append(snapshot)
    latest = [days[-1] for days in by_market.values()]
    previous = [days[-2] for days in by_market.values() if len(days) > 1]
    return latest, previous


async def amazon_alert_part(
    repo: AmazonRepository,
    chat_id: int,
    report: VtrReport,
    today: date,
    t: Translator,
    html: bool = False,
) -> AmazonAlertPart:
    connection = await repo.connection(chat_id)
    snapshots = await repo.snapshots(chat_id, today - timedelta(days=SNAPSHOT_LOOKBACK_DAYS))
    if connection is None and not snapshots:
        return AmazonAlertPart()
    latest, previous = latest_and_previous(snapshots)
    decision = decide_official(latest, previous)
    state = await repo.sync_state(chat_id)
    status = "paused" if connection and connection.state == "needs_reconnect" else (
        state.last_problem or "ok"
    )  # fmt: skip
    report_problem = status.removeprefix("report_") if status.startswith("report_") else None
    notice = sync_notice(status, state.last_good_sync, report_problem, t)
    statuses = await repo.package_statuses(chat_id, (d.order_id for d in report.defects))
    m = Markup(html)
    sections = [
        official_section(latest, decision, t, html),
        m.esc(editable_note((d.order_id for d in report.defects), statuses, t)),
        m.esc(notice),
    ]
    return AmazonAlertPart("\n\n".join(s for s in sections if s), decision.triggers)
