"""One VTR told as a rate ("my VTR is 94.8%", "Is 96% ok?"), judged against the bar.

Decides when a bare rate is VTR's (a rate in VTR's range, a category named, "my rate")
and when the question is about something else the rate is only the story of.
"""

from __future__ import annotations

import re
from fractions import Fraction

from bot.domain.bar import is_above
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.verdict import ASKS_PASS, passes_asked
from bot.domain.knowledge.patterns import QUESTION_SENTENCE, lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.knowledge.understand import asks
from bot.domain.reference import category_aliases


def _states_own_rate(case: Case) -> bool:
    """ "我的VTR是94.8%", "VTR sitting at 94.9": a VTR told without a question (one that asks
    something else, "can I still sell FBA?", gets its own answer); the rate read is already
    not the bar's own figure."""
    vtr = case.metric == "vtr" or (case.metric is None and _bare_or_share(case))
    return vtr and not asks(case.text)


def _bare_or_share(case: Case) -> bool:
    """A rate that is the seller's VTR though no metric is named: "my rate", or a share of
    their own packages ("5% of my packages fail the check", "我有5%的包裹没单号": the rest are
    valid, so the rate read is their VTR)."""
    return bool(_BARE_RATE.search(case.text) or _OWN_SHARE.search(case.text))


_OWN_SHARE = lazy(
    r"\d\s?%\s*(?:of\s+(?:(?:my|our|the|all)\s+)?(?:\w+\s+)?(?:packages|parcels|orders|shipments)\b|"
    r"的(?:包裹|订单|单子|单|货|快递|发货))"
    # ...said valid or not: "10% of my packages are FBA" is no rate of tracking.
    r"[^.?!;,，。？！；]{0,30}?(?:fail|invalid|no (?:valid )?tracking|without (?:valid )?tracking|"
    r"missing|untracked|bad|wrong|\bvalid\b|\btracked\b|有效|无效|没有?(?:有效)?(?:的)?(?:单号|追踪|跟踪)|"
    r"没传|没上传|缺|不合格)"
)


_VERDICT_WORD = lazy(r"\bfail(?:s|ed|ing)?\b|\bfailure\b|不合格|不及格|不达标|没达标|\bflunk")
"""A rate's verdict asked by its failing word ("my 95% - is that a fail"): pass or fail asked."""


_ABOUT_CARRIER = lazy(r"carrier|承运商|物流商|\bother\b|其他|其它")
_ABOUT_RATE = lazy(r"vtr|rate|率|%|\bi\b|\bmy\b|我")


def _asks_about_the_carrier(case: Case) -> bool:
    """ "…VTR is 88%. Is the Other carrier the problem?": the question is the carrier's,
    the rate is the story; a verdict on the rate would answer what was not asked."""
    asked = QUESTION_SENTENCE.findall(case.text)
    return bool(asked) and all(
        _ABOUT_CARRIER.search(s) and not _ABOUT_RATE.search(s) for s in asked
    )


_CONSEQUENCE = lazy(
    r"what (?:will |would )?happens?|(?:gonna|going to) happen|consequence|会怎样|会怎么样|会有什么|什么后果|后果|有什么影响|会被|"
    # "my vtr is 90 can i still sell": whether selling goes on.
    r"still sell|keep selling|还能(?:继续)?卖|能不能(?:继续)?卖|还可以(?:继续)?卖"
)


def names_a_category(case: Case) -> bool:
    """ "Toys shows 95%", "园艺 96%": a product category's rate is its VTR, the only rate
    this bot judges per category."""
    return any(
        name in case.text
        if not name.isascii()
        else bool(re.search(rf"\b{re.escape(name)}\b", case.text))
        for names in category_aliases()
        for name in names
    )


_BARE_RATE = lazy(
    r"\b(?:my|our|the) rate\b|我的?率|(?:^|[^\u4e00-\u9fff])率|"
    r"整体|总体|全店|整个店|整店|\boverall\b|\bwhole (?:shop|store|account)\b"
)
"""A rate the seller names without a metric ("my rate is 95 flat", "我整体95%"): in this
bot, their VTR."""


_BAR_ASKED = lazy(
    r"要多少|要求多少|需要多少|标准是多少|门槛是多少|what(?:'s| is) the (?:bar|target|threshold|minimum)|"
    r"how (?:high|much) (?:does it|do i|should it) need"
)
"""The bar asked beside a rate told ("VTR要多少？我现在94%"): the verdict on the rate too."""
VTR_RANGE = 50.0
_FORM = frozenset({"whatis", "why", "howto", "window", "threshold", "drop"})


def vtr_rate(case: Case) -> Decision | None:
    if case.rate is None or case.metric not in (None, "vtr") or _asks_about_the_carrier(case):
        return None
    consequence = bool(_CONSEQUENCE.search(case.text))
    # A belief of the bar ("exactly 95% still counts as failing, legit?") is the claims'.
    verdict = ASKS_PASS.search(case.text) or (_VERDICT_WORD.search(case.text) and not case.belief)
    asked = verdict or _states_own_rate(case) or case.what_to_do
    if not (asked or consequence or _BAR_ASKED.search(case.text)):
        return None
    named = case.concepts & {"trackingid", "threshold", "drop", "invalid", "category"}
    # "Is 96% ok?": a rate in VTR's range asked about, no metric named, in this bot is VTR.
    bare = verdict and case.rate >= VTR_RANGE and not case.belief
    bare = bare and not case.concepts - _FORM
    if case.metric is None and not (
        named or _bare_or_share(case) or names_a_category(case) or bare
    ):
        return None
    rate = Fraction(str(case.rate))
    above = is_above(rate, 100)
    facts: dict[str, Fact] = {"percent": f"{case.rate:g}", "above": above}
    entry = "vtr-below-95" if not above and case.what_to_do else "vtr-threshold"
    if consequence and not above and not case.what_to_do:
        entry = "vtr-consequences"  # "VTR 93%, what happens?": the verdict, then what follows
    return Decision(code="vtr_rate", facts=facts, agrees=passes_asked(case, above), entry=entry)


_FLAGGED = lazy(
    r"(?:amazon|seller central|account health|后台|亚马逊|卖家平台|账户状况)[^,.;?，。；？]{0,45}"
    r"(?:below|under|not meet|doesn'?t meet|fail|\bred\b|at risk|too low|\blow\b|warning|flag|不达标|低于|"
    r"不合格|没达标|未达标|警告|标红|变红|红了|预警|太低|偏低)|"
    r"(?:below|under|不达标|低于|没达标|未达标)[^,.;?，。；？]{0,6}(?:target|the bar|要求|标准|目标)"
)
"""Amazon said to show the seller's VTR under its target ("amazon says it's below target",
"后台显示不达标")."""


def rate_above_but_flagged(case: Case) -> Decision | None:
    """ "my VTR is 96.5% but Amazon says it's below target, why": a rate above the bar, and
    Amazon showing a miss. Both hold: Amazon judges each category in each marketplace, and
    keys its window on promised delivery dates with about two weeks' lag (domain.md §1b),
    so the rate first, then why Amazon's verdict can differ."""
    if case.rate is None or case.metric not in (None, "vtr") or not _FLAGGED.search(case.text):
        return None
    if not is_above(Fraction(str(case.rate)), 100):
        return None  # a rate below the bar: Amazon's verdict agrees with it
    facts: dict[str, Fact] = {"percent": f"{case.rate:g}"}
    return Decision(code="vtr_rate_flagged", facts=facts, entry="vtr-per-category")
