"""The sentences every family of own-data answers shares: a group's name and verdict, the
shop's figure, a group's line as /vtr lists it. One wording, so an answer about fixes and
one about figures never describe the same group differently.
"""

from __future__ import annotations

from bot.domain.knowledge.decide import percent_text
from bot.domain.models import GroupStats, PlannedGroup, VtrReport
from bot.services.i18n import Translator
from bot.services.lines import list_separator, sentence_gap
from bot.services.own_data.groups import is_marketplace, is_shop, plan_of, shop_units
from bot.services.vtr_words import (
    Markup,
    first_fix_by,
    fix_advice,
    group_line,
    marketplace_label,
    pooled_line,
    ratio_text,
    recovery_text,
    shop_label,
    stats_label,
    verdict_line,
)


def changed_figures(count: int, valid: int, shipments: int, t: Translator) -> dict[str, str]:
    """The placeholders of a group's figures once `count` packages changed side: the count,
    the valid packages then, the shipments and their rate."""
    return {
        "count": t.number(count),
        "valid": t.number(valid),
        "shipments": t.number(shipments),
        "percent": percent_text(valid, shipments),
    }


def planned_line(
    report: VtrReport, group: GroupStats, t: Translator, m: Markup, label: str, places: bool = False
) -> str:
    """A group's line as /vtr's list gives it, with the fix plan's word on it: a group that
    fixing cannot bring above 95% is never told "fix N packages" here either."""
    planned = report.planned(group, "marketplace" if places else "category")
    return group_line(group, t, m, label, planned=planned)


def group_label(group: GroupStats, report: VtrReport, t: Translator) -> str:
    if is_marketplace(group, report):
        return marketplace_label(t, group.name)
    if is_shop(group, report):
        return shop_name(t, group.name)
    return unit_name(t, group)


def shop_name(t: Translator, shop: str) -> str:
    return t._("Shop {name}", name=shop_label(t, shop))


def unit_name(t: Translator, group: GroupStats) -> str:
    """A category's name, with its marketplace when it is judged on one ('Toys on
    Amazon.de (DE)'), and its shop when the report holds several."""
    return stats_label(t, Markup(html=False), group)


def group_name(t: Translator, group: GroupStats, places: bool) -> str:
    return marketplace_label(t, group.name) if places else unit_name(t, group)


def group_verdict(group: GroupStats, report: VtrReport, t: Translator) -> str:
    label = group_label(group, report, t)
    ratio = ratio_text(t, group)
    below = [u for u in shop_units(report, group.name) if u.below_threshold]
    if is_shop(group, report) and below and not group.below_threshold:
        joiner = list_separator(t)
        # The shop's own figure and verdict first, what was asked; its failing categories
        # after it, since VTR is judged on them.
        return t._(
            "{shop} overall is above the bar (above 95%): {ratio}. Not every category passes, "
            "though: VTR is judged per category, and {names} is below the bar.",
            shop=label,
            names=joiner.join(unit_name(t, u) for u in below),
            ratio=ratio,
        )
    if not group.below_threshold:
        text = t._("{name} is above the bar (above 95%): {ratio}.", name=label, ratio=ratio)
        if group.at_risk:
            risk = t._("It is at risk: it may fall to 95% (or under) within a week.")
            text += sentence_gap(t) + risk
        return text
    planned = plan_of(group, report)
    if planned is not None and not planned.savable:
        return _cannot_save(group, planned, label, t)
    text = t.ngettext(
        "{name} is below the bar (VTR must be above 95%): {ratio}. Fix {count} package to get above it.",
        "{name} is below the bar (VTR must be above 95%): {ratio}. Fix {count} packages to get above it.",
        group.needed,
        name=label,
        ratio=ratio,
    )
    if planned is not None and (due := first_fix_by(planned)):
        text += sentence_gap(t) + t._(
            "The first is due by {date} (its estimated delivery): tracking added after delivery does not count.",
            date=t.date(due),
        )
    if group.recovery_date:
        text += sentence_gap(t) + t._("Without fixes: {when}.", when=recovery_text(t, group))
    return text


def _cannot_save(group: GroupStats, planned: PlannedGroup, label: str, t: Translator) -> str:
    """A group below the bar that the plan says fixing cannot save: why (its defects
    delivered, or too few still editable), what the ones still editable do, and the day
    it is back above 95% on its own, as /vtr's plan says it."""
    text = t._(
        "{name} is below the bar (VTR must be above 95%): {ratio}; {verdict}.",
        name=label,
        ratio=ratio_text(t, group),
        verdict=fix_advice(t, group, planned),
    )
    if planned.fixes:
        text += sentence_gap(t) + t.ngettext(
            "Fixing the {count} defect still editable raises its VTR, but not above 95%.",
            "Fixing the {count} defects still editable raises its VTR, but not above 95%.",
            len(planned.fixes),
        )
    if group.recovery_date:
        text += sentence_gap(t) + t._(
            "It recovers on its own: {when}.", when=recovery_text(t, group)
        )
    return text


def overall_line(report: VtrReport, t: Translator) -> str:
    """The shop's (or the file's) standing: Amazon's verdict on the units it judges first
    (those below named when the pooled figure is above the bar, since a shop at 96.7% can
    still lose a category; else as /vtr's headline counts them, each unit's own line
    following), then every package together as context in the headline's words
    (`pooled_line`, the one place the pooled figure is worded), and below the bar the fixes
    that would lift it, which "whole shop VTR?" asks of it."""
    overall = report.overall
    below = _units_below(report, t)
    if below and not overall.below_threshold:
        verdict = t._(
            "Not every category passes: {names} is below the bar, and VTR is judged per category.",
            names=below,
        )
    else:
        verdict = verdict_line(t, report)
    text = verdict + sentence_gap(t) + pooled_line(t, overall)
    if overall.below_threshold:
        text += sentence_gap(t) + t.ngettext(
            "Fixing {count} package would lift that pooled figure above 95%.",
            "Fixing {count} packages would lift that pooled figure above 95%.",
            overall.needed,
        )
    return text


def _units_below(report: VtrReport, t: Translator) -> str:
    joiner = list_separator(t)
    return joiner.join(unit_name(t, s) for s in report.enforced_units() if s.below_threshold)
