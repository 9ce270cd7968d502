"""The own-data answer put together: what the report states when that is asked (its period,
carriers, numbers, exclusions, counts), else the groups' verdicts as asked, with the
report's date last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.knowledge.case import Case
from bot.domain.models import GroupStats, VtrReport
from bot.services.i18n import Translator
from bot.services.own_data.defects import (
    carrier_figures,
    defects_asked,
    most_defects_carrier,
    number_looked_up,
    scientific_looked_up,
)
from bot.services.own_data.exclusions import (
    counted_line,
    left_out_lines,
    period_line,
    window_verdict,
)
from bot.services.own_data.figures import (
    below_lines,
    closest_above,
    every_category,
    every_marketplace,
    figure_without,
    figures_confirmed,
    left_out_groups,
    named_lines,
    passing_lines,
    unit_in,
    worst_lines,
)
from bot.services.own_data.fixes import first_fixes, fixes_lines, recoveries, shop_fixes
from bot.services.own_data.groups import MAX_LINES, named_units
from bot.services.own_data.japan import (
    asks_small_jp_orders,
    small_jp_asked,
    small_jp_counted,
    small_jp_left_out,
    small_jp_untracked,
)
from bot.services.own_data.orders import none_is_a_defect, order_tokens, orders_looked_up
from bot.services.own_data.phrases import (
    BACK,
    BREAKDOWN,
    COUNT_ASKED,
    DUE_ASKED,
    FIX,
    HURTS,
    POOLED_ASKED,
    WHICH,
    WHICH_ORDER,
    WORST,
    first_fix_asked,
)
from bot.services.own_data.reading import (
    asks_carriers,
    asks_count,
    asks_defects,
    asks_left_out,
    asks_period,
    asks_places,
    carriers_rated,
    dates_named,
    numbers_named,
    scientific_named,
    supposed_fixes,
    supposes_change,
    told_figures_of,
)
from bot.services.own_data.row import orders_named, row_lines, row_pointed
from bot.services.own_data.shops import answer_about_shops, my_shops_pooled
from bot.services.own_data.wording import group_verdict, overall_line, planned_line, unit_name
from bot.services.report_text import carrier_defects
from bot.services.store.store import LeftOutRow, OrderRow, TrackedRow
from bot.services.vtr_words import (
    Markup,
    carrier_not_found_lines,
    first_fix_by,
    pooled_line,
    ratio_text,
)

StoredRows = tuple[Sequence[TrackedRow] | None, Sequence[LeftOutRow], Sequence[OrderRow] | None]
"""What the store was asked for the question: the shipments of the tracking numbers it
names (None: not looked up), the rows VTR does not count, tallied (empty: not asked), and
the shipments of the order IDs it names (None: not looked up)."""
_RISK = re.compile(r"风险|危险|不达标|低于|掉|below|at risk|risk|failing|danger")
_STILL_COUNT = re.compile(
    r"still count|count against|还算|还计入|还会算|还在统计|still in (?:the )?window"
)


def own_data_text(
    case: Case,
    report: VtrReport,
    t: Translator,
    tracked: Sequence[TrackedRow] | None = None,
    left_out: Sequence[LeftOutRow] = (),
    ordered: Sequence[OrderRow] | None = None,
) -> str:
    """The answer from the stored report, its decision first, then where it comes from;
    `tracked` holds the stored shipments of the tracking numbers the question names (None:
    not looked up), `left_out` the stored rows VTR does not count, tallied (when asked),
    `ordered` the stored shipments of the order IDs it names (None: not looked up)."""
    named = named_units(case, report)
    small_jp = small_jp_untracked(case, report, named, t)
    if not small_jp and small_jp_counted(case):
        # "有几单日本站小单被排除了": how many the report left out, then Japan's figures
        small_jp = [small_jp_asked(case, report, t)]
    lines = [
        *_answer_lines(case, report, named, small_jp, t, (tracked, left_out, ordered)),
        *_not_counted_notes(case, report, said_jp=bool(small_jp), t=t),
        # Never a figure of a misread carrier column without saying so (vtr.CARRIER_NOT_FOUND).
        *carrier_not_found_lines(t, report, Markup(html=False)),
        t._(
            "From your last report (as of {date}; window {start} – {end}, 30 days); /vtr shows it in full.",
            date=t.date(report.as_of),
            start=t.date(report.window.start),
            end=t.date(report.window.end),
        ),
    ]
    return "\n".join(lines)


def _answer_lines(
    case: Case,
    report: VtrReport,
    named: list[GroupStats],
    small_jp: list[str],
    t: Translator,
    stored: StoredRows,
) -> list[str]:
    """The seller's own figures checked, what the report states, a figure without some
    groups, else the groups' verdicts as asked."""
    m = Markup(html=False)
    if small_jp:  # Japan's small orders asked about: that answer first, Japan's verdict
        return [*small_jp, *(group_verdict(g, report, t) for g in named[:MAX_LINES])]
    if told := told_figures_of(case, report):
        return [figures_confirmed(told, report, t)]
    if row_pointed(case, report):  # "德国那单 Brief 24.9 欧的有单号，算有效吗": that row first
        return row_lines(case, report, named, t)
    if left_out := left_out_groups(case, report):
        failing = [
            s
            for s in report.enforced_units()
            if s.below_threshold and not any(unit_in(s, g, report) for g in left_out)
        ][:MAX_LINES]
        below = [planned_line(report, s, t, m, unit_name(t, s)) for s in failing]
        return [*figure_without(left_out, report, t), *below]
    lines = _looked_up(case, report, named, t, m, stored)
    return _judged(case, report, named, t, m) if lines is None else lines


def _not_counted_notes(case: Case, report: VtrReport, said_jp: bool, t: Translator) -> list[str]:
    """FBA or Japan's small orders named beside the question: that they are not counted
    (and how many of the file's were left out), unless the answer said so already."""
    notes = []
    if "fba" in case.concepts and report.excluded.get("fba", 0):
        notes.append(
            t._(
                "FBA orders are not counted: VTR covers only self-fulfilled packages, so "
                "FBA rows in your file are left out."
            )
        )
    elif "fba" in case.concepts and not asks_left_out(case, report):
        notes.append(t._("FBA orders are not counted: VTR covers only self-fulfilled packages."))
    if asks_small_jp_orders(case) and not said_jp:
        notes.append(small_jp_left_out(report, t))
    return notes


def _looked_up(
    case: Case,
    report: VtrReport,
    named: list[GroupStats],
    t: Translator,
    m: Markup,
    stored: StoredRows,
) -> list[str] | None:
    """What the report states, asked as such: its period, its carriers, what it left out,
    whether dated rows count, how many it counted; None when none of these is asked."""
    tracked, left_out, ordered = stored
    dated = dates_named(case.text, report.as_of) and HURTS.search(case.text)
    if asks_period(case):
        return [period_line(report, t)]
    if scientific := scientific_named(case):
        return scientific_looked_up(scientific, report, t, m)
    if numbers := numbers_named(case, report):
        return [number_looked_up(n, report, t, m, tracked) for n in numbers]
    orders = orders_named(case, report)
    if orders and ordered is not None and none_is_a_defect(orders, report):
        # "what about order 205-…?", not a defect: what the report did with it, as stored.
        return orders_looked_up(order_tokens(case), report, t, ordered)
    fixes = supposed_fixes(case.text)
    # "如果La Poste那2个补上，Toys能到多少": a group's figure asked, the carrier's fix on it.
    rated = carriers_rated(case, report) if fixes is None or not named else []
    if rated:
        return [carrier_figures(s, report, t, fixes) for s in rated]
    if asks_carriers(case):
        section = carrier_defects(report, t, m) or t._("No carrier has invalid packages.")
        return [*most_defects_carrier(case, report, t), section]
    if asks_left_out(case, report):
        lines = left_out_lines(case, report, t, left_out)
        said = set(lines)
        return [*lines, *(v for g in named if (v := group_verdict(g, report, t)) not in said)]
    if _STILL_COUNT.search(case.text) or dated:
        return [window_verdict(case, report, t)]
    if asks_count(case) and not named:
        return [counted_line(report, t), *every_category(report, t, m)]
    return None


def _judged(
    case: Case,
    report: VtrReport,
    named: list[GroupStats],
    t: Translator,
    m: Markup,
) -> list[str]:
    """The groups' verdicts as asked: a supposed change, the problem orders, the named
    groups, the fixes, the recovery dates, the groups below, else the shop."""
    if named and supposes_change(case):
        return named_lines(case, report, named, t)
    if (about_shops := answer_about_shops(case, report, t, m)) is not None:
        return about_shops
    first_asked = first_fix_asked(case.text) and not _ORDERS_ASKED.search(case.text)
    if not named and first_asked and not supposes_change(case):
        # "先修哪个最划算": the plan, what still saves first ("先修哪几单": the orders, below)
        return first_fixes(report, t)
    if asks_defects(case, report):
        verdicts = [group_verdict(g, report, t) for g in named]
        defects = defects_asked(case, report, named, t, m)
        counted = COUNT_ASKED.search(case.text) and not FIX.search(case.text)
        if counted and not WHICH_ORDER.search(case.text):
            # "how many untracked in Toys?": that count first
            return [*defects, *verdicts]
        return [*verdicts, *defects]
    if named:
        return named_lines(case, report, named, t)
    return _judged_whole(case, report, t, m)


def _judged_whole(case: Case, report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """No group named: the answer as asked (`_judged_as_asked`), with every package's
    figure together after it when that is asked too ("how many to fix, and what's my
    total VTR?") and not said yet: context, as /vtr's headline gives it."""
    lines = _judged_as_asked(case, report, t, m)
    pooled = ratio_text(t, report.overall)
    if POOLED_ASKED.search(case.text) and not any(pooled in line for line in lines):
        lines.append(pooled_line(t, report.overall))
    return lines


def _judged_as_asked(case: Case, report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """No group named: the fixes, the recovery dates, the groups below, passing, closest or
    lowest, else the shop (each shop, when the file holds several and "my shop" is asked)."""
    if FIX.search(case.text) and case.how_many:
        if POOLED_ASKED.search(case.text):  # Amazon's units first, then the pooled figure
            return [
                *fixes_lines(report, t),
                pooled_line(t, report.overall),
                *shop_fixes(case, report, t),
            ]
        return [*shop_fixes(case, report, t), *fixes_lines(report, t), *_first_due(case, report, t)]
    if case.when or BACK.search(case.text):
        return recoveries(report, t)
    if asks_places(case) and BREAKDOWN.search(case.text) and report.per_marketplace:
        return [overall_line(report, t), *every_marketplace(report, t, m)]
    if _CLOSEST_ABOVE.search(case.text) or WORST.search(case.text):
        ranked = closest_above if _CLOSEST_ABOVE.search(case.text) else worst_lines
        return ranked(report, t, m, places=asks_places(case))
    if _PASSING.search(case.text) and WHICH.search(case.text) and not _RISK.search(case.text):
        return passing_lines(report, t, m, places=asks_places(case))
    if WHICH.search(case.text) or _RISK.search(case.text):
        return below_lines(report, t, m, places=asks_places(case))
    if (pooled := my_shops_pooled(case, report, t, m)) is not None:
        return pooled  # "my shop" of a file of several shops: each on its own
    return [overall_line(report, t), *every_category(report, t, m)]


def _first_due(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """ "how many to fix, and by when?": the first planned fix's last day, its package's
    estimated delivery (tracking added after delivery does not count)."""
    if not DUE_ASKED.search(case.text):
        return []
    dates = [due for group in report.plan if (due := first_fix_by(group))]
    if not dates:
        return []
    return [
        t._(
            "The first is due by {date} (its estimated delivery): tracking added after delivery does not count.",
            date=t.date(min(dates)),
        )
    ]


_ORDERS_ASKED = re.compile(
    r"哪几单|哪些单|哪单|哪一单|哪个单|哪些订单|哪个订单|哪些包裹|哪个包裹|"
    r"which (?:orders?|packages?|parcels?|shipments?)\b"
)
"""The orders asked for ("先修哪几单", "which orders do I fix first?"), not which category."""
_CLOSEST_ABOVE = re.compile(
    r"(?:closest|nearest|near(?:est)? to|closest to) (?:to )?(?:the )?(?:edge|bar|line|limit|95)|"
    r"\b(?:just|barely|only just) (?:above|over|passing)|"
    r"最接近|离.{0,4}(?:线|95|门槛|红线).{0,2}最近|刚刚?(?:过线|达标)|勉强(?:过线|达标)"
)
"""The passing group nearest the bar asked ("which category is closest to the edge but
still above"): the lowest still above 95%, not the ones already below."""
_PASSING = re.compile(r"\bpass(?:ing|es)?\b|above the bar|达标的|合格的|没问题的|过了的")
