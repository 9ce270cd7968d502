"""Metrics' rates against their own targets (metrics.yaml), and what follows a miss.

Several metrics' rates told at once, a rate with no metric named set against each
target, another metric's rate judged by its target, and a penalty asked of a metric.
"""

from __future__ import annotations

from fractions import Fraction

from bot.domain.bar import is_above
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.entries import METRIC_ENTRIES
from bot.domain.knowledge.decide.metric_names import WHICH_METRIC
from bot.domain.knowledge.decide.rate import VTR_RANGE, names_a_category
from bot.domain.knowledge.decide.targets import FIGURE, TARGET_TALK, bound_said
from bot.domain.knowledge.decide.verdict import ASKS_PASS, WHICH_GROUP, passes_asked
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import metrics


def _rate_is_ok(metric_id: str, rate: float) -> bool:
    """A metric's rate against its own target in metrics.yaml (VTR strictly above 95%)."""
    metric = metrics()[metric_id]
    value, target = Fraction(str(rate)), Fraction(str(metric.target))
    return value > target if metric.good == "above" else value < target


def metric_rates(case: Case) -> Decision | None:
    """ "OTDR 91%, VTR 96%, LSR 4.5% — which is failing?": each metric's rate against its own
    target, the failing ones first; "which" gets no yes or no, "am I at risk?" does."""
    if len(case.metric_rates) < 2:
        return None
    if TARGET_TALK.search(case.text) and all(
        rate == metrics()[m].target for m, rate in case.metric_rates
    ):
        return _targets_stated(case)
    judged = [(m, rate, _rate_is_ok(m, rate)) for m, rate in case.metric_rates]
    judged.sort(key=lambda item: item[2])
    facts: dict[str, Fact] = {"count": len(judged)}
    for i, (metric_id, rate, ok) in enumerate(judged):
        facts.update({f"metric{i}": metric_id, f"percent{i}": f"{rate:g}", f"ok{i}": ok})
    all_ok = all(ok for _, _, ok in judged)
    asks = ASKS_PASS.search(case.text) and not WHICH_GROUP.search(case.text)
    entry = "metrics-overview" if all_ok else METRIC_ENTRIES[judged[0][0]]
    agrees = passes_asked(case, all_ok) if asks else None
    return Decision(code="metric_rates", facts=facts, agrees=agrees, entry=entry)


def _targets_stated(case: Case) -> Decision:
    """ "迟发率要低于4%，取消率要低于2.5%，对吗": each metric's own target stated, not the
    seller's rates: right when each figure is said with its metric's own bound."""
    bounds = {f"{metric.target:g}": metric.good for metric in metrics().values()}
    said = [
        (bound_said(case.text, figure), bounds.get(f"{float(figure.group(1)):g}"))
        for figure in FIGURE.finditer(case.text)
    ]
    agrees = all(stated in (None, good) for stated, good in said)
    facts: dict[str, Fact] = {"metrics": ",".join(m for m, _ in case.metric_rates)}
    entry = METRIC_ENTRIES[case.metric_rates[0][0]]
    return Decision(code="metrics_named", facts=facts, agrees=agrees, entry=entry)


def unnamed_rate(case: Case) -> Decision | None:
    """ "my rate is 4%, which metric is bad?", "I'm at 3.5%, is that a problem?": a rate far
    from VTR's range with no metric named does not say which metric it is; it is set
    against each target instead of being judged as VTR."""
    if case.rate is None or case.metric is not None or case.rate >= VTR_RANGE:
        return None
    if case.counts is not None or len(case.metric_rates) > 1 or names_a_category(case):
        return None
    if case.concepts & {"trackingid", "invalid", "scan", "unconfirmed", "category"}:
        return None
    if not (ASKS_PASS.search(case.text) or WHICH_METRIC.search(case.text)):
        return None
    if TARGET_TALK.search(case.text):
        return None  # "which metric must stay under 2.5%?": a target, the metric asked by it
    rate = Fraction(str(case.rate))
    facts: dict[str, Fact] = {"percent": f"{case.rate:g}"}
    for metric in metrics().values():
        target = Fraction(str(metric.target))
        facts[f"ok_{metric.id}"] = rate > target if metric.good == "above" else rate < target
    # In VTR's own terms a small share is the packages without valid tracking: 1.5% of them
    # invalid is a VTR of 98.5%, judged by the bar's own function.
    valid = 100 - rate
    facts["vtr_if_invalid"] = f"{float(valid):g}"
    facts["ok_vtr_if_invalid"] = is_above(valid, 100)
    return Decision(code="rate_unnamed", facts=facts, entry="metrics-overview")


_PENALTY_ASKED = lazy(
    r"封号|封店|封账号|封掉|被封|会封|要封|封(?:我|整)|关店|停用|冻结|处罚|惩罚|罚款|被限制|"
    r"限制[^，,。?？]{0,4}(?:品类|分类|类目|销售|listing)|"
    r"suspend|suspension|\brestrict|\bban(?:ned)?\b|deactivat|penal|shut (?:me |it )?down|"
    r"close (?:my|the) (?:account|store|shop)|lose (?:my )?(?:account|selling)|"
    r"会怎(?:么)?样|会如何|会有什么后果|什么后果|有何后果|后果|"
    r"what (?:happens|will happen|would happen|happened)|happens? (?:if|when)|consequences?"
)
"""A penalty asked of a metric ("迟发率超过4%会被封号吧", "will I get suspended"), or what
follows a miss in any words ("ODR超过1%会怎样", "what happens if my LSR is over 4%")."""
_NO_PENALTY = lazy(
    r"不会[^，,。?？]{0,10}?(?:被)?(?:封|处罚|限制|停用|冻结)|不(?:会)?被封|不封|不处罚|"
    r"(?:won't|will not|wouldn't|can't|cannot|doesn't|does not|don't|isn't|not) "
    r"(?:get |be |lead to |mean |cause )?(?:\w+ ){0,3}(?:suspen|ban|penal|deactivat|restrict)|"
    r"no (?:suspension|penalt)"
)
"""The belief that no penalty follows ("OTDR低于90%不会被封吧")."""
_EITHER_WAY = lazy(r"([\u4e00-\u9fff])不\1|\b(?:whether )?or not\b")
"""A-not-A ("会不会被封"): a question's either-way words, no belief that nothing follows."""


_LIKE_VTR = lazy(
    r"(?:跟|和|同|像|与|如)\s?vtr\s?(?:一样|那样|似的|相同|类似|一般)|"
    r"(?:just |exactly )?(?:like|as with|the same as|same as) vtr\b|as vtr does|vtr-style"
)
"""VTR named only as what another metric is likened to ("跟VTR一样被限制", "just like VTR")."""


def _metric_beside_vtr(case: Case) -> str | None:
    """The one metric other than VTR a question is about; VTR may be named beside it only as
    its likeness ("准时交货率低于90%也会跟VTR一样被限制品类吧": OTDR's consequence asked)."""
    others = [m for m in case.metrics if m != "vtr"]
    if len(others) != 1:
        return None
    alone = len(case.metrics) == 1
    return others[0] if alone or _LIKE_VTR.search(case.text) else None


def metric_consequence(case: Case) -> Decision | None:
    """ "准时交货率不到90%会被封号吧", "my ODR is 1.5%, will I get suspended?": a penalty
    asked of another metric than VTR is what follows a miss, not whether a rate passes.
    OTDR's target is no enforced bar in most marketplaces (metrics.yaml), so the belief in
    a suspension is wrong, though not of a marketplace named; for LSR, PFCR and ODR the sources give no consequence, so the reply says that
    and gives no verdict. A rate of theirs (not the target itself) is judged after it."""
    named = _metric_beside_vtr(case)
    if named is None or not _PENALTY_ASKED.search(case.text):
        return None
    metric = metrics()[named]
    facts: dict[str, Fact] = {"metric": metric.id, "enforced": metric.enforced is not False}
    if case.rate is not None and case.rate != metric.target:
        rate, target = Fraction(str(case.rate)), Fraction(str(metric.target))
        facts["percent"] = f"{case.rate:g}"
        facts["ok"] = rate > target if metric.good == "above" else rate < target
    no_penalty = bool(_NO_PENALTY.search(_EITHER_WAY.sub("", case.text)))
    # "美国站准时交货率不到90%会被处罚吗": no bar in most marketplaces says nothing of one.
    unenforced = metric.enforced is False and not case.names_a_marketplace
    agrees = no_penalty if unenforced else None
    return Decision(
        code="metric_consequence", facts=facts, agrees=agrees, entry=METRIC_ENTRIES[metric.id]
    )


def metric_rate(case: Case) -> Decision | None:
    if case.rate is None or case.metric in (None, "vtr") or not ASKS_PASS.search(case.text):
        return None
    metric = metrics()[case.metric]
    if case.rate == metric.target and not case.own and TARGET_TALK.search(case.text):
        return None  # the target itself, named as the target: a question about the bar
    if case.rate == metric.target and _SUPPOSED_CROSSING.search(case.text):
        return None  # "if OTDR goes under 90%": the target supposed crossed, no rate of theirs
    if case.rate == metric.target and _bound_of_target_said(case):
        return None  # "my OTDR is above 90%": a bound told, no rate at the target to judge
    rate = Fraction(str(case.rate))
    target = Fraction(str(metric.target))
    ok = rate > target if metric.good == "above" else rate < target
    facts: dict[str, Fact] = {"metric": metric.id, "percent": f"{case.rate:g}", "ok": ok}
    return Decision(
        code="metric_rate",
        facts=facts,
        agrees=passes_asked(case, ok),
        entry=METRIC_ENTRIES[metric.id],
    )


def _bound_of_target_said(case: Case) -> bool:
    """ "OTDR is above 90%", "准时送达率高于90%": the target's own figure said with a bound, so
    the seller's rate is somewhere past it, not at it (reading it as 90% would call it a miss)."""
    return any(
        bound_said(case.text, figure) is not None
        and Fraction(figure.group(1)) == Fraction(str(case.rate))
        for figure in FIGURE.finditer(case.text)
    )


_SUPPOSED_CROSSING = lazy(
    r"\b(?:if|once|when|whenever)\b[^.?!,]{0,30}\b(?:goes|go|drops?|falls?|dips?|gets?|is|are)\s"
    r"(?:under|below|over|above)|(?:如果|要是|一旦|万一)[^，,。?？]{0,16}(?:低于|高于|跌破|掉到|超过)"
)
"""A target supposed crossed ("if OTDR goes under 90%"): a question about what follows."""
