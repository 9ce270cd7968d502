"""Answers to a change supposed of a named group's figures: more invalid, some fixed, new
packages shipped invalid, or how many more it can take; always against the same bar, and
never with more fixes than its defects still allow.
"""

from __future__ import annotations

import re

from bot.domain.bar import fixes_needed, is_above
from bot.domain.knowledge.case import Case, more_invalid, new_invalid
from bot.domain.knowledge.decide import percent_text
from bot.domain.models import CellStats, Defect, GroupStats, VtrReport
from bot.services.i18n import Translator
from bot.services.own_data.groups import in_cell, is_marketplace, is_shop, plan_of
from bot.services.own_data.pooled import Pooled, pooled_name
from bot.services.own_data.reading import ALL_FIXED, supposed_fixes
from bot.services.own_data.wording import changed_figures, unit_name
from bot.services.vtr_words import fix_advice


def what_if_labelled(
    case: Case,
    named: list[GroupStats],
    pooled: list[Pooled],
    t: Translator,
    report: VtrReport,
) -> list[str]:
    """ "if one more Sports order goes invalid, what happens?" of a category on several
    marketplaces: each marketplace's figure then, and the category's over all of them (over
    the named shop's, when a shop is named: what the seller's dashboard shows), each line
    saying whose it is."""
    lines = [
        f"{unit_name(t, g)}: {line}" for g in named for line in what_if_lines(case, [g], t, report)
    ]
    return lines + [
        f"{pooled_name(t, p, report)}: {line}"
        for p in pooled
        for line in what_if_lines(case, [p.stats], t, report)
    ]


def supposed_first(
    case: Case, named: list[GroupStats], t: Translator, report: VtrReport
) -> list[str]:
    """What a named group can take or a supposed change does, asked: that first."""
    room = [_room(g, t, report) for g in named] if _ROOM.search(case.text) else []
    return [*room, *what_if_lines(case, named, t, report)]


def above_already(group: GroupStats, t: Translator, report: VtrReport) -> list[str]:
    """ "when will Garden be back above 95?" of a group above the bar: nothing to wait for
    (its verdict says so); the day its oldest invalid package leaves the window, the one
    date that answers "when" (its room first grows then), and what it can take till then."""
    leaving = [day for d in _group_defects(group, report) if (day := d.leaves_window())]
    room = _room(group, t, report)
    if not leaving:
        return [room]
    oldest = t._(
        "Its oldest invalid package leaves the 30-day window on {date}.",
        date=t.date(min(leaving)),
    )
    return [oldest, room]


def _room(group: GroupStats, t: Translator, report: VtrReport) -> str:
    """How many more invalid packages a passing group can take and stay above 95%, and
    what one more than that makes (the fewest valid is the bar's fewest fixes from none)."""
    if group.below_threshold:  # "how many more can it take?" of a group already below
        return t._(
            "No room: it is below the bar already; {advice}.",
            advice=fix_advice(t, group, plan_of(group, report)),
        )
    margin = group.valid - fixes_needed(group.shipments, 0)
    after = group.valid - margin - 1
    values = {
        "count": t.number(margin),
        "valid": t.number(after),
        "shipments": t.number(group.shipments),
        "percent": percent_text(after, group.shipments),
    }
    if not margin:
        return t._(
            "No room: one more invalid package and it is {valid} of {shipments} = {percent}%, "
            "below the bar.",
            **values,
        )
    return t.ngettext(
        "It can take {count} more invalid package and stay above 95%; one beyond that makes "
        "{valid} of {shipments} = {percent}%, below the bar.",
        "It can take {count} more invalid packages and stay above 95%; one beyond that makes "
        "{valid} of {shipments} = {percent}%, below the bar.",
        margin,
        **{k: v for k, v in values.items() if k != "count"},
    )


def what_if_lines(
    case: Case, named: list[GroupStats], t: Translator, report: VtrReport
) -> list[str]:
    """ "what if one more turns invalid?": the named group's figures with that many fewer
    valid, against the same bar; fixes supposed are only those its defects still allow
    (a delivered parcel's tracking can no longer be fixed)."""
    fixes = supposed_fixes(case.text)
    more = more_invalid(case.text) if fixes is None else -fixes
    if more is None:
        added = new_invalid(case.text)
        return [_with_added(g, added, t) for g in named] if added else []
    lines = []
    for group in named:
        if fixes is not None:
            lines += _fixes_supposed(group, fixes, report, t)
            continue
        valid = min(group.shipments, max(0, group.valid - more))
        values = changed_figures(more, valid, group.shipments, t)
        if is_above(valid, group.shipments):
            lines.append(
                t._(
                    "With {count} more invalid: {valid} of {shipments} = {percent}%, still above 95%.",
                    **values,
                )
            )
        else:
            lines.append(
                t._(
                    "With {count} more invalid: {valid} of {shipments} = {percent}%, not above 95%: below the bar.",
                    **values,
                )
            )
    return list(dict.fromkeys(lines))  # a category and its one marketplace: the same figures


def _with_added(group: GroupStats, added: int, t: Translator) -> str:
    """ "再来一单无效": new packages shipped invalid join the window, on the total only."""
    values = changed_figures(added, group.valid, group.shipments + added, t)
    if is_above(group.valid, group.shipments + added):
        return t._(
            "With {count} more shipped invalid: {valid} of {shipments} = {percent}%, still above 95%.",
            **values,
        )
    return t._(
        "With {count} more shipped invalid: {valid} of {shipments} = {percent}%, not above 95%: below the bar.",
        **values,
    )


def _fixes_supposed(group: GroupStats, fixes: int, report: VtrReport, t: Translator) -> list[str]:
    """ "if I fix 2 / everything": the group's figures with that many fixed, but never more
    than its defects still editable; when fewer can be fixed than supposed, that first."""
    invalid = group.shipments - group.valid
    editable = sum(d.editable(report.as_of) for d in _group_defects(group, report))
    wanted = invalid if fixes == ALL_FIXED else min(fixes, invalid)
    if not wanted:
        return []
    if editable >= wanted:
        return [_fixed(group, group.valid + wanted, wanted, t)]
    if not editable:  # "fix 3 more, will it pass?" when none can be: that is the answer
        return [
            t._(
                "No: none of its invalid packages can still be fixed; they are delivered or "
                "past their fix-by date, so it recovers only as they leave the window."
            )
        ]
    late = t.ngettext(
        "Only {count} of its invalid packages can still be fixed: the others are delivered or past their fix-by date.",
        "Only {count} of its invalid packages can still be fixed: the others are delivered or past their fix-by date.",
        editable,
    )
    values = changed_figures(editable, group.valid + editable, group.shipments, t)
    if is_above(group.valid + editable, group.shipments):
        then = t._(
            "Yes: with those {count} fixed it is {valid} of {shipments} = {percent}%, above 95%.",
            **values,
        )
    else:
        then = t._(
            "No: with those {count} fixed it is {valid} of {shipments} = {percent}%, not above "
            "95%; it recovers only as its old defects leave the window.",
            **values,
        )
    return [late, then]


def _group_defects(group: GroupStats, report: VtrReport) -> list[Defect]:
    """The report's defects of a group: a cell's, a marketplace's, a shop's or a category's."""
    if isinstance(group, CellStats):
        return [d for d in report.defects if in_cell(d, group)]
    if is_marketplace(group, report):
        return [d for d in report.defects if d.marketplace == group.name]
    if is_shop(group, report):
        return [d for d in report.defects if d.shop == group.name]
    return [d for d in report.defects if d.category == group.name]


def _fixed(group: GroupStats, valid: int, fixes: int, t: Translator) -> str:
    """A named group with `fixes` of its invalid packages supposed fixed, against the bar."""
    values = changed_figures(fixes, valid, group.shipments, t)
    if is_above(valid, group.shipments):
        return t._(
            "Yes: with {count} fixed it is {valid} of {shipments} = {percent}%, above 95%.",
            **values,
        )
    values["needed"] = t.number(fixes_needed(group.shipments, valid))
    return t._(
        "No: with {count} fixed it is {valid} of {shipments} = {percent}%, not above 95%; "
        "{needed} more to fix.",
        **values,
    )


_ROOM = re.compile(
    r"\broom\b|slack|margin|buffer|headroom|cushion|leeway|how many more (?:bad|invalid|defects?|"
    r"untracked|failures?|can|could)|before (?:it|i|we) (?:drop|fall|go|slip)|"
    r"还能(?:再)?(?:错|坏|丢|有|掉|出)|最多还能|余量|空间|缓冲|还剩几个"
)
"""How many more invalid packages a passing group can take ("how much slack do I have")."""
