"""A bar stated for a metric ("LSR must stay under 4%"), checked against metrics.yaml.

Reads which percentage the belief states (not one it denies), whether it is said as a
floor or a ceiling, and whether it is a target at all rather than the seller's own rate;
also the lowest figure a metric allows, asked.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.case.metrics import without_contrasts
from bot.domain.knowledge.decide.entries import METRIC_ENTRIES
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import metrics

_BOUND_AFTER = lazy(
    r"^\s?(?:(以上|或以上|及以上|or more|or higher|or above|and up|plus)|(以下|以内|或以下|or less|or lower|or under))"
)


def bound_said(text: str, figure: re.Match[str]) -> str | None:
    """ "above" or "below", as said of the figure itself ("under 4%", "4%以下"), not of a
    window elsewhere ("under 4% … over 10 and 30 days")."""
    after = _BOUND_AFTER.search(text[figure.end() :])
    if after:
        return "above" if after.group(1) else "below"
    before = text[max(0, figure.start() - BOUND_REACH) : figure.start()]
    above = [m.end() for m in SAYS_ABOVE.finditer(before)]
    below = [m.end() for m in _SAYS_BELOW.finditer(before)]
    if not (above or below):
        return None
    return "above" if max(above, default=-1) > max(below, default=-1) else "below"


BOUND_REACH = 16
"""How far before a figure its "above"/"below" word is looked for (characters)."""


TARGET_TALK = lazy(
    r"要求|目标|标准|门槛|考核|必须|(?:要|得|须|需要?|应该?)(?:高于|低于|超过|大于|小于|不低于|不超过)|"
    r"target|threshold|\bbar\b|require|must|needs? to|"
    r"就行|就可以|就够|即可|就算达标|就没问题|就安全|就稳|才算|才能过|才达标|才行|至少要|is enough|is fine|will do|suffices|"
    r"\bneeded\b|\brequired\b|\bto pass\b|"
    r"ha(?:s|ve) to|should (?:be|stay)|stay (?:under|below|above)|keep (?:it )?(?:under|below|above)"
)
_OVER_95 = lazy(
    r"(?:above|over|higher than|greater than|more than|高于|超过|大于)\s?95(?:\.0+)?\s?%"
)
_PASSES = lazy(r"\bpass(?:es|ing)?\b|\bok\b|\bfine\b|\bsafe\b|达标|合格|过关")
_LIKENED_TO_THE_BAR = lazy(
    r"也是|也要|也得|也需要|也一样|同样是|一样是|\balso\b|\btoo\b|\bas well\b|same"
)
_ONES_OWN = lazy(
    r"我的|我们的?|我家|我现在|目前|现在|\b(?:my|our|mine|ours|i'm|we're|i am|we are|i have|we have|currently|now)\b"
)


def _talks_of_a_target(text: str, metric: str) -> bool:
    """A figure said as a metric's target: in target words, or another metric's figure asked
    "also" of a metric not the seller's own ("准时交货率也是95%吗": VTR's 95% likened to it)."""
    if TARGET_TALK.search(text):
        return True
    if _OVER_95.search(text) and _PASSES.search(text):
        return True  # "anything over 95% passes": the bar said as what passes
    return metric != "vtr" and bool(_LIKENED_TO_THE_BAR.search(text)) and not _ONES_OWN.search(text)


_LIKE_ANOTHER = lazy(
    r"same as|just like|\blike\b|as with|跟[^，,。]{0,12}一样|和[^，,。]{0,12}一样|同样"
)
SAYS_ABOVE = lazy(r"高于|超过|大于|以上|above|over|more than|at least|higher")
_SAYS_BELOW = lazy(r"低于|小于|不超过|以下|以内|below|under|less than|lower|at most")
FIGURE = lazy(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%")


_BAR_NUMBER = lazy(r"(?<![\d.])(\d{2,3}(?:\.\d+)?)\s?%?(?![\d.])")
_DENIES_NUMBER = lazy(
    r"(?:\bnot|isn't|rather than|instead of|而不是|不是|并非)\s?(?:(?:above|over|under|below|高于|低于)\s?)?$"
)
_OR_MORE = lazy(
    r"or (?:more|above|higher|equal)|at least|及以上|或以上|以上就|大于等于|>=|≥|不低于"
)
_SELLER_RATE = lazy(
    r"\bmy\b|\bour\b|\bmine\b|i'm at|we're at|我的|我们的|我现在|店铺|category|类目|品类"
)


def bar_beside_a_denied_one(case: Case) -> Decision | None:
    """ "the bar is above 95, not 90, right?", "VTR要高于95%，而不是90%吧": VTR's bar stated
    beside one denied, checked against metrics.yaml (95% and the "or more" forms by the
    strict bar); with or without % signs, the seller's own rate never read into it."""
    vtr = case.metrics == ("vtr",) or (not case.metrics and "threshold" in case.concepts)
    if not vtr or not TARGET_TALK.search(case.text) or _SELLER_RATE.search(case.text):
        return None
    numbers = list(_BAR_NUMBER.finditer(case.text))
    denied = [n for n in numbers if _DENIES_NUMBER.search(case.text[: n.start()])]
    stated = [n for n in numbers if n not in denied]
    if not denied or len(stated) != 1 or case.counts is not None:
        return None
    figure = float(stated[0].group(1))
    target = metrics()["vtr"].target
    below = bound_said(case.text, stated[0]) == "below"
    agrees = figure == target and not below and not _OR_MORE.search(case.text)
    facts: dict[str, Fact] = {"metric": "vtr", "stated": f"{figure:g}"}
    return Decision(code="metric_target", facts=facts, agrees=agrees, entry="vtr-threshold")


_RESTRICTION_LINE = lazy(
    # "低于90%才会被限制", "跌破90就会被封", "不低于90%就没事": a line said as where the
    # restriction starts, or as what keeps it away.
    r"(?:低于|不到|跌破|掉到|掉破|小于)\s?\d{2,3}(?:\.\d+)?\s?%?[^，,。？?]{0,6}(?:才|就)[^，,。？?]{0,4}"
    r"(?:限制|受限|封|停|暂停|处罚|罚|出事|有事|有影响|有问题)|"
    r"\d{2,3}(?:\.\d+)?\s?%?\s?(?:以上|或以上)?[^，,。？?]{0,4}就(?:没事|不会被?(?:限制|封|停))|"
    r"(?:restrict|suspend|penali[sz]|block|in trouble|lose)\w*[^.?!]{0,30}"
    r"(?:below|under|drops? (?:below|under|to)|falls? (?:below|under|to)|dips? (?:below|under))\s?\d|"
    r"(?:until|unless|once|only (?:if|when|after))[^.?!]{0,20}(?:below|under)\s?\d{2,3}(?:\.\d+)?\s?%?"
    r"[^.?!]{0,30}(?:restrict|suspend|penali[sz]|block)"
)


def restriction_line_stated(case: Case) -> Decision | None:
    """ "VTR低于90%才会被限制，对吗", "you only get restricted if VTR drops below 90%, right?":
    a belief naming where the restriction starts. Its figure is a bar, not the seller's rate
    (no "my"), so it is checked against metrics.yaml: any line but 95% is not the bar, which
    is strictly above 95% (domain.md §3); 95% itself is left to the rules that judge
    "strictly above"."""
    vtr = case.metrics == ("vtr",) or not case.metrics
    if not (vtr and case.belief) or case.counts is not None or _OWN_RATE.search(case.text):
        return None
    figures = FIGURE.findall(case.text) or _BAR_NUMBER.findall(case.text)
    line = _RESTRICTION_LINE.search(case.text)
    if line is None or len(set(figures)) != 1:
        return None
    stated = float(figures[0])
    if stated == metrics()["vtr"].target or stated < VTR_FLOOR:
        return None
    facts: dict[str, Fact] = {"metric": "vtr", "stated": f"{stated:g}"}
    return Decision(code="metric_target", facts=facts, agrees=False, entry="vtr-threshold")


_OWN_RATE = lazy(r"\bmy\b|\bour\b|\bmine\b|i'm at|we're at|我的|我们的|我现在|店铺")
VTR_FLOOR = 50.0
"""Below this a figure is no bar anyone believes VTR has (a share, a count)."""


_CARRIED = lazy(r"也|同样|一样|那么?|所以|\btoo\b|as well|\balso\b|\bsame\b|\bso\b|\bthen\b")
"""A figure told for one metric carried on to the next ("OTDR目标是90%，那VTR应该也是90%吧")."""


def target_carried(case: Case) -> Decision | None:
    """ "OTDR's target is 90%, so VTR's is 90% too", "LSR has to stay under 4%, so VTR only
    has to be above 4%": one metric's true target told, then carried to another; judged as
    that other metric's target stated (each metric has its own, domain.md §3)."""
    if len(case.metric_rates) != 2 or not TARGET_TALK.search(case.text):
        return None
    (first, told), (second, carried) = case.metric_rates
    if told != carried or metrics()[first].target != told or not _CARRIED.search(case.text):
        return None
    agrees = metrics()[second].target == carried
    facts: dict[str, Fact] = {"metric": second, "stated": f"{carried:g}"}
    if not agrees:
        facts["likened"] = first  # whose target the figure is
    return Decision(code="metric_target", facts=facts, agrees=agrees, entry=METRIC_ENTRIES[second])


def metric_target(case: Case) -> Decision | None:
    """ "迟发率是不是也要高于95%", "is the ODR target 2%?": a target stated for one metric,
    checked against metrics.yaml (VTR's own 95% is the claims table's, since "95% is
    enough" turns on "strictly above")."""
    if case.contrasts:
        return _target_beside_contrasts(case)
    figure = _affirmed_figure(case.text)
    # "the bar is 90% for Japan": the bar, named without a metric, is VTR's.
    # "anything over 95% passes, right?": 95% said as a line to be above is VTR's bar too.
    bar = "threshold" in case.concepts or _OVER_95.search(case.text)
    named = case.metrics or (("vtr",) if bar else ())
    if not named or figure is None:
        return None
    if len(case.metrics) > 1 and _ONE_FIGURE_FOR_ALL.search(case.text):
        return _one_target_for_all(case, figure)
    if not (_talks_of_a_target(case.text, named[0]) or _bound_and_window(case, figure)):
        return None
    if len(case.metrics) > 1 and not _LIKE_ANOTHER.search(case.text):
        return None  # "VTR和LSR分别要多少": each one's own target, metrics_named's case
    # "LSR must stay under 2.5%, same as the cancel rate": the figure is said of the first
    # metric named; the other is what it is likened to.
    metric = metrics()[named[0]]
    stated = float(figure.group(1))
    if metric.id == "vtr" and stated == metric.target:
        return _vtr_bar_stated(case, figure)
    said = bound_said(case.text, figure)
    agrees = stated == metric.target and said in (None, metric.good)
    if _denied(case.text, figure):  # "LSR的标准不是4%吧": the figure stated is denied
        agrees = not agrees
    facts: dict[str, Fact] = {"metric": metric.id, "stated": f"{stated:g}"}
    likened = [m for m in named[1:] if metrics()[m].target == stated]
    if likened and not agrees:
        facts["likened"] = likened[0]  # "same as the cancel rate": whose figure it is
    return Decision(
        code="metric_target", facts=facts, agrees=agrees, entry=METRIC_ENTRIES[metric.id]
    )


def _target_beside_contrasts(case: Case) -> Decision | None:
    """ "VTR must be above 95%, not under 1% like ODR", "VTR要高于95%，不像准时交货率只要90%":
    the belief's own metric judged on what is said of it alone, then each metric set against
    it on its own clause's figure; the first found wrong decides (a belief wrong in one part
    is not right)."""
    against = {c.metric for c in case.contrasts}
    subject = replace(
        case,
        text=without_contrasts(case.text, case.contrasts),
        metrics=tuple(m for m in case.metrics if m not in against),
        contrasts=(),
    )
    decision = metric_target(subject)
    if decision is None or not decision.agrees:
        return decision
    for contrast in case.contrasts:
        clause = case.text[contrast.start : contrast.end]
        figure = FIGURE.search(clause)
        metric = metrics()[contrast.metric]
        if figure is None:
            continue
        stated = float(figure.group(1))
        if stated != metric.target or bound_said(clause, figure) not in (None, metric.good):
            facts: dict[str, Fact] = {"metric": metric.id, "stated": f"{stated:g}"}
            entry = METRIC_ENTRIES[metric.id]
            return Decision(code="metric_target", facts=facts, agrees=False, entry=entry)
    return with_contrasts_beside(case, decision)


def with_contrasts_beside(case: Case, decision: Decision) -> Decision:
    """The decision with the metrics the belief set against its own named beside it, so
    the reply gives theirs too ("…, not 60 like ODR": ODR's 60 days)."""
    metric = decision.facts.get("metric")
    beside = [c.metric for c in case.contrasts if c.metric != metric]
    if decision.code != "metric_target" or not beside:
        return decision
    facts = {**decision.facts, "beside": ",".join(dict.fromkeys(beside))}
    return decision.model_copy(update={"facts": facts})


_ONE_FIGURE_FOR_ALL = lazy(
    r"\bboth\b|\ball (?:of them|three|two|these)\b|\bthe same\b|一样|同样|都是|都要|都得|都需要"
)


def _one_target_for_all(case: Case, figure: re.Match[str]) -> Decision | None:
    """ "VTR and OTDR both need 90%, right?", "VTR和OTDR一样都是90%吧": one figure believed
    every named metric's target; right only if it is each one's (domain.md 3). The reply
    names a metric it is wrong for, and the one it belongs to. The seller's own rates
    ("我的VTR和OTDR都是96%") are no target."""
    if not case.belief or _ONES_OWN.search(case.text) or _PASSES.search(case.text):
        return None
    stated = float(figure.group(1))
    wrong = [m for m in case.metrics if metrics()[m].target != stated]
    metric = (wrong or list(case.metrics))[0]
    facts: dict[str, Fact] = {"metric": metric, "stated": f"{stated:g}"}
    owner = next((m for m in case.metrics if metrics()[m].target == stated), None)
    if wrong and owner is not None:
        facts["likened"] = owner  # whose target the figure is
    return Decision(
        code="metric_target", facts=facts, agrees=not wrong, entry=METRIC_ENTRIES[metric]
    )


def _bound_and_window(case: Case, figure: re.Match[str]) -> bool:
    """ "ODR低于1%，窗口60天，对吧": a belief giving a metric's figure with its bound and the
    metric's window: its target, stated without a target word."""
    metric = case.metrics[0] if len(case.metrics) == 1 else None
    windowed = any(m == metric for m, _ in case.stated_windows)
    return case.belief and windowed and bound_said(case.text, figure) is not None


def _vtr_bar_stated(case: Case, figure: re.Match[str]) -> Decision | None:
    """ "VTR must be above 95%, right?", "VTR要高于95%对吧": VTR's bar said as the rule says
    it, strictly above, with nothing else in it (another metric, a marketplace) to judge.
    "At least" and "95% is enough" are the claims table's, which turns on "strictly"."""
    if not case.belief or len(case.metrics) > 1 or case.markets or _OR_MORE.search(case.text):
        return None
    if len(FIGURE.findall(case.text)) > 1:
        return None  # "VTR must be above 95%, is 95% fine?": a rate asked beside the bar
    if bound_said(case.text, figure) != "above" or _denied(case.text, figure):
        return None
    facts: dict[str, Fact] = {"metric": "vtr", "stated": f"{figure.group(1)}"}
    return Decision(
        code="metric_target", facts=facts, agrees=not case.negated, entry="vtr-threshold"
    )


def _affirmed_figure(text: str) -> re.Match[str] | None:
    """The percentage a question states, not one it denies ("1%, not 4%", "低于4%，不是2.5%"):
    the first not right after a "not"; the first at all when every one is denied."""
    figures = list(FIGURE.finditer(text))
    affirmed = [f for f in figures if not _denied(text, f)]
    chosen = affirmed or figures
    return chosen[0] if chosen else None


def _denied(text: str, figure: re.Match[str]) -> bool:
    """A "not" / 不是 right before the figure (the denial ends on its first digit)."""
    return any(m.end() == figure.start() + 1 for m in _NOT_THE_FIGURE.finditer(text))


_NOT_THE_FIGURE = lazy(
    r"不是\s?(?:低于|高于)?\s?\d|(?:isn't|is not|not)\s(?:(?:under|below|above|over)\s)?\d"
)


_LOWEST = lazy(
    r"\bminimum\b|\bmin\b|\blowest\b|最低|至少要多少|最少要多少|"
    # "what's a good VTR", "VTR多少算正常": the bar asked as what is good enough.
    r"\b(?:good|healthy|safe|acceptable|ok|okay|normal|ideal|decent|passing)\s+"
    r"(?:vtr|valid tracking rate|tracking rate)\b|"
    r"多少(?:才)?算(?:合格|正常|好|安全|达标|健康)|多少(?:才)?(?:合格|正常|安全|健康)|"
    # "what VTR should I aim for", "VTR目标定多少": the bar asked as the figure to aim at.
    r"\b(?:aim|shoot)(?:ing)? (?:for|at)\b|目标(?:定|设)?(?:在)?多少|应该(?:保持|做到|达到)多少"
)


def lowest_allowed(case: Case) -> Decision | None:
    """ "the minimum VTR to keep selling", "VTR最低要多少": one metric's bar asked, which its
    target and window answer, whatever else the words touch (selling, restrictions)."""
    if len(case.metrics) != 1 or case.rate is not None or case.counts is not None:
        return None
    if not _LOWEST.search(case.text):
        return None
    metric = case.metrics[0]
    entry = "vtr-threshold" if metric == "vtr" else METRIC_ENTRIES[metric]
    return Decision(code="metrics_named", facts={"metrics": metric}, entry=entry)


_BAR_CHOICE = lazy(
    r"(?<![\d.])(\d{2,3}(?:\.\d+)?)\s?%?\s?(?:or|还是|或者?|或是|vs\.?|versus)\s?"
    r"(\d{2,3}(?:\.\d+)?)\s?%?(?![\d.]|\s?(?:天|日|days?|个|单|件|包裹|orders?|packages?|shipments?))"
)
_RATES_ASKED = lazy(
    r"\bok\b|okay|\bfine\b|\bsafe\b|\bpass(?:es|ing)?\b|达标吗|合格吗|过关吗|够吗|行吗|安全吗|可以吗"
)
_BAR_CHOICE_OTHER = frozenset({"threshold", "whatis"})
"""Concepts a bare choice of two bars may name beside it ("is the bar 95 or 96?")."""


def bar_choice(case: Case) -> Decision | None:
    """ "95 or 96?", "is the bar 95 or 96", "达标线是95还是96": a choice between two figures,
    one of them VTR's bar, names the bar (strictly above it) and the other it is not."""
    if case.metrics not in ((), ("vtr",)) or case.counts is not None:
        return None
    if _RATES_ASKED.search(case.text):
        return None  # "is 95 or 96 ok?": two rates of the seller's asked about, no bar
    if not case.metrics and case.concepts - _BAR_CHOICE_OTHER:
        return None  # another subject's figures ("LSR 4 or 5", "30 or 60 days")
    choice = _BAR_CHOICE.search(case.text)
    if choice is None:
        return None
    target = metrics()["vtr"].target
    offered = [float(choice.group(1)), float(choice.group(2))]
    others = [f for f in offered if f != target]
    if len(others) != 1 or others[0] > 100:
        return None
    facts: dict[str, Fact] = {"other": f"{others[0]:g}"}
    return Decision(code="bar_choice", facts=facts, entry="vtr-threshold")
