"""Which numbers of a message are counts of packages, and which are something else.

Days, dates, months, money, the bar ("above 95"), a team's size and a list's numbering
("1. … 2. …") are no counts: left out here, so no role is given to them; nor is a figure
told again as a part's whole ("8 of the 20").
"""

from __future__ import annotations

import re

from bot.domain.knowledge.patterns import lazy

_NUMBER = lazy(r"(?<![\d.\-])(\d{1,7})(?![\d\-]|\.\d|\s?%|[a-z]{1,2}(?![a-z]))")
"""A count: not a part of a name or a number typed against one or two letters ("4PX",
"1Z…")."""
_CARRIER_WRONG_ZH = r"\s?(?:被|给)?(?:选|填|写|用|搞|弄|标|录)?(?:错|不对|不匹配|对不上|不一致)"
_CARRIER_WRONG_EN = (
    r"\s(?:(?:was|is|got|were|picked|selected|entered|chosen)\s)*(?:wrong|mismatch|incorrect)"
)
"""A carrier said wrong right after a number ("1个物流商选错了", "1 carrier wrong"): the
package counted, not the carriers."""
_NOT_A_COUNT = lazy(
    r"\s?(?:天|日|号|days?|hours?|小时|月|年|周|weeks?|months?|years?|点|:\d|元|欧|美元|usd|eur|jpy|gbp|"
    # Money however it is written ("3美金", "8刀", "500円", "12镑", "5 bucks").
    r"美金|刀|円|英镑|镑|块钱|块|rmb|cny|pounds?\b|quid\b|bucks?\b|[€$£¥￥]|"
    # A shipping charge told without its currency ("item 18 euro + 6 for shipping").
    r"(?:for |in )?(?:postage|shipping (?:fee|charge|cost))\b|for shipping\b|"
    # A scan counted ("一个揽收扫描", "1 pickup scan"): scans, not packages.
    r"次|遍|times?\b|(?:carrier |pickup |pick-up |acceptance |origin |first |delivery |transit |physical )?"
    r"scans?\b|条(?:扫描|物流)|(?:个|条)?(?:揽收|收件|入库|出库|物流|承运商|快递|上网|首次|首条|提货|妥投|派送|签收)?扫描|"
    r"categor(?:y|ies)\b|stores?\b|shops?\b|skus?\b|listings?\b|accounts?\b|marketplaces?\b|"
    r"warnings?\b|notices?\b|emails?\b|claims?\b|reviews?\b|feedbacks?\b|"
    # Carriers counted ("两个物流商"), unless said picked wrong: "1个物流商选错了", "1 carrier
    # mismatch" count the package whose carrier is wrong.
    rf"carriers?\b(?!{_CARRIER_WRONG_EN})|个?(?:承运商|物流商)(?!{_CARRIER_WRONG_ZH})|"
    # An order's item rows or lines ("an order with 2 item rows", "两行商品"): rows of a file,
    # not packages.
    r"(?:item |product |order )?(?:rows?|lines?|line items?)\b|行(?:商品|产品|记录|数据)?|"
    r"个?(?:警告|通知|邮件|差评)|"
    r"个?(?:类目|品类|分类|店铺|店|站点|站|账号|链接|sku)|"
    # Metrics, names, kinds and questions counted ("两个指标", "另一个叫法", "two questions"):
    # words about the talk, not packages.
    r"(?:个|种|类|样|回|件)?(?:指标|叫法|说法|名字|名称|概念|定义|意思|问题|方面|办法|方法|步骤|条件|规则|东西|回事|事)|"
    r"[种样]|(?:metrics?|kinds?|types?|sorts?|names?|terms?|questions?|ways?|steps?|rules?|"
    r"options?|things?|concepts?|definitions?)\b|"
    # A name made with a number ("17track", a tracking site), read apart as "17 track".
    r"track\b|"
    r"yen|dollars?|euros?|以上|以下|st\b|nd\b|rd\b|th\b)"
)
_BAR_BEFORE = lazy(
    r"(?:above|over|below|under|than|reach|at least|clear|beat|pass|hit|(?<![a-z])cross|top|"
    r"高于|低于|超过|大于|小于|掉到|跌到|跌破|保持在|到|(?<![发寄卖做出用])过|"
    r"last|past|最近|近|过去|within|day|第|#|no\.|(?:drop|fall|dip|slip|go|get|down)(?:s|ped)?\s+to|"
    r"round(?:s|ed|ing)?(?: it)?(?: up| off)?\s+to|四舍五入(?:成|为|是)?|约等于|≈)\s*$"
)
"""A number after these is the bar ("above 95") or a window ("last 30"), not a count."""
_NEAR_BEFORE = lazy(
    r"(?:basically|about|around|almost|nearly|practically|essentially|pretty much|like|call it|"
    r"same as|差不多|大约|约|接近|近似|算是|等于|相当于|就是|exactly|precisely|right at|"
    r"刚好|正好|恰好|刚刚好|(?:卡|停|落|处|稳|正好在|刚好在)在?|"
    r"(?:sitting|sits?|stuck|stay(?:ing|s)?|land(?:ing|s|ed)?|right|just|hover(?:ing|s)?)\s+(?:at|on)(?:\s+exactly)?)\s*$"
)
"""95 said as what a rate nearly or exactly is ("that's basically 95", "exactly 95 so I'm
fine?"): the bar's figure, not a count, unless packages are counted by it ("exactly 95
packages")."""
_LINE_AFTER = lazy(
    r"\s?%?\s?(?:的|这条|那条)?(?:线|红线|门槛|分界|(?:刚好|正好)?(?:过线|卡线)|"
    r"(?:%\s)?(?:line|mark|threshold|cutoff|cut-off)\b)"
)
"""95 said as the line itself ("95线", "卡在95这条线", "right at the 95 line"): the bar."""
_PACKAGES_AFTER = lazy(
    r"\s?(?:个|单|件|票|包裹|packages?|orders?|shipments?|parcels?|valid|invalid)"
)
_RATE_NAMED_BEFORE = lazy(
    r"(?:vtr|追踪率|有效率|tracking rate)\s*(?:是不是|会不会是|是|为|会是|就是|=|is|was|would be|at)?"
    r"\s*(?:就|只有|只|才|only|just)?\s*$"
)
"""A figure right after the rate's name ("VTR是不是0", "is my VTR 0?"): the rate guessed,
written without its "%", not a count of packages."""
_RATE_NAMED_AFTER = lazy(r"\s?(?:/|\d|of\b|out\b|个|单|件|票|包裹|packages?|shipments?|orders?)")
"""... unless the figure goes on as counts ("VTR是57/60", "VTR 57 of 60")."""
_TRACKING_ID_BEFORE = lazy(
    r"(?:单号|追踪号|跟踪号|运单号|追踪编码|tracking (?:number|no\.?|id|#))\s*(?:是|为|填的是|写的是|:|：|is|was|=)\s*$"
)
"""A tracking number quoted ("其中一个单号是12345", "tracking number is 12345"): no count."""
_SHOP_BEFORE = lazy(r"(?<![a-z])(?:stores?|shops?|accounts?|店铺|账号|账户|#)\s*$")
_UNIT_AFTER = lazy(
    r"\s*(?:单|个|件|包裹|订单|packages?|parcels?|orders?|shipments?|valid|invalid|有效|无效)"
)


def _shop_named(text: str, m: re.Match[str]) -> bool:
    """A shop's own number ("Store 2: 75/72", "店铺1 300单"): its name, not a count."""
    if len(m.group(1)) > 2 or _UNIT_AFTER.match(text, m.end()):
        return False
    return bool(_SHOP_BEFORE.search(text[max(0, m.start() - 10) : m.start()]))


_SAME_BEFORE = lazy(r"同\s*$|\bthe same\s*$")
"""The same one ("同一个指标", "the same one"): no count."""
_PEOPLE_BEFORE = lazy(r"\b(?:team|group|family|staff|crew) of\s*$")
"""People counted ("a team of 5"), not packages."""
_MONEY_BEFORE = lazy(r"(?:[€$£¥￥]|\beur|\busd|\bgbp|\bjpy|\brmb|\bcny|运费|邮费|postage)\s?$")
"""An amount written with its currency first ("a €12 order"): money, not a count."""
_MONTH_BEFORE = lazy(
    r"(?<![a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$"
)
"""A day of a month ("Oct 28", "up to Nov 3"): a date, not a count."""


_SLASH_DATE = lazy(
    r"(?:\bon|since|from|until|till|before|after|\bby|\bto|through|日期|发货日)\s*"
    r"(?:[01]?\d)/(?:[0-3]?\d)(?!\d|/\d)"
)
"""A date written with a slash ("shipped on 11/5"): not a pair of counts."""


_OVER_PACKAGES = lazy(r"over \d{1,7}\s(?:packages|shipments|orders|parcels)\b")
"""A whole the rate is measured over ("97.2% over 500 packages"), not a bar."""


def count_matches(text: str) -> list[re.Match[str]]:
    """The numbers that may count packages: not days, dates, money, the bar or a list's
    numbering."""
    dates = [m.span() for m in _SLASH_DATE.finditer(text)]
    return [
        m
        for m in _NUMBER.finditer(text)
        if not any(start <= m.start() < end for start, end in dates)
        and not _NOT_A_COUNT.match(text, m.end())
        and (
            not _BAR_BEFORE.search(text[max(0, m.start() - 14) : m.start()])
            or bool(_OVER_PACKAGES.match(text, m.start() - 5))
        )
        and not _MONTH_BEFORE.search(text[max(0, m.start() - 10) : m.start()])
        and not _MONEY_BEFORE.search(text[max(0, m.start() - 5) : m.start()])
        and not _PEOPLE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        and not _SAME_BEFORE.search(text[max(0, m.start() - 10) : m.start()])
        and not _rate_named(text, m)
        and not _TRACKING_ID_BEFORE.search(text[max(0, m.start() - 24) : m.start()])
        and not (
            m.group(1) == "95"
            and (
                _NEAR_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
                or _LINE_AFTER.match(text, m.end())
            )
            and not _PACKAGES_AFTER.match(text, m.end())
        )
        and not _enumerator(text, m)
        and not _shop_named(text, m)
    ]


def _rate_named(text: str, match: re.Match[str]) -> bool:
    """A rate named then a bare figure ("VTR是不是0"): the rate, when no count follows it."""
    before = text[max(0, match.start() - 24) : match.start()]
    return bool(_RATE_NAMED_BEFORE.search(before)) and not _RATE_NAMED_AFTER.match(
        text, match.end()
    )


def _enumerator(text: str, match: re.Match[str]) -> bool:
    """ "1. …？ 2. …？", "1) … 2) …", "(1) …": a list's numbering, not a count. A number
    closed by ")" or "、" numbers a list wherever a phrase starts; one closed by "." only
    after a sentence's end (else "98 valid out of 100. Safe?" would lose its 100)."""
    raw_before = text[: match.start()]
    before = raw_before.rstrip()
    after = text[match.end() : match.end() + 1]
    if not after:
        return False  # the text's last number ("toys 57 60") closes nothing
    if raw_before[-1:] in ("(", "（") and raw_before[:-1].rstrip()[-1:].isalnum():
        return False  # "a couple shipments this month (2)": the count said again, in brackets
    if after in ")）、" and (
        not raw_before or raw_before[-1] in " \t\n(（" or before[-1:] in "?？。!！;；,，"
    ):
        return True
    return (not before or before[-1] in "?？。!！;；:：") and after in ".、)"


_BACK_FIGURE = lazy(
    r"(?:\bof|\bamong|out of) (?:the|those|these|them|that)\s+(\d{1,7})\b|(?:这|那)\s*(\d{1,7})\s*[个单件]?(?:里|中|当中)"
)
"""A figure told again to say what a part is of ("8 of the 20 were fixed"): no new whole."""


def without_back_references(text: str) -> str:
    """The text with figures named again as a part's whole blanked, when told before."""
    for match in reversed(list(_BACK_FIGURE.finditer(text))):
        group = 1 if match.group(1) else 2
        told = [m.group(1) for m in count_matches(text[: match.start()])]
        if match.group(group) in told:
            start, end = match.span(group)
            text = text[:start] + " " * (end - start) + text[end:]
    return text
