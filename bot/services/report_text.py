"""A VTR report in words, in the seller's language: plain text for the terminal, HTML
for Telegram. Everything a seller reads goes through gettext; values are escaped.

The report leads with the fix plan, then the groups. However big the file, it stays a
few messages: each section lists a bounded number of lines (the `MAX_*` below) and says
how many more are in the defect file, and every value from the file is shortened
(vtr_words.MAX_LABEL).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from bot.domain.errors import FileRejected
from bot.domain.models import (
    Defect,
    DefectReason,
    GroupStats,
    PlannedGroup,
    VtrReport,
)
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap
from bot.services.vtr_words import (
    Markup,
    action_text,
    carrier_not_found_lines,
    category_label,
    defect_reason_text,
    fix_line,
    group_line,
    headline_lines,
    in_shop,
    marketplace_label,
    plan_heading,
    planned_label,
    reason_text,
    shop_label,
    shorten,
    unit_label,
)

__all__ = ["plan_section", "render_file_error", "render_report"]

MAX_LISTED_GROUPS = 12
"""Categories listed in the report; carriers and marketplaces get `MAX_LISTED_OTHERS`."""
MAX_LISTED_OTHERS = 8
MAX_PLANNED_GROUPS = 6
"""Groups of the fix plan shown in full; the rest are counted (the file marks them all)."""
MAX_FIXES_PER_GROUP = 4


def render_report(report: VtrReport, t: Translator, html: bool = False) -> str:
    """The whole report; callers split it for Telegram's 4,096-character limit."""
    m = Markup(html)
    category_section = _group_section(
        _category_title(report, t),
        report.enforced_units(),
        t,
        m,
        lambda n: category_label(t, n),
        MAX_LISTED_GROUPS,
        outlook=True,
        planned=report.planned,
    )
    sections = [_headline(report, t, m), plan_section(report.plan, t, m), category_section]
    sections += _breakdown_sections(report, t, m)
    sections += [_defect_section(report, t, m), excluded_text(report, t)]
    sections.append(_notes_section(report, t, m))
    return "\n\n".join(s for s in sections if s)


def _category_title(report: VtrReport, t: Translator) -> str:
    if report.per_shop:
        if report.per_marketplace:
            return t._("By shop, category and marketplace")
        return t._("By shop and category")
    return t._("By category and marketplace") if report.per_marketplace else t._("By category")


def _breakdown_sections(report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """Shops, each its own account, when the upload holds several; marketplaces (judged by
    Amazon, so with verdicts) when it has more than one; then where the defects come from,
    by carrier (a breakdown: Amazon judges no carrier)."""
    sections = []
    if len(report.by_shop) > 1:
        sections.append(
            _group_section(
                t._("By shop"),
                report.by_shop,
                t,
                m,
                lambda n: shop_label(t, n),
                MAX_LISTED_OTHERS,
                planned=report.shop_plan,
            )
        )
    if len(report.by_marketplace) > 1:
        sections.append(
            _group_section(
                t._("By marketplace"),
                report.by_marketplace,
                t,
                m,
                lambda n: marketplace_label(t, n),
                MAX_LISTED_OTHERS,
                planned=lambda s: report.planned(s, "marketplace"),
            )
        )
    sections.append(_carrier_section(report.by_carrier, report.carrier_reasons, t, m))
    return sections


def carrier_defects(report: VtrReport, t: Translator, m: Markup) -> str:
    """The report's defects by carrier, most first (the answer to "which carrier has the
    most problems?")."""
    return _carrier_section(report.by_carrier, report.carrier_reasons, t, m)


def _carrier_section(
    carriers: list[GroupStats], reasons: dict[str, DefectReason], t: Translator, m: Markup
) -> str:
    """Defects by carrier: counts and the main reason, most defects first; no bar."""
    with_defects = sorted(
        (s for s in carriers if s.valid < s.shipments),
        key=lambda s: (s.valid - s.shipments, s.name),
    )
    if not with_defects:
        return ""
    lines = [m.bold(t._("Defects by carrier")), t._("Amazon judges categories and marketplaces, not carriers: this shows where the defects come from.")]  # fmt: skip
    for stats in with_defects[:MAX_LISTED_OTHERS]:
        # Named first: a call nested in ngettext's arguments made pybabel extract the
        # message without its plural, and Chinese replies showed the English line.
        carrier = m.value(carrier_label(t, stats.name))
        line = t.ngettext(
            "{carrier}: {count} defect in {shipments} packages",
            "{carrier}: {count} defects in {shipments} packages",
            stats.shipments - stats.valid,
            carrier=carrier,
            shipments=t.number(stats.shipments),
        )
        if stats.name in reasons:
            line += " · " + t._("mostly: {reason}", reason=reason_text(t, reasons[stats.name]))
        lines.append(f"• {line}")
    if len(with_defects) > MAX_LISTED_OTHERS:
        lines.append(_more_groups(t, len(with_defects) - MAX_LISTED_OTHERS))
    return "\n".join(lines)


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
    if report.overall.shipments == 0:
        lines += headline_lines(t, report)
        if report.excluded.get("fba") and report.excluded["fba"] == sum(report.excluded.values()):
            lines.append(
                t._(
                    "This is an FBA report: Amazon ships these orders, and VTR counts only the ones you ship yourself. Send your self-fulfilled (FBM) order or shipment report."
                )
            )
        return "\n".join(lines)
    verdict, pooled = headline_lines(t, report)
    lines += [m.bold(verdict), pooled, *carrier_not_found_lines(t, report, m)]
    lines.append(
        t._(
            "Seller Central may show another figure: Amazon counts each package by its promised delivery date and updates about two weeks late."
        )
    )
    return "\n".join(lines)


def plan_section(
    plan: list[PlannedGroup], t: Translator, m: Markup, limit: int = MAX_PLANNED_GROUPS
) -> str:
    """The fewest fixes that bring each group above the bar, newest first."""
    if not plan:
        return ""
    lines = [m.bold(t._("Fix plan: the fewest packages to fix")), *plan_lead(plan, t, m)]
    lines.append(_evidence_text(t, [d for g in plan for d in g.fixes]))
    if sent := sum(d.fix == "sent" for g in plan for d in g.fixes):
        lines.append(
            t.ngettext(
                "{count} of these fixes was sent to Amazon from the chat: the plan still counts it as to fix until a sync shows Amazon took it.",
                "{count} of these fixes were sent to Amazon from the chat: the plan still counts them as to fix until a sync shows Amazon took them.",
                sent,
            )
        )
    for group in plan[:limit]:
        lines.append(plan_heading(group, t, m))
        lines += [f"   {fix_line(d, t, m)}" for d in group.fixes[:MAX_FIXES_PER_GROUP]]
        if len(group.fixes) > MAX_FIXES_PER_GROUP:
            lines.append("   " + _more_in_file(t, len(group.fixes) - MAX_FIXES_PER_GROUP))
    if len(plan) > limit:
        lines.append(_more_planned(plan[limit:], t, m))
    lines.append(action_text(t, None))
    return "\n".join(lines)


def plan_lead(plan: list[PlannedGroup], t: Translator, m: Markup) -> list[str]:
    """What the plan does for the categories: the one it saves, or how many of them; the
    plan's first line, and what an answer about the chat's own fixes leads with."""
    planned = sum(len(g.fixes) for g in plan)
    savable = sum(g.savable for g in plan if g.scope == "category")
    categories = [g for g in plan if g.scope == "category"]
    if len(categories) == 1 and savable:
        only = categories[0]
        return [
            t.ngettext(
                "Fix {count} package to bring {category} above 95%.",
                "Fix {count} packages to bring {category} above 95%.",
                planned,
                category=planned_label(t, m, only),
            )
        ]
    if not categories:
        return []
    per_marketplace = any(g.marketplace is not None for g in categories)
    return [_plan_summary(t, planned, savable, len(categories), per_marketplace)]


MAX_NAMED_GROUPS = 8
"""Groups of the plan beyond those shown in full that are still named."""


def _more_planned(rest: list[PlannedGroup], t: Translator, m: Markup) -> str:
    """The plan's groups not shown in full, by name, so none is left anonymous."""
    names = [
        unit_label(t, m, g.name, g.marketplace, g.shop)
        if g.scope == "category"
        else _market_name(t, m, g)
        for g in rest[:MAX_NAMED_GROUPS]
    ]
    if len(rest) > MAX_NAMED_GROUPS:
        names.append("…")
    return t.ngettext(
        "…and {count} more group below the bar ({names}): its fixes are marked in the defect file.",
        "…and {count} more groups below the bar ({names}): their fixes are marked in the defect file.",
        len(rest),
        names=t._(", ").join(names),
    )


def _market_name(t: Translator, m: Markup, group: PlannedGroup) -> str:
    name = m.value(marketplace_label(t, group.name))
    return name if group.shop is None else in_shop(t, m, name, group.shop)


def _evidence_text(t: Translator, fixes: list[Defect]) -> str:
    """What the plan knows of each package's delivery: the file's status, or an estimate."""
    in_transit = sum(d.in_transit for d in fixes)
    if not in_transit:
        return t._(
            "Newest first: tracking added after delivery is itself a defect, so each fix is due by the package's estimated delivery (ship date + typical transit)."
        )
    return t.ngettext(
        "Newest first: tracking added after delivery is itself a defect. Your file shows {count} of these packages in transit: fix it now; the others are due by their estimated delivery (ship date + typical transit).",
        "Newest first: tracking added after delivery is itself a defect. Your file shows {count} of these packages in transit: fix them now; the others are due by their estimated delivery (ship date + typical transit).",
        in_transit,
    )


def _plan_summary(
    t: Translator, planned: int, savable: int, categories: int, per_marketplace: bool
) -> str:
    """`per_marketplace`: the categories planned are each on one marketplace."""
    if per_marketplace and savable:
        return _plan_summary_per_marketplace(t, planned, savable, categories)
    if savable == categories:
        return t.ngettext(
            "Fix {count} package to bring every category above 95%.",
            "Fix {count} packages to bring every category above 95%.",
            planned,
        )
    if savable == 0:
        text = t._(
            "No category can get back above 95% by fixing packages still in transit: each recovers as its old defects leave the window."
        )
        if planned:
            text += sentence_gap(t) + t.ngettext(
                "The {count} fix listed still raises its VTR.",
                "The {count} fixes listed still raise their VTR.",
                planned,
            )
        return text
    return t.ngettext(
        "Fix {count} package to bring {saved} of {below} categories above 95%.",
        "Fix {count} packages to bring {saved} of {below} categories above 95%.",
        planned,
        saved=t.number(savable),
        below=t.number(categories),
    )


def _plan_summary_per_marketplace(
    t: Translator, planned: int, savable: int, categories: int
) -> str:
    if savable == categories:
        return t.ngettext(
            "Fix {count} package to bring every category on every marketplace above 95%.",
            "Fix {count} packages to bring every category on every marketplace above 95%.",
            planned,
        )
    return t.ngettext(
        "Fix {count} package to bring {saved} of {below} categories above 95%, each on the marketplace where it falls short.",
        "Fix {count} packages to bring {saved} of {below} categories above 95%, each on the marketplace where it falls short.",
        planned,
        saved=t.number(savable),
        below=t.number(categories),
    )


def _more_in_file(t: Translator, count: int) -> str:
    return t.ngettext(
        "…and {count} more in the defect file.", "…and {count} more in the defect file.", count
    )


def _group_section(
    title: str,
    groups: list[GroupStats],
    t: Translator,
    m: Markup,
    label: Callable[[str], str],
    limit: int,
    outlook: bool = False,
    planned: Callable[[GroupStats], PlannedGroup | None] | None = None,
) -> str:
    """`planned`: a group's entry in the fix plan (`VtrReport.planned`), so a line says
    what the plan says of its group."""
    if not groups:
        return ""
    lines = [m.bold(title)]
    lines += [
        group_line(s, t, m, label(s.name), outlook, planned=planned(s) if planned else None)
        for s in groups[:limit]
    ]
    if len(groups) > limit:
        lines.append(_more_groups(t, len(groups) - limit))
    return "\n".join(lines)


def _more_groups(t: Translator, count: int) -> str:
    return t.ngettext(
        "…and {count} more: every group with a defect is in the defect file's last sheet.",
        "…and {count} more: every group with a defect is in the defect file's last sheet.",
        count,
    )


def _defect_section(report: VtrReport, t: Translator, m: Markup) -> str:
    if not report.defects:
        return ""
    counts = Counter(defect_reason_text(t, d) for d in report.defects)
    lines = [m.bold(t.ngettext("{count} defect", "{count} defects", len(report.defects)))]
    lines += [f"• {reason}: {t.number(n)}" for reason, n in counts.most_common()]
    late = [d for d in report.defects if not d.editable(report.as_of)]
    delivered = sum(d.evidence == "delivered" for d in late)
    if delivered:
        lines.append(
            t.ngettext(
                "{count} of them is delivered according to your file: too late to edit, it only leaves the window 30 days after shipping (dates in the defect file).",
                "{count} of them are delivered according to your file: too late to edit, they only leave the window 30 days after shipping (dates in the defect file).",
                delivered,
            )
        )
    if len(late) > delivered:
        lines.append(
            t.ngettext(
                "{count} of them is probably delivered (ship date + typical transit has passed): too late to edit, it only leaves the window 30 days after shipping (dates in the defect file).",
                "{count} of them are probably delivered (ship date + typical transit has passed): too late to edit, they only leave the window 30 days after shipping (dates in the defect file).",
                len(late) - delivered,
            )
        )
    in_transit = sum(d.in_transit for d in report.defects)
    if in_transit:
        lines.append(
            t.ngettext(
                "{count} of them is in transit according to your file: it can still be fixed.",
                "{count} of them are in transit according to your file: they can still be fixed.",
                in_transit,
            )
        )
    return "\n".join(lines)


def carrier_label(t: Translator, name: str) -> str:
    """A carrier group's name as the report shows it: rows that named none are "(none)"."""
    return name or t._("(none)")


def excluded_text(report: VtrReport, t: Translator) -> str:
    """The rows left out of VTR by reason ("Not counted: FBA 6, cancelled 4"): the report's
    section, and the answer to "were my FBA rows counted?"."""
    names = exclusion_names(t)
    parts = [
        f"{names.get(reason, reason)} {t.number(n)}" for reason, n in report.excluded.items() if n
    ]
    return t._("Not counted: {parts}", parts=", ".join(parts)) if parts else ""


def exclusion_names(t: Translator) -> dict[str, str]:
    """Each reason a row is left out of VTR, as the report names it."""
    return {
        "not_amazon_platform": t._("orders of other platforms (eBay, Shopee …)"),
        "fba": t._("FBA (Amazon-fulfilled)"),
        "cancelled": t._("cancelled"),
        "not_shipped": t._("not shipped"),
        "unreadable_date": t._("unreadable ship date"),
        "eu_letter_under_20": t._("EU letter under EUR 20"),
        "jp_under_1000": t._("Japan under JPY 1,000"),
        "outside_window": t._("outside the 30-day window"),
    }


def _notes_section(report: VtrReport, t: Translator, m: Markup) -> str:
    notes = []
    for warning in report.warnings:
        text = _warning_text(warning.code, warning.count, m.esc(shorten(warning.detail, 200)), t)
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
        "marketplace_by_address": lambda: t.ngettext(
            "No column names the marketplace of {count} row, so it is judged under its buyer's country's (the column of the country it ships to). An order sent abroad (an Amazon.de order to Austria) belongs to the marketplace it was sold on: add a marketplace column if you sell across borders.",
            "No column names the marketplace of {count} rows, so they are judged under their buyer's country's (the column of the country they ship to). An order sent abroad (an Amazon.de order to Austria) belongs to the marketplace it was sold on: add a marketplace column if you sell across borders.",
            count,
        ),
        "marketplace_by_currency": lambda: t.ngettext(
            "No column names the marketplace of {count} row, so it is judged under the one marketplace its currency is used on (pounds: Amazon.co.uk). If you sell on several marketplaces, add a marketplace column.",
            "No column names the marketplace of {count} rows, so they are judged under the one marketplace their currency is used on (pounds: Amazon.co.uk). If you sell on several marketplaces, add a marketplace column.",
            count,
        ),
        "missing_order_id": lambda: t.ngettext(
            "{count} row has no order ID and was skipped.",
            "{count} rows have no order ID and were skipped.",
            count,
        ),
        "unread_sheets": lambda: t.ngettext(
            "The sheet {names} of your workbook was not read: it has no order table, or not the same columns as the sheet I read. If it holds orders, send it as a file of its own.",
            "The sheets {names} of your workbook were not read: they have no order table, or not the same columns as the sheet I read. If they hold orders, send them as files of their own.",
            count,
            names=detail,
        ),
        "scientific_notation_tracking": lambda: t.ngettext(
            "{count} tracking number was turned into a number like 9.40011E+21 by Excel: its digits are lost in this file, so it fits no carrier's format and counts as a defect here. If your ERP uploaded the whole number before the export was opened in Excel, Amazon may hold it right: export again with the tracking column formatted as text to check.",
            "{count} tracking numbers were turned into numbers like 9.40011E+21 by Excel: their digits are lost in this file, so they fit no carrier's format and count as defects here. If your ERP uploaded the whole numbers before the export was opened in Excel, Amazon may hold them right: export again with the tracking column formatted as text to check.",
            count,
        ),
        "full_width_tracking": lambda: t.ngettext(
            "{count} tracking number is written in full-width characters (typed with a Chinese or Japanese input method, or pasted from a chat). I judge it as the same number in half-width characters, but Amazon needs it uploaded in half-width: {examples}",
            "{count} tracking numbers are written in full-width characters (typed with a Chinese or Japanese input method, or pasted from a chat). I judge them as the same numbers in half-width characters, but Amazon needs them uploaded in half-width: {examples}",
            count,
            examples=detail,
        ),
        "reused_tracking": lambda: t.ngettext(
            "{count} tracking number is used on more than one order: {examples}",
            "{count} tracking numbers are used on more than one order: {examples}",
            count,
            examples=detail,
        ),
        "uk_letter_counted": lambda: t.ngettext(
            "{count} UK letter is counted here: untracked, it is exempt only if its Royal Mail postage was bought through Buy Shipping, which the file does not show.",
            "{count} UK letters are counted here: untracked, one is exempt only if its Royal Mail postage was bought through Buy Shipping, which the file does not show.",
            count,
        ),
        "categories_from_amazon": lambda: t._(
            "Categories from Amazon's catalog: {names}.", names=detail
        ),
        "categories_from_upload": lambda: t._(
            "Categories from your own uploaded files: {names}. Send /categories to choose whose categories count.",
            names=detail,
        ),
        "categories_not_found": lambda: t.ngettext(
            "{count} shipment has no category: Amazon's catalog gave none for its product or could not be reached. To supply categories, send me one order report with a category column; I keep them for those products.",
            "{count} shipments have no category: Amazon's catalog gave none for their products or could not be reached. To supply categories, send me one order report with a category column; I keep them for those products.",
            count,
        ),
        "carrier_from_service": lambda: t._(
            "Your file has no carrier column, so I read the carrier from the shipping service: {examples}. Check it matches the carrier you picked on Amazon.",
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
