"""A VTR report in words, in the seller's language: plain text for the terminal, HTML
for Telegram. Everything a seller reads goes through gettext; values are escaped.
"""

from __future__ import annotations

import html as html_lib
from collections import Counter
from collections.abc import Callable

from bot.domain.defects_file import DefectFileLabels
from bot.domain.errors import FileRejected
from bot.domain.models import UNCATEGORIZED, DefectReason, GroupStats, Suggestion, VtrReport
from bot.domain.reference import marketplace_by_code
from bot.services.i18n import Translator

MAX_LISTED_DEFECTS = 10
MAX_LISTED_SUGGESTIONS = 5


def esc(value: object) -> str:
    """Text safe inside Telegram HTML."""
    return html_lib.escape(str(value), quote=False)


class Markup:
    """Bold and escaping for HTML; nothing for plain text."""

    def __init__(self, html: bool) -> None:
        self.html = html

    def esc(self, text: object) -> str:
        return esc(text) if self.html else str(text)

    def bold(self, text: str) -> str:
        return f"<b>{text}</b>" if self.html else text

    def code(self, text: str) -> str:
        return f"<code>{text}</code>" if self.html else text


def reason_text(t: Translator, reason: DefectReason) -> str:
    texts = {
        "missing_tracking": t._("no tracking number"),
        "unknown_carrier": t._("unrecognised carrier"),
        "bad_format": t._("number not in the carrier's format"),
        "bad_check_digit": t._("wrong check digit"),
    }
    return texts[reason]


def action_text(t: Translator, reason: DefectReason | None) -> str:
    if reason == "missing_tracking":
        return t._(
            "Add the tracking number (Manage Orders → Edit shipment) before the buyer receives the package."
        )
    if reason == "unknown_carrier":
        return t._(
            "Pick the carrier from Amazon's list instead of typing a name, and check it matches the number."
        )
    if reason in ("bad_format", "bad_check_digit"):
        return t._(
            "Correct the number: check it against the carrier's label or booking and edit the shipment."
        )
    return t._("Use Buy Shipping for future orders: tracking is uploaded for you.")


def category_label(t: Translator, name: str) -> str:
    return t._("Uncategorized") if name == UNCATEGORIZED else name


def marketplace_label(t: Translator, code: str) -> str:
    market = marketplace_by_code().get(code)
    if market is None:
        return code or t._("(none)")
    return f"{market.zh} ({code})" if t.lang == "zh" else f"{market.domain.capitalize()} ({code})"


def defect_file_labels(t: Translator) -> DefectFileLabels:
    return DefectFileLabels(
        columns=(
            t._("Order ID"),
            t._("Ship date"),
            t._("Category"),
            t._("Carrier"),
            t._("Marketplace"),
            t._("Tracking number"),
            t._("Problem"),
            t._("What to do"),
        ),
        reason=lambda reason: reason_text(t, reason),
        action=lambda reason: action_text(t, reason),
    )


def render_report(report: VtrReport, t: Translator, html: bool = False) -> str:
    """The whole report; callers split it for Telegram's 4,096-character limit."""
    m = Markup(html)
    sections = [
        _headline(report, t, m),
        _group_section(
            t._("By category"),
            report.by_category,
            t,
            m,
            lambda n: category_label(t, n),
            outlook=True,
        ),
    ]
    if len(report.by_carrier) > 1:
        sections.append(
            _group_section(t._("By carrier"), report.by_carrier, t, m, lambda n: n or t._("(none)"))
        )
    if len(report.by_marketplace) > 1:
        sections.append(
            _group_section(
                t._("By marketplace"),
                report.by_marketplace,
                t,
                m,
                lambda n: marketplace_label(t, n),
            )
        )
    sections += [
        _defect_section(report, t, m),
        _suggestion_section(report, t, m),
        _excluded_section(report, t),
    ]
    sections.append(_notes_section(report, t, m))
    return "\n\n".join(s for s in sections if s)


def ratio_text(t: Translator, stats: GroupStats) -> str:
    """'90.0% (18 of 20)' in the reader's language."""
    return t._(
        "{vtr} ({valid} of {shipments})",
        vtr=t.percent(stats.vtr),
        valid=t.number(stats.valid),
        shipments=t.number(stats.shipments),
    )


def _headline(report: VtrReport, t: Translator, m: Markup) -> str:
    lines = [
        m.bold(t._("VTR report as of {date}", date=t.date(report.as_of))),
        t._(
            "Window: {start} – {end} (30 days, by ship date)",
            start=t.date(report.window.start),
            end=t.date(report.window.end),
        ),
    ]
    if report.as_of_source == "latest_ship_date":
        lines.append(
            t._(
                "The as-of date is the latest ship date in your file; send /as_of DATE to change it."
            )
        )
    overall = report.overall
    if overall.shipments == 0:
        lines.append(t._("No self-fulfilled shipments fall inside the window."))
        return "\n".join(lines)
    lines.append(m.bold(t._("Overall VTR: {ratio}", ratio=ratio_text(t, overall))))
    below = [s for s in report.by_category if s.below_threshold]
    if below:
        lines.append(
            t.ngettext(
                "{count} category is below 95%.", "{count} categories are below 95%.", len(below)
            )
        )
    else:
        lines.append(t._("Every category is at or above 95%."))
    return "\n".join(lines)


def _group_line(stats: GroupStats, t: Translator, m: Markup, label: str, outlook: bool) -> str:
    mark = "❌" if stats.below_threshold else ("⚠️" if stats.at_risk else "✅")
    line = f"{mark} {m.esc(label)}: {ratio_text(t, stats)}"
    if stats.below_threshold:
        line += " · " + t.ngettext(
            "fix {count} shipment to reach 95%", "fix {count} shipments to reach 95%", stats.needed
        )
        if outlook and stats.recovery_date:
            line += " · " + t._(
                "back at 95% by {date} if every new shipment is valid",
                date=t.date(stats.recovery_date),
            )
    elif outlook and stats.at_risk:
        line += " · " + t._("at risk: likely under 95% within 7 days at the recent defect rate")
    return line


def _group_section(
    title: str,
    groups: list[GroupStats],
    t: Translator,
    m: Markup,
    label: Callable[[str], str],
    outlook: bool = False,
) -> str:
    if not groups:
        return ""
    lines = [m.bold(title)]
    lines += [_group_line(stats, t, m, label(stats.name), outlook) for stats in groups]
    return "\n".join(lines)


def _defect_section(report: VtrReport, t: Translator, m: Markup) -> str:
    if not report.defects:
        return ""
    counts = Counter(d.reason for d in report.defects)
    lines = [m.bold(t.ngettext("{count} defect", "{count} defects", len(report.defects)))]
    lines += [f"• {reason_text(t, reason)}: {t.number(n)}" for reason, n in counts.most_common()]
    for defect in report.defects[:MAX_LISTED_DEFECTS]:
        tracking = m.code(m.esc(defect.tracking)) if defect.tracking else "—"
        lines.append(
            f"  {m.esc(defect.order_id)} · {m.esc(category_label(t, defect.category))} · {m.esc(defect.carrier or '—')} · {tracking} · {reason_text(t, defect.reason)}"
        )
    hidden = len(report.defects) - MAX_LISTED_DEFECTS
    if hidden > 0:
        lines.append(
            t.ngettext(
                "…and {count} more in the defect file.",
                "…and {count} more in the defect file.",
                hidden,
            )
        )
    return "\n".join(lines)


def suggestion_line(index: int, s: Suggestion, t: Translator, m: Markup) -> str:
    """One ranked fix: what, how many, how much VTR it wins back, and what to do."""
    if s.reason is None:
        return f"{index}. {action_text(t, None)}"
    head = t.ngettext(
        "{category}: {count} shipment with {problem}",
        "{category}: {count} shipments with {problem}",
        s.count,
        category=m.esc(category_label(t, s.category)),
        problem=reason_text(t, s.reason),
    )
    gain = t._("wins back {points} points", points=t.number(round(s.vtr_gain * 100, 1)))
    line = f"{index}. {head} → {gain}"
    if s.reaches_threshold:
        line += " " + t._("(enough to reach 95%)")
    return f"{line}\n   {action_text(t, s.reason)}"


def _suggestion_section(report: VtrReport, t: Translator, m: Markup) -> str:
    if not report.suggestions:
        return ""
    ranked = [s for s in report.suggestions if s.reason is not None][:MAX_LISTED_SUGGESTIONS]
    general = [s for s in report.suggestions if s.reason is None]
    lines = [m.bold(t._("What to fix first"))]
    lines += [suggestion_line(i, s, t, m) for i, s in enumerate([*ranked, *general], start=1)]
    return "\n".join(lines)


def _excluded_section(report: VtrReport, t: Translator) -> str:
    names = {
        "fba": t._("FBA (Amazon-fulfilled)"),
        "cancelled": t._("cancelled"),
        "not_shipped": t._("not shipped"),
        "unreadable_date": t._("unreadable ship date"),
        "eu_letter_under_20": t._("EU letter under EUR 20"),
        "jp_under_1000": t._("Japan under JPY 1,000"),
        "outside_window": t._("outside the 30-day window"),
    }
    parts = [
        f"{names.get(reason, reason)} {t.number(n)}" for reason, n in report.excluded.items() if n
    ]
    return t._("Not counted: {parts}", parts=", ".join(parts)) if parts else ""


def _notes_section(report: VtrReport, t: Translator, m: Markup) -> str:
    notes = []
    for warning in report.warnings:
        text = _warning_text(warning.code, warning.count, m.esc(warning.detail), t)
        if text:
            notes.append("ℹ️ " + text)
    return "\n".join(notes)


def _warning_text(code: str, count: int, detail: str, t: Translator) -> str:
    texts = {
        "unreadable_dates": lambda: t.ngettext(
            "{count} row has a ship date I could not read; it is not counted.",
            "{count} rows have a ship date I could not read; they are not counted.",
            count,
        ),
        "ambiguous_date_order": lambda: t._(
            "Dates like 03/04/2026 were read as {order}.", order=detail
        ),
        "missing_order_id": lambda: t.ngettext(
            "{count} row has no order ID and was skipped.",
            "{count} rows have no order ID and were skipped.",
            count,
        ),
        "scientific_notation_tracking": lambda: t.ngettext(
            "{count} tracking number was turned into a number like 9.2E+21 by Excel; its digits are lost. Format the column as text and export again.",
            "{count} tracking numbers were turned into numbers like 9.2E+21 by Excel; their digits are lost. Format the column as text and export again.",
            count,
        ),
        "reused_tracking": lambda: t.ngettext(
            "{count} tracking number is used on more than one order: {examples}",
            "{count} tracking numbers are used on more than one order: {examples}",
            count,
            examples=detail,
        ),
        "unverified": lambda: t.ngettext(
            "{count} number from {carriers} counts as valid but could not be checked offline.",
            "{count} numbers from {carriers} count as valid but could not be checked offline.",
            count,
            carriers=detail,
        ),
    }
    render = texts.get(code)
    return render() if render else ""


def render_file_error(error: FileRejected, t: Translator, html: bool = False) -> str:
    """One sentence a seller can act on, for each reason a file is refused."""
    m = Markup(html)
    names = {
        "order_id": t._("order ID"),
        "ship_date": t._("ship date"),
        "tracking": t._("tracking number"),
        "carrier": t._("carrier"),
    }
    found = m.esc(", ".join(error.found)) or t._("(none)")
    messages = {
        "empty": lambda: t._("The file is empty."),
        "too_large": lambda: t._(
            "The file is too large (limit {limit} MB). Export a shorter date range.",
            limit=t.number(error.limit_mb or 0),
        ),
        "not_a_table": lambda: t._(
            "This does not look like a table. Send a CSV, TXT or XLSX order or shipment file."
        ),
        "legacy_xls": lambda: t._(
            "Old .xls files are not supported. Save the sheet as .xlsx or .csv and send it again."
        ),
        "bad_xlsx": lambda: t._(
            "The XLSX file is damaged or not a real spreadsheet. Save it again from Excel, or export as CSV."
        ),
        "sheet_too_large": lambda: t._(
            "The spreadsheet uses far too many rows or columns (a stray cell far away?). Delete unused cells or export as CSV."
        ),
        "no_header": lambda: t._(
            "I could not find a header row with an order ID, ship date and tracking number. Headers found: {found}",
            found=found,
        ),
        "missing_columns": lambda: t._(
            "The file lacks these columns: {missing}. Headers found: {found}",
            missing=", ".join(names.get(c, c) for c in error.missing),
            found=found,
        ),
        "no_rows": lambda: t._("The file has a header but no rows."),
    }
    return messages[error.code]()
