"""Answers about fixes and recovery: how many packages to fix (in all, per shop, for the whole
shop) in the words of /vtr's fix plan, and the day each group below the bar is back above
95% if every new package is valid.
"""

from __future__ import annotations

from datetime import date

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide import percent_text
from bot.domain.models import GroupStats, PlannedGroup, VtrReport, unit_marketplace, unit_shop
from bot.services.i18n import Translator
from bot.services.lines import list_separator, sentence_gap
from bot.services.own_data.groups import is_category, plan_of
from bot.services.own_data.phrases import SHOP
from bot.services.own_data.wording import shop_name, unit_name
from bot.services.report_text import plan_lead
from bot.services.vtr_words import (
    Markup,
    first_fix_by,
    fix_advice,
    in_shop,
    marketplace_label,
    ratio_text,
    recovery_text,
)


def named_fixes_in_all(report: VtrReport, named: list[GroupStats], t: Translator) -> list[str]:
    """ "户外用品要修几单": a category below the bar on several marketplaces (or several
    groups named) needs the fixes of each; asked how many, the sum is the answer, first,
    with where each share is, then those fixing can no longer save and the day each is back
    on its own (the verdicts follow). One group below: its verdict says it. Categories
    only: a shop or a marketplace named beside its own units would count twice."""
    below = [g for g in named if g.below_threshold and is_category(g, report)]
    if len(below) < 2:
        return []
    one_category = len({g.name for g in below}) == 1
    where = list_separator(t).join(
        t.ngettext(
            "{place}: {count} package",
            "{place}: {count} packages",
            g.needed,
            place=_unit_place(t, g) if one_category else unit_name(t, g),
        )
        for g in below
    )
    total = sum(g.needed for g in below)
    lost = [(g, p) for g in below if (p := plan_of(g, report)) is not None and not p.savable]
    if not lost:
        return [
            t.ngettext(
                "Fix {count} package in all to bring each of them above 95%: {where}.",
                "Fix {count} packages in all to bring each of them above 95%: {where}.",
                total,
                where=where,
            )
        ]
    lead = t.ngettext(
        "It takes fixing {count} package in all to bring each of them above 95%: {where}.",
        "It takes fixing {count} packages in all to bring each of them above 95%: {where}.",
        total,
        where=where,
    )
    return [lead, *_beyond_fixing(t, lost, one_category)]


def _beyond_fixing(
    t: Translator, lost: list[tuple[GroupStats, PlannedGroup]], one_category: bool
) -> list[str]:
    """Of the fixes counted in all, those that can no longer be made (their packages
    delivered or probably delivered), and the day each group they would save is back above
    95% on its own."""
    gone = sum(max(p.needed - p.covered - len(p.fixes), 0) for _, p in lost)
    dated = list_separator(t).join(
        t._(
            "{place} by {date}",
            place=_unit_place(t, g) if one_category else unit_name(t, g),
            date=t.date(p.recovery_date),
        )
        for g, p in lost
        if p.recovery_date
    )
    text = t.ngettext(
        "{count} of them can no longer be fixed: its package is delivered or probably delivered.",
        "{count} of them can no longer be fixed: their packages are delivered or probably delivered.",
        gone,
    )
    if dated:
        text += sentence_gap(t) + t._(
            "Those recover on their own, if every new package is valid: {dated}.", dated=dated
        )
    return [text]


def _unit_place(t: Translator, unit: GroupStats) -> str:
    """Where a unit of a category named is: its marketplace (and shop), the category
    being the one asked about; the unit's whole name when it has no marketplace."""
    marketplace, shop = unit_marketplace(unit), unit_shop(unit)
    if marketplace is None:
        return unit_name(t, unit)
    place = marketplace_label(t, marketplace)
    return place if shop is None else in_shop(t, Markup(html=False), place, shop)


def shop_fixes(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """ "整店要修几单": the shop's own fewest fixes first, when the whole shop is asked of;
    the categories' plan follows, since Amazon judges each category."""
    if not SHOP.search(case.text):
        return []
    overall = report.overall
    if not overall.below_threshold:
        return [
            t._("The whole shop is above the bar already: {ratio}.", ratio=ratio_text(t, overall))
        ]
    after = overall.valid + overall.needed
    values = {
        "valid": t.number(after),
        "shipments": t.number(overall.shipments),
        "percent": percent_text(after, overall.shipments),
    }
    if len(report.by_shop) > 1:
        return [_file_fixes(t, overall.needed, len(report.by_shop), values)]
    return [
        t.ngettext(
            "The whole shop: fix {count} package to get it above 95% ({valid} of {shipments} "
            "= {percent}%).",
            "The whole shop: fix {count} packages to get it above 95% ({valid} of {shipments} "
            "= {percent}%).",
            overall.needed,
            **values,
        )
    ]


def _file_fixes(t: Translator, needed: int, shops: int, values: dict[str, str]) -> str:
    """A file of several shops has no one shop's figure: its shops together, never judged."""
    return t.ngettext(
        "This file ({shops} shops together): fix {count} package to get that figure above "
        "95% ({valid} of {shipments} = {percent}%); Amazon judges each shop on its own.",
        "This file ({shops} shops together): fix {count} packages to get that figure above "
        "95% ({valid} of {shipments} = {percent}%); Amazon judges each shop on its own.",
        needed,
        shops=t.number(shops),
        **values,
    )


def fixes_lines(report: VtrReport, t: Translator, shops: list[str] | None = None) -> list[str]:
    """The fixes every group below the bar needs (of the named `shops` alone, when given),
    in all and per group; when some group's defects are mostly delivered, what fixing can
    still do first, in the words /vtr's plan leads with: "fix 8 in all" alone would send
    the seller after packages Amazon no longer lets them edit."""
    categories = [
        s
        for s in report.enforced_units()
        if s.below_threshold and (shops is None or unit_shop(s) in shops)
    ]
    if not categories and shops:
        return [_no_fixes_in(t, shops)]
    if not categories:
        return [t._("No fixes are needed: every category is above the bar (above 95%).")]
    parts = t._("; ").join(
        f"{unit_name(t, s)}: {_unit_fixes(t, s, report.planned(s))}" for s in categories
    )
    total = sum(s.needed for s in categories)
    savable = all(p.savable for s in categories if (p := report.planned(s)))
    if shops and savable:
        return [_fixes_in_shops(t, total, parts, shops)]
    if all(g.savable for g in report.plan if g.scope == "category"):
        return [_fixes_in_all(t, total, parts, report.per_marketplace)]
    would_be = t.ngettext(
        "In all, {count} package would need fixing to bring every category above 95%: {parts}.",
        "In all, {count} packages would need fixing to bring every category above 95%: {parts}.",
        total,
        parts=parts,
    )
    return [*plan_lead(report.plan, t, Markup(html=False)), would_be]


def first_fixes(report: VtrReport, t: Translator) -> list[str]:
    """ "先修哪个最划算", "what should I fix first?": of the categories below the bar, the one
    fixing still brings above 95% with the fewest fixes (the soonest due, between equals),
    named first with its last day; then the whole plan. A category whose packages are
    delivered gains nothing from an edit, however few it needs."""
    below = [s for s in report.enforced_units() if s.below_threshold]
    savable = [(s, p) for s in below if (p := report.planned(s)) is not None and p.savable]
    if not savable:
        return fixes_lines(report, t)
    first, planned = min(savable, key=lambda sp: (sp[0].needed, first_fix_by(sp[1]) or date.max))
    due = first_fix_by(planned)
    name = unit_name(t, first)
    if due is None:
        lead = t.ngettext(
            "Fix {name} first: {count} package brings it above 95%.",
            "Fix {name} first: {count} packages bring it above 95%.",
            first.needed,
            name=name,
        )
    else:
        lead = t.ngettext(
            "Fix {name} first: {count} package brings it above 95%; the first is due by "
            "{date} (its estimated delivery).",
            "Fix {name} first: {count} packages bring it above 95%; the first is due by "
            "{date} (its estimated delivery).",
            first.needed,
            date=t.date(due),
            name=name,
        )
    return [lead, *fixes_lines(report, t)]


def _no_fixes_in(t: Translator, shops: list[str]) -> str:
    joiner = list_separator(t)
    return t._(
        "No fixes are needed in {shops}: every category there is above the bar (above 95%).",
        shops=joiner.join(shop_name(t, shop) for shop in shops),
    )


def _fixes_in_shops(t: Translator, total: int, parts: str, shops: list[str]) -> str:
    joiner = list_separator(t)
    return t.ngettext(
        "Fix {count} package in all to bring every category of {shops} above 95%: {parts}.",
        "Fix {count} packages in all to bring every category of {shops} above 95%: {parts}.",
        total,
        shops=joiner.join(shop_name(t, shop) for shop in shops),
        parts=parts,
    )


def _fixes_in_all(t: Translator, total: int, parts: str, per_marketplace: bool) -> str:
    if per_marketplace:
        return t.ngettext(
            "Fix {count} package in all to bring every category on every marketplace above 95%: {parts}.",
            "Fix {count} packages in all to bring every category on every marketplace above 95%: {parts}.",
            total,
            parts=parts,
        )
    return t.ngettext(
        "Fix {count} package in all to bring every category above 95%: {parts}.",
        "Fix {count} packages in all to bring every category above 95%: {parts}.",
        total,
        parts=parts,
    )


def _unit_fixes(t: Translator, group: GroupStats, planned: PlannedGroup | None) -> str:
    """A group's part of the fixes asked in all: the plan's verdict (`fix_advice`), with
    the day it recovers on its own when fixing cannot save it."""
    text = fix_advice(t, group, planned)
    if planned is not None and not planned.savable and planned.recovery_date:
        text += t._("; ") + recovery_text(t, planned)
    return text


def recoveries(
    report: VtrReport, t: Translator, groups: list[GroupStats] | None = None
) -> list[str]:
    """Each group below the bar (of `groups`, else every category) with the day it is back
    above 95% if every new package is valid."""
    units = report.enforced_units() if groups is None else groups
    below = [s for s in units if s.below_threshold]
    if not below:
        return [t._("Every category is above the bar (above 95%) already.")]
    dated = [s.recovery_date for s in below if s.recovery_date]
    every = []
    if groups is None and len(below) > 1 and len(dated) == len(below):
        every = [
            t._(
                "Every category is above 95% by {date} if every new package is valid:",
                date=t.date(max(dated)),
            )
        ]
    elif len(below) > 1 and len(dated) == len(below):  # the named ones: the last of them first
        every = [
            t._(
                "All of these below the bar are above 95% by {date} if every new package is valid:",
                date=t.date(max(dated)),
            )
        ]
    return every + [
        t._("{name}: {when}.", name=unit_name(t, s), when=recovery_text(t, s))
        if s.recovery_date
        else t._(
            "{name}: no date yet; fix its packages to get above 95%.",
            name=unit_name(t, s),
        )
        for s in below
    ]
