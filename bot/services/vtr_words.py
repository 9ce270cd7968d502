"""Words the report and the daily alert share: one place for each sentence about a group,
a defect or a fix, in the reader's language (gettext), plain text or Telegram HTML.

Values from a seller's file (category names, order IDs, tracking numbers, carrier names)
are escaped and cut to `MAX_LABEL` characters: a file decides how many lines a message
lists only through the callers' bounds, and how long each is only through this one.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from bot.domain.bar import exact_rate, percent_decimals
from bot.domain.models import (
    AT_RISK_DAYS,
    UNCATEGORIZED,
    UNSPECIFIED_MARKETPLACE,
    Defect,
    DefectReason,
    FixMark,
    GroupStats,
    PlannedGroup,
    Verdict,
    VtrReport,
    unit_marketplace,
    unit_shop,
)
from bot.domain.reference import marketplace_by_code
from bot.domain.vtr import CARRIER_NOT_FOUND
from bot.services.i18n import Translator
from bot.services.lines import esc

MAX_LABEL = 40
"""Characters of a seller's value shown in a message (the file has them whole)."""


def shorten(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Markup:
    """Bold and escaping for HTML; nothing for plain text."""

    def __init__(self, html: bool) -> None:
        self.html = html

    def esc(self, text: object) -> str:
        return esc(text) if self.html else str(text)

    def value(self, text: str) -> str:
        """A value from the seller's file: shortened, then escaped."""
        return self.esc(shorten(text))

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


def placeholder_text(t: Translator) -> str:
    """A tracking cell holding 无, 待上传, N/A, 0 …: missing tracking, said as such."""
    return t._("no tracking number: a placeholder stands in its place")


def defect_reason_text(t: Translator, defect: Defect) -> str:
    return placeholder_text(t) if defect.placeholder else reason_text(t, defect.reason)


def action_text(t: Translator, reason: DefectReason | None) -> str:
    """The full sentence for what to do about a reason (the defect file's legend)."""
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


def short_action(t: Translator, defect: Defect) -> str:
    """What to do about one defect, in a few words (a message line, a file cell)."""
    if defect.looks_like and defect.reason == "unknown_carrier":
        return t._("pick {carrier} from Amazon's list", carrier=defect.looks_like)
    if defect.looks_like:
        return t._(
            "this number looks like a {carrier} number: pick {carrier} from Amazon's list",
            carrier=defect.looks_like,
        )
    return {
        "missing_tracking": t._("add the tracking number"),
        "unknown_carrier": t._("pick the carrier from Amazon's list"),
        "bad_format": t._("correct the number"),
        "bad_check_digit": t._("correct the number"),
    }[defect.reason]


def category_label(t: Translator, name: str) -> str:
    return t._("Uncategorized") if name == UNCATEGORIZED else name


def unit_label(
    t: Translator, m: Markup, name: str, marketplace: str | None = None, shop: str | None = None
) -> str:
    """A category as the seller reads it, shortened and escaped; a category judged in one
    marketplace (a cell of a report that spans several) names it: 'Toys on Amazon.de (DE)',
    or says its rows name none; one judged within a shop (a file of several) names the
    shop too."""
    label = m.value(category_label(t, name))
    if marketplace in ("", UNSPECIFIED_MARKETPLACE):  # rows naming none: never '(none)的Toys'
        label = t._("{category} (no marketplace named)", category=label)
    elif marketplace is not None:
        label = t._(
            "{category} on {marketplace}",
            category=label,
            marketplace=m.value(marketplace_label(t, marketplace)),
        )
    return label if shop is None else in_shop(t, m, label, shop)


def in_shop(t: Translator, m: Markup, label: str, shop: str) -> str:
    """A group's label (already escaped) within one shop: 'Toys in shop Moon-EU'."""
    return t._("{group} in shop {shop}", group=label, shop=m.value(shop_label(t, shop)))


def shop_label(t: Translator, shop: str) -> str:
    """A shop's name; shipments no shop is named for (older uploads beside a file that
    names shops) as such."""
    return shop or t._("(no shop named)")


def stats_label(t: Translator, m: Markup, stats: GroupStats) -> str:
    """An enforcement unit's label: its category, with its marketplace and shop when it is
    judged on one (`unit_label`)."""
    return unit_label(t, m, stats.name, unit_marketplace(stats), unit_shop(stats))


def marketplace_label(t: Translator, code: str) -> str:
    market = marketplace_by_code().get(code)
    if market is None:
        return t._("no marketplace named") if code in ("", UNSPECIFIED_MARKETPLACE) else code
    return f"{market.zh} ({code})" if t.lang == "zh" else f"{market.domain.capitalize()} ({code})"


def rate_percent(t: Translator, rate: Fraction | float | int | None) -> str:
    """A VTR (a fraction, exact or Amazon's float) as a percentage that is never read on the
    wrong side of the bar: 95.02% and 95.0% (19 of 20, below), never 95.0% for both. Every
    rate a seller reads goes through here: report, alert, /vtr, chart, answers."""
    if rate is None:
        return t.percent(None)
    exact = exact_rate(rate)
    shown = Decimal(exact.numerator) / Decimal(exact.denominator)
    return t.percent(shown, percent_decimals(exact))


def stats_percent(t: Translator, stats: GroupStats) -> str:
    """A group's VTR from its counts, exactly (the float `vtr` only for display elsewhere)."""
    return rate_percent(t, Fraction(stats.valid, stats.shipments) if stats.shipments else None)


def ratio_text(t: Translator, stats: GroupStats) -> str:
    """'90.0% (18 of 20 packages valid)' in the reader's language."""
    return t.ngettext(
        "{vtr} ({valid} of {count} package valid)",
        "{vtr} ({valid} of {count} packages valid)",
        stats.shipments,
        vtr=stats_percent(t, stats),
        valid=t.number(stats.valid),
    )


def headline_lines(t: Translator, report: VtrReport) -> list[str]:
    """The first lines of the report and the daily alert: Amazon's verdict, on the units it
    enforces the bar on (each category, on each marketplace, within each shop), with the
    mark; then every package pooled, as context with no mark. Amazon never judges a pooled
    figure, and a seller who reads only the first line must not be told a file passes while
    a category of it is restricted."""
    if report.overall.shipments == 0:
        return [t._("No self-fulfilled shipments fall inside the window.")]
    mark = "❌" if report.verdict.below else "✅"
    return [f"{mark} {verdict_line(t, report)}", pooled_line(t, report.overall)]


def carrier_not_found_lines(t: Translator, report: VtrReport, m: Markup) -> list[str]:
    """Said under the report's and the alert's headline when (nearly) every package's carrier
    is unknown (vtr.CARRIER_NOT_FOUND): the figure is the reading's, so the seller is told which values
    were read as carriers and what to send instead, never a bare 0%."""
    codes = {warning.code: warning for warning in report.warnings}
    found = codes.get(CARRIER_NOT_FOUND)
    if found is None:
        return []
    names = m.esc(shorten(found.detail, 200))
    values = dict(count=found.count, total=report.overall.shipments, names=names)
    if "carrier_from_service" in codes:
        return [
            "⚠️ "
            + t._(
                "{count} of {total} packages have a carrier I do not know ({names}), so this figure is not your VTR: your file has no carrier column, and the shipping service I read the carrier from names none. Add a carrier column (Carrier, 承运商) with each package's carrier as picked on Amazon, then send the file again.",
                **values,
            )
        ]
    return [
        "⚠️ "
        + t._(
            "{count} of {total} packages have a carrier I do not know ({names}), so this figure is not your VTR: the carrier column I read names no carrier I know. Check that it holds each package's carrier as picked on Amazon (UPS, YunExpress, China Post…), then send the file again.",
            **values,
        )
    ]


def verdict_line(t: Translator, report: VtrReport) -> str:
    """Amazon's verdict in words: how many of the units it enforces the bar on are not
    above 95%, and how it judges them (the headline's first line, without its mark)."""
    return _verdict_words(t, report.verdict)


def pooled_line(t: Translator, overall: GroupStats) -> str:
    """Every counted package together: a figure a seller may compare with a sheet of their
    own, said to be no verdict (the bar's side is not named: Amazon judges no such figure)."""
    return t._(
        "All packages together: {ratio}, for context only: Amazon does not judge this pooled figure.",
        ratio=ratio_text(t, overall),
    )


def _verdict_words(t: Translator, verdict: Verdict) -> str:
    """How many of the enforced units are not above 95%, and how Amazon judges them: per
    category, per category and marketplace, or within each shop (its own account)."""
    below, total = verdict.below, verdict.units
    if verdict.per_shop:
        return _verdict_per_shop(t, below, total, verdict.per_marketplace)
    if verdict.per_marketplace:
        return _verdict_per_marketplace(t, below, total)
    if total == 1:
        if below:
            return t._(
                "Your category is not above 95%, Amazon's bar: it judges each category on its own."
            )
        return t._("Your category is above 95%, Amazon's bar: it judges each category on its own.")
    if not below:
        return t._(
            "All {total} categories are above 95%, Amazon's bar: it judges each category on its own.",
            total=t.number(total),
        )
    return t.ngettext(
        "{count} of {total} categories is not above 95%, Amazon's bar: it judges each category on its own.",
        "{count} of {total} categories are not above 95%, Amazon's bar: it judges each category on its own.",
        below,
        total=t.number(total),
    )


def _verdict_per_marketplace(t: Translator, below: int, total: int) -> str:
    if not below:
        return t._(
            "All {total} categories on their marketplaces are above 95%, Amazon's bar: it judges each category on each marketplace.",
            total=t.number(total),
        )
    return t.ngettext(
        "{count} of {total} categories on their marketplaces is not above 95%, Amazon's bar: it judges each category on each marketplace.",
        "{count} of {total} categories on their marketplaces are not above 95%, Amazon's bar: it judges each category on each marketplace.",
        below,
        total=t.number(total),
    )


def _verdict_per_shop(t: Translator, below: int, total: int, per_marketplace: bool) -> str:
    """Each shop is its own account: its categories (on each marketplace) judged on their own."""
    if per_marketplace:
        if not below:
            return t._(
                "All {total} categories of your shops on their marketplaces are above 95%, Amazon's bar: each shop is its own Amazon account, each category judged on each marketplace.",
                total=t.number(total),
            )
        return t.ngettext(
            "{count} of {total} categories of your shops on their marketplaces is not above 95%, Amazon's bar: each shop is its own Amazon account, each category judged on each marketplace.",
            "{count} of {total} categories of your shops on their marketplaces are not above 95%, Amazon's bar: each shop is its own Amazon account, each category judged on each marketplace.",
            below,
            total=t.number(total),
        )
    if not below:
        return t._(
            "All {total} categories of your shops are above 95%, Amazon's bar: each shop is its own Amazon account, each of its categories judged on its own.",
            total=t.number(total),
        )
    return t.ngettext(
        "{count} of {total} categories of your shops is not above 95%, Amazon's bar: each shop is its own Amazon account, each of its categories judged on its own.",
        "{count} of {total} categories of your shops are not above 95%, Amazon's bar: each shop is its own Amazon account, each of its categories judged on its own.",
        below,
        total=t.number(total),
    )


def needed_text(t: Translator, needed: int) -> str:
    return t.ngettext(
        "fix {count} package to get above 95%", "fix {count} packages to get above 95%", needed
    )


def recovery_text(t: Translator, stats: GroupStats | PlannedGroup) -> str:
    assert stats.recovery_date is not None
    return t._(
        "back above 95% by {date} if every new package is valid",
        date=t.date(stats.recovery_date),
    )


def at_risk_text(t: Translator) -> str:
    """The at-risk rule, with what it assumes."""
    return t.ngettext(
        "at risk: may fall to or under 95% within {count} day if new packages keep last week's defect rate at the 30-day average volume",
        "at risk: may fall to or under 95% within {count} days if new packages keep last week's defect rate at the 30-day average volume",
        AT_RISK_DAYS,
    )


def group_line(
    stats: GroupStats,
    t: Translator,
    m: Markup,
    label: str,
    outlook: bool = True,
    falling: bool = False,
    planned: PlannedGroup | None = None,
) -> str:
    """One group's line: mark, VTR, fixes needed, and (with `outlook`) when it is back
    above the bar or whether it is at risk. A cell is labelled with its marketplace. `falling`: above the bar but dropping.
    `planned`: the group's fix plan, whose verdict the line repeats (a group fixing
    cannot save is never told "fix N packages")."""
    ok_mark = "📉" if falling else "✅"
    mark = "❌" if stats.below_threshold else ("⚠️" if stats.at_risk and outlook else ok_mark)
    cell = unit_marketplace(stats) is not None or unit_shop(stats) is not None
    shown = stats_label(t, m, stats) if cell else m.value(label)
    line = f"{mark} {shown}: {ratio_text(t, stats)}"
    if stats.below_threshold:
        line += " · " + fix_advice(t, stats, planned)
        if outlook and stats.recovery_date:
            line += " · " + recovery_text(t, stats)
    elif outlook and stats.at_risk:
        line += " · " + at_risk_text(t)
    elif falling:
        line += " · " + t._("still above 95%, but falling")
    return line


def fix_line(defect: Defect, t: Translator, m: Markup, as_of: date | None = None) -> str:
    """One planned fix: which package, what is wrong, what to do and by when; given the
    report's `as_of`, a defect that can no longer be edited says so instead of a date
    already past."""
    number = m.code(m.value(defect.tracking)) if defect.tracking else "—"
    line = f"• {m.value(defect.order_id)} · {m.value(defect.carrier or '—')} {number}"
    line += f" · {defect_reason_text(t, defect)} → {m.esc(short_action(t, defect))}"
    if as_of is not None and not defect.editable(as_of):
        line += " · " + too_late_text(t, defect)
    elif defect.in_transit:
        line += " · " + t._("in transit according to your file: fix it now")
    elif defect.fix_by:
        line += " · " + t._("by {date} (estimated delivery)", date=t.date(defect.fix_by))
    if defect.fix:
        line += " · " + m.bold(m.esc(fix_mark_text(t, defect.fix)))
    return line


def too_late_text(t: Translator, defect: Defect) -> str:
    """Why a listed defect can no longer be fixed: delivered by the file, or past the
    estimated delivery it was due by."""
    if defect.evidence == "delivered":
        return t._("delivered according to your file: no longer fixable")
    if defect.fix_by is None:
        return t._("probably delivered: no longer fixable")
    return t._(
        "past its fix-by date ({date}): probably delivered, no longer fixable",
        date=t.date(defect.fix_by),
    )


def fix_mark_text(t: Translator, mark: FixMark) -> str:
    """What became of a fix sent from the chat, as the report and the defect file say it."""
    texts: dict[FixMark, str] = {
        "sent": t._("fix sent: counted once a sync shows Amazon took it"),
        "accepted": t._("fix accepted by Amazon"),
        "refused": t._("fix refused by Amazon: send it again"),
    }
    return texts[mark]


def in_transit_action(t: Translator, action: str) -> str:
    """A defect-file action for a package the file shows in transit."""
    return t._("{action} (in transit according to your file)", action=action)


def plan_heading(group: PlannedGroup, t: Translator, m: Markup) -> str:
    """A planned group's first line: its VTR and what the plan does for it."""
    label = planned_label(t, m, group)
    stats = GroupStats(
        name=group.name,
        shipments=group.shipments,
        valid=group.valid,
        vtr=group.valid / group.shipments,
        below_threshold=True,
        needed=group.needed,
    )
    head = f"❌ {label}: {ratio_text(t, stats)}"
    if group.savable:
        return f"{head} · {_savable_text(group, t)}"
    head += " · " + cannot_fix_text(t, group)
    if group.recovery_date:
        head += " · " + recovery_text(t, group)
    return head


def planned_label(t: Translator, m: Markup, group: PlannedGroup) -> str:
    """A planned group's label: a category (on its marketplace), a marketplace (within its
    shop when the file holds several), or a shop."""
    if group.scope == "category":
        return unit_label(t, m, group.name, group.marketplace, group.shop)
    if group.scope == "shop":  # `VtrReport.shop_plan`: a shop is its own account
        return m.esc(t._("Shop {name}", name=shop_label(t, group.name)))
    label = m.esc(t._("marketplace {name}", name=shorten(marketplace_label(t, group.name))))
    return label if group.shop is None else in_shop(t, m, label, group.shop)


def cannot_fix_text(t: Translator, group: PlannedGroup) -> str:
    """Why fixing cannot bring a planned group above the bar (plan and category list alike)."""
    if group.editable:
        return t.ngettext(
            "cannot get above 95% by fixing: it would take fixing {needed} packages, and only {count} of its defects can still be edited",
            "cannot get above 95% by fixing: it would take fixing {needed} packages, and only {count} of its defects can still be edited",
            group.editable,
            needed=t.number(group.needed),
        )
    return t.ngettext(
        "cannot get above 95% by fixing: it would take fixing {count} package, and its defects are delivered or probably delivered",
        "cannot get above 95% by fixing: it would take fixing {count} packages, and its defects are delivered or probably delivered",
        group.needed,
    )


def fix_advice(t: Translator, stats: GroupStats, planned: PlannedGroup | None) -> str:
    """What fixing does for a group below the bar, by its fix plan's verdict: the fixes
    that bring it above 95%, or why fixing cannot (its defects delivered or too few still
    editable). /vtr's lists, the alerts, the overview and every answer naming fixes say
    it with this one function, so the bare count is never offered for a group the plan
    cannot save."""
    if planned is not None and not planned.savable:
        return cannot_fix_text(t, planned)
    return needed_text(t, stats.needed)


def first_fix_by(group: PlannedGroup) -> date | None:
    """The soonest estimated delivery among a group's planned fixes: the last day the
    first of them can still be edited (None when every one is in transit or undated)."""
    dates = [d.fix_by for d in group.fixes if d.fix_by and not d.in_transit]
    return min(dates) if dates else None


def _savable_text(group: PlannedGroup, t: Translator) -> str:
    if group.covered and not group.fixes:
        return t._("the fixes planned for its categories are enough")
    if group.covered:
        return t.ngettext(
            "fix {count} more package beyond its categories' fixes",
            "fix {count} more packages beyond its categories' fixes",
            len(group.fixes),
        )
    return needed_text(t, group.needed)
