"""The days a metric counts over, stated by the seller, checked against metrics.yaml.

Each window said for a metric, and VTR's own said beside windows denied ("30 days, not 60").
"""

from __future__ import annotations

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.entries import METRIC_ENTRIES
from bot.domain.knowledge.decide.targets import with_contrasts_beside
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import metrics


def metric_window(case: Case) -> Decision | None:
    """ "订单缺陷率是按90天算的吧", "VTR is a 7-day metric like the cancel rate?": each window
    stated for a metric, against metrics.yaml; the reply names the first metric it is wrong
    for, then every other metric's own ("ODR, LSR, VTR all 30 days?": each judged, each
    told). VTR named alone is the claims table's (its claims word the promised-date keying)."""
    windows = case.stated_windows
    if not windows or case.counts is not None or case.rate is not None:
        return None
    if len(case.metrics) == 1 and case.metrics[0] == "vtr":
        return None
    wrong = [(m, days) for m, days in windows if days not in metrics()[m].days]
    metric_id, days = (wrong or list(windows))[0]
    facts: dict[str, Fact] = {"metric": metric_id, "stated": str(days)}
    others = [m for m in dict.fromkeys(m for m, _ in windows) if m != metric_id]
    if others and not case.contrasts:
        facts["beside"] = ",".join(others)
    decision = Decision(
        code="metric_target", facts=facts, agrees=not wrong, entry=METRIC_ENTRIES[metric_id]
    )
    return with_contrasts_beside(case, decision)


def window_said_wrong(case: Case) -> Decision | None:
    """ "取消率要低于2.5%，时间窗口也是30天对吗", "ODR 1%, counted over 30 days, right?": a
    belief about a metric other than VTR whose window, said beside its target, is wrong is
    not right, whatever its target (each metric's days are metrics.yaml's). VTR's own days
    are its rules' (vtr_window_stated, the claims table)."""
    if not case.belief:
        return None
    wrong = [(m, d) for m, d in case.stated_windows if m != "vtr" and d not in metrics()[m].days]
    if not wrong:
        return None
    metric_id, days = wrong[0]
    facts: dict[str, Fact] = {"metric": metric_id, "stated": str(days)}
    return Decision(
        code="metric_target", facts=facts, agrees=False, entry=METRIC_ENTRIES[metric_id]
    )


_DENIED_DAYS = lazy(
    r"(?:\bnot|isn't|rather than|instead of|而不是|(?<!是)不是|并非)\s?(?:(?:the|last|just|only|按|算|看|是|最近)\s?)*"
    r"(\d{1,3}(?:\s?(?:天|日|days?))?(?:\s?(?:,|/|or|and|nor|或者?|和|、|也不是|还是)\s?\d{1,3}"
    r"(?:\s?(?:天|日|days?))?)*)"
)
_DAYS = lazy(r"(?<![\d.])\d{1,3}(?![\d.%])")


def vtr_window_stated(case: Case) -> Decision | None:
    """ "VTR's window is 30 days, right? not 60 or 90": one window stated for VTR and the
    others denied, against metrics.yaml; the denied figures are no counts and their "not"
    no negation of the belief."""
    about_days = case.stated_windows or "window" in case.concepts
    if not about_days or case.metrics not in ((), ("vtr",)):
        return None
    denied_spans = [m.span(1) for m in _DENIED_DAYS.finditer(case.text)]
    if not denied_spans:
        return None
    stated = [
        int(m.group(1))
        for m in _WINDOW_DAYS_STATED.finditer(case.text)
        if not any(start <= m.start() < end for start, end in denied_spans)
    ]
    denied = {int(d.group()) for a, b in denied_spans for d in _DAYS.finditer(case.text, a, b)}
    if len(set(stated)) != 1 or stated[0] in denied:
        return None
    counts = case.counts
    if counts is not None and not {counts.shipments, counts.valid} <= denied:
        return None  # the seller's own figures, told with a window: vtr_counts's case
    days = metrics()["vtr"].days
    agrees = stated[0] in days and not denied & set(days)
    facts: dict[str, Fact] = {"days": days[0]}
    return Decision(code="vtr_window", facts=facts, agrees=agrees, entry="vtr-window")


_WINDOW_DAYS_STATED = lazy(r"(?<![\d.])(\d{1,3})\s?-?\s?(?:天|日|days?)(?!\s?(?:前|之前|以前|ago))")


_DAYS_CHOICE = lazy(
    r"(?<![\d.])(\d{1,3})\s?(?:天|日|days?)?\s?(?:or|还是|或者?|或是?|vs\.?|versus)\s?(?:the\s)?(?:last\s)?"
    r"(\d{1,3})\s?(?:天|日|days?)"
)


def vtr_window_choice(case: Case) -> Decision | None:
    """ "VTR window 30 or 60 days?", "看30天还是60天": a choice between two windows names
    the one metrics.yaml holds and the other it is not; neither or both held: no choice made."""
    if case.metrics not in ((), ("vtr",)) or case.counts is not None:
        return None
    choice = _DAYS_CHOICE.search(case.text)
    if choice is None:
        return None
    days = metrics()["vtr"].days
    offered = [int(choice.group(1)), int(choice.group(2))]
    held = [d for d in offered if d in days]
    if len(held) != 1:
        return None
    other = next(d for d in offered if d not in days)
    facts: dict[str, Fact] = {"days": held[0], "other": other}
    return Decision(code="vtr_window_choice", facts=facts, entry="vtr-window")
