"""The marketplaces a rule or a feature covers, as a belief states them.

Where the VTR bar applies to sellers shipping from China, where Buy Shipping is offered,
and where the feedback strike-through is, each against the whole list in marketplaces.yaml.
"""

from __future__ import annotations

import re

from bot.domain.knowledge.case import NOT_OFFERED, Case
from bot.domain.knowledge.case.asked import A_NOT_A
from bot.domain.knowledge.patterns import CLAUSE, lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import Marketplace, marketplaces

ONLY = lazy(
    r"只(?!要|是因为)|仅(?!供)|唯一|光看|单看|就(?:看|只|管|考核|针对|适用|限)|"
    r"\bonly\b|\bjust (?:the|for|in|on)\b|solely|exclusively|limited to|nowhere else"
)
"""A belief that limits something to the places it names ("仅限美国站", "VTR就看美国站吧",
"只能在欧洲站用吗", "just for the US"): said with any of the words that limit, with or
without a verb."""
_SKIP = lazy(
    r"不用管|不用考虑|不考核|不管|不算|doesn't matter|don't matter|not checked|ignore|no need"
)
_LEFT_OUT = lazy(
    r"不看|不查|不考|不包括|不包含|不涉及|不要求|没有?(?:vtr|追踪率)?(?:的)?要求|不在(?:考核|要求)?范围|"
    r"不归|无需|不必|没人管|"
    r"(?:doesn't|does not|don't|do not|won't|will not) (?:look at|check|include|cover|care about|"
    r"enforce|measure)\b|(?:isn't|is not|aren't|are not|not) (?:part of|on the list|included|"
    r"enforced|subject to|in scope)\b|excluded from|"
    r"\bno (?:vtr |tracking )?(?:requirement|bar|rule|threshold)s? (?:for|in|on)\b|"
    r"(?:don't|do not|doesn't|does not) (?:have to|need to) (?:worry|care)"
)
"""A place said to be left out of a rule, in the clause that names it ("VTR不看日本站",
"JP isn't part of VTR"): the words a denial of the list uses beyond `_SKIP`'s."""
_REGARDLESS = lazy(
    r"(?:不管|无论|不论)(?:是|用|走|选)?(?:哪|什么|多少|几|谁|怎么)|no matter (?:which|what|how|who)|"
    r"regardless of|whichever|whatever"
)
"""Whichever one: what follows holds for all of them, it skips none ("不管用哪家物流都要算")."""


_FEEDBACK = frozenset({"feedback"})


def strike_through(case: Case) -> Decision | None:
    if not (case.concepts & _FEEDBACK) or not case.markets:
        return None
    market = case.markets[0]
    available = market.feedback_strike_through
    facts: dict[str, Fact] = {"market": market.code, "available": available}
    # "isn't offered in Japan, right?" states that it is not: true where it is not offered.
    said = A_NOT_A.sub("", case.text)
    # "日本站的配送差评还是计入ODR吧", "does it still count toward ODR in the US?": the
    # feedback said to count still is the strike-through said not to apply there.
    still = _STILL_COUNTS.search(said)
    agrees = available != bool(NOT_OFFERED.search(said) or _CANNOT.search(said) or still)
    if still or "odr" in case.metrics:
        facts["odr"] = True  # worded by what happens to the feedback in ODR
    if _limits_a_place(case):
        # "isn't the strike-through US only?": the belief is the whole list, decided so.
        offered = [m.code for m in marketplaces() if m.feedback_strike_through]
        agrees = {m.code for m in case.markets} == set(offered)
        agrees = agrees != bool(_NOT_ONLY_SAID.search(said))
        facts = {"market": market.code, "only": True, "covered": ", ".join(offered)}
    return Decision(
        code="strike_through", facts=facts, agrees=agrees, entry="buy-shipping-feedback"
    )


_CANNOT = lazy(r"不能|不可以|没法|无法|不行|\bcan't\b|\bcannot\b|\bnot possible\b")
_STILL_COUNTS = lazy(
    r"(?:还是|仍然|仍|照样|依然|还)(?:会|要)?(?:计入|算进|算入|算在|算|影响|拉低)\s?(?:到)?(?:odr|订单缺陷率)|"
    r"\bstill (?:counts?|hits?|affects?|goes|shows up|hurts?)\b[^,.?]{0,20}(?:odr|order defect)"
)
_EXEMPTION_TALK = lazy(r"邮票|stamps?\b|royal ?mail|皇家邮政|豁免|exempt")


def _list_claim(case: Case) -> str | None:
    """What a belief says of the list of marketplaces: "only" these, these "denied" (left
    out), these "stated" (on it); None when it says none of that."""
    buy = case.buy_shipping
    tracking = (
        "vtr" in case.concepts
        or ("trackingid" in case.concepts and _CARES.search(case.text))
        or _a_bare_place_left_out(case)
    )
    if not (buy or tracking) or (buy and case.concepts & _FEEDBACK):
        return None
    if not case.markets and "eu" not in case.concepts:
        return None
    if _EXEMPTION_TALK.search(case.text) or case.amount is not None:
        # "只有购买配送买的邮票才豁免", "only orders over EUR 20": an exemption's condition or
        # an amount's rule, not the list of marketplaces
        return None
    if not buy and ("crossborder" in case.concepts or (len(case.markets) == 2 and case.origin)):
        return None  # a route ("从德国发到法国"): the EU/UK update decides, not the bar's list
    # 算不算 asks, it does not say 不算; "不管用哪家" / "no matter which" is "whichever", no skip.
    said = _REGARDLESS.sub(" ", A_NOT_A.sub("", case.text))
    if _limits_a_place(case):
        return "only"
    if NOT_OFFERED.search(said) or (not buy and _SKIP.search(said)) or _leaves_out_a_place(case):
        return "denied"
    about_places_only = not case.concepts - _LIST_WORDS - _place_concepts()
    one_list = not (buy and "vtr" in case.concepts)
    return "stated" if case.belief and case.markets and about_places_only and one_list else None


def _limits_a_place(case: Case) -> bool:
    """ "VTR只看美国站", "Buy Shipping is just for the US?": a limiting word said in the
    clause that names the place; "we're a US LLC, … we only pay the carrier" limits what
    is paid, not where, so the list is no belief of it."""
    for clause in CLAUSE.split(case.text):
        said = _REGARDLESS.sub(" ", A_NOT_A.sub("", clause))
        if ONLY.search(said) and (_EUROPE.search(said) or _names_a_market(case, said)):
            return True
    return False


def _a_bare_place_left_out(case: Case) -> bool:
    """ "JP isn't covered, right?", "日本站不包括吧": a belief naming only places and leaving
    them out, nothing else said; in a chat about VTR, its list is what is left out."""
    others = case.concepts - _place_concepts() - {"marketplace"}
    said = A_NOT_A.sub("", case.text)
    left_out = bool(NOT_OFFERED.search(said)) or _leaves_out_a_place(case)
    return case.belief and bool(case.markets) and not others and left_out


def _leaves_out_a_place(case: Case) -> bool:
    """ "VTR不看日本站", "Japan isn't part of VTR": a place said to be left out, in the clause
    that names it, with nothing after the words for them to leave out but the place and the
    rule ("日本站VTR不看金额" leaves out the amount, not Japan)."""
    for clause in CLAUSE.split(case.text):
        said = _REGARDLESS.sub(" ", A_NOT_A.sub("", clause))  # 有没有 asks, says no 没有
        if not _names_a_market(case, said):
            continue
        bare = _without_market_names(case, said)
        words = _LEFT_OUT.search(bare)
        if words and _FILLER.fullmatch(_RULE_WORDS.sub(" ", bare[words.end() :])):
            return True
    return False


_RULE_WORDS = lazy(
    r"(?<![a-z])vtr(?![a-z])|有效追踪率|追踪率|valid tracking rate|tracking rate|站点?"
)
_FILLER = lazy(
    r"(?:[\s的了吧呢啊嘛吗么里中内在对是也都,，?？!！.。~]|"
    r"(?<![a-z])(?:it|the|there|at all|anymore|about|on|in|for|at|of|site|marketplace|store|"
    r"orders?|right|correct|true|is|isn't|yes|either)(?![a-z]))*"
)
"""What may follow words that leave a place out when nothing else is left out: particles, the
place's own words ("site", "orders"), a question tag."""


def _without_market_names(case: Case, clause: str) -> str:
    for market in case.markets:
        for spelling in _spellings(market):
            clause = re.sub(spelling, " ", clause)
    return clause


def _names_a_market(case: Case, clause: str) -> bool:
    """One of the case's marketplaces is named in the clause, by any of its spellings."""
    return any(re.search(spelling, clause) for m in case.markets for spelling in _spellings(m))


def _spellings(market: Marketplace) -> list[str]:
    """The marketplace's names as patterns of whole words, longest first (so that removing
    them takes 'amazon.co.jp' before 'jp')."""
    names = sorted((market.code, market.zh, market.domain, *market.aliases), key=len)[::-1]
    return [rf"(?<![a-z]){re.escape(name.casefold())}(?![a-z])" for name in names]


_EUROPE = lazy(r"(?<![a-z])(?:eu|europe|european)(?![a-z])|欧洲|欧盟|欧")
_CARES = lazy(r"cares? about|checks?|enforce|requires?|考核|要求|管|在意|看重")
"""Tracking said to be required or checked somewhere: the bar's list, as VTR is."""
_NOT_ONLY_SAID = lazy(r"(?:not|n't) (?:only|just)|不是只|不只|不仅|不止")


def marketplace_list(case: Case) -> Decision | None:
    """ "VTR只看美国站，欧洲站不用管", "购买配送只有美国站能用", "Buy Shipping doesn't support
    Canada, right?": a belief about the list of marketplaces where the bar applies or Buy
    Shipping is offered, decided against the whole list in marketplaces.yaml."""
    claim = _list_claim(case)
    if claim is None:
        return None
    buy = case.buy_shipping
    flag = "buy_shipping_from_china" if buy else "vtr_bar_from_china"
    covered = [m.code for m in marketplaces() if getattr(m, flag)]
    named = [m.code for m in case.markets]
    if claim == "only":
        agrees = set(named) == set(covered)
        if _NOT_ONLY_SAID.search(A_NOT_A.sub("", case.text)):  # not 是不是只
            agrees = not agrees  # "VTR doesn't only apply to the US": the list's truth
    elif claim == "denied":  # the named marketplaces (or Europe's) are said to be left out
        agrees = bool(named) and "eu" not in case.concepts and not set(named) & set(covered)
    elif set(named) <= set(covered):
        return None  # a true "it works in Brazil, right?": the registry's own yes answers it
    else:
        agrees = False
    if not buy and not agrees and claim != "stated":
        # "日本站全部不算？": Japan's own exemption is only for orders under JPY 1,000.
        facts: dict[str, Fact] = {"covered": ", ".join(covered), "jp": "JP" in named}
        return Decision(
            code="vtr_marketplaces", facts=facts, agrees=False, entry="vtr-marketplaces-china"
        )
    entry = "buy-shipping-marketplaces" if buy else "vtr-marketplaces-china"
    facts = {"covered": " ".join(covered), "buy_shipping": buy}
    if claim != "only":  # "doesn't support Canada": the named ones' place on the list first
        facts["named"] = " ".join(named)
        facts["listed"] = bool(set(named) & set(covered))
        if not buy and not facts["listed"]:
            # "巴西站VTR不考核吧", "applies in Mexico too?": the published list leaves it out,
            # which neither confirms nor denies a bar there; no verdict, Seller Central says.
            facts["unstated"] = True
            return Decision(code="marketplace_list", facts=facts, entry=entry)
    return Decision(code="marketplace_list", facts=facts, agrees=agrees, entry=entry)


_LIST_WORDS = frozenset({"buyshipping", "vtr", "china", "marketplace", "eu", "threshold"})


def _place_concepts() -> frozenset[str]:
    """The lexicon concepts that are marketplaces' names ("us", "germany", "uk")."""
    return frozenset(
        name.casefold() for m in marketplaces() for name in (m.code, *m.aliases) if name.isascii()
    )
