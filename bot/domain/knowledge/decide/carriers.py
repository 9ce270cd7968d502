"""The carrier picked for a tracking number: typed in Chinese, "Other", or the wrong one.

Whether the number stays valid turns on what was picked; `carrier_roles` also tells own
data which carrier was selected and which the number belongs to.
"""

from __future__ import annotations

import re

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.patterns import compiled, lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import amazon_carrier_list

_CHINESE_NAME = lazy(
    r"(?:中文|汉字|chinese)(?:的)?\s?(?:(?:carrier|courier|shipping company|承运商|物流商|物流公司|快递)(?:'s)?\s?(?:的)?)?"
    r"(?:名称|名字|名|name|characters?)|用中文|in chinese|"
    # "写的"中国邮政"四个字": a name typed in Han characters, quoted or counted.
    r"(?:写|填|输入|打|录)[^，,。?？]{0,6}[\"“'‘「][\u4e00-\u9fff]{2,}|[\u4e00-\u9fff][\"”'’」]?\s?(?:这)?[两三四五六]个字|"
    r"(?:打|填|输入|写|typ(?:e|ed|es|ing)|enter(?:ed|ing|s)?|writ(?:e|es|ing|ten))[^，,。?？]{0,8}(?:中文|chinese)"
)
_MISMATCH = lazy(
    r"选成|选错|选了|选的|填成|填错|填到|录成|录入成|录错|录了|写成|输成|其实|实际|实际上|actually|but it(?:'s| is| was)|"
    r"but the (?:number|tracking)|instead|wrong carrier|select|chose|choose|picked|pick |"
    r"entered (?:it )?(?:as|under)|under (?:the )?(?:wrong )?carrier|by mistake|mistakenly|"
    # "shipped with FedEx but uploaded DHL as the carrier": the carrier given on the order.
    r"\bas (?:the )?carrier\b|uploaded (?:it )?(?:as|under)|上传成|传成|标成|"
    r"(?:real|actual|correct|right|true) (?:carrier|courier)|真正的?(?:承运商|物流)|"
    r"accidentally|不小心|搞错|弄错|"
    # "is a UPS number under USPS ok", "I put a UPS number under USPS": one carrier's number
    # under another carrier.
    r"\bnumbers? (?:\w+ ){0,2}?under\b"
)


_ASKS_OK = lazy(
    r"还有效|还算|算有效|可以吗|可以不|行吗|行不行|能用吗|没问题吗|没关系吗|没关系|没事|不要紧|无所谓|"
    r"no problem|no big deal|doesn't matter|does not matter|won't matter|"
    r"still (?:valid|count)|is it valid|\bok\b|okay|fine\b|acceptable|allowed"
)
"""A mismatch question asking whether it is fine (the answer is no), not whether it matters."""
_ASKS_VALID = lazy(
    r"有效吗|有效不|算有效|算不算有效|还算|算数吗|算吗|算不算|认吗|"
    r"\bvalid\b|count(?:s|ed)?(?: as valid| toward| for)?\s*[?？]|(?:does|will|would|can) (?:it|that|this) (?:still )?count|still count|会算|能算|"
    # "亚马逊能识别出来吧", "Amazon will figure it out?": that the number still works.
    r"识别|认出|认得出|能查到|查得到|自动(?:匹配|纠正|改)|recogni[sz]e|figure (?:it )?out|"
    r"pick (?:it )?up|auto(?:matically)? (?:match|correct|detect|fix)"
)
"""A mismatch question asking whether the number counts as valid: "no", and the wording says
"not valid" rather than "it matters"."""
_MISMATCH_FAILS = lazy(
    r"unconfirmed|invalid|not valid|isn't valid|won't (?:count|work)|doesn't (?:count|work)|"
    r"not count|(?<!n't )(?<!not )(?<!no )\b(?:matters?|problems?|issues?|hurts?|affects?|defects?|fails?)\b|"
    r"未确认|无效|不算|不行|不能用|(?<![没不])有影响|(?<![没不])有问题|(?<!不)会影响|要改|得改|必须改"
)
"""A belief about a mismatched carrier that says the number fails (else it says it is fine)."""


_TYPED_HAN_NAME = lazy(
    r"(?:写了?|填了?|打了?|输入了?|写的是|填的是|typed(?: in)?|wrote|entered|put)\s*[「“\"'(（]?\s*"
    r"(?![的是成为])[\u4e00-\u9fff]{2,}"
)
"""A carrier's name typed in Han characters, said as typed ("选了Other然后写了云途物流")."""
_OTHER_PICKED = lazy(r"(?<![a-z])other(?![a-z])|其他|其它")


def _typed_in_chinese(case: Case) -> bool:
    said = _CHINESE_NAME.search(case.text)
    typed = _OTHER_PICKED.search(case.text) and _TYPED_HAN_NAME.search(case.text)
    return bool(said or (typed and case.carriers) or _han_carrier_typed(case))


_TYPING = r"(?:type|typing|typed|enter|entering|write|writing|put|写|填|打|输入|录)"


def _han_carrier_typed(case: Case) -> bool:
    """ "i can't just type 云途 in the carrier box": a carrier's Chinese name said as typed,
    right after the verb (not any Han words after 写, as in "填写追踪号")."""
    names = [a for c in case.carriers for a in (c.name, *c.aliases) if _HAN_NAME.fullmatch(a)]
    return any(
        compiled(
            rf"{_TYPING}(?:\s*(?:in|just|it as|as|成|了|上))?\s*[「“\"'(（]?\s*{re.escape(n)}"
        ).search(case.text)
        for n in names
    )


_HAN_NAME = lazy(r"[\u4e00-\u9fff]{2,}")


_SAYS_INVALID = lazy(
    r"无效|不算有效|不行|不可以|不能用|不被接受|不认|invalid|not (?:valid|accepted|allowed|recogni[sz]ed)|"
    r"n't (?:be )?(?:valid|accepted|allowed|recogni[sz]ed)|not be (?:valid|accepted|allowed|recogni[sz]ed)|"
    r"rejected|won't (?:work|count)|doesn't (?:work|count)|don't (?:work|count)|"
    # "i can't just type 云途, it has to be picked from the list": the same belief.
    r"\b(?:can't|cannot|can not|shouldn't|mustn't)\b|不能(?!用吗)|不可以|不许|不准|"
    r"(?:has|have|needs?) to be (?:picked|chosen|selected)|(?:pick|choose|select)(?:ed)? (?:it )?from (?:amazon's |the )?(?:list|dropdown)|"
    r"(?:要|得|必须|只能)(?:从)?(?:亚马逊的?)?(?:列表|下拉)"
)


def carrier_chinese_name(case: Case) -> Decision | None:
    carrier_named = case.concepts & {"carrier"} or case.carriers or _OTHER_PICKED.search(case.text)
    if not _typed_in_chinese(case) or not carrier_named:
        return None
    facts: dict[str, Fact] = {"carrier": case.carriers[0].name if case.carriers else ""}
    # "can I type it in Chinese?" is a no; "typed in Chinese it is invalid, right?" a yes, and
    # so is "is that a problem?" / "有影响吗".
    problem_asked = bool(_MISMATCH_FAILS.search(case.text)) and not _ASKS_OK.search(case.text)
    says_invalid = bool(_SAYS_INVALID.search(case.text)) or problem_asked
    return Decision(
        code="carrier_chinese_name", facts=facts, agrees=says_invalid, entry="carrier-choose"
    )


_OTHER_CHOSEN = lazy(
    r"(?:选(?:了|的|择了?|成了?|的是)?|用(?:了|的)?|点(?:了|的)?|勾(?:了|的)?|填(?:了|的)?|写(?:了|的)?|"
    r"pick(?:ed|ing|s)?|select(?:ed|ing|s)?|cho(?:se|ose|oses|osing)|us(?:e|ed|ing)|went with|"
    r"set (?:it |the carrier )?(?:to|as)|\bas|\bunder|\bto)\s*(?:the\s+)?[「“\"'‘(（]?\s*"
    r"(?:other|其他|其它)(?![a-z])(?!\s?(?:的|家|承运|物流|快递|类目|品类|分类|站点|店|卖家|订单|包裹|"
    r"carriers?\b|categor|marketplace|store|shop|seller|orders?\b|packages?\b|ones?\b))"
)
""""Other" picked as the carrier ("选了Other", "picked Other", "carrier set to 'Other'"), not
another carrier, category or order ("选了其他物流", "other categories")."""
_NOT_ON_LIST = lazy(
    r"(?:列表|下拉|选项)[^，,。?？]{0,6}(?:里|中)?(?:没有|找不到)|(?:不在|没在)(?:承运商)?(?:列表|下拉|选项)|"
    r"找不到|missing from|(?:not|n't) (?:in|on) (?:the |amazon's |amazon |their |its |my |our )?"
    r"(?:carrier )?(?:list|dropdown|drop-down|menu)|(?:not|n't) (?:listed|showing|shown|appearing)|can't find"
)


def other_for_carrier(case: Case) -> Decision | None:
    """ "选了Other然后手写了Yun Express，算有效吗", "picked Other and typed 4PX, fine?": "Other"
    with a typed name is valid only for a supported carrier missing from Amazon's list
    (domain.md 1b), so the carrier named decides: one the list has is to be picked there (not
    valid as Other); one it is not known to have gets the condition, no verdict. A seller who
    says the carrier is missing from their list is the claims table's ("other-for-missing")."""
    named = {c.id: c for c in case.carriers if c.id != "other_post"}
    if len(named) != 1 or not _OTHER_CHOSEN.search(case.text) or _NOT_ON_LIST.search(case.text):
        return None
    carrier = next(iter(named.values()))
    code = amazon_carrier_list().get(carrier.id)
    # Named as Amazon's list names it ("Yun Express"), for the seller to find it there.
    facts: dict[str, Fact] = {"carrier": code or carrier.name, "listed": code is not None}
    if code is None:
        return Decision(code="other_for_carrier", facts=facts, entry="carrier-choose")
    # "有问题没", "does it matter": yes, a problem; "算有效吗", "is that fine", "it counts, right?": no.
    fails_said = bool(_MISMATCH_FAILS.search(case.text)) and not _ASKS_OK.search(case.text)
    return Decision(
        code="other_for_carrier", facts=facts, agrees=fails_said, entry="carrier-choose"
    )


_NUMBER_AFTER = lazy(
    r"^\s*(?:的)?(?:[a-z0-9.]{1,6}\s)?(?:单号|号码|追踪号|跟踪号|运单号|号|number|tracking|label)"
)
_NUMBER_BEFORE = lazy(
    r"(?:number|tracking|单号|号码)\s*(?:is|was|'s|是|其实是|实际是|belongs to)\s*(?:actually\s)?(?:an?\s)?$|"
    # "entered usps but it was ups", "real carrier is fedex", "其实是UPS": the one it really was.
    r"(?:\b(?:real|actual|correct|right|true) (?:carrier|courier)|\bbut it|\bit|\bwhich|\bthat)"
    r"(?:'s| is| was| were)\s*(?:actually\s|really\s)?(?:an?\s)?$|(?:其实|实际|实际上|真正)(?:是|用的是|走的是)\s*$"
)
"""Words that make the carrier after them the number's own ("the number is actually a UPS")."""
_SELECTED_BEFORE = lazy(
    r"(?:选成|选了|选的是|选成了|填成|填成了|填了|写成|selected|select|chose|choose|picked|pick|"
    r"\bentered(?: it)?(?: as)?|\btyped(?: in)?|\bput(?: in)?|\bset(?: it)?(?: to| as)?|\bas|\bunder)\s*(?:了)?\s*$"
)


def carrier_roles(case: Case) -> tuple[str, str] | None:
    """(selected, as the number looks) from the words around each carrier's name:
    "4PX的单号选成了云途" → (YunExpress, 4PX). None when the words do not say which is which."""
    if case.number_carrier is not None:
        # The number's shape says whose it is ("1Z开头的单号"); the other one named was picked.
        picked = [c.name for c in case.carriers if c.name != case.number_carrier]
        return (picked[0], case.number_carrier) if picked else None
    selected = actual = None
    for carrier in case.carriers[:2]:
        names = [n.casefold() for n in (carrier.name, *carrier.aliases)]
        at = min((i for n in names if (i := case.text.find(n)) >= 0), default=-1)
        if at < 0:
            continue
        name = next(n for n in names if case.text.find(n) == at)
        after = case.text[at + len(name) : at + len(name) + 16]
        if _NUMBER_AFTER.search(after) or _NUMBER_BEFORE.search(case.text[max(0, at - 24) : at]):
            actual = carrier.name
        elif _SELECTED_BEFORE.search(case.text[max(0, at - 12) : at]):
            selected = carrier.name
    names = [c.name for c in case.carriers[:2]]
    if actual and not selected:
        selected = next(n for n in names if n != actual)
    if selected and not actual:
        actual = next(n for n in names if n != selected)
    return (selected, actual) if selected and actual else None


_ENTERED = lazy(
    r"录|填|选|输入|打成|写成|\bentered\b|\bunder\b|picked|selected|chose|\bput\b|\bused\b|\bset\b|as (?:the )?carrier|"
    # "我用的是DHL，单号是1Z开头的", "i use dhl but the number starts with 1Z".
    r"用的是|用的|走的是|发的是|\buse\b|\busing\b"
)
"""A number said to be entered under a carrier ("1Z… under USPS", "1Z开头的号录成了USPS")."""


def carrier_mismatch(case: Case) -> Decision | None:
    # A number whose shape is one carrier's, entered under another named: a mismatch.
    entered = case.number_carrier is not None and bool(_ENTERED.search(case.text))
    if len(case.carriers) < 2 or not (_MISMATCH.search(case.text) or entered):
        return None
    if case.counts is not None and case.total is not None:
        return None  # "50 sent, 2 untracked, 1 under the wrong carrier": one of the invalid
    roles = carrier_roles(case)
    facts: dict[str, Fact] = {"selected": roles[0], "actual": roles[1]} if roles else {}
    # "有影响吗" / "does it matter": yes; "is it still valid", "可以吗", "is that ok": no.
    asks_valid = bool(_ASKS_VALID.search(case.text))
    facts["valid_asked"] = asks_valid
    matters = not (asks_valid or _ASKS_OK.search(case.text))
    if case.belief:
        # "people say it still works, Amazon matches them": the belief that it is fine,
        # unless it says the number fails ("…shows unconfirmed, right?").
        matters = bool(_MISMATCH_FAILS.search(case.text))
    return Decision(
        code="carrier_mismatch", facts=facts, agrees=matters, entry="tracking-unconfirmed"
    )


def carrier_match(case: Case) -> Decision | None:
    """ "我用的是UPS，单号是1Z开头的", "picked ups and the number starts with 1Z, fine?": the one
    carrier named is the carrier the number's shape belongs to, so they match (domain.md
    1b: the carrier must match the number); valid once that carrier has scanned it. Figures
    told are worked out by their own rules."""
    named = {c.name for c in case.carriers}
    if case.number_carrier is None or named != {case.number_carrier} or case.counts is not None:
        return None
    if not (_ENTERED.search(case.text) or _ASKS_OK.search(case.text) or case.belief):
        return None
    facts: dict[str, Fact] = {"carrier": case.number_carrier}
    return Decision(code="carrier_match", facts=facts, agrees=True, entry="tracking-unconfirmed")
