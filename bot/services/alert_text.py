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

from bot.domain.alerts import AlertDecision, AlertUnit, VtrChange
from bot.domain.models import VtrReport
from bot.services.i18n import Translator
from bot.services.report_text import plan_section
from bot.services.vtr_words import (
    Markup,
    carrier_not_found_lines,
    category_label,
    group_line,
    headline_lines,
    rate_percent,
    unit_label,
)

MAX_FIXES = 3
"""Groups of the fix plan shown in an alert; the full plan is in the report."""
MAX_CATEGORIES = 8
"""Categories listed in an alert; the rest are counted. Eight, so that an alert of long
category names, each on its marketplace, still fits one Telegram message."""


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
    lines += headline_lines(t, report)
    lines += carrier_not_found_lines(t, report, m)
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
    for change in decision.changes[:MAX_CATEGORIES]:
        arrow = "📉" if change.delta < 0 else "📈"
        text = t._(
            "{category}: {previous} → {current} ({change})",
            category=unit_label(t, m, change.category, change.marketplace, change.shop),
            previous=rate_percent(t, change.previous),
            current=rate_percent(t, change.current),
            change=_points(t, change),
        )
        lines.append(f"{arrow} {text}")
    if len(decision.changes) > MAX_CATEGORIES:
        lines.append(_more(t, len(decision.changes) - MAX_CATEGORIES))
    return "\n".join(lines)


def _categories_section(
    decision: AlertDecision, report: VtrReport, t: Translator, m: Markup
) -> str:
    if not decision.categories:
        return ""
    by_unit = {AlertUnit.of(s): s for s in report.enforced_units()}
    dropped = {AlertUnit(c.category, c.marketplace, c.shop) for c in decision.dropped}
    listed = [unit for unit in decision.categories if unit in by_unit]
    lines = [m.bold(t._("Categories that need attention"))]
    lines += [
        group_line(
            by_unit[u],
            t,
            m,
            category_label(t, u.category),
            falling=u in dropped,
            planned=report.planned(by_unit[u]),
        )
        for u in listed[:MAX_CATEGORIES]
    ]
    if len(listed) > MAX_CATEGORIES:
        lines.append(_more(t, len(listed) - MAX_CATEGORIES))
    return "\n".join(lines)


def _more(t: Translator, count: int) -> str:
    return t.ngettext(
        "…and {count} more: send /vtr for the report.",
        "…and {count} more: send /vtr for the report.",
        count,
    )


def _fixes_section(decision: AlertDecision, report: VtrReport, t: Translator, m: Markup) -> str:
    """The fix plan of the categories concerned (the report holds the whole plan)."""
    concerned = set(decision.categories)
    plan = [
        g
        for g in report.plan
        if g.scope == "category" and AlertUnit(g.name, g.marketplace, g.shop) in concerned
    ]
    return plan_section(plan, t, m, limit=MAX_FIXES)


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
