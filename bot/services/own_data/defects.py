"""Answers about the invalid packages themselves: the defects asked for (by group, carrier,
order or kind) in the order to fix them, a tracking number looked up, and a carrier's own
figures (a breakdown: Amazon judges no carrier).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from bot.domain.fixplan import fix_order
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.split_orders import packages_told
from bot.domain.models import CellStats, Defect, DefectReason, GroupStats, VtrReport
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap
from bot.services.number_text import number_by_format
from bot.services.own_data.groups import (
    MAX_LINES,
    carriers_fit,
    in_cell,
    is_category,
    is_marketplace,
    is_shop,
    named_groups,
    row_carrier_named,
)
from bot.services.own_data.order_timing import TIMING_ASKED, order_timing_lines
from bot.services.own_data.phrases import COUNT_ASKED, UNTRACKED
from bot.services.own_data.reading import ALL_FIXED
from bot.services.own_data.row import orders_named
from bot.services.own_data.wording import changed_figures
from bot.services.report_text import carrier_label, exclusion_names
from bot.services.store.store import TrackedRow
from bot.services.vtr_words import (
    Markup,
    fix_line,
    pooled_line,
    ratio_text,
    reason_text,
    unit_label,
)


def number_looked_up(
    number: str, report: VtrReport, t: Translator, m: Markup, tracked: Sequence[TrackedRow] | None
) -> str:
    """A named number's defect as /vtr lists it (order, number, what is wrong, the fix),
    or, not among the invalid ones, what the stored shipments say of it: counted as valid,
    left out and why, or not in the file."""
    found = [d for d in report.defects if d.tracking.casefold() == number]
    if found:
        return "\n".join(
            fix_line(d, t, m, report.as_of) + _defect_place(d, report, t) for d in found
        )
    if tracked is not None:
        return _number_stored(
            number, report, t, [r for r in tracked if r.tracking == number.upper()]
        )
    return t._(
        "{number} is not among the invalid packages of your last report: if it is in the "
        "uploaded file, its tracking counted as valid; if not, it is not in the file.",
        number=number.upper(),
    )


def _number_stored(number: str, report: VtrReport, t: Translator, rows: list[TrackedRow]) -> str:
    """A number that is not among the invalid ones, said plainly from the stored shipments."""
    shown = number.upper()
    if not rows:
        absent = t._(
            "{number} is not among the invalid packages: it is not in any shipment I have "
            "from your files.",
            number=shown,
        )
        return "\n".join((absent, number_by_format(number, t)))
    row = rows[0]
    if row.excluded:
        return t._(
            "{number} is not among the invalid packages: it is in your file but not counted "
            "({reason}).",
            number=shown,
            reason=exclusion_names(t).get(row.excluded, row.excluded),
        )
    shipped = date.fromisoformat(row.ship_date) if row.ship_date else None
    if not report.window.holds(shipped):
        return t._(
            "{number} is not among the invalid packages: it is in your file, but not in the "
            "30-day window of your last report (outside the 30-day window).",
            number=shown,
        )
    return t._(
        "{number} is not among the invalid packages: it is in your file, shipped {date}, "
        "and counted as valid.",
        number=shown,
        date=t.date(shipped),
    )


def scientific_looked_up(
    named: list[tuple[str, int]], report: VtrReport, t: Translator, m: Markup
) -> list[str]:
    """ "表里那个9.4E+21的单号是啥情况": the report's tracking numbers Excel turned into that
    scientific notation, what it did to them, their orders, and how to get them back."""
    found = [d for d in report.defects if any(_shown_as(d.tracking, n) for n in named)]
    if not found:
        return [
            t._(
                "No invalid tracking number of your last report is written like that; a long "
                "number Excel turned into scientific notation would be listed among them."
            )
        ]
    lead = t.ngettext(
        "That cell is a tracking number Excel turned into scientific notation: only its first "
        "digits are kept, the rest are lost, so as stored it is no tracking number at all and "
        "counts as invalid in this file. The order:",
        "Those cells are tracking numbers Excel turned into scientific notation: only their "
        "first digits are kept, the rest are lost, so as stored they are no tracking numbers "
        "at all and count as invalid in this file. The orders:",
        len(found),
    )
    lines = [fix_line(d, t, m, report.as_of) + _defect_place(d, report, t) for d in found]
    how = t._(
        "To fix the export: format the tracking column as text in your ERP's template (or "
        "open a CSV through Excel's import as text, not by double-clicking it), export again "
        "and send me the new file. Check the full number on the order in Seller Central: if "
        "your ERP uploaded it whole, Amazon holds it right; if Amazon shows the cut one, "
        "correct it there."
    )
    return [lead, *lines[:MAX_LINES], how]


def _shown_as(tracking: str, named: tuple[str, int]) -> bool:
    """The stored number is the scientific notation asked ("9.400381943650504E+21" for
    "9.4E+21"): the same exponent, its digits beginning with the ones asked."""
    found = _SCIENTIFIC_STORED.match(tracking.casefold())
    if found is None:
        return False
    digits = found.group(1) + (found.group(2) or "")
    return int(found.group(3)) == named[1] and digits.startswith(named[0])


_SCIENTIFIC_STORED = re.compile(r"^(\d)(?:\.(\d+))?e\+?(\d+)$")


def carrier_figures(
    carrier: GroupStats, report: VtrReport, t: Translator, fixes: int | None = None
) -> str:
    """A carrier's packages in the window and how many are valid, with its main defect, and
    with `fixes` of its invalid ones supposed fixed ("if I fix 1 in La Poste"); Amazon's bar
    is on categories, so no verdict is given on the carrier."""
    line = t._(
        "{carrier} in your last report: {ratio}.",
        carrier=carrier.name,
        ratio=ratio_text(t, carrier),
    )
    if carrier.name in report.carrier_reasons:
        reason = reason_text(t, report.carrier_reasons[carrier.name])
        line += " " + t._("mostly: {reason}", reason=reason)
    note = t._(
        "Amazon judges categories and marketplaces, not carriers: this shows where the "
        "defects come from."
    )
    invalid = carrier.shipments - carrier.valid
    if fixes is not None and invalid:
        fixed = invalid if fixes == ALL_FIXED else min(fixes, invalid)
        then = t._(
            "With {count} fixed: {valid} of {shipments} = {percent}%.",
            **changed_figures(fixed, carrier.valid + fixed, carrier.shipments, t),
        )
        return f"{then}\n{line}\n{note}"
    return f"{line}\n{note}"


def defects_asked(
    case: Case, report: VtrReport, named: list[GroupStats], t: Translator, m: Markup
) -> list[str]:
    """The defects asked about (`_chosen`): their count by reason, then each in the order
    to fix them (`fix_order`), as /vtr lists them."""
    orders = orders_named(case, report)
    chosen = _chosen(case, report, named, orders)
    if not chosen:
        if orders:
            return [
                t._(
                    "Not among the invalid packages of your last report: {orders}.",
                    orders=", ".join(sorted(orders)),
                )
            ]
        return [t._("No defects match that in your last report.")]
    if orders and len(chosen) == 1 and TIMING_ASKED.search(case.text):
        # "should I edit order 1xx-… now or wait?": the order's decision first, then its line.
        return order_timing_lines(chosen[0], report, t, m)
    count = t.ngettext("{count} invalid package:", "{count} invalid packages:", len(chosen))
    lines = [*_one_package(case, t), count] + [
        _reason_count(reason, n, t, explained=bool(_REASONS_ASKED.search(case.text)))
        for reason, n in Counter(d.reason for d in chosen).most_common()
    ]
    lines += _carriers_named(case, report, t)
    if len(chosen) == len(report.defects) and COUNT_ASKED.search(case.text) and not named:
        # "一共有多少单无效": the whole file's count, beside every package counted together
        # (no verdict: each unit's is in the list below).
        lines.append(pooled_line(t, report.overall))
    lines += _fix_order_note(chosen, report, t)
    ordered = fix_order(chosen, report.plan, report.as_of)
    lines += [
        fix_line(d, t, m, report.as_of) + _defect_place(d, report, t) for d in ordered[:MAX_LINES]
    ]
    return lines


def _carriers_named(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """ "my Royal Mail shipments, how many are bad?": the carrier's packages and valid ones
    beside its defects, what "how many" is measured against."""
    return [
        t._("{carrier} in your last report: {ratio}.", carrier=s.name, ratio=ratio_text(t, s))
        for s in report.by_carrier
        if s.shipments and row_carrier_named(case, s.name)
    ]


def _chosen(
    case: Case, report: VtrReport, named: list[GroupStats], orders: set[str]
) -> list[Defect]:
    """The defects of the named categories and marketplaces, of the named carriers (as
    selected or as the number looks) or `orders`, untracked or still fixable when asked."""
    places = {g.name for g in named if is_marketplace(g, report)}
    shops = {g.name for g in named if is_shop(g, report)}
    # A shop named alone is every defect of it: its units listed beside it (the first few,
    # `named_units`) are what is shown of it, no narrowing of the shop.
    shop_alone = shops and len(named_groups(case, report)) == len(shops)
    units = [] if shop_alone else named
    categories = {g.name for g in units if is_category(g, report)}
    cells = [g for g in units if isinstance(g, CellStats)]
    return [
        d
        for d in report.defects
        if (not categories or d.category in categories)
        and (not cells or any(in_cell(d, cell) for cell in cells))
        and (not places or d.marketplace in places)
        and (not shops or d.shop in shops)
        and carriers_fit(case, d)
        and (not orders or d.order_id.casefold() in orders)
        and (not UNTRACKED.search(case.text) or d.reason == "missing_tracking")
        # "还来得及改吗" of an order named: that order, whether or not it still can be.
        and (not _STILL_FIXABLE.search(case.text) or bool(orders) or d.editable(report.as_of))
    ]


_ROWS_COUNTED = re.compile(
    r"[两二三四五几多\d]行|[两二三四五几多\d]条|[两二三四五几多\d]个缺陷|算[两二三四五几多\d]个|算[两二三四五几多\d]次|重复算|算几个|"
    r"\b(?:two|three|\d|several|multiple) (?:rows|lines|item rows|defects)\b|\bcount(?:ed|s)? (?:twice|double)\b|"
    r"\bdouble[- ]count"
)
"""An order's item rows asked whether they count as several ("两行都没单号，算两个缺陷吗")."""


_SPLIT_WORDS = re.compile(
    r"[两二三\d]个(?:不同的?)?单号|\bsplit\b|separate (?:packages|boxes)|拆(?:了|成|开)?个?(?:包裹|箱|票)"
)
"""Split said without a count of packages ("split", "两个不同的单号", "拆开包裹"); a count is
split_orders.packages_told's reading."""


def _split_told(text: str) -> bool:
    """An order said to be sent in several packages ("拆了两个包裹"): each is a package of its
    own, so the one-package line about item rows is not its answer."""
    packages = packages_told(text)
    return (packages is not None and packages >= 2) or bool(_SPLIT_WORDS.search(text))


def _one_package(case: Case, t: Translator) -> list[str]:
    """The unit first, when an order's rows are asked to count as several: VTR counts
    packages, and an order's rows shipped together are one (domain.md §1b, §4)."""
    if not _ROWS_COUNTED.search(case.text) or _split_told(case.text):
        return []
    return [
        t._(
            "One package, one defect: an order's item rows shipped the same day with the same "
            "carrier and tracking ID (or none) are one package, and VTR counts packages."
        )
    ]


_REASONS_ASKED = re.compile(
    r"原因|为什么|为啥|分别|怎么回事|什么问题|啥问题|\bwhy\b|\breasons?\b|what'?s wrong"
)
"""The reasons asked for ("分别是什么原因"): each said as a seller says it, beside its name."""


def _reason_count(reason: DefectReason, count: int, t: Translator, explained: bool) -> str:
    """A reason's count, with what it means in a seller's words when the reasons are asked."""
    line = f"{reason_text(t, reason)}: {t.number(count)}"
    if not explained:
        return line
    meaning = {
        "missing_tracking": t._("the tracking cell is empty or holds a placeholder such as N/A"),
        "unknown_carrier": t._("a carrier name I do not recognise: pick it from Amazon's list"),
        "bad_format": t._(
            "the number does not fit its carrier's format: a typo, or another carrier's number"
        ),
        "bad_check_digit": t._("the number's check digit does not match: usually a typo"),
    }[reason]
    return t._("{line} ({meaning})", line=line, meaning=meaning)


def _fix_order_note(chosen: list[Defect], report: VtrReport, t: Translator) -> list[str]:
    """How the list is ordered (`fix_order`), when it matters: the fixes that bring a
    category above 95% first, those no longer fixable last."""
    late = sum(not d.editable(report.as_of) for d in chosen)
    saving = {
        (d.order_id, d.tracking)
        for g in report.plan
        if g.savable and g.scope == "category"
        for d in g.fixes
    }
    first = any((d.order_id, d.tracking) in saving for d in chosen)
    if not late and not first:
        return []
    if first:
        note = t._(
            "Most urgent first: the fixes that bring a category above 95%, soonest due first."
        )
    else:
        note = t._("Still fixable first, soonest due first.")
    if late:
        note += sentence_gap(t) + t.ngettext(
            "The {count} past its fix-by date (probably delivered) can no longer be fixed: it is listed last.",
            "The {count} past their fix-by date (probably delivered) can no longer be fixed: they are listed last.",
            late,
        )
    return [note]


def _defect_place(defect: Defect, report: VtrReport, t: Translator) -> str:
    """Where a listed defect belongs, when the report has several places: its category,
    its marketplace (whose Seller Central edits it) when there are several, and its shop
    (whose account it is in) when there are several."""
    market = defect.marketplace if len(report.by_marketplace) > 1 else None
    shop = defect.shop if report.per_shop else None
    if len(report.by_category) <= 1 and market is None and shop is None:
        return ""
    return " · " + unit_label(t, Markup(html=False), defect.category, market, shop)


_STILL_FIXABLE = re.compile(
    r"still (?:be )?(?:fix|correct|edit)|(?:can|could) (?:i|we) still|still fixable|not too late|"
    r"还能修|还可以修|还来得及|还能改|还可以改|能修的|可以修的"
)
"""Asked of the defects that can still be fixed alone ("which ones can I still fix")."""


def most_defects_carrier(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """ "which carrier has the most invalid tracking?": that carrier first."""
    if not _MOST.search(case.text):
        return []
    carriers = [s for s in report.by_carrier if s.valid < s.shipments]
    if not carriers:
        return []
    if _WORST.search(case.text):
        return _lowest_share(carriers, t)
    worst = max(carriers, key=lambda s: (s.shipments - s.valid, s.name))
    tied = [s for s in carriers if s.shipments - s.valid == worst.shipments - worst.valid]
    if len(tied) > 1:
        return []  # the list says it: no one carrier has the most
    return [
        t.ngettext(
            "{carrier} has the most: {count} invalid package of {shipments}.",
            "{carrier} has the most: {count} invalid packages of {shipments}.",
            worst.shipments - worst.valid,
            carrier=carrier_label(t, worst.name),
            shipments=t.number(worst.shipments),
        )
    ]


_MOST = re.compile(r"\bmost\b|worst|最多|最差|最严重")
_WORST = re.compile(r"worst|最差|最糟|最烂")
"""The worst carrier asked ("按承运商看哪家最差"): the lowest share of valid tracking, not
the most defects (a carrier with 2 defects of 18 does worse than one with 2 of 41)."""


def _lowest_share(carriers: list[GroupStats], t: Translator) -> list[str]:
    """The carriers with the lowest share of valid tracking, each with its figures (ties
    all named); Amazon judges categories, not carriers, so no verdict."""
    lowest = min(carriers, key=lambda s: (s.valid / s.shipments, s.name))
    tied = [s for s in carriers if s.valid * lowest.shipments == lowest.valid * s.shipments]
    return [
        t._(
            "{carrier} has the lowest share of valid tracking: {ratio}.",
            carrier=carrier_label(t, s.name),
            ratio=ratio_text(t, s),
        )
        for s in sorted(tied, key=lambda s: s.name)
    ]
