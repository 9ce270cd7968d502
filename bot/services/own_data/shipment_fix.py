"""A fix supposed of one shipment named by its carrier ("if I fix the Royal Mail one in
家居用品, is that category ok then?"): the unit that shipment is in, and the category on
every unit Amazon judges it on, since fixing one unit's package leaves the others as they
are (domain.md §2: VTR per category and per marketplace).
"""

from __future__ import annotations

import re
import unicodedata

from bot.domain.bar import is_above
from bot.domain.knowledge.case import Case
from bot.domain.models import CellStats, Defect, GroupStats, VtrReport
from bot.services.i18n import Translator
from bot.services.lines import list_separator, sentence_gap
from bot.services.own_data.groups import in_cell
from bot.services.own_data.reading import ALL_FIXED, supposed_fixes
from bot.services.own_data.wording import changed_figures, unit_name
from bot.services.vtr_words import category_label


def carrier_fix_supposed(
    case: Case, named: list[GroupStats], report: VtrReport, t: Translator
) -> list[str] | None:
    """The named category's verdict on all its units once the package(s) of the carrier
    named are fixed, the unit they are in with its figures then, and whether they can still
    be fixed at all; None when no fix of a carrier's package in these units is supposed."""
    fixes = supposed_fixes(case.text)
    if fixes is None or len({g.name for g in named}) != 1:
        return None
    names = {_fold(n) for c in case.carriers for n in (c.name, *c.aliases)}
    asked = _fold(case.raw)
    hits = [d for d in report.defects if _carried_by(d, names, asked) and _unit_of(d, named)]
    if not hits:
        return None
    chosen = hits if fixes == ALL_FIXED else hits[:fixes]
    carrier = case.carriers[0].name if case.carriers else chosen[0].carrier
    after = {id(g): g.valid + sum(_unit_of(d, [g]) is g for d in chosen) for g in named}
    below = [g for g in named if not is_above(after[id(g)], g.shipments)]
    touched = [g for g in named if after[id(g)] != g.valid]
    lines = [_whole_verdict(t, named, below, carrier, len(chosen))] if len(named) > 1 else []
    lines += [_unit_then(t, g, after[id(g)], len(chosen), first=not lines) for g in touched]
    late = [d for d in chosen if not d.editable(report.as_of)]
    if len(late) == 1:  # the count in words of its own: a msgid's forms share placeholders
        lines[-1] += sentence_gap(t) + t._(
            "But that package can no longer be fixed: it is delivered or past its fix-by date."
        )
    elif late:
        lines[-1] += sentence_gap(t) + t._(
            "But {count} of those packages can no longer be fixed: they are delivered or past "
            "their fix-by date.",
            count=t.number(len(late)),
        )
    return lines


def _whole_verdict(
    t: Translator, named: list[GroupStats], below: list[GroupStats], carrier: str, fixed: int
) -> str:
    """The category on every unit it is judged on, once the packages are fixed; one
    package and several worded apart (a msgid's forms share their placeholders)."""
    values = {"carrier": carrier, "category": category_label(t, named[0].name)}
    if fixed > 1:
        values["count"] = t.number(fixed)
    if not below:
        if fixed > 1:
            return t._(
                "Yes: with the {count} {carrier} packages fixed, every marketplace {category} is "
                "judged on is above 95%.",
                **values,
            )
        return t._(
            "Yes: with the {carrier} package fixed, every marketplace {category} is judged on "
            "is above 95%.",
            **values,
        )
    values["units"] = list_separator(t).join(unit_name(t, g) for g in below)
    if fixed > 1:
        return t._(
            "No: even with the {count} {carrier} packages fixed, {category} is still below the "
            "bar where Amazon judges it on {units}.",
            **values,
        )
    return t._(
        "No: even with the {carrier} package fixed, {category} is still below the bar where "
        "Amazon judges it on {units}.",
        **values,
    )


def _unit_then(t: Translator, unit: GroupStats, valid: int, fixed: int, first: bool) -> str:
    """The unit the fixed package is in, with its figures then (Yes/No first when it is
    the one unit asked about)."""
    values = changed_figures(fixed, valid, unit.shipments, t)
    del values["count"]  # ngettext's own
    above = is_above(valid, unit.shipments)
    if above:
        text = t.ngettext(
            "{name}, with it fixed: {valid} of {shipments} = {percent}%, above 95%.",
            "{name}, with those {count} fixed: {valid} of {shipments} = {percent}%, above 95%.",
            fixed,
            name=unit_name(t, unit),
            **values,
        )
    else:
        text = t.ngettext(
            "{name}, with it fixed: {valid} of {shipments} = {percent}%, still not above 95%.",
            "{name}, with those {count} fixed: {valid} of {shipments} = {percent}%, still not "
            "above 95%.",
            fixed,
            name=unit_name(t, unit),
            **values,
        )
    if first:
        text = t._("Yes: {rest}", rest=text) if above else t._("No: {rest}", rest=text)
    return text


def _unit_of(defect: Defect, units: list[GroupStats]) -> GroupStats | None:
    """The unit among `units` the defect is in: a cell's, or a category's."""
    for unit in units:
        if in_cell(defect, unit) if isinstance(unit, CellStats) else defect.category == unit.name:
            return unit
    return None


def _carried_by(defect: Defect, names: set[str], asked: str) -> bool:
    """The defect's carrier, as the file names it, is the carrier asked about: its name or
    an alias, folded (a long alias inside it: 'Royal Mail Tracked 48'), or, for a carrier
    no registry knows ('深圳小王货代'), the file's own name of it said in the question."""
    carrier = _fold(defect.carrier)
    if not carrier:
        return False
    if carrier in names or any(len(n) >= 4 and n in carrier for n in names):
        return True
    named_by_file = len(carrier) >= 5 or (len(carrier) >= 2 and bool(_CJK.search(carrier)))
    return named_by_file and carrier in asked


def _fold(text: str) -> str:
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text).casefold())


_SEPARATORS = re.compile(r"[\s\-_.·]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
