"""Which metric is which: by its target, by what it counts, by its name, or two named.

Also the entry that explains each metric, shown after any decision about it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.entries import METRIC_ENTRIES, METRIC_ENTRIES_WHAT
from bot.domain.knowledge.decide.targets import FIGURE
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import metrics

WHICH_METRIC = lazy(r"\bwhich\b|哪个|哪一个|哪项|哪一项|是哪|什么指标|\bwhat (?:metric|rate)\b")
_A_METRIC_ASKED = lazy(
    r"(?:哪个|哪一个|哪项|什么)\s?指标|\bwhich (?:metric|rate)\b|\bwhat(?:'s| is) the [\d.]+\s?% "
    r"(?:metric|rate|one)\b|\bwhich one\b[^?？]{0,30}\bmetric\b"
)


def metric_by_target(case: Case) -> Decision | None:
    """ "VTR or ODR, which has the 1% target?", "迟发率和取消率哪个是2.5%": the metric whose
    own target (metrics.yaml) is the figure asked, named first, whichever of the named
    ones it is (or none of them: then the one it belongs to)."""
    figure = FIGURE.search(case.text)
    # "哪个指标要求低于1%", "what's the 2.5% metric": no metric named, a metric asked for.
    unnamed = not case.metrics and _A_METRIC_ASKED.search(case.text)
    if figure is None or not (len(case.metrics) >= 2 or unnamed):
        return None
    denied = _denied_metrics(case)
    if not (WHICH_METRIC.search(case.text) or unnamed or denied):
        return None
    if case.metric_rates or case.counts is not None:
        return None  # each metric's own rate stated: metric_rates judges them
    stated = float(figure.group(1))
    owners = [m.id for m in metrics().values() if m.target == stated]
    if len(owners) != 1:
        return None
    facts: dict[str, Fact] = {
        "metric": owners[0],
        "stated": f"{stated:g}",
        "metrics": ",".join(m for m in case.metrics if m != owners[0]),
        "named": owners[0] in case.metrics or not case.metrics,
    }
    # "PFCR is the 2.5% one, not LSR": the metrics not denied are the ones stated.
    stated_ones = [m for m in case.metrics if m not in denied]
    agrees = (owners[0] in stated_ones) if denied and len(stated_ones) == 1 else None
    return Decision(
        code="metric_by_target", facts=facts, agrees=agrees, entry=METRIC_ENTRIES[owners[0]]
    )


_DENIES_NEXT = lazy(r"(?:\bnot|isn't|rather than|instead of|而不是|不是|并非)\s?(?:the\s)?$")


def _denied_metrics(case: Case) -> set[str]:
    """The metrics a "not" / 不是 stands right before ("…, not LSR", "不是迟发率")."""
    return {m for at, m in case.metrics_at if _DENIES_NEXT.search(case.text[max(0, at - 14) : at])}


_WHICH_ONE = lazy(
    r"the one (?:about|for|that|which|where|with)|the (?:metric|rate) (?:about|for|that|which)|"
    r"is (?:that|it|this) (?:about|for)|\bmeasures?\b|\bis about\b|\bis it about\b|"
    r"指的是|是管|管的是|是关于|衡量|考核的是|是看[^，,。?？]{0,12}的|是不是(?:就是)?(?:管|看)"
)


_COUNTED_WHERE = lazy(
    r"算在哪|算到哪|计入哪|归哪|属于哪|算哪个|算什么指标|影响哪|"
    r"还是算(?:在|进|到|入)?\s?(?:[a-z]|有效追踪率|追踪率|迟发率|取消率|订单缺陷率|准时|哪|什么)|"
    r"\bwhich (?:metric|rate|one)\b|\b(?:count(?:s|ed)?|go(?:es)?|fall(?:s)?|belong(?:s)?) "
    r"(?:in|into|toward|towards|under|to|against) which\b|\bwhat (?:metric|rate)\b"
)
"""What is asked is the metric something counts toward ("A-to-Z算在哪个指标里", "算VTR还是
算ODR", "which metric do chargebacks go into"); "…还是算缺陷" is "still counts as a defect"."""


def metric_by_content(case: Case) -> Decision | None:
    """ "A-to-Z索赔算在哪个指标里", "是算VTR还是算ODR": the metric that counts what is named,
    by the concepts metrics.yaml gives each, whichever metrics the question names beside it."""
    asked = _A_METRIC_ASKED.search(case.text) or _COUNTED_WHERE.search(case.text)
    if not asked or case.counts is not None or case.metric_rates:
        return None
    owners = [m.id for m in metrics().values() if m.id != "vtr" and case.concepts & set(m.about)]
    if len(owners) != 1 or (case.metrics and owners[0] not in case.metrics):
        return None
    facts: dict[str, Fact] = {"metric": owners[0], "other": ""}
    return Decision(code="metric_identity", facts=facts, entry=METRIC_ENTRIES[owners[0]])


def metric_identity(case: Case) -> Decision | None:
    """ "is LSR the one about uploading tracking numbers?", "迟发率是管追踪号的吗": what a
    metric counts, told by the concepts metrics.yaml gives each: that of another metric is a
    no (and names it), its own a yes."""
    if len(case.metrics) != 1 or not _WHICH_ONE.search(case.text):
        return None
    named = metrics()[case.metrics[0]]
    others = [m for m in metrics().values() if m.id != named.id and case.concepts & set(m.about)]
    own = bool(case.concepts & set(named.about))
    if own == bool(others):
        return None  # both or neither: the entry explains
    facts: dict[str, Fact] = {"metric": named.id, "other": others[0].id if others else ""}
    return Decision(code="metric_identity", facts=facts, agrees=own, entry=METRIC_ENTRIES[named.id])


_SAME_NAME = lazy(
    r"一个东西|一回事|同一个|一样吗|是一样的|相同|缩写|简称|全称|\bsame\b|stand for|stands for|"
    r"short for|abbreviation|another name|mean the same"
)


def one_metric_two_names(case: Case) -> Decision | None:
    """ "is VTR the same as valid tracking rate?", "VTR和有效追踪率是一个东西吗": one metric
    named twice, by its abbreviation and by its name: yes, one metric."""
    if len(case.metrics) != 1 or not _SAME_NAME.search(case.text):
        return None
    metric = metrics()[case.metrics[0]]
    spellings = (metric.abbr.casefold(), metric.en.casefold(), metric.zh)
    if sum(name in case.text for name in spellings) < 2:
        return None
    facts: dict[str, Fact] = {"metric": metric.id}
    return Decision(
        code="metric_same", facts=facts, agrees=True, entry=METRIC_ENTRIES_WHAT[metric.id]
    )


_NAME_ASKED = lazy(
    r"全称|全名|英文名|英文全称|中文名|缩写|简称|stand(?:s)? for|full name|full form|abbreviat|short for|acronym"
)


def metric_name(case: Case) -> Decision | None:
    """ "VTR英文全称是什么", "what does ODR stand for": one metric's name asked, answered
    with its name, target and window (not the carrier entry "英文" would reach)."""
    if (
        len(case.metrics) != 1
        or not _NAME_ASKED.search(case.text)
        or _SAME_NAME_PAIR.search(case.text)
    ):
        return None
    metric = case.metrics[0]
    return Decision(
        code="metrics_named", facts={"metrics": metric}, entry=METRIC_ENTRIES_WHAT[metric]
    )


_SAME_NAME_PAIR = lazy(r"一样|一回事|同一个|\bsame\b|identical")
_SAME = lazy(
    r"就是|是一回事|一回事吗|一样吗|一样的吗|是一样的|相同吗|是同一个|同一个指标|一码事|"
    r"(?:是|算)(?:一个|一种|同一种)(?:东西|指标|意思)|叫法|说法|别名|别称|名字而已|"
    r"\bsame\b|identical|another name|other name for|just (?:another|the)|\bbasically\b|"
    r"interchangeabl|synonym|another word for|(?:a |the )?different name|"
    r"等于|等同于?|相当于|\bequals?\b|\bequal to\b|\bequivalent\b"
)
_EQUATED = lazy(r"^[a-z\u4e00-\u9fff ]+(?:=|==|＝|≈|~)\s*$")
"""Two metrics written as one with a symbol between them ("is VTR = LSR?", "VTR≈ODR吗")."""
_UNEQUAL = lazy(r"^[a-z\u4e00-\u9fff ]+(?:≠|!=|=/=|<>)\s*$")


_DIFFERENT = lazy(
    r"不是一回事|不是同一|不一样|不相同|不同的?指标|有区别|有差别|区别吗|差别吗|"
    r"\bnot the same\b|n't the same\b|\bdifferent (?:metrics|things|numbers)\b|\bdiffer\b"
)
"""Two metrics said or asked to be different ("不是一回事吧", "are they different metrics?"):
the belief holds (A-not-A 是不是 taken out first: it asks, it denies nothing)."""


def metrics_named(case: Case) -> Decision | None:
    """ "VTR和LSR分别按多少天算": several metrics named, each one's own target and window
    (never the others' figures), then the entry of the one compared with VTR."""
    if len(case.metrics) < 2 or case.rate is not None:
        return None
    others = [m for m in case.metrics if m != "vtr"]
    entry = METRIC_ENTRIES["otdr" if "otdr" in others else others[0]]
    facts: dict[str, Fact] = {"metrics": ",".join(case.metrics)}
    different = bool(_DIFFERENT.search(case.text.replace("是不是", "")))
    different = different or _between_two(case, _UNEQUAL)
    same = bool(_SAME.search(case.text)) or _between_two(case, _EQUATED)
    if len(case.metrics) == 2 and (same or different):
        # "VTR是不是就是迟发率？": two metrics are never one; each has its own target. Said
        # or asked as different ("不是一回事吧", "are they different?"), that holds.
        facts["same_asked"] = True
        return Decision(code="metrics_named", facts=facts, agrees=different, entry=entry)
    return Decision(code="metrics_named", facts=facts, entry=entry)


def _between_two(case: Case, symbol: re.Pattern[str]) -> bool:
    """The symbol alone between two metrics' names ("VTR = LSR", "vtr≠迟发率"), not a
    figure's "=" ("57/60=95%")."""
    named = sorted(case.metrics_at)
    return any(
        a != b and symbol.search(case.text[start:end]) for (start, a), (end, b) in pairwise(named)
    )
