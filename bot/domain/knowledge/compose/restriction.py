"""A restriction asked beside a rate told: the risk or the account's claim first, timing after."""

from __future__ import annotations

import re

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.compose.beliefs import BeliefJudge
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact

RATE_DECISIONS = frozenset({"vtr_rate", "vtr_counts"})


CONSEQUENCES_ENTRY = "vtr-consequences"


RESTRICTION_TIMING_ENTRY = "vtr-restriction-timing"


_RESTRICTION_WHEN = lazy(
    r"(?:多久|多长时间|几天|多少天|马上|立刻|立即|直接|缓冲期|宽限期|什么时候|啥时候|何时)[^，,。?？]{0,8}(?:限制|封|停|下架|暂停)|"
    r"(?:how long|how many days|how soon|how quickly|how fast|grace period|right away|immediately|straight away|until)"
    r"[^.?!]{0,40}(?:restrict|block|suspend|ban|deactivat|lose)|"
    r"(?:restrict|block|suspend|ban|\blose\b|losing)[^.?!]{0,30}(?:right away|immediately|straight away|how soon)|"
    r"\bwhen (?:will|would|do|does|is|are)\b[^.?!]{0,30}(?:restrict|block|suspend|\bban|deactivat)|"
    r"grace period|缓冲期|宽限期"
)
"""How soon a restriction follows a low VTR, asked ("会马上被限制吗", "how many days until they
block the category?"): the sources give no timeline, which the entry says."""


THRESHOLD_ENTRY = "vtr-threshold"


_ACCOUNT_ASKED = lazy(
    r"封号|封店|封账号|封整个|关店|整个店|整个账号|整个账户|suspend|\bban(?:ned)?\b|deactivat|"
    r"shut down|whole (?:account|store|shop)|entire (?:account|store|shop)|my account|"
    r"所有商品|全部商品|下架所有|all (?:my )?(?:listings|products|items|offers)"
)
"""The whole account asked about, beside a rate of the seller's."""


_LAST_CLAUSE = re.compile(r"[,，。;；]|\.\s")


def asks_how_soon_restricted(case: Case) -> bool:
    """How soon a low VTR leads to a restriction, asked, no other metric named."""
    return case.metrics in ((), ("vtr",)) and bool(_RESTRICTION_WHEN.search(case.text))


def _restriction_risk(case: Case, decision: Decision, asked: str) -> Decision | None:
    """ "VTR 94% for a week, will I be suspended?", "掉到94%会被限制吗": a failing rate and a
    restriction asked. The rule says what can happen, not what will (domain.md §1, §1b: that
    category's self-fulfilled selling can be restricted, never the whole account), so the risk
    leads, with no yes; how soon is the timing entry's (Amazon publishes no timeline). Other
    categories asked about, passing asked in words ("达标吗"), or a supposition keep the
    verdict."""
    facts = decision.facts
    if facts.get("above") is not False or not _RESTRICTION_ASKED.search(asked):
        return None
    if asks_how_soon_restricted(case) or _OTHERS_OR_PASSING.search(asked) or "change" in facts:
        return None
    told: dict[str, Fact] = {"percent": str(facts.get("percent"))}
    if decision.code == "vtr_counts":
        told |= {"valid": facts["valid"], "shipments": facts["shipments"]}
    return Decision(code="restriction_risk", facts=told, entry=CONSEQUENCES_ENTRY)


_OTHERS_OR_PASSING = lazy(
    r"别的|其他|其它|\bother|\brest of|达标|合格|及格|\bpass|\bok\b|okay|enough|够"
)


_RESTRICTION_ASKED = lazy(
    r"suspend|restrict|\bban(?:ned)?\b|\bblock|deactivat|penal|punish|shut (?:me|us|it) down|"
    r"lose (?:my |the |our )?(?:category|listings?|selling|right|account)|"
    r"被封|封号|封店|封掉|限制|停售|下架|暂停|处罚|惩罚|受限|停权|被停|"
    # "my vtr is 90 can i still sell": whether selling goes on is the restriction asked.
    r"still sell|keep selling|还能(?:继续)?卖|能不能(?:继续)?卖|还可以(?:继续)?卖"
)
"""A restriction asked of a rate told ("will I be suspended", "会被限制吗")."""


def how_soon_after_rate(case: Case, decision: Decision) -> Decision:
    """ "VTR掉到94了，会马上被限制吗": the rate's verdict, then how soon (unpublished). No yes
    or no before it: "vtr is 94%, will I be suspended right away?" is not answered by the
    rate's failing, and Amazon publishes no timeline to say yes with."""
    if decision.code in RATE_DECISIONS and asks_how_soon_restricted(case):
        return decision.model_copy(update={"entry": RESTRICTION_TIMING_ENTRY, "agrees": None})
    return decision


class RestrictionAsked(BeliefJudge):
    """A restriction or the whole account asked about beside a rate told."""

    def _consequence_asked(self, case: Case, decision: Decision) -> Decision | None:
        """ "我的VTR 94%，会被封号吗", "VTR is 93%, will my account be suspended?": a rate told
        and the whole account asked about; the claim about the account answers what was
        asked, the rate's verdict follows it."""
        # Asked in the last clause: "whole shop 97%, but Toys 28 of 30: restricted?" tells the
        # shop's figure and asks about the category.
        asked = _LAST_CLAUSE.split(case.text.rstrip("?？!！ "))[-1]
        if decision.code not in RATE_DECISIONS:
            return None
        if _ACCOUNT_ASKED.search(asked):
            claim = self._claim(case)
            if claim is not None and claim.entry == CONSEQUENCES_ENTRY:
                return claim
        return _restriction_risk(case, decision, asked)
