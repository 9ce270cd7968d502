"""Answers about the groups' figures: below, passing, closest to the bar, the lowest, every
category or marketplace, a figure without some groups, the named groups' lines (with the
pooled figure an ERP dashboard shows), and the seller's own figures confirmed.
"""

from __future__ import annotations

import re
from fractions import Fraction

from bot.domain.bar import THRESHOLD_PERCENT, exact_rate, is_above
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.verdict import ASKS_PASS, passes_asked
from bot.domain.models import GroupStats, VtrReport, unit_marketplace, unit_shop
from bot.services.i18n import Translator
from bot.services.lines import list_separator, sentence_gap
from bot.services.own_data.fixes import named_fixes_in_all, recoveries
from bot.services.own_data.groups import (
    MAX_LINES,
    is_category,
    is_marketplace,
    is_shop,
    named_groups,
)
from bot.services.own_data.order_timing import TIMING_ASKED, order_timing
from bot.services.own_data.phrases import BACK, FIX
from bot.services.own_data.pooled import pooled_name, pooled_named
from bot.services.own_data.reading import (
    asks_now_first,
    supposes_change,
    told_rate,
)
from bot.services.own_data.row import orders_named
from bot.services.own_data.shipment_fix import carrier_fix_supposed
from bot.services.own_data.what_if import (
    above_already,
    supposed_first,
    what_if_labelled,
    what_if_lines,
)
from bot.services.own_data.wording import (
    changed_figures,
    group_label,
    group_name,
    group_verdict,
    overall_line,
    planned_line,
)
from bot.services.vtr_words import Markup, category_label, ratio_text, recovery_text

_WHAT_DAY = re.compile(r"what date|which date|which day|by when|\bagain\b|哪天|哪一天|几号")
_LEAVE_OUT = re.compile(
    r"\bwithout\b(?! (?:any |the |a |my )?(?:fix|fixing|fixes|tracking|scans?|valid|new)\b)|"
    r"\bexcluding\b|\bexcept(?: for)?\b|\bleaving out\b|\bleave out\b|\bapart from\b|"
    r"\bother than\b|\bnot counting\b|\bminus\b|\bignoring\b|\bset aside\b|"
    r"\bif (?:i|we|you) (?:drop|remove|exclude|take out|leave out|ignore|don't count|didn't count)\b|"
    r"(?<![算没])不算(?![进入在数])|不计算|除了|除去|去掉|去除|不含|不包括|扣除|刨除|除外|以外"
)
"""A group left out of the figure asked ("my VTR without the Canada orders", "不算加拿大站的话"):
the figure over the rest, not the group's own."""


def left_out_groups(case: Case, report: VtrReport) -> list[GroupStats]:
    """The report's groups a question leaves out of the figure it asks: the marketplaces,
    shops or categories named beside a word that sets them aside (one kind: a category
    and a marketplace overlap)."""
    if not _LEAVE_OUT.search(case.text) or supposes_change(case):
        return []
    named = named_groups(case, report)
    for kind in (is_marketplace, is_shop, is_category):
        groups = [g for g in named if kind(g, report)]
        if groups:
            return groups
    return []


def figure_without(left_out: list[GroupStats], report: VtrReport, t: Translator) -> list[str]:
    """The shop's figure over everything but the groups left out, against the bar; then
    that Amazon still counts them, judging each category on each marketplace."""
    shipments = report.overall.shipments - sum(g.shipments for g in left_out)
    valid = report.overall.valid - sum(g.valid for g in left_out)
    joiner = list_separator(t)
    names = joiner.join(group_label(g, report, t) for g in left_out)
    if shipments <= 0:
        return [t._("Without {names} nothing is left in your last report.", names=names)]
    values = changed_figures(0, valid, shipments, t)
    if is_above(valid, shipments):
        lead = t._(
            "Without {names}: {valid} of {shipments} = {percent}%, above 95%.",
            names=names,
            **values,
        )
    else:
        lead = t._(
            "Without {names}: {valid} of {shipments} = {percent}%, not above 95%.",
            names=names,
            **values,
        )
    note = t._(
        "That is the rest of your file together; Amazon still counts {names}, and judges "
        "each category on each marketplace on its own.",
        names=names,
    )
    return [lead, note]


def unit_in(unit: GroupStats, group: GroupStats, report: VtrReport) -> bool:
    """An enforced unit is part of a group: its marketplace, its shop or its category."""
    if is_marketplace(group, report):
        return unit_marketplace(unit) == group.name
    if is_shop(group, report):
        return unit_shop(unit) == group.name
    return unit.name == group.name


def figures_confirmed(group: GroupStats, report: VtrReport, t: Translator) -> str:
    """Yes, those are the group's figures in the last report; then its verdict."""
    return t._(
        "Right, that is what your last report shows: {verdict}",
        verdict=group_verdict(group, report, t),
    )


def named_lines(case: Case, report: VtrReport, named: list[GroupStats], t: Translator) -> list[str]:
    """The named groups' verdicts, after what was asked of them: the room left, a supposed
    change, or the day a failing one is back above 95%."""
    told = _told_rate_judged(case, t) if len(named) > 1 else []  # one: its verdict says it
    lines = [*told, *(group_verdict(group, report, t) for group in named)]
    asks_when = case.when or BACK.search(case.text) or _WHAT_DAY.search(case.text)
    asks_fixes = bool(FIX.search(case.text)) and case.how_many
    if asks_when and not asks_fixes and any(g.below_threshold for g in named):
        lines = [*recoveries(report, t, named), *lines]
    elif asks_when and not asks_fixes and len(named) == 1:
        lines += above_already(named[0], t, report)  # back above asked of one above it
    if asks_fixes:
        lines = [*named_fixes_in_all(report, named, t), *lines]
    lines += _pooled_lines(report, named, t, dated=bool(asks_when))
    if (shipment := carrier_fix_supposed(case, named, report, t)) is not None:
        return [*shipment, *lines]  # "if I fix the Royal Mail one": its unit, every unit
    supposed = supposed_first(case, named, t, report)
    pooled = pooled_named(report, named)
    if pooled and what_if_lines(case, [p.stats for p in pooled], t, report):
        supposed = what_if_labelled(case, named, pooled, t, report)
    if asks_now_first(case.text):
        return [*lines, *supposed]  # "how is it, and what if …?"
    return [*_order_timing_asked(case, report, t), *supposed, *lines]


def _order_timing_asked(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """ "114-…单号写的N/A，现在改还来得及吗？改完宠物能到多少": the one order named, asked when to
    edit, gets its decision before the group's figure with it fixed."""
    if not TIMING_ASKED.search(case.text):
        return []
    orders = orders_named(case, report)
    chosen = [d for d in report.defects if d.order_id and d.order_id.casefold() in orders]
    return [order_timing(chosen[0], report, t)] if len(chosen) == 1 else []


def _told_rate_judged(case: Case, t: Translator) -> list[str]:
    """ "Toys is at 95 so it's fine, right?" of a category judged on several marketplaces:
    the rate the seller tells, not above the bar, judged first (strictly above 95%: at
    exactly 95.0% a category is below), since the first unit's verdict is not of that rate;
    the report's figures follow. A rate above it says nothing of the units, whose verdicts
    then speak."""
    said = told_rate(case)
    if said is None or not ASKS_PASS.search(case.text) or supposes_change(case):
        return []
    rate = exact_rate(said)
    if is_above(rate, 100):
        return []
    told = f"{said:g}%"
    if passes_asked(case, passes=False):  # "so it's below, right?"
        if rate == THRESHOLD_PERCENT:
            return [
                t._(
                    "Yes: {rate} is not above 95%: at exactly 95.0%, a category is below the bar.",
                    rate=told,
                )
            ]
        return [t._("Yes: {rate} is below the bar (VTR must be above 95%).", rate=told)]
    if rate == THRESHOLD_PERCENT:
        return [
            t._(
                "No: {rate} is not above 95%: at exactly 95.0%, a category is below the bar.",
                rate=told,
            )
        ]
    return [t._("No: {rate} is below the bar (VTR must be above 95%).", rate=told)]


def _pooled_lines(
    report: VtrReport, named: list[GroupStats], t: Translator, dated: bool = False
) -> list[str]:
    """A category named on several marketplaces: its figure over all of them as well (over
    the named shop's, when a shop is named), after the verdicts Amazon gives (one per
    marketplace), and below the bar how many fixes that figure is short. ERP dashboards
    show the pooled figure, and a seller comparing would otherwise think one of the two
    numbers wrong; asked when it is back (`dated`), that
    figure's own day too, the one such a dashboard will show."""
    lines = []
    for pooled in pooled_named(report, named):
        values = {"name": pooled_name(t, pooled, report), "ratio": ratio_text(t, pooled.stats)}
        if pooled.shop is not None:
            line = t._(
                "{name}: {ratio}; Amazon judges each marketplace on its own, as above.", **values
            )
        elif report.per_shop:
            line = t._(
                "{name}: {ratio}; each shop is its own account, and Amazon judges each on "
                "its own, as above.",
                **values,
            )
        else:
            line = t._(
                "{name}: {ratio}; Amazon judges each marketplace on its own, as above.", **values
            )
        whole = pooled.stats
        line += _pooled_short(whole, t)
        if dated and whole.below_threshold and whole.recovery_date:
            line += sentence_gap(t) + t._("Together: {when}.", when=recovery_text(t, whole))
        lines.append(line)
    return lines


def _pooled_short(pooled: GroupStats, t: Translator) -> str:
    """How many fixes a pooled figure below the bar is short of 95%: the number such a
    dashboard shows, beside the fixes Amazon's verdicts ask."""
    if not pooled.below_threshold:
        return ""
    return sentence_gap(t) + t.ngettext(
        "Pooled like that, it is {count} fix short of above 95%.",
        "Pooled like that, it is {count} fixes short of above 95%.",
        pooled.needed,
    )


def every_marketplace(report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """Each marketplace's figure over all its categories ("per marketplace breakdown"), as
    /vtr lists them; each category on it is still judged on its own."""
    shown = report.by_marketplace[:MAX_LINES]
    return [planned_line(report, s, t, m, group_name(t, s, True), places=True) for s in shown]


def every_category(report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """Each category (on each marketplace, when the report spans several), as /vtr lists them."""
    shown = report.enforced_units()[:MAX_LINES]
    return [planned_line(report, s, t, m, category_label(t, s.name)) for s in shown]


def below_lines(report: VtrReport, t: Translator, m: Markup, places: bool = False) -> list[str]:
    """The groups below the bar (and at risk): categories, or marketplaces when asked."""
    groups = report.by_marketplace if places else report.enforced_units()
    below = [s for s in groups if s.below_threshold]
    risky = [s for s in groups if not s.below_threshold and s.at_risk]
    if not below and not risky:
        if places:
            return [t._("Every marketplace is above the bar (above 95%).")]
        return [t._("Every category is above the bar (above 95%).")]
    joiner = list_separator(t)
    names = joiner.join(group_name(t, s, places) for s in below)
    counts = {"count": t.number(len(below)), "total": t.number(len(groups)), "names": names}
    if places:
        heading = t._("Marketplaces below the bar ({count} of {total}): {names}.", **counts)
    elif report.per_marketplace:
        heading = t._(
            "Below the bar ({count} of {total} categories, each counted per marketplace): {names}.",
            **counts,
        )
    else:
        heading = t._("Below the bar ({count} of {total} categories): {names}.", **counts)
    lines = [heading] if below else []
    lines += [
        planned_line(report, s, t, m, group_name(t, s, places), places) for s in below + risky
    ]
    if not places and report.per_marketplace:
        # A failing category on several marketplaces: its figure over all of them too, the
        # one an ERP dashboard shows, after Amazon's verdicts (`_pooled_lines`).
        failing = {s.name for s in below}
        lines += _pooled_lines(report, [u for u in groups if u.name in failing], t)
    return lines


def passing_lines(report: VtrReport, t: Translator, m: Markup, places: bool = False) -> list[str]:
    """ "which of my categories pass?": those above the bar first, then the others."""
    groups = report.by_marketplace if places else report.enforced_units()
    above = [s for s in groups if s.shipments and not s.below_threshold]
    if not above:
        return [t._("None is above the bar (above 95%)."), *below_lines(report, t, m, places)]
    joiner = list_separator(t)
    heading = t._(
        "Above the bar ({count} of {total}): {names}.",
        count=t.number(len(above)),
        total=t.number(len(groups)),
        names=joiner.join(group_name(t, s, places) for s in above),
    )
    others = [s for s in groups if s not in above]
    shown = above + others
    return [
        heading,
        *(planned_line(report, s, t, m, group_name(t, s, places), places) for s in shown),
    ]


def closest_above(report: VtrReport, t: Translator, m: Markup, places: bool = False) -> list[str]:
    """The lowest group still above 95% first, then the ones below (what it is closest to)."""
    groups = report.by_marketplace if places else report.enforced_units()
    above = [s for s in groups if s.shipments and not s.below_threshold]
    if not above:
        return [t._("None is above the bar (above 95%)."), *below_lines(report, t, m, places)]
    closest = min(above, key=lambda s: (Fraction(s.valid, s.shipments), s.name))
    name = group_name(t, closest, places)
    lead = t._(
        "The closest to the bar while still above it is {name}: {ratio}.",
        name=name,
        ratio=ratio_text(t, closest),
    )
    return [lead, planned_line(report, closest, t, m, name, places)]


def worst_lines(report: VtrReport, t: Translator, m: Markup, places: bool = False) -> list[str]:
    """ "what's my worst category?": the lowest VTR first, then the ones below the bar."""
    every = report.by_marketplace if places else report.enforced_units()
    groups = [s for s in every if s.shipments]
    if not groups:
        return [overall_line(report, t)]
    worst = min(groups, key=lambda s: (Fraction(s.valid, s.shipments), s.name))
    name = group_name(t, worst, places)
    lead = t._("The lowest is {name}: {ratio}.", name=name, ratio=ratio_text(t, worst))
    rest = [
        planned_line(report, s, t, m, group_name(t, s, places), places)
        for s in groups
        if s is not worst
    ]
    return [lead, planned_line(report, worst, t, m, name, places), *rest]
