"""Whether an order counts toward VTR by its amount: the value rules, with the report's limits.

Japan's yen limit, the US scans from USD 5, the EU/UK letter exemption under EUR 20 (and a
pound amount against it), German domestic orders over EUR 15, and a limit the seller
states for any of them; an order that counts and has no tracking is an invalid one.
"""

from __future__ import annotations

from dataclasses import replace

from bot.domain.knowledge.case import NOT_EXEMPT, Case
from bot.domain.knowledge.case.amounts import NOT_LETTER, amounts_in, limits_said
from bot.domain.knowledge.case.asked import A_NOT_A, NEGATION
from bot.domain.knowledge.decide.market_lists import ONLY
from bot.domain.knowledge.decide.routes import NO_TRACKING_GIVEN, involved
from bot.domain.knowledge.patterns import CLAUSE, lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import marketplace_by_code
from bot.domain.value_limits import (
    DE_DOMESTIC_COUNTS_OVER_EUR,
    EU_LETTER_LIMIT_EUR,
    JP_EXEMPT_LIMIT_JPY,
    US_TWO_SCANS_FROM_USD,
    value_exemption,
)

_ASKS_COUNT = lazy(
    r"算|计入|计算|统计|豁免|免除|追踪|跟踪|单号|count|exempt|excluded|included|tracking|vtr"
)
"""What a question stating a rule's limit asks of it: whether those orders count."""
_OUTSIDE_EU = lazy(
    r"outside (?:the )?(?:eu|europe)|non-eu|any marketplace|every marketplace|all marketplaces|"
    r"anywhere|everywhere|worldwide|欧盟以外|欧盟之外|非欧盟|欧洲以外|所有站点|任何站点|全球|不管哪个站"
)


_COUNTED = {
    "eu_letter": ("exempt", False),
    "jp_value": ("exempt", False),
    "de_domestic": ("counts", True),
    "letter_outside_eu": ("counts", True),
}
"""The decisions on whether an order counts toward VTR, and the fact that says it does."""


def untracked_when_counted(case: Case, decision: Decision) -> Decision:
    """ "…1500日元，没有追踪号，算吗": an order that counts and is said to have no tracking is
    an invalid package, which the reply adds to "it counts"."""
    fact, counted = _COUNTED.get(decision.code, ("", None))
    if counted is None or decision.facts.get(fact) != counted:
        return decision
    facts = dict(decision.facts)
    if NO_TRACKING_GIVEN.search(case.text):
        facts["untracked"] = True
    if _NOT_INTEGRATED.search(case.text):
        facts["any_provider"] = True  # "a local courier not integrated with Amazon": it counts
    return decision.model_copy(update={"facts": facts}) if facts != decision.facts else decision


_NOT_INTEGRATED = lazy(
    r"(?:not|isn't|aren't|non-?)\s?integrated|not (?:connected|linked) (?:to|with) amazon|local courier|"
    r"small (?:courier|carrier|forwarder)|freight forwarder|\bforwarder|"
    r"没(?:有)?对接|未对接|非对接|不是对接|没合作|非合作|小货代|货代|本地快递|当地快递|小物流"
)
"""A carrier said not to be integrated with Amazon: all providers count (the EU/UK update)."""


def _money(amount: float | None) -> str:
    """An amount as sellers write money: whole ones bare ("15"), cents kept ("24.90")."""
    amount = amount or 0.0
    return f"{amount:g}" if amount == int(amount) else f"{amount:.2f}"


_EUR_AMOUNT = lazy(
    r"(?:€|\beur\s?)\s?(\d{1,4}(?:[.,]\d{1,2})?)(?![\d.])|"
    r"(?<![\d.])(\d{1,4}(?:[.,]\d{1,2})?)\s?(?:€|eur\b|euros?\b|欧元|欧)"
)
_WHICH_OF_TWO = lazy(
    r"\bvs\.?\b|\bversus\b|which one|which of|\bor the\b|哪个|哪一个|哪单|哪一单|还是"
)


def letter_pair(case: Case) -> Decision | None:
    """ "€19.99 Brief vs the same at €20.50 — which one counts?": two letters' amounts on an
    EU marketplace compared, each by the report's rule (`value_exemption`): the one over
    EUR 20 counts, the one under is exempt; no yes or no, a choice was asked."""
    if not case.letter or not _WHICH_OF_TWO.search(case.text):
        return None
    amounts = [
        float((m.group(1) or m.group(2)).replace(",", ".")) for m in _EUR_AMOUNT.finditer(case.text)
    ]
    if len(amounts) != 2:
        return None
    market = next(
        (m.code for m in case.markets if m.letter_rule), "DE" if not case.markets else None
    )
    if market is None:
        return None
    exempt = [a for a in amounts if value_exemption(market, "EUR", a, True) == "eu_letter_under_20"]
    counted = [a for a in amounts if a not in exempt]
    if len(exempt) != 1 or len(counted) != 1:
        return None
    facts: dict[str, Fact] = {"exempt": _money(exempt[0]), "counted": _money(counted[0])}
    return Decision(code="eu_letter_pair", facts=facts, entry="eu-letter-under-20")


_US_LIMIT = lazy(
    r"(?:\$|\busd|us\$)\s?5(?![\d.])|(?<![\d.$])5\s?(?:美元|美金|刀|usd\b|dollars?\b|bucks?\b)"
)
_SAID_EXEMPT = lazy(
    r"豁免|免除|免追踪|也免|免(?:了|掉)?吧|(?<!算)不(?:算|计入|计算)(?!不)|\bexempt|\bexcluded\b|"
    r"(?:don't|doesn't|do not|does not|won't|wouldn't|shouldn't) count|\bnot counted\b"
)


def us_exemption_believed(text: str) -> bool:
    """ "日本站1000日元以下的单豁免，那美国站5美金以下的单应该也豁免吧": US orders under USD 5
    said exempt, in the clause that names them (another clause may state Japan's true rule).
    The US rule exempts nothing: under USD 5 an order still needs a carrier scan."""
    return any(
        _US_LIMIT.search(clause) and _SAID_EXEMPT.search(clause) for clause in CLAUSE.split(text)
    )


_LIMIT_ASKED = lazy(
    r"(?:低于|少于|不到|小于)多少|多少(?:钱|日元|日币|美元|美金|欧元?)?(?:以下|以内)|"
    r"(?:under|below|less than) (?:how much|what (?:amount|value|price))|"
    r"what(?:'s| is) (?:the )?(?:limit|threshold|cut-?off)|\bhow (?:low|cheap)\b"
)
_SIMILAR_ASKED = lazy(
    r"类似|相似|一样的|同样的|similar|the same (?:rule|thing|exemption)|equivalent|likewise"
)
_EXEMPTION_SAID = lazy(r"豁免|不算|不计入|免追踪|exempt|excluded|(?:don't|doesn't|do not) count")
_JAPAN = lazy(r"日本|japan|(?<![a-z])jp(?![a-z])|co\.jp")
_US = lazy(r"美国|(?<![a-z])(?:us|usa|u\.s\.?)(?![a-z])|amazon\.com(?!\.)")


def limit_asked_elsewhere(case: Case) -> Decision | None:
    """ "欧洲平信低于20欧不算，那日本站低于多少不算？美国有类似的吗": the EU letter limit told,
    then another marketplace's asked: Japan's limit is JPY 1,000; the US has none like it
    (under USD 5 an order still needs a carrier scan), so no."""
    clauses = CLAUSE.split(case.text)
    if any(_limit_asked(c) and _JAPAN.search(c) for c in clauses):
        limit = JP_EXEMPT_LIMIT_JPY
        facts: dict[str, Fact] = {"amount": _money(limit), "limit": limit}
        return Decision(code="jp_rule", facts=facts, entry="japan-rules")
    similar = any(_SIMILAR_ASKED.search(c) and _US.search(c) for c in clauses)
    if similar and _EXEMPTION_SAID.search(case.text):
        return Decision(code="us_not_exempt", agrees=False, entry="us-from-china-scans")
    if any(_limit_asked(c) and _US.search(c) and not _JAPAN.search(c) for c in clauses):
        # "美国站多少美元以下的订单不算": no amount exempts a US order, stated without a no.
        return Decision(code="us_not_exempt", entry="us-from-china-scans")
    return None


def _limit_asked(clause: str) -> bool:
    """An order amount's limit asked, not a rate's bar ("日本站VTR低于多少会被限制")."""
    if not _LIMIT_ASKED.search(clause):
        return False
    return not _RATE_WORDS.search(clause) or bool(_AMOUNT_WORDS.search(clause))


_RATE_WORDS = lazy(r"vtr|追踪率|跟踪率|tracking rate|[率%]|percent|\bbar\b|达标|限制|restrict")
_AMOUNT_WORDS = lazy(
    r"订单|单子|金额|日元|日币|美元|美金|钱|\borders?\b|\bamount\b|\bvalue\b|\bprice\b|\byen\b|dollars?"
)


def jp_pair(case: Case) -> Decision | None:
    """ "jp orders: one at ¥980 and one at ¥1,200, which one hurts my VTR?": two Japanese
    orders' amounts compared, each by the report's rule (`value_exemption`): the one under
    JPY 1,000 is exempt, the other counts; no yes or no, a choice was asked."""
    if case.currency != "JPY" or not _WHICH_OF_TWO.search(case.text):
        return None
    amounts = amounts_in(case.text, "JPY")
    exempt = [a for a in amounts if value_exemption("JP", "JPY", a, False) == "jp_under_1000"]
    counted = [a for a in amounts if a not in exempt]
    if len(amounts) != 2 or len(exempt) != 1 or len(counted) != 1:
        return None
    facts: dict[str, Fact] = {"exempt": _money(exempt[0]), "counted": _money(counted[0])}
    return Decision(code="jp_pair", facts=facts, entry="japan-rules")


def value_rules(case: Case) -> Decision | None:
    if (pair := letter_pair(case)) is not None:
        return pair
    if us_exemption_believed(case.text):
        return Decision(code="us_not_exempt", agrees=False, entry="us-from-china-scans")
    if case.amount is None or case.currency is None:
        return None
    if case.bound == "under" and case.own_order is not None:
        case = _applied_to_own_order(case, *case.own_order)
    if case.bound == "under" or (case.bound and case.amount == US_TWO_SCANS_FROM_USD):
        return _stated_limit(case)
    german = involved(case) == ["DE"] or (not involved(case) and "germany" in case.concepts)
    if (
        case.bound == "over"
        and case.amount == DE_DOMESTIC_COUNTS_OVER_EUR
        and case.domestic
        and german
    ):
        # "德国本地单超过15欧才算": the domestic rule's own limit, stated rightly.
        return Decision(code="de_domestic_rule", agrees=not case.negated, entry="eu-cross-border")
    # "超过20欧元的信件": an amount over a limit is decided as an order of that amount.
    if case.currency == "GBP" and (case.letter or "UK" in involved(case)):
        return _uk_letter(case)
    return jp_value(case) or _us_scans(case) or _de_domestic(case) or _eu_letter(case)


def _applied_to_own_order(case: Case, amount: float, at: int) -> Case:
    """ "EU letters under €20 are exempt, so my €35 Brief is fine too": the rule told is
    only the premise; the belief is what follows it, said of the seller's own order, and
    that order's amount decides it (EUR 35 is over the limit: it counts)."""
    clause_start = max((m.end() for m in CLAUSE.finditer(case.text[:at])), default=0)
    said = case.text[clause_start:]
    negated = bool(NEGATION.search(A_NOT_A.sub("", said)))
    return replace(case, text=said, amount=amount, bound=None, negated=negated)


def _stated_limit(case: Case) -> Decision | None:
    """ "日本站1000日元以下的不算VTR，对吗": a rule's limit stated, checked against the rule."""
    if case.currency == "USD" and case.amount == US_TWO_SCANS_FROM_USD:
        return _us_rule(case)
    german = involved(case) == ["DE"] or (not involved(case) and "germany" in case.concepts)
    if case.currency == "EUR" and case.domestic and german:
        return _de_domestic_under(case)
    if case.currency == "GBP" and "UK" in involved(case):
        return _uk_letter(case)  # "UK orders under 20 pounds": the letter rule, in euros
    if _uk_own_letter(case):
        # "EU letters under €20 are exempt, so my UK Royal Mail letters too?", "英国的信件20欧
        # 以下算不算": the EU limit is only the premise; the UK letter's own condition decides.
        return _uk_letter_by_postage(case) or _eu_letter(case)
    limits = {"JPY": ("jp_rule", JP_EXEMPT_LIMIT_JPY), "EUR": ("eu_rule", EU_LETTER_LIMIT_EUR)}
    if case.currency not in limits or case.bound != "under":
        return None
    code, limit = limits[case.currency]
    right_limit = case.amount == limit
    # The belief is "exempt" when it says 不算/exempt, else "counts"; a parcel service named
    # is never the EU letter exemption.
    says_exempt = case.negated and not NOT_EXEMPT.search(case.text)  # "aren't exempt" counts
    says_exempt = says_exempt or bool(_RULE_APPLIES.search(case.text))  # "the €20 rule applies"
    says_exempt = says_exempt or bool(
        _LIMIT_EXCEPTED.search(case.text)
    )  # "…count, unless under €20"
    verdict: bool | None = right_limit and says_exempt and not (code == "eu_rule" and case.parcel)
    if not (case.belief or case.negated or _ASKS_COUNT.search(case.text)):
        verdict = None  # "Is EMS ok for Japan orders under 1000 yen?" asks neither way
    if code == "eu_rule" and (_OUTSIDE_EU.search(case.text) or _beyond_the_update(case)):
        verdict = False  # "…exempt even outside the EU", "…and in the US too": the EU/UK update's
    if verdict and _rule_beside(case, code) is False:
        verdict = False  # "…，英国站20欧以下信件也不算" told beside Japan's limit, wrongly
    if right_limit and (
        _LIMIT_NOT_NEEDED.search(case.text) or _ANY_AMOUNT_EXEMPT.search(case.text)
    ):
        verdict = False  # "不一定要低于20欧才豁免吧": the limit is the exemption's condition
    if code == "eu_rule" and verdict and (not case.letter or _WITH_VAT.search(case.text)):
        # "under €20 are exempt regardless of how I ship them", "…under €20 including VAT":
        # the exemption needs a letter service and counts the amount without VAT.
        verdict = False
    facts: dict[str, Fact] = {"amount": _money(case.amount), "limit": limit}
    if code == "jp_rule":
        elsewhere = _japans_limit_carried(case, limit)
        if elsewhere is not None:
            verdict = False if verdict is not None or case.belief else None
            facts["elsewhere"] = elsewhere
    entry = "japan-rules" if code == "jp_rule" else "eu-letter-under-20"
    return Decision(code=code, facts=facts, agrees=verdict, entry=entry)


_OTHER_CURRENCY = lazy(
    r"€|\$|£|\beur|\busd|\bgbp|欧元?|美元|美金|英镑|euros?\b|dollars?\b|pounds?\b"
)


def _japans_limit_carried(case: Case, limit: float) -> str | None:
    """ "日本站1000日元以下不算，那德国站…也不算吧", "under 1000 yen exempt, so under ¥2000
    too?": Japan's exemption carried to another marketplace (its code) or to a larger
    amount ("amount"); None when it is said of Japan's orders under its own limit."""
    other = next((m.code for m in case.markets if m.code != "JP"), None)
    if other is not None and not _OTHER_CURRENCY.search(case.text):
        # Another currency's amount is that marketplace's own rule told beside Japan's.
        return other
    if any(a > limit for a in limits_said(case.text, "JPY")):
        return "amount"
    return None


_RULE_APPLIES = lazy(r"(?<!不)适用|\bappl(?:y|ies)\b(?! only)|\bin force\b")
"""The exemption, named by its limit, said to hold somewhere ("波兰站也适用20欧信件豁免",
"the €20 letter rule applies to Sweden"): the belief that orders under it are exempt there."""


_LIMIT_EXCEPTED = lazy(
    r"(?:除非|除了|\bunless\b|\bexcept(?:ing)?\b|\bother than\b|\bapart from\b|\bsave for\b)"
    r"[^，,。；;!?！？]{0,24}?(?:\d|低于|小于|不到|不满|under\b|below\b|less than)|"
    r"\d[^，,。；;!?！？]{0,16}?(?:以外|之外|除外)"
)
"""The limit said as the exception to counting ("跨境单也要算，除非是20欧以下用Letter寄的",
"cross-border orders count now, except letters under €20"): the rule with its own
exception, which says orders under the limit are exempt."""


_LIMIT_NOT_NEEDED = lazy(
    r"不一定要?|不必|未必|不用非得|不需要非得|not necessarily|doesn't (?:have|need) to be|"
    r"don't (?:have|need) to be|needn't be|no need to be"
)
"""The belief that the limit is no condition ("不一定要低于20欧才豁免", "doesn't have to be
under 1000 yen to be exempt"): the exemption holds only under it, so that is wrong."""


_ANY_AMOUNT_EXEMPT = lazy(
    r"(?:不管|无论|不论|不限)(?:多少钱|多少|金额|价格|价钱|几多钱)[^，,。；;!?！？]{0,10}"
    r"(?:豁免|不算|不计入|不用算|不进)|"
    r"(?:exempt|don't count|do not count|left out|excluded)[^,.;!?]{0,16}"
    r"(?:whatever (?:they|it) costs?|regardless of (?:the )?(?:price|value|amount|cost)|"
    r"at any (?:price|value|amount)|no matter (?:the|what|how much))"
)
"""An exemption said to hold at any amount ("英国站平信不管多少钱都豁免吧", "letters are
exempt whatever they cost"), with another limit told beside as its premise: the letter
exemption holds only under EUR 20, so that is wrong."""


def _beyond_the_update(case: Case) -> bool:
    """A marketplace named that the EU/UK update does not cover ("exempt in Germany and in
    the US too"): the letter exemption carried past it. Japan named with a yen limit of its
    own ("日本站1000日元以下不算，英国站20欧以下信件也不算") is Japan's rule told beside."""
    own_rule_told = bool(limits_said(case.text, "JPY"))
    return any(
        not m.under_eu_uk_update() and not (m.code == "JP" and own_rule_told) for m in case.markets
    )


def _rule_beside(case: Case, code: str) -> bool | None:
    """The other value rule told beside the one decided, each in its own currency ("日本站
    1000日元以下不算，英国站20欧以下信件也不算", "UK letters under €20 and Japan under
    ¥1000 are exempt"): whether its limit is said rightly (an EU one as a letter's, no
    parcel's); None when none is told."""
    other = "EUR" if code == "jp_rule" else "JPY"
    said = limits_said(case.text, other)
    if not said:
        return None
    if other == "JPY":
        return all(a == JP_EXEMPT_LIMIT_JPY for a in said)
    letter_only = case.letter and not case.parcel
    return letter_only and all(a == EU_LETTER_LIMIT_EUR for a in said)


_WITH_VAT = lazy(
    r"(?<!not )(?<!un)includ(?:ing|es|ed) (?:the )?vat|vat[- ]included|vat[- ]inclusive|\bincl\.? vat|"
    r"(?<!不)(?:含|包含|包括)(?:了)?(?:增值税|vat|税)"
)
"""The amount said with VAT in it (the EU letter limit is without VAT)."""


_VAT_OUT = lazy(
    r"不(?:含|包含|包括|算)(?:增值税|vat|税)|exclud\w* (?:the )?vat|without (?:the )?vat|before vat|"
    r"net of vat|\bex[- ]vat|vat[- ]exclusive|vat (?:is )?(?:excluded|not included)"
)
_SHIPPING_IN = lazy(
    r"(?<!不)(?:含|包含|包括|算上?)(?:了)?(?:运费|邮费)|(?<!not )includ\w* (?:the )?(?:shipping|postage)|"
    r"(?:shipping|postage) (?:is )?included"
)
_SHIPPING_OUT = lazy(
    r"不(?:含|包含|包括|算)(?:运费|邮费)|exclud\w* (?:the )?(?:shipping|postage)|"
    r"without (?:the )?(?:shipping|postage)|(?:shipping|postage) (?:is )?(?:excluded|not included)|"
    r"not includ\w* (?:the )?(?:shipping|postage)"
)


def letter_limit_contents(case: Case) -> Decision | None:
    """ "the 20 euro limit includes VAT right?", "20欧的限制含运费对吧": what the EU letter
    limit is counted on, believed; it includes shipping and excludes VAT (domain.md 1b)."""
    if not case.belief or case.currency != "EUR" or case.amount != EU_LETTER_LIMIT_EUR:
        return None
    said = [
        right
        for pattern, right in (
            (_WITH_VAT, False),
            (_VAT_OUT, True),
            (_SHIPPING_IN, True),
            (_SHIPPING_OUT, False),
        )
        if pattern.search(case.text)
    ]
    if not said:
        return None
    facts: dict[str, Fact] = {"amount": _money(case.amount), "limit": EU_LETTER_LIMIT_EUR}
    return Decision(code="eu_rule", facts=facts, agrees=all(said), entry="eu-letter-under-20")


_NO_SCAN = lazy(
    r"不需要.{0,4}扫描|不用.{0,4}扫描|没有?(?:任何)?(?:的)?(?:承运商)?(?:扫描|揽收)|无扫描|未扫描|零扫描|"
    r"无需扫描|no (?:carrier )?scans?|zero scans?|\b0 scans?|don't need any|do not need any|"
    r"without (?:any )?scan|unscanned|never (?:been )?scanned|not (?:been )?scanned|"
    # No tracking at all is no scan: the rule's least is one carrier scan.
    r"need no tracking|no tracking (?:is )?(?:needed|required)|"
    r"(?:don't|do not|doesn't|does not) (?:even )?need (?:any |a )?tracking|"
    r"(?<!要)不(?:需要|用|要)(?:任何)?(?:有|上传|填)?(?:追踪|跟踪|单号)|免追踪|"
    # Tracking said to be skippable ("under 5 bucks I can skip it", "5美元以下可以不传单号"):
    # no tracking is no scan either.
    r"(?:skip|omit|leave out|leave off|drop|ditch|forget|go without|do without)\s(?:the\s)?"
    r"(?:tracking|tracking numbers?)\b|\btracking\b[^?？]{0,60}\b(?:skip|omit|drop|ditch|forget)\s(?:it|that)\b|"
    r"(?<!要)(?:不用|不必|无需|可以不|能不|不)(?:上传|传|填|加|给|提供|录入?)(?:追踪|跟踪|物流)?(?:单号|追踪号|跟踪号)|"
    r"(?:单号|追踪号|跟踪号|追踪|跟踪)(?:可以|能|就)?(?:省掉|省了|免了|不要了|不传|不填|不上传)"
)
_ONE_SCAN = lazy(
    r"(?:一|1)(?:次|个|条)[^，。,.]{0,4}扫描|one (?:[a-z-]+ )?scan|single (?:[a-z-]+ )?scan|1 (?:[a-z-]+ )?scan|"
    r"scanned once|only scanned at|只(?:有|扫)[^，。,.]{0,4}(?:一|1)(?:次|个|条)|"
    # "只有揽收扫描", "only the pickup scan": the first scan alone.
    r"只有?(?:揽收|收件|入库|上网|首次|第一次)(?:的)?扫描|仅有?(?:揽收|收件|入库|上网|首次)(?:的)?扫描|"
    r"only (?:has |had |got |shows? )?(?:a |the |an |one )?(?:pickup|pick-up|acceptance|origin|first) scan"
)


_TWO_SCANS = lazy(
    r"(?:两|2)\s?(?:次|条|个)[^，。,.]{0,4}扫描|two (?:carrier )?scans|2 (?:carrier )?scans|second scan|scanned twice"
)


_BELOW_THE_LIMIT = lazy(r"\bunder\b|\bbelow\b|less than|低于|不到|少于|小于|不满|以下|以内")
_FROM_THE_LIMIT = lazy(
    r"and (?:up|over|above|more)\b|or (?:more|above|over|higher)\b|\bat least\b|\bover\b|"
    r"\babove\b|\bfrom (?:usd ?|\$)?5\b|以上|超过|大于|起"
)


_TWO_SCAN_RULE = lazy(r"\b(?:two|2)-scans?\b|(?:两|2)次?扫描(?:的)?(?:规定|规则|要求)|双扫描")
"""The two-scan half named as a rule ("the two-scan rule is only for $5 and up")."""


def us_halves_judged(text: str) -> bool | None:
    """ "the two-scan rule is only for $5 and up? under 5 one scan?": the rule's halves
    told clause by clause, each judged on its own side of USD 5 (one scan under it, two
    from it); True when both halves are told and right, False when one is wrong, None when
    no clause names both a side and a number of scans, or one right half alone (the rule's
    own reading of the amount words it)."""
    verdicts = []
    for clause in CLAUSE.split(text):
        below, above = bool(_BELOW_THE_LIMIT.search(clause)), bool(_FROM_THE_LIMIT.search(clause))
        one = bool(_ONE_SCAN.search(clause))
        two = bool(_TWO_SCANS.search(clause) or _TWO_SCAN_RULE.search(clause))
        if below == above or one == two:
            continue  # no side, or both sides or scan counts in one clause: not judged here
        verdicts.append(one == below)
    if not all(verdicts):
        return False
    return True if len(verdicts) > 1 else None


def _us_rule(case: Case) -> Decision:
    """ "under $5 needs no scan?": the US-from-China scan rule, stated and checked."""
    halves = us_halves_judged(case.text)
    if halves is not None and not _NO_SCAN.search(case.text):
        return Decision(code="us_rule", agrees=halves, entry="us-from-china-scans")
    if _NO_SCAN.search(case.text):
        agrees: bool | None = False
    elif _ONE_SCAN.search(case.text):
        agrees = case.bound == "under"
    elif _TWO_SCANS.search(case.text) and not case.belief:
        agrees = case.bound != "under"  # "under $5 needs two scans?": one is enough there
    elif _TRACKING_NEEDED.search(case.text) and not _TWO_SCANS.search(case.text):
        agrees = True  # "do I need tracking for orders under $5?": yes, one carrier scan
    else:
        agrees = None
    return Decision(code="us_rule", agrees=agrees, entry="us-from-china-scans")


_TRACKING_NEEDED = lazy(
    r"(?<![不没需])(?:需要|要不要|要|必须|得|一定要)(?:有|上传|填|提供)?(?:追踪|跟踪|单号|物流单号)|"
    r"\b(?:need|needs|require|requires|required|mandatory|must have|have to (?:have|add|upload))\b"
    r"[^,.?!]{0,20}\b(?:tracking|tracked)\b|\btracking\b[^,.?!]{0,20}\b(?:needed|required|mandatory)\b"
)
"""Tracking asked as a requirement of a US order ("需要单号吗", "is tracking required")."""


def jp_value(case: Case) -> Decision | None:
    if case.currency != "JPY" or ("JP" not in involved(case) and "japan" not in case.concepts):
        return None
    exempt = value_exemption("JP", "JPY", case.amount or 0.0, case.letter) is not None
    if not exempt and _CN_ENDING_ASKED.search(case.text):
        # "1500日元，中国邮政，单号结尾不是CN，算有效吗": the CN rule's, not the amount's
        return None
    facts: dict[str, Fact] = {"amount": _money(case.amount), "exempt": exempt}
    says_exempt = case.negated or bool(_FINE_UNTRACKED.search(case.text))
    return Decision(code="jp_value", facts=facts, agrees=exempt == says_exempt, entry="japan-rules")


_CN_ENDING_ASKED = lazy(
    r"(?:中国邮政|china post)[^。.!！]{0,40}(?:cn|结尾|end(?:s|ing)? (?:in|with))|"
    r"(?:cn|结尾|end(?:s|ing)? (?:in|with))[^。.!！]{0,40}(?:中国邮政|china post)"
)
"""A China Post number's ending asked of an order Japan counts: whether the number is
valid is the "ends in CN" rule's question (claims table), not the amount's."""


_FINE_UNTRACKED = lazy(
    r"(?:没有?|不用|不需要|无|without|no)\s?(?:追踪|跟踪|单号|tracking)[^，,。?？]{0,8}"
    r"(?:没关系|没事|不要紧|无所谓|也行|也可以|可以吧|is fine|is ok|is okay|no problem)|"
    # Asked: "没追踪可以吗", "没有单号行吗", "without tracking, is that ok?", "可以不要追踪吗":
    # whether it may go untracked is whether it is exempt.
    r"(?:没有?|无|不要|不用|不上传|不填|without|\bno)\s?(?:任何)?(?:追踪|跟踪|单号|物流单号|tracking)"
    r"[^。.!！]{0,16}(?:可以|行|\bok\b|okay|fine|allowed|没问题|没关系|没事|不要紧|无所谓)|"
    r"(?:可以|能)不(?:要|用|上传|填|提供)(?:追踪|跟踪|单号)|"
    # "untracked ok?", "sent untracked, is that fine": the same, in one word.
    r"\buntracked\b[^。.!！]{0,16}(?:\bok\b|okay|fine|allowed|no problem)|"
    # "1500日元免追踪吗": whether it is let off tracking is whether it is exempt.
    r"免(?:于)?(?:追踪|跟踪|单号|扫描)"
)
"""Untracked said or asked to be fine ("没有追踪也没关系", "没追踪可以吗"): the order said to
be exempt, so a yes is the exemption's."""


_US_EXEMPT_ASKED = lazy(r"exempt|excluded|豁免|免除|不用算|不计入|不算")
_US_COUNT_ASKED = lazy(
    r"算不算|计不计入|要不要管|要管吗|算vtr|计入|算吗|算进|\bdoes (?:it|that|this|the order) count|\bcounts?\b[^.?!]{0,20}[?？]|"
    r"\bcount(?:ed)? (?:toward|towards|in)\b"
)
"""Whether a US order is exempt or counts, asked: it counts whatever its value. '算不算'
and '计不计入' ask whether it counts: their '不算', '不计入' deny nothing."""


def _us_scans(case: Case) -> Decision | None:
    if case.currency != "USD" or not ({"US"} & set(involved(case)) or "us" in case.concepts):
        return None
    two = (case.amount or 0.0) >= US_TWO_SCANS_FROM_USD
    facts: dict[str, Fact] = {"amount": _money(case.amount), "two_scans": two}
    one_scan_said = bool(_ONE_SCAN.search(case.text))
    # At USD 5 itself the figure is the rule's limit ("$5 and up need two scans"): the claim's.
    at_limit = case.amount == US_TWO_SCANS_FROM_USD
    two_scans_said = bool(_TWO_SCANS.search(case.text)) and not at_limit
    # "one scan is enough?" is a yes under USD 5; "needs two scans?" a yes from USD 5.
    agrees = (not two) if one_scan_said else (two if two_scans_said else None)
    if at_limit and (halves := us_halves_judged(case.text)) is not None:
        return Decision(code="us_rule", agrees=halves, entry="us-from-china-scans")
    if agrees is None and _US_EXEMPT_ASKED.search(A_NOT_A.sub("", case.text)):
        agrees = False  # "a $2 item to the US, is it exempt?": no US order is, by its value
    elif agrees is None and _US_COUNT_ASKED.search(case.text):
        agrees = True  # "美国站3美元的单算VTR吗": it counts
    elif agrees is None and _TRACKING_NEEDED.search(case.text):
        agrees = True  # "3美元的小单发美国 需要单号吗": at least one carrier scan
    if _NO_SCAN.search(case.text):
        agrees = False  # "3美元，没有扫描可以吗": every US order needs at least one scan
    if case.bound == "over" and ONLY.search(case.text):
        agrees = False  # "only orders over $20 count": every US order counts, whatever its value
        # A restriction of what counts is answered by the scope (every order) before the
        # amount's scans; one of the scans ("only over $20 need two") is the scans' alone.
        facts["every_order"] = not (one_scan_said or two_scans_said)
    return Decision(code="us_scans", facts=facts, agrees=agrees, entry="us-from-china-scans")


def _de_domestic_under(case: Case) -> Decision:
    """ "德国境内15欧以下不算VTR吧": the sources say only that German domestic orders over
    EUR 15 count, nothing of the others; a limit above 15 said to exempt is wrong (an order
    of EUR 18 counts), one at or under 15 is neither confirmed nor denied."""
    if (case.amount or 0.0) > DE_DOMESTIC_COUNTS_OVER_EUR:
        agrees = False if case.negated else None
        return Decision(code="de_domestic_rule", agrees=agrees, entry="eu-cross-border")
    return Decision(code="de_domestic_unstated", entry="eu-cross-border")


def _de_domestic(case: Case) -> Decision | None:
    codes = involved(case)
    if case.currency != "EUR" or codes != ["DE"] or case.abroad:
        return None  # "从德国发到奥地利" is cross-border: the letter rule decides it
    if not (case.domestic or (case.origin == "DE" and case.destination is not None)):
        return None  # "shipped from DE", the destination unsaid: cross-border or not, unknown
    if (case.amount or 0.0) <= DE_DOMESTIC_COUNTS_OVER_EUR:
        return Decision(code="de_domestic_unstated", entry="eu-cross-border")
    counts = (case.amount or 0.0) > DE_DOMESTIC_COUNTS_OVER_EUR
    facts: dict[str, Fact] = {"amount": _money(case.amount), "counts": counts}
    return Decision(
        code="de_domestic", facts=facts, agrees=counts != case.negated, entry="eu-cross-border"
    )


def _uk_letter(case: Case) -> Decision:
    """ "英国站平信寄的12英镑订单算不算VTR": the letter limit is in euros and no rate is applied
    offline; a pound amount surely under EUR 20 at any recent rate is exempt as a letter, one
    surely over counts, one near it depends on the day's rate (marketplaces.yaml's margins).
    The reply also says the report counts UK letters (docs/vtr-rules.md §4.2)."""
    uk = marketplace_by_code()["UK"]
    under, over = uk.letter_limit_surely_under, uk.letter_limit_surely_over
    stamp = "stamp" in case.concepts  # Royal Mail stamps: a rule of their own (claims table)
    if not case.letter or case.amount is None or under is None or over is None or stamp:
        return Decision(code="eu_rule", entry="eu-letter-under-20")
    band = "under" if case.amount <= under else ("over" if case.amount > over else "near")
    told = case.amount if band == "under" else None  # surely under EUR 20: said so
    if band != "over" and (by_postage := _uk_letter_by_postage(case, told)) is not None:
        return by_postage
    facts: dict[str, Fact] = {"amount": _money(case.amount), "band": band}
    asks_exempt = case.negated or bool(_UNDER_LIMIT_ASKED.search(case.text))
    asks_exempt = asks_exempt or bool(_FINE_UNTRACKED.search(case.text))
    agrees = None if band == "near" else (band == "under") == asks_exempt
    return Decision(code="uk_letter", facts=facts, agrees=agrees, entry="eu-letter-under-20")


def _uk_letter_by_postage(case: Case, under: float | None = None) -> Decision | None:
    """A letter on Amazon.co.uk under EUR 20 that does not come from another EU/UK country:
    untracked, it is exempt only when its Royal Mail postage was bought through Buy Shipping
    and counts otherwise (docs/decisions/018-uk-letters-by-postage.md). That condition is the
    answer, so neither a yes nor a no; one sent from elsewhere (Germany, China) keeps the cross-border letter rule."""
    if case.origin not in (None, "UK"):
        return None
    facts: dict[str, Fact] = {"band": "by_postage"}
    if under is not None:  # a pound amount surely under EUR 20, told with the condition
        facts["amount"] = _money(under)
    return Decision(code="uk_letter", facts=facts, agrees=None, entry="eu-letter-under-20")


_UK_LETTER_SAID = lazy(r"royal\s*mail|皇家邮政|£|英镑|\bpounds?\b|\bgbp\b")
"""A letter said to be the UK's own, by its carrier or its currency."""


def _uk_own_letter(case: Case) -> bool:
    """A letter on the UK marketplace, said by its carrier or currency or by the UK alone
    named, at no more than EUR 20 (whatever the currency it is priced in): the UK's own
    letter rule (decision 018) decides it, not the EU's letter exemption."""
    codes = involved(case)
    if not case.letter or "UK" not in codes:
        return False
    over = case.currency == "EUR" and (case.amount or 0.0) > EU_LETTER_LIMIT_EUR
    alone = codes == ["UK"] and "eu" not in case.concepts  # "欧盟和英国…": the update's rule
    return not over and (alone or bool(_UK_LETTER_SAID.search(case.text)))


def _eu_letter(case: Case) -> Decision | None:
    if _uk_own_letter(case) and (by_postage := _uk_letter_by_postage(case)) is not None:
        return by_postage  # "is a 15 euro letter to a UK buyer exempt?": decision 018's condition
    codes = involved(case)
    eu = [c for c in codes if marketplace_by_code()[c].letter_rule]
    uk_rule = [c for c in codes if marketplace_by_code()[c].eu_cross_border_rule]
    # A letter priced in euros is the EU/UK update's case, whether or not a country is named,
    # and so is one denied ("20欧元的包裹不算信件"): the service is what the rule asks.
    service_said = case.letter or bool(NOT_LETTER.search(case.text))
    europe = eu or uk_rule or case.concepts & {"eu", "crossborder"} or (service_said and not codes)
    if case.currency != "EUR" or not europe:
        return None
    # The EU/UK update's letter exception is one rule for the EU and the UK; the report's
    # registry flags only EU marketplaces' files, so a UK route is decided as the EU's.
    if case.bound == "over" and ONLY.search(case.text) and not case.letter:
        return None  # "only orders over EUR 20 count": a belief of the claims table
    market = eu[-1] if eu else "DE"
    if case.domestic and codes == [market] and market != "DE" and not case.letter:
        return None  # "意大利本土发货": the update speaks of cross-border and German domestic only
    reason = value_exemption(market, "EUR", case.amount or 0.0, case.letter)
    exempt = reason is not None
    facts: dict[str, Fact] = {
        "amount": _money(case.amount),
        "exempt": exempt,
        "letter": case.letter,
        "route": " → ".join(codes),
    }
    asks_exempt = case.negated or bool(_UNDER_LIMIT_ASKED.search(case.text))
    asks_exempt = asks_exempt or bool(_FINE_UNTRACKED.search(case.text))
    return Decision(
        code="eu_letter", facts=facts, agrees=exempt == asks_exempt, entry="eu-letter-under-20"
    )


_UNDER_LIMIT_ASKED = lazy(
    r"(?:below|under|within|inside|less than|低于|不到|少于|在)\s*(?:the\s+)?(?:€|eur\s*)?20\b|"
    r"20\s*(?:€|eur(?:os?)?|欧元?)?\s*(?:以内|以下|之内|之下)"
)
"""The question asks whether the order is under the letter limit ("is it below the €20
line?", "在20欧以内吗"): a yes is the exemption, not that it counts."""


_SMALL_ORDER = lazy(
    r"小额|小单|小件|小信件|低价|便宜|金额(?:很|比较|较)?(?:小|低)|价格(?:很|比较|较)?低|低货值|低值|几百日元|"
    r"\b(?:small|tiny|cheap|low[- ]value|low[- ]priced?|inexpensive|few[- ]dollar|under[- ]priced)\b"
    r"(?:[^,.?!，。？]{0,12})\b(?:orders?|items?|packages?|parcels?|sales?|ones|letters?)\b|"
    r"\b(?:orders?|items?) (?:of|with|at) (?:a )?(?:small|low|tiny) (?:value|amount|price)s?\b"
)
"""An order said to be of small value with no amount ("tiny JP orders", "日本站小额订单"):
the marketplace's value rule is what is asked."""


def small_value(case: Case) -> Decision | None:
    """ "what about tiny JP orders?", "日本站小额订单算VTR吗", "平邮到德国算VTR吗": the rule by
    value of the one marketplace named, stated with its figure, no yes or no (the amount is
    unsaid)."""
    # A letter sent with no amount said ("平邮到德国算VTR吗") is asked of the same rule.
    if case.amount is not None or not (_SMALL_ORDER.search(case.text) or case.letter):
        return None
    codes = involved(case) or (["JP"] if "japan" in case.concepts else [])
    if len(codes) != 1:
        return None
    market = marketplace_by_code()[codes[0]]
    if case.letter and not market.under_eu_uk_update():
        return None  # a small letter to the US or Japan: their own letter rules decide
    if market.code == "JP":
        return Decision(code="jp_rule", entry="japan-rules")
    if market.code == "US":
        return Decision(code="us_rule", entry="us-from-china-scans")
    if market.code == "DE" and case.domestic:
        return Decision(code="de_domestic_rule", entry="eu-cross-border")
    if market.under_eu_uk_update():
        return Decision(code="eu_rule", entry="eu-letter-under-20")
    return None
