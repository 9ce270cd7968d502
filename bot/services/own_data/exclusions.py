"""Answers about what the report counted and left out: the rows not counted by reason, exempt
letters, the total VTR divides by, the 30-day window it covers, and whether shipments of
the days a seller names are in it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from bot.domain.knowledge.case import Case
from bot.domain.models import GroupStats, VtrReport
from bot.services.i18n import Translator
from bot.services.lines import list_separator
from bot.services.own_data.groups import (
    MAX_LINES,
    category_named,
    is_marketplace,
    is_shop,
    named_groups,
)
from bot.services.own_data.phrases import TOTAL_ASKED, not_counted_asked
from bot.services.own_data.reading import dates_named, reasons_named
from bot.services.own_data.wording import group_label, group_verdict
from bot.services.report_text import excluded_text, exclusion_names
from bot.services.store.store import LeftOutRow
from bot.services.vtr_words import Markup, fix_line


def period_line(report: VtrReport, t: Translator) -> str:
    """The days the chat's last report covers, as /vtr counts them."""
    return t._(
        "Your last report covers the 30 days {start} – {end} (as of {date}): shipments of "
        "those days count toward VTR, older ones no longer do.",
        start=t.date(report.window.start),
        end=t.date(report.window.end),
        date=t.date(report.as_of),
    )


def window_verdict(case: Case, report: VtrReport, t: Translator) -> str:
    """Whether shipments of the days or months the seller names are inside the 30-day
    window: all before it, a plain no; all in it, they count; else where it starts."""
    start, end = report.window.start, report.window.end
    named = dates_named(case.text, report.as_of)
    if named and max(last for _, last in named) < start:
        return t._(
            "No: they are outside the 30-day window ({start} – {end}), so they no longer count.",
            start=t.date(start),
            end=t.date(end),
        )
    if named and min(first for first, _ in named) >= start:
        return t._(
            "Yes: they are inside the 30-day window ({start} – {end}), so they count.",
            start=t.date(start),
            end=t.date(end),
        )
    return t._(
        "Only shipments from {start} to {end} count (the 30-day window); older ones no longer do.",
        start=t.date(start),
        end=t.date(end),
    )


def left_out_lines(
    case: Case, report: VtrReport, t: Translator, stored: Sequence[LeftOutRow] = ()
) -> list[str]:
    """What the report left out, first: the letters asked about when some were exempt, the
    rows not counted by reason (those of the marketplace, category or shop named, from the
    `stored` tallies), then the total that was counted."""
    lines = []
    letters = report.excluded.get("eu_letter_under_20", 0)
    if case.letter and letters:
        lines.append(
            t._(
                "EU letters under EUR 20 are exempt: the {count} in your file are not counted, "
                "so they do not lower any category.",
                count=t.number(letters),
            )
        )
        lines += _letters_counted(case, report, t)
    text = excluded_text(report, t)
    not_counted = [text, *_left_out_of_rows(report, t)] if text else []
    rows = _rows_asked(case, report, t)
    generic = not reasons_named(case) and not _A_TOTAL.search(case.text)
    if generic and not_counted_asked(case.text):  # "how many were left out?": those
        if scoped := _scoped_left_out(case, report, stored, t):
            return [*lines, *scoped]
        if not not_counted:
            not_counted = [
                t._("Nothing in your file was left out: every row is a counted package.")
            ]
        return [*lines, *not_counted, _why_left_out(t), counted_line(report, t)]
    none = _reasons_absent(case, report, t)
    if _KIND_COUNT_ASKED.search(case.text) and (rows or none):  # "how many FBA rows?"
        found = [t._("In your file: {rows}.", rows=", ".join(rows))] if rows else []
        return [*lines, *found, *none, *not_counted]
    if TOTAL_ASKED.search(case.text):  # "what total did you use?": that figure first
        named = [t._("Left out as asked: {rows}.", rows=", ".join(rows))] if rows else []
        return [*lines, counted_line(report, t), *named, *none, *not_counted]
    if rows:
        lines.append(t._("No, they are not counted: {rows}.", rows=", ".join(rows)))
    return [*lines, *none, *not_counted, counted_line(report, t)]


def _scoped_left_out(
    case: Case, report: VtrReport, stored: Sequence[LeftOutRow], t: Translator
) -> list[str]:
    """ "why weren't some of my German orders counted?": the rows of the groups named that
    VTR leaves out, by reason with their counts, then why and what those groups count;
    none when no group is named or the stored rows are not the report's (their reasons
    tally otherwise)."""
    named = named_groups(case, report)
    totals = Counter[str]()
    for row in stored:
        totals[row.reason] += row.rows
    if totals != Counter({r: n for r, n in report.excluded.items() if n}):
        return []
    if not named:
        return _absent_category(case, report, stored, t)
    scope = " · ".join(group_label(g, report, t) for g in named)
    tally = Counter[str]()
    for row in stored:
        if all(_row_in(row, g, report) for g in named):
            tally[row.reason] += row.rows
    verdicts = [group_verdict(g, report, t) for g in named]
    if not tally:
        nothing = t._(
            "No order of {scope} in your file was left out: every one is a counted package.",
            scope=scope,
        )
        return [nothing, *verdicts]
    names = exclusion_names(t)
    parts = list_separator(t).join(
        f"{names[reason]} {t.number(tally[reason])}" for reason in names if tally[reason]
    )
    lead = t.ngettext(
        "{count} order of {scope} in your file is not counted: {parts}.",
        "{count} orders of {scope} in your file are not counted: {parts}.",
        sum(tally.values()),
        scope=scope,
        parts=parts,
    )
    return [lead, _why_left_out(t), *verdicts]


def _absent_category(
    case: Case, report: VtrReport, stored: Sequence[LeftOutRow], t: Translator
) -> list[str]:
    """ "why doesn't 玩具遊戲 show up in my report?": a category of the file the report has
    none of, since every one of its rows was left out (FBA, cancelled …): those rows by
    reason, and why they are not counted."""
    text = f"{case.text.casefold()} {unicodedata.normalize('NFKC', case.raw).casefold()}"
    counted = {g.name for g in report.by_category}
    absent = {
        row.category
        for row in stored
        if row.category and row.category not in counted and category_named(text, row.category)
    }
    if len(absent) != 1:
        return []
    category = absent.pop()
    tally = Counter[str]()
    for row in stored:
        if row.category == category:
            tally[row.reason] += row.rows
    names = exclusion_names(t)
    parts = list_separator(t).join(
        f"{names[reason]} {t.number(tally[reason])}" for reason in names if tally[reason]
    )
    lead = t.ngettext(
        "{category} is not in your report: its {count} order in your file is not counted "
        "({parts}), so it has no VTR of its own.",
        "{category} is not in your report: all {count} of its orders in your file are not "
        "counted ({parts}), so it has no VTR of its own.",
        sum(tally.values()),
        category=category,
        parts=parts,
    )
    return [lead, _why_left_out(t)]


def _row_in(row: LeftOutRow, group: GroupStats, report: VtrReport) -> bool:
    """The stored rows' tally is of the group: its marketplace, its shop or its category."""
    if is_marketplace(group, report):
        return row.marketplace == group.name
    if is_shop(group, report):
        return row.shop == group.name
    return row.category == group.name


def _letters_counted(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """ "德国站的Brief信件，为啥有一单算成了缺陷": beside the exempt letters, the invalid
    packages of the marketplace asked about: they were not exempt, so they count, and each
    says what is wrong with it."""
    places = {g.name for g in named_groups(case, report) if is_marketplace(g, report)}
    counted = [d for d in report.defects if d.marketplace in places]
    if not counted:
        return []
    m = Markup(html=False)
    why = t.ngettext(
        "Counted as invalid: {count} package there was not exempt (a letter is exempt only "
        "under EUR 20, paid in euros; anything else counts), and it has a defect:",
        "Counted as invalid: {count} packages there were not exempt (a letter is exempt only "
        "under EUR 20, paid in euros; anything else counts), and each has a defect:",
        len(counted),
    )
    return [why, *(fix_line(d, t, m) for d in counted[:MAX_LINES])]


_KIND_COUNT_ASKED = re.compile(
    r"how many (?:of (?:my |the )?)?(?:fba|cancel|unshipped|orders? (?:were|was) outside|[a-z ]{0,12}outside)|"
    r"how many [^?.!]{0,40}(?:left out|dropped|excluded|skipped|ignored|not counted)[^?.!]{0,30}"
    r"(?:before the window|outside)|"
    r"(?:fba|取消|未发货|窗口外|不在窗口)[^，,。？?]{0,10}(?:多少|几)|"
    r"(?:多少|几)[^，,。？?]{0,16}(?:窗口之前|窗口前|窗口外|不在窗口)"
)
_A_TOTAL = re.compile(r"\btotal\b|一共|总共|总数")


def _left_out_of_rows(report: VtrReport, t: Translator) -> list[str]:
    """ "how many rows did you leave out?": the reasons' sum beside the rows the file held,
    so the seller can check it against the file (none when the report keeps no row count)."""
    left_out = sum(report.excluded.values())
    if not (left_out and report.rows_read):
        return []
    return [
        t._(
            "{left_out} left out in all, of the {rows} rows read from your file.",
            left_out=t.number(left_out),
            rows=t.number(report.rows_read),
        )
    ]


def _rows_asked(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """The left-out rows the question names (FBA, cancelled, unshipped), each with its count."""

    def count(reason: str) -> str:
        return t.number(report.excluded.get(reason, 0))

    rows = []
    reasons = [r for r in reasons_named(case) if report.excluded.get(r, 0)]
    if "fba" in reasons:
        rows.append(t._("FBA: {count} orders", count=count("fba")))
    if "cancelled" in reasons:
        rows.append(t._("{count} cancelled orders", count=count("cancelled")))
    if "not_shipped" in reasons:
        rows.append(t._("{count} unshipped orders", count=count("not_shipped")))
    if "outside_window" in reasons:
        rows.append(t._("{count} shipped before the 30-day window", count=count("outside_window")))
    return rows


def _reasons_absent(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """The kinds of rows asked about that the file has none of ("0 cancelled orders" read as
    if some were): VTR never counts them, and there were none to leave out."""
    names = {
        "fba": t._("FBA orders"),
        "cancelled": t._("cancelled orders"),
        "not_shipped": t._("unshipped orders"),
        "outside_window": t._("shipments before the 30-day window"),
    }
    absent = [names[r] for r in reasons_named(case) if not report.excluded.get(r, 0)]
    if not absent:
        return []
    joiner = list_separator(t)
    return [
        t._(
            "Your file has no {kinds}: VTR never counts them, so none were left out.",
            kinds=joiner.join(absent),
        )
    ]


def _why_left_out(t: Translator) -> str:
    return t._(
        "VTR counts only self-fulfilled packages shipped in the 30-day window: FBA, "
        "cancelled and unshipped orders, exempt EU letters (under EUR 20) and Japanese "
        "orders (under JPY 1,000), and older shipments are left out."
    )


def counted_line(report: VtrReport, t: Translator) -> str:
    """The window's self-fulfilled packages, the count VTR divides by."""
    overall = report.overall
    return t._(
        "{count} self-fulfilled packages count toward VTR in the 30-day window ({start} – "
        "{end}); {valid} of them have valid tracking.",
        count=t.number(overall.shipments),
        valid=t.number(overall.valid),
        start=t.date(report.window.start),
        end=t.date(report.window.end),
    )
