"""The Amazon pieces of a report or an alert, in the chat's language (plain text or HTML).

- `official_section`: Amazon's own VTR per marketplace (Account Health), beside which the
  bot's per-category figures are shown, and why the two differ.
- `sync_notice`: what a seller must know about the last sync (reconnect, stale data,
  a failed report).
- `editable_note`: of the defects listed, which can still be fixed (not yet delivered).

Everything a seller reads goes through gettext; markup stays outside the msgids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from bot.domain.amazon_alerts import OfficialDecision
from bot.domain.amazon_orders import DELIVERED
from bot.domain.amazon_regions import marketplace_code_of
from bot.services.amazon.repository import PerformanceSnapshot
from bot.services.i18n import Translator
from bot.services.vtr_words import Markup, rate_percent


def status_text(t: Translator, status: str) -> str:
    texts = {
        "GOOD": t._("good"),
        "BAD": t._("at risk"),
        "NONE": t._("no status yet"),
    }
    return texts.get(status, status)


def official_section(
    snapshots: Sequence[PerformanceSnapshot],
    decision: OfficialDecision,
    t: Translator,
    html: bool = False,
) -> str:
    """Amazon's VTR per marketplace, what changed, and why it differs from the bot's."""
    if not snapshots:
        return ""
    m = Markup(html)
    lines = [m.bold(m.esc(t._("Amazon's official VTR (Account Health):")))]
    for s in snapshots:
        lines.append("• " + m.esc(_official_line(s, t)))
    for marketplace_id in decision.turned_bad:
        lines.append(
            "⚠️ " + m.esc(t._("Amazon now rates {market} as at risk: its VTR is not above 95%.",
                              market=marketplace_code_of(marketplace_id)))
        )  # fmt: skip
    for drop in decision.dropped:
        lines.append(
            "📉 " + m.esc(t._("Amazon's VTR for {market} fell from {before} to {now}.",
                              market=marketplace_code_of(drop.marketplace_id),
                              before=rate_percent(t, drop.previous),
                              now=rate_percent(t, drop.current)))
        )  # fmt: skip
    lines.append(m.esc(why_they_differ(t)))
    return "\n".join(lines)


def _official_line(s: PerformanceSnapshot, t: Translator) -> str:
    if not s.shipment_count:
        return t._(
            "{market}: no shipments in Amazon's window",
            market=marketplace_code_of(s.marketplace_id),
        )
    return t._(
        "{market}: {rate} ({valid} of {shipments} shipments), {status}; Amazon's window {start} to {end}",
        market=marketplace_code_of(s.marketplace_id),
        rate=rate_percent(t, s.rate),
        valid=t.number(s.valid_tracking_count),
        shipments=t.number(s.shipment_count),
        status=status_text(t, s.status),
        start=s.date_from,
        end=s.date_to,
    )


def why_they_differ(t: Translator) -> str:
    return t._(
        "Why the figures differ: Amazon counts a shipment by its promised delivery date and "
        "reports about two weeks late, per marketplace only; the figures per category below "
        "count by ship date up to today, so they show a problem before Amazon does."
    )


def sync_notice(
    status: str,
    last_good_sync: datetime | None,
    report_problem: str | None,
    t: Translator,
) -> str:
    """One or two sentences on the last sync; empty when all went well."""
    parts = []
    if status == "key_changed":
        parts.append(
            t._(
                "Syncing with Amazon is paused by a problem on the bot's side, which its "
                "operator must fix; your store stays connected."
            )
        )
    elif status in ("revoked", "paused"):
        parts.append(
            t._(
                "Amazon no longer accepts the bot's access to your store, so syncing is paused. "
                "Send /connect in a private chat with me to connect again."
            )
        )
    elif status in ("malformed", "timed_out", "failed") and last_good_sync:
        parts.append(
            t._(
                "Amazon's answers for your store could not be read: these figures are from the "
                "last good sync, {moment} UTC. I will try again.",
                moment=last_good_sync.strftime("%Y-%m-%d %H:%M"),
            )
        )
    elif status in ("malformed", "timed_out", "failed"):
        parts.append(
            t._("Amazon's answers for your store could not be read yet: I will try again.")
        )
    elif status in ("unavailable", "refused", "app_rejected") and last_good_sync:
        parts.append(
            t._(
                "Amazon could not be reached today: these figures are from the last good sync, "
                "{moment} UTC. I will try again.",
                moment=last_good_sync.strftime("%Y-%m-%d %H:%M"),
            )
        )
    elif status in ("unavailable", "refused", "app_rejected"):
        parts.append(t._("Amazon could not be reached yet: I will try again."))
    if report_problem:
        parts.append(
            t._(
                "Amazon could not make today's performance report ({status}); "
                "I will ask again tomorrow.",
                status=report_problem,
            )
        )
    return " ".join(parts)


def editable_note(defect_orders: Iterable[str], statuses: Mapping[str, str], t: Translator) -> str:
    """How many listed defects can still be fixed: tracking can be edited until delivery."""
    orders = [o for o in dict.fromkeys(defect_orders) if o in statuses]
    if not orders:
        return ""
    delivered = sum(1 for o in orders if statuses[o] == DELIVERED)
    open_ = len(orders) - delivered
    lines = []
    if open_:
        lines.append(
            t.ngettext(
                "{count} order with a defect is not delivered yet: fix its tracking now "
                "(Manage Orders → Edit shipment).",
                "{count} orders with a defect are not delivered yet: fix their tracking now "
                "(Manage Orders → Edit shipment).",
                open_,
            )
        )
    if delivered:
        lines.append(
            t.ngettext(
                "{count} order with a defect is already delivered: its tracking can no longer "
                "be changed, so it counts until it leaves the window.",
                "{count} orders with a defect are already delivered: their tracking can no "
                "longer be changed, so they count until they leave the window.",
                delivered,
            )
        )
    return "\n".join(lines)
