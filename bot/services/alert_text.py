"""The daily VTR alert in words, in the chat's language: plain text or Telegram HTML.

Public API: `render_alert(decision, report, t, html=False) -> str`, with `decision` from
`bot.domain.alerts.decide` for the same `report`. The text says what changed since the
last alert, which categories need what (fixes needed, recovery date, at-risk outlook),
the top fixes and, when the data is stale, asks for a fresh upload. The trend chart
(`bot.services.charts`) is sent alongside by the caller.

Everything a seller reads goes through gettext (English msgids, named placeholders);
markup stays outside the msgids and values are escaped when `html` is true.
"""

from __future__ import annotations

from bot.domain.alerts import AlertDecision, VtrChange
from bot.domain.models import GroupStats, VtrReport
from bot.services.i18n import Translator
from bot.services.report_text import (
    Markup,
    category_label,
    ratio_text,
    suggestion_line,
)

MAX_FIXES = 3
"""Top fixes listed in an alert; the full list is in the report."""


def render_alert(
    decision: AlertDecision, report: VtrReport, t: Translator, html: bool = False
) -> str:
    m = Markup(html)
    sections = [
        _headline(decision, report, t, m),
        _changes_section(decision, t, m),
        _categories_section(decision, report, t, m),
        _fixes_section(decision, report, t, m),
        _stale_section(decision, t),
    ]
    return "\n\n".join(s for s in sections if s)


def _headline(decision: AlertDecision, report: VtrReport, t: Translator, m: Markup) -> str:
    day = t.date(report.as_of)
    if decision.digest_only:
        lines = ["📊 " + m.bold(t._("Daily VTR digest for {date}", date=day))]
    else:
        lines = ["🔔 " + m.bold(t._("VTR alert for {date}", date=day))]
    if report.overall.shipments:
        lines.append(t._("Overall VTR: {ratio}", ratio=ratio_text(t, report.overall)))
    else:
        lines.append(t._("No self-fulfilled shipments fall inside the window."))
    if decision.below:
        lines.append(
            t.ngettext(
                "{count} category is below 95%.",
                "{count} categories are below 95%.",
                len(decision.below),
            )
        )
    elif report.by_category and not decision.projected_below:
        lines.append(t._("Every category is at or above 95%."))
    return "\n".join(lines)


def _points(t: Translator, change: VtrChange) -> str:
    points = t.number(round(abs(change.delta) * 100, 1))
    if change.delta < 0:
        return t._("down {points} points", points=points)
    return t._("up {points} points", points=points)


def _changes_section(decision: AlertDecision, t: Translator, m: Markup) -> str:
    if decision.previous_as_of is None or not decision.changes:
        return ""
    title = t._("Since the alert of {date}", date=t.date(decision.previous_as_of))
    lines = [m.bold(title)]
    for change in decision.changes:
        arrow = "📉" if change.delta < 0 else "📈"
        text = t._(
            "{category}: {previous} → {current} ({change})",
            category=m.esc(category_label(t, change.category)),
            previous=t.percent(change.previous),
            current=t.percent(change.current),
            change=_points(t, change),
        )
        lines.append(f"{arrow} {text}")
    return "\n".join(lines)


def _category_line(stats: GroupStats, dropped: bool, t: Translator, m: Markup) -> str:
    mark = "❌" if stats.below_threshold else ("⚠️" if stats.at_risk else "📉")
    line = f"{mark} {m.esc(category_label(t, stats.name))}: {ratio_text(t, stats)}"
    if stats.below_threshold:
        line += " · " + t.ngettext(
            "fix {count} shipment to reach 95%", "fix {count} shipments to reach 95%", stats.needed
        )
        if stats.recovery_date:
            line += " · " + t._(
                "back at 95% by {date} if every new shipment is valid",
                date=t.date(stats.recovery_date),
            )
    elif stats.at_risk:
        line += " · " + t._("at risk: likely under 95% within 7 days at the recent defect rate")
    elif dropped:
        line += " · " + t._("still at or above 95%, but falling")
    return line


def _categories_section(
    decision: AlertDecision, report: VtrReport, t: Translator, m: Markup
) -> str:
    if not decision.categories:
        return ""
    by_name = {s.name: s for s in report.by_category}
    dropped = {c.category for c in decision.dropped}
    lines = [m.bold(t._("Categories that need attention"))]
    lines += [
        _category_line(by_name[name], name in dropped, t, m)
        for name in decision.categories
        if name in by_name
    ]
    return "\n".join(lines)


def _fixes_section(decision: AlertDecision, report: VtrReport, t: Translator, m: Markup) -> str:
    """The best fixes for the categories concerned (the report ranks them already)."""
    concerned = set(decision.categories)
    fixes = [s for s in report.suggestions if s.reason is not None and s.category in concerned]
    if not fixes:
        return ""
    lines = [m.bold(t._("What to fix first"))]
    lines += [suggestion_line(i, s, t, m) for i, s in enumerate(fixes[:MAX_FIXES], start=1)]
    return "\n".join(lines)


def _stale_section(decision: AlertDecision, t: Translator) -> str:
    if "stale" not in decision.triggers:
        return ""
    if decision.newest_data is None:
        return "⏳ " + t._(
            "I have no shipment data for you yet. Send your shipment or order report (CSV, TXT or XLSX) so I can watch your VTR."
        )
    return "⏳ " + t.ngettext(
        "Your newest shipment is from {date}, {count} day ago, so these numbers may be out of date. Send a fresh shipment report.",
        "Your newest shipment is from {date}, {count} days ago, so these numbers may be out of date. Send a fresh shipment report.",
        decision.days_stale or 0,
        date=t.date(decision.newest_data),
    )
