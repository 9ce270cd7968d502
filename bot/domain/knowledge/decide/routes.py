"""Whether an order counts by where it goes, no amount needed: letters and routes.

Letters to marketplaces outside the EU/UK rule, a Japanese letter, the letter limit asked,
domestic orders in Germany and elsewhere in Europe, cross-border routes and the countries
the EU/UK update names.
"""

from __future__ import annotations

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.market_lists import ONLY
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import marketplace_by_code

NO_TRACKING_GIVEN = lazy(
    r"没(?:有)?(?:上传|填|传|加|录|给)|未(?:上传|填|添加)|漏(?:填|传)|没有?(?:追踪|跟踪)(?!率)|无(?:追踪|跟踪)(?!率)|没有?单号|无单号|不(?:带|附|给|填|传|上传|要|用)(?:追踪号|跟踪号|单号|追踪|跟踪)|"
    r"no tracking|without (?:any )?tracking|untracked|(?:never|didn't|did not|not) (?:\w+ )?"
    r"(?:upload|add|enter|provide|give)(?:ed)? (?:the |any )?tracking|tracking (?:was )?never"
)
"""The question says the package has no tracking: counted, it is then an invalid one."""
_OK_ASKED = lazy(
    r"\bok\b|okay|\bfine\b|allowed|acceptable|可以吗|可以不|行吗|行不行|没问题吗|没事吧|没关系吗"
)
"""Whether something is acceptable, asked ("…without tracking ok?")."""


def letter_outside_eu(case: Case) -> Decision | None:
    """ "Letters to the US under $20 are exempt too?": the letter exemption is the EU/UK
    update's only; a letter to another marketplace (Japan has its own value rule) counts."""
    codes = involved(case)
    if not case.letter or not codes or case.currency == "JPY" or "JP" in codes:
        return None
    registry = marketplace_by_code()
    if any(registry[c].under_eu_uk_update() for c in codes):
        return None
    facts: dict[str, Fact] = {"market": codes[-1], "counts": True}
    # "letter to the US without tracking ok?": it counts, so untracked it is no, not ok.
    untracked_ok = bool(NO_TRACKING_GIVEN.search(case.text) and _OK_ASKED.search(case.text))
    agrees = False if untracked_ok else not case.negated
    return Decision(
        code="letter_outside_eu", facts=facts, agrees=agrees, entry="untracked-shipments"
    )


def uk_domestic_letter(case: Case) -> Decision | None:
    """ "uk domestic letter 10 pounds need tracking?": the sources give the under-EUR 20
    letter exception for cross-border shipments to and from the EU/UK countries, and within
    the UK only untracked Royal Mail stamps bought through Buy Shipping (domain.md 1b):
    no exemption by value is stated for a UK domestic letter, so none is given, nor a yes."""
    if not case.letter or not case.domestic or involved(case) != ["UK"]:
        return None
    if "stamp" in case.concepts:
        return None  # Royal Mail stamps: the claims table's rule
    return Decision(code="uk_domestic_letter", entry="uk-royal-mail-letters")


def jp_letter(case: Case) -> Decision | None:
    """ "日本站小件用平邮，没单号，算不算": Japan's rule is the amount, not the service; a
    letter on Amazon.co.jp with no amount said gets both cases, no yes or no (with an amount
    in yen, `jp_value` decides)."""
    if not case.letter or case.amount is not None or "JP" not in involved(case):
        return None
    if len(involved(case)) > 1:
        return None  # a route through Europe as well: the EU letter rule may be the one asked
    return Decision(code="jp_letter", entry="japan-rules")


_LIMIT_ASKED = lazy(
    r"多少钱|多少欧|多少金额|多少以下|多少以内|多少之下|金额|价值|门槛|上限|限额|几欧|"
    r"how much|what amount|which amount|what value|what price|how many euros|how cheap|"
    r"threshold|limit|cut-?off|under what|below what|up to what"
)


def letter_limit(case: Case) -> Decision | None:
    """ "多少钱以下的信件不算", "under what amount are letters exempt?": the letter
    exemption's limit asked, no amount given: the EU/UK rule stated, no yes or no."""
    if not case.letter or case.amount is not None or not _LIMIT_ASKED.search(case.text):
        return None
    registry = marketplace_by_code()
    codes = involved(case)
    if codes and not any(registry[c].under_eu_uk_update() for c in codes):
        return None  # a letter to the US or Japan: not the EU/UK rule's
    return Decision(code="eu_rule", entry="eu-letter-under-20")


def involved(case: Case) -> list[str]:
    """The countries a question names, where it ships from first ("buyer in Italy, sent
    from Germany" is DE → IT), whatever order they were said in."""
    codes = [m.code for m in case.markets]
    if case.origin and case.origin != "CN":
        codes = [case.origin, *(c for c in codes if c != case.origin)]
    return codes


def de_domestic_rule(case: Case) -> Decision | None:
    """ "德国境内的单超过多少欧元算VTR": the domestic rule's limit, without an order."""
    codes = involved(case)
    if case.amount is not None or codes != ["DE"] or not case.domestic:
        return None
    # "German domestic orders never count, right?": those over EUR 15 do, so that is a no.
    agrees = False if case.negated else None
    return Decision(code="de_domestic_rule", agrees=agrees, entry="eu-cross-border")


def domestic_elsewhere(case: Case) -> Decision | None:
    """ "意大利本土发货算VTR吗": domestic shipments in a European country other than Germany,
    of which the sources say nothing (the EU/UK update speaks of cross-border shipments and
    German domestic ones): said so, with no yes or no, not the bar for shipments from China."""
    codes = involved(case)
    if not case.domestic or len(codes) != 1 or codes[0] == "DE" or case.abroad:
        return None
    market = marketplace_by_code()[codes[0]]
    if not market.under_eu_uk_update():
        return None
    return Decision(
        code="domestic_unstated", facts={"market": market.code}, entry="eu-cross-border"
    )


_DOMESTIC_WORD = lazy(r"本地|本土|境内|国内|\bdomestic\b")


def domestic_carried(case: Case) -> Decision | None:
    """ "德国本地超过15欧才算，那法国本地也是15欧吧", "German domestic orders count over 15
    euros, so French domestic ones too": the German domestic rule carried to another
    country's domestic shipments, of which the sources say nothing: said so (the German rule
    beside it), with no yes or no, and no route between the two."""
    if len(_DOMESTIC_WORD.findall(case.text)) < 2:
        return None
    codes = list(dict.fromkeys(m.code for m in case.markets))
    others = [c for c in codes if c != "DE"]
    if "DE" not in codes or len(others) != 1:
        return None
    market = marketplace_by_code()[others[0]]
    if not market.under_eu_uk_update():
        return None
    return Decision(
        code="domestic_unstated", facts={"market": market.code}, entry="eu-cross-border"
    )


_COUNTS_ASKED = lazy(
    r"算|计入|计算|统计|考核|影响|要追踪|需要追踪|\bcount|includ|matter|affect|tracked|apply|applies"
)


def eu_route(case: Case) -> Decision | None:
    """ "从法国发到西班牙的包裹要算VTR吗", "荷兰站发比利时的货算吗": a cross-border route to or
    from a country of the EU/UK update, with no amount given: it counts, unless it is an
    order under EUR 20 sent as Letter (so a letter without its amount gets no yes)."""
    if case.amount is not None or case.origin in (None, "CN") or case.destination is None:
        return None
    origin = marketplace_by_code().get(case.origin or "")
    if origin is None or origin == case.destination or not _COUNTS_ASKED.search(case.text):
        return None
    if not (origin.eu_cross_border_rule or case.destination.eu_cross_border_rule):
        return None
    facts: dict[str, Fact] = {"route": f"{origin.code} → {case.destination.code}"}
    agrees = None if case.letter else not case.negated
    return Decision(code="eu_route", facts=facts, agrees=agrees, entry="eu-cross-border")


_NOT_ONLY = lazy(r"not (?:just|only)|不只|不仅|不止|而且|as well|\btoo\b|也")
_SAID_NOT_COUNTED = lazy(
    r"不算|不计入|不用管|不考核|(?:don't|doesn't|do not|does not|won't) count|not counted|excluded"
)


def eu_countries(case: Case) -> Decision | None:
    """ "波兰和瑞典的跨境单也算了吧", "Poland and Sweden cross-border orders count too?": the
    countries the EU/UK update names, with no route from one to another: each one's flag in
    the registry decides."""
    if "crossborder" not in case.concepts or not case.markets or case.amount is not None:
        return None
    if (case.origin and case.destination) or case.letter or not _COUNTS_ASKED.search(case.text):
        return None
    said = _NOT_ONLY.sub(" ", case.text)
    if not all(m.eu_cross_border_rule for m in case.markets):
        return None  # a country outside the update: the entries explain
    only = bool(ONLY.search(said))  # "只算德国和法国的吗": the update names other EU countries too
    facts: dict[str, Fact] = {"named": ", ".join(m.code for m in case.markets), "only": only}
    agrees = not only and not _SAID_NOT_COUNTED.search(said)
    return Decision(code="eu_countries", facts=facts, agrees=agrees, entry="eu-cross-border")


_HONG_KONG = lazy(r"香港|hong ?kong|\bhk\b")
_WAREHOUSE_ELSEWHERE = lazy(
    r"海外仓|本土仓|本地仓|当地仓|(?:美国|英国|日本|德国|欧洲|加拿大|澳洲|澳大利亚|墨西哥)(?:本土|当地)?仓|"
    r"\b(?:us|usa|uk|eu|american|british|local|overseas|domestic|foreign|3pl|third[- ]party|"
    r"japanese|german|canadian|australian) (?:fulfil?ment )?warehouses?\b|"
    r"\bwarehouses? (?:in|inside|within) (?:the )?(?:us|usa|uk|states|japan|germany|canada|"
    r"australia|europe|eu)\b|\b3pl\b|"
    # "i ship from the us to us customers", "从美国本土发货": sent from the marketplace's country.
    r"\b(?:ship|ships|shipping|shipped|send|sending|sent)(?: it| them| orders| packages)? from "
    r"(?:the )?(?:us|usa|uk|states|japan|canada|australia|mexico)\b|"
    r"从(?:美国|英国|日本|加拿大|澳洲|澳大利亚|墨西哥)(?:本土|当地|境内)?(?:发货|发出|发)"
)
"""Packages sent from somewhere other than China: a warehouse abroad (海外仓, "a US
warehouse"), or one in the marketplace's own country (本土仓)."""
_FBA_NAMED = lazy(
    r"(?<![a-z])(?:fba|afn)(?![a-z])|亚马逊(?:物流|仓)|amazon(?:'s)? (?:warehouse|fulfil)"
)
_BAR_ASKED = lazy(
    r"vtr|有效追踪率|追踪率|跟踪率|tracking rate|95|要求|标准|门槛|一样|相同|不同|区别|同样|适用|"
    r"\bsame\b|differ|require|\brules?\b|\bbar\b|threshold|appl(?:y|ies)"
)


def ships_from_outside_china(text: str) -> bool:
    """The packages asked about leave from Hong Kong or a warehouse outside China, not
    from Amazon's (FBA): the list stated for shipments from China is not theirs."""
    elsewhere = _HONG_KONG.search(text) or _WAREHOUSE_ELSEWHERE.search(text)
    return bool(elsewhere) and not _FBA_NAMED.search(text)


def origin_elsewhere(case: Case) -> Decision | None:
    """ "我从香港发货到美国站 VTR要求一样吗", "from a US warehouse to US buyers, does VTR
    apply?", "海外仓发货也要算VTR吗": VTR is over all self-fulfilled shipments and tracking
    is required on every self-fulfilled order (domain.md §1, seed 004), wherever they ship
    from; only the list of marketplaces with the 95% bar is stated for shipments from
    China, so the answer says that rather than the China list's opener."""
    if not ships_from_outside_china(case.text):
        return None
    if case.metrics[:1] not in ((), ("vtr",)) or not _VTR_OR_BAR.search(case.text):
        return None  # another metric's, or nothing of VTR's asked
    if not (_COUNTS_ASKED.search(case.text) or _BAR_ASKED.search(case.text)):
        return None
    registry = marketplace_by_code()
    if any(registry[c].eu_cross_border_rule or registry[c].letter_rule for c in involved(case)):
        return None  # Europe: the EU/UK update's rules and what they leave unsaid decide
    counts_asked = bool(_COUNTS_ASKED.search(case.text)) and not _SAME_ASKED.search(case.text)
    agrees = (not case.negated) if counts_asked else None
    facts: dict[str, Fact] = {"hong_kong": bool(_HONG_KONG.search(case.text))}
    return Decision(code="vtr_any_origin", facts=facts, agrees=agrees, entry="vtr-formula")


_VTR_OR_BAR = lazy(r"vtr|有效追踪率|追踪率|跟踪率|tracking rate|95\s?%|\b95\b|(?<!\d)95(?!\d)")
_SAME_ASKED = lazy(r"一样|相同|不同|区别|同样|\bsame\b|differ")
"""Whether the requirement differs: no yes or no, the facts and what the sources leave out."""
