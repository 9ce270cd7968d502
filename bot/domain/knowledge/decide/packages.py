"""One order or one package asked about, not a window's figures.

An order sent as several packages with numbers missing, and a package's age against the
30-day window.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.verdict import SPLIT_FINE, SPLIT_HURTS
from bot.domain.knowledge.figures import WINDOW_DAYS
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.knowledge.split_orders import split_order as split_order_read

SURELY_OUT_AFTER_DAYS = 60
"""A package shipped longer ago than this has its promised delivery date outside the
window too, however long its transit; between the two it has left the last 30 days by its
ship date, but a late promised date can keep it on Amazon's page a while."""
_ASKS_IN_WINDOW = lazy(
    r"算|计入|统计|影响|拉低|拖|还在|count|included|drag|pull|hurt|affect|still|in (?:the|my) vtr|window|"
    # The window said by its length ("inside the 30 days", "within the last 30 days", "在30天内").
    r"\b(?:inside|within|in) (?:the |my |vtr'?s )?(?:last |past )?(?:30|thirty)[- ]days?\b|"
    r"(?:30|三十)\s?天(?:以|之)?内"
)
"""Whether the package is in the window is asked: counted, hurting, or inside its 30 days."""


_SAID_OUT = lazy(
    r"\b(?:left|leaves|dropped out of|drops out of|fallen out of|fell out of|out of|outside)\b"
    r"[^.?!]{0,16}\bwindow\b|(?:掉出|移出|滚出|出了|(?<!在)不在)[^。？?]{0,6}(?:窗口|30天)"
)
"""The package said to be out of the window already: a yes is that it is outside ("在不在"
asks, it says nothing)."""


_SHIP_DATE_BASIS = lazy(
    r"(?:^|[，,。；;：:？?]\s*)(?:如果|假如|要是|就)?(?:按|以|用|根据|按照)(?:着)?(?:包裹的?)?"
    r"(?:发货日期|发货日|发货时间|发货那天|出库日期|寄出日期)(?:来|去)?(?:算|计算|统计|看)?[，,：:]|"
    r"\b(?:going|go|counting|count|judging|measured|measuring) (?:by|from|on) (?:the )?ship(?:ping|ped)? (?:date|day)\b|"
    r"\b(?:by|based on|using|with) (?:the )?ship(?:ping)? (?:date|day)\s*[,:]|"
    r"\bif (?:we|i|you) (?:go|count|use|take) (?:by |the )?ship(?:ping)? (?:date|day)"
)
"""The seller names the ship date as the basis the question is asked on ("按发货日期算，…",
"going by ship date, …"), a premise set apart, not a belief of how Amazon counts ("VTR是
按发货日期算的"): the day is judged on it."""


def shipment_age(case: Case) -> Decision | None:
    """ "10天前发的包裹没传单号，还算VTR吗", "shipped 3 months ago, still hurting my VTR?":
    the package's age against the 30-day window. Between 30 and 60 days it is out of the
    last 30 days (the verdict), with a word that Amazon's page, keyed on the promised
    delivery date and about two weeks late, can show it a while longer."""
    age = case.age_days
    # "一单没传单号" is the one package asked about, not figures of a window.
    several = case.counts is not None and case.counts.shipments > 1
    if age is None or several or case.rate is not None:
        return None
    if not _ASKS_IN_WINDOW.search(case.text):
        return None
    inside = age <= WINDOW_DAYS
    facts: dict[str, Fact] = {"days": age, "inside": inside}
    facts["lately_out"] = WINDOW_DAYS < age <= SURELY_OUT_AFTER_DAYS
    if case.as_of is not None:
        # "as-of Dec 5, shipped Nov 6": the report's window is the as-of day and the 29
        # before it (domain.md §4.3), both ends included.
        facts |= _window_of(case.as_of, age) | _more_days_of(case.as_of, case.ship_ages[1:])
        inside = bool(facts["inside"])
    if _SHIP_DATE_BASIS.search(case.text):
        # "按发货日期算，截止12月5日…": the seller's own basis, judged as asked; the
        # reply adds that Amazon's page goes by the promised delivery date.
        facts["by_ship_date"] = True
    # "…has left the VTR window, right?": said out of it, a yes is that it is outside.
    said_out = case.negated or bool(_SAID_OUT.search(case.text))
    agrees = inside != said_out
    return Decision(code="shipment_age", facts=facts, agrees=agrees, entry="vtr-window")


def _window_of(as_of: tuple[int, int], age: int) -> dict[str, Fact]:
    """The window's first day and the day shipped, as month-day, for the as-of day named."""
    end = date(2001, *as_of)  # any year without 29 February: only month and day are said
    start, shipped = end - timedelta(days=WINDOW_DAYS - 1), end - timedelta(days=age)
    return {
        "inside": age < WINDOW_DAYS,
        "lately_out": False,
        "as_of": f"{end:%m-%d}",
        "start": f"{start:%m-%d}",
        "shipped": f"{shipped:%m-%d}",
    }


def _more_days_of(as_of: tuple[int, int], ages: tuple[int, ...]) -> dict[str, Fact]:
    """The further ship days asked beside the first, as month-days inside the window and
    before it ("also_inside", "also_before": comma-separated), each on its own age."""
    end = date(2001, *as_of)
    inside = [f"{end - timedelta(days=a):%m-%d}" for a in ages if a < WINDOW_DAYS]
    before = [f"{end - timedelta(days=a):%m-%d}" for a in ages if a >= WINDOW_DAYS]
    facts: dict[str, Fact] = {}
    if inside:
        facts["also_inside"] = ",".join(inside)
    if before:
        facts["also_before"] = ",".join(before)
    return facts


def split_order(case: Case) -> Decision | None:
    """ "一个订单分两个包裹发，只上传了一个单号": the order's packages each count, and each
    without its own number is invalid (split_orders.py); asked whether that is fine, no; asked
    whether it hurts, yes; asked how it is counted, the count alone."""
    split = split_order_read(case.text)
    if split is None:
        return None
    facts: dict[str, Fact] = {"packages": split.packages}
    if split.tracked is not None:
        facts |= {"tracked": split.tracked, "missing": split.packages - split.tracked}
    fine = bool(SPLIT_FINE.search(case.text))
    hurts = bool(SPLIT_HURTS.search(case.text)) and not fine
    agrees = False if fine else (True if hurts else None)
    return Decision(code="split_order", facts=facts, agrees=agrees, entry="vtr-formula")
