"""The seller's own rate among a message's percentages, not the bar, a goal or a past rate."""

from __future__ import annotations

import re
from itertools import pairwise

from bot.domain.knowledge.patterns import CLAUSE, lazy
from bot.domain.reference import category_aliases

INVALID = lazy(
    r"no (?:valid )?tracking|without (?:valid )?tracking|not (?:have )?valid|invalid|missing|"
    r"(?:don't|do not|didn't|did not|doesn't|does not|never) (?:have|had|get|got) (?:valid |any )?tracking|"
    r"untracked|no number|defect|lack|"
    r"没有?(?:上传|填写?|传|录入|提供|添加|加|给)?(?:有效)?(?:的)?(?:追踪|跟踪|单号|物流)|无(?:有效)?(?:追踪|单号)|无效|"
    r"缺|没传|没上传|没填|不合格|不算有效|没扫描|没有扫描|no scan|错|wrong|incorrect|bad|fail"
)


PERCENT = lazy(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%")


_PERCENT_OF = lazy(r"\s*(?:of|的)\s*(?:(?:my|our|the|all|these|those)\s+)?\d")


_BAR_TALK = lazy(
    r"要求|需要|门槛|标准|bar|threshold|require|minimum|target|at least|以上|必须|高于|超过|above|over 95|get to|reach"
)


_OWN_FIGURE = lazy(
    r"我|我的|我们|现在|目前|刚好|正好|只有|\bmy\b|\bi\b|\bwe\b|\bour\b|\bi'm\b|exactly|currently|\bat\b|\bis\b|got|"
    r"\bshows?\b|showing|\breads?\b|显示|页面上|后台|dashboard|"
    r"够不够|够吗|达标吗|达标没|过了吗|过线吗|合格吗|行不行|行吗|可以吗|可以不|没问题吗|"
    # "95% vtr enough", "95% ok": a rate asked whether it passes is the seller's own.
    r"\benough\b|\bok\b|\bokay\b|\bfine\b|\bsafe\b|good enough"
)


_OWN_NEAR = lazy(
    r"我|我们|现在|目前|刚好|正好|只有|\bmy\b|\bour\b|\bi'm\b|\bwe're\b|\bi am\b|currently|exactly|\bgot\b"
)


_UNDER = lazy(r"below|under|less than|低于|跌破|不到|少于")
"""Said of the bar ("drops below 95%"), not of a rate the seller has."""


_OTHER_DEFECT = lazy(r"订单缺陷|order defect|\bodr\b|迟发|late|取消|cancel")
_JUDGED = lazy(
    r"\s*(?:(?:really|too|that|so|very)\s)?(?:bad|poor|terrible|awful)\W*|"
    r"\s*(?:是不是|算不算|算|是)?(?:很|太|有点|比较)?(?:差|糟)(?:了|吗|吧|呢)*\W*"
)
"""A judgement after a rate, nothing else ("is 93% bad?", "93%很差吗"): the rate judged."""


_VERDICT_ASKED = lazy(
    r"\W*(?:是不是|算不算|会不会|是否|算|是|会|就|也)*\s*(?:不合格|不及格|不达标|没达标|挂)|"
    r"\W*(?:(?:is|would|does|will) (?:that|it|this) (?:be )?(?:still )?(?:a )?)?"
    # "exactly 95% still counts as failing", "95% is treated as a fail": the rate's verdict.
    r"(?:(?:still |also )?(?:counts?|counted|treated|considered|seen|rated) as (?:a )?)?"
    r"(?:fail(?:s|ed|ing)?|a fail)\b"
)
"""A verdict asked of the rate just told ("exactly 95% fails?", '刚好95%是不是不合格'): the
rate judged, not the share of packages that fail."""


_BOTH_VERDICTS = lazy(
    r"\W*(?:(?:is|would|does|will) (?:that|it|this) (?:be )?)?(?:a )?pass(?:es|ed)?\s*(?:or|/)\s*(?:a )?fail"
)
"""Both verdicts offered of the rate just told ("95% — pass or fail?", "LSR 4%, pass or
fail?"): the rate judged, whatever its size, not a share of packages that fail."""


def _invalid_share(text: str, match: re.Match[str]) -> bool:
    """The percentage is of the packages without valid tracking ("5% of my packages have no
    tracking", "无效率2%"), not the VTR; another metric's defects are not."""
    # The words of this figure only: up to the clause's end or the next figure.
    after = re.split(r"\d", CLAUSE.split(text[match.end() : match.end() + 44])[0])[0]
    before = re.split(r"\d", CLAUSE.split(text[max(0, match.start() - 24) : match.start()])[-1])[-1]
    near = f"{before} {after}"
    if _BOTH_VERDICTS.match(after):
        return False  # "my LSR 4% pass or fail?": the rate's verdict asked
    if float(match.group(1)) >= 50 and not INVALID.search(after):
        return False  # "10单没追踪刚好95%": a rate told after the invalid count is the VTR
    if float(match.group(1)) >= 50 and _JUDGED.fullmatch(after):
        return False  # "is 93% bad?": the rate judged, not 93% of the packages bad
    if float(match.group(1)) >= 50 and _VERDICT_ASKED.match(after):
        return False  # "exactly 95% fails?": the rate's verdict asked
    return bool(INVALID.search(near)) and not _OTHER_DEFECT.search(near)


_BAR_AFTER = lazy(r"^\s*(?:以上|以下|之上|or (?:more|above|higher))")


_BAR_BEFORE = lazy(
    r"(?:above|over|below|under|beat|clear|higher than|greater than|more than|高于|低于|超过|大于|过|达到|回到|"
    r"保持在|维持在|掉到|跌到|跌破|get to|reach|stay|"
    r"(?<![a-z])含|包含|包括|including|incl\.?|<=?|>=?|≤|≥|＜|＞)\s*$"
)


def _the_bar(text: str, match: re.Match[str]) -> bool:
    """95% said as the line to stay above or fall below, not as a rate measured."""
    if float(match.group(1)) != 95 or "." in match.group(1):
        return False
    before = text[max(0, match.start() - 12) : match.start()]
    return bool(_BAR_AFTER.match(text, match.end()) or _BAR_BEFORE.search(before))


def one_rate(text: str) -> bool:
    """One rate of the seller's in the message: only then is it the rate of the message's
    total ("Toys 94% (200) and Home 97% (100)" is two groups, not 94% of 100)."""
    return sum(_own_rate(text, m) is not None for m in PERCENT.finditer(text)) == 1


def sellers_rate(text: str, metrics: int = 1) -> float | None:
    """The seller's own rate: a percentage other than the bar, or 95% said of themselves
    ("我的VTR刚好95%"), not "VTR要求95%". Of several for one metric ("店铺97%，但玩具只有
    90%"), the lowest: the one that decides whether something fails; with several metrics
    named ("VTR 93%, ODR 0.8%"), the first metric's, written first."""
    rates = [r for m in PERCENT.finditer(text) if (r := _own_rate(text, m)) is not None]
    if not rates:
        return None
    return rates[0] if metrics > 1 else min(rates)


_PROMISED = lazy(
    r"(?:一定|肯定|保证|必然|总是|就会|会变成|会是|能到|能达到|guarantee[sd]?|always|will (?:be|get|hit|stay)|"
    r"would be|means)\s*(?:是|有|达到|到|at|be)?\s*(?:vtr\s*)?$"
)


_REQUIRED_BEFORE = lazy(
    r"(?:要求|需要|必须|至少要|门槛是?|标准是?|\bneeds? (?:to be |to reach |to hit |to stay above )?|"
    r"\bmust be|\bha(?:s|ve) to be|\brequired|\brequirement is|\bminimum (?:is )?)\s*(?:(?:at least|above|over|高于|超过)\s*)?$"
)


_REQUIRED_AFTER = lazy(
    r"\s*(?:(?:tracking|vtr)\s*)?(?:以上|及以上)?\s*(?:才(?:算|能|可以|行)|(?:is |are )?(?:needed|required)\b|"
    r"(?:is |are )?(?:the )?(?:minimum|requirement|bar|threshold)\b|to pass\b)"
)
"""A figure said as what is required ("要98%以上才算达标", "98% tracking is needed to pass"):
a bar the seller believes in, not their rate."""


_WAS_RATE = lazy(r"(?:from|从|由)\s*$")


_USED_TO_BE = lazy(
    r"(?:\bwas|used to be|had been|曾经是?|以前是?|原来是?|之前是?|上周是?|上个月是?)\s*(?:vtr\s*)?$"
)


_AGO = lazy(
    r"\s*(?:\d+\s*(?:days?|weeks?|months?|天|周|个月)\s*)?(?:ago|before|earlier|前|之前|以前)"
)


_NOW_RATE = lazy(r"\s*(?:to|->|→|到|掉到|降到|跌到|变成|变为)")


_SHARE_SHIPPED_WITH = lazy(
    r"\s?(?:of\s+(?:my |our |the |all )?(?:orders|packages|shipments|parcels)\s+)?"
    r"(?:(?:are|were|is|go|goes|went|get|got)\s+)?(?:shipped |sent |delivered )?"
    r"(?:with|via|through|using|by)\s+(?![\d,]|(?:[a-z]+ ){1,3}\d|(?:a |any |no |valid |proper |the |my |our |only |just )*"
    r"(?:\d|valid|packages?|orders?|shipments?|parcels?|tracking|tracked|scan|number|report|"
    r"seller central|dashboard|account health|amazon))|"
    r"的?(?:订单|包裹|货)?(?:都|全)?(?:用|走|通过|使用)(?!.{0,2}(?:追踪|跟踪|单号|报告|后台))"
)
"""A share of orders shipped some way ("100% of orders with Buy Shipping", "90%的订单走云途"):
how they ship, not the seller's VTR."""


_ANOTHER_METRICS_AFTER = lazy(
    r"\s?(?:(?:delivered |delivery )?on[- ]?time|准时|按时|迟发|延迟发货|late\b|cancel|取消|"
    r"\bodr\b|\blsr\b|\bpfcr\b|\botdr\b|订单缺陷)"
)
"""A figure followed by another metric's words ("98% tracking and 97% on time"): that
metric's rate, not the VTR, where the message names tracking too (alone, "is a 4% late
shipment rate ok?", it is the rate asked)."""
_TRACKING_NAMED = lazy(r"\bvtr\b|tracking|追踪|跟踪")


def _own_rate(text: str, match: re.Match[str]) -> float | None:
    value = float(match.group(1))
    if value > 100 or _PERCENT_OF.match(text, match.end()):
        return None  # "95% of 120" is a sum to work out, not a rate
    if _ANOTHER_METRICS_AFTER.match(text, match.end()) and _TRACKING_NAMED.search(text):
        return None  # "98% tracking and 97% on time": the on-time delivery rate, not the VTR
    if _SHARE_SHIPPED_WITH.match(text, match.end()):
        return None  # "100% of orders via Buy Shipping": a way of shipping, not a rate
    if _the_bar(text, match):
        return None  # "保持在95%以上", "still above 95%": the bar, whatever is said near it
    if _REQUIRED_BEFORE.search(text[max(0, match.start() - 16) : match.start()]) or (
        _REQUIRED_AFTER.match(text, match.end())
    ):
        return None  # "追踪率要98%以上才算达标", "98% is needed to pass": a bar stated
    if _PROMISED.search(text[max(0, match.start() - 12) : match.start()]):
        return None  # "用了购买配送VTR就一定是100%": a rate promised, not the seller's
    if _WAS_RATE.search(text[max(0, match.start() - 8) : match.start()]) and _NOW_RATE.match(
        text, match.end()
    ):
        return None  # "dropped from 97% to 94%": the rate it was, not the rate it is
    if _USED_TO_BE.search(text[max(0, match.start() - 16) : match.start()]) or _AGO.match(
        text, match.end()
    ):
        return None  # "was 96% 2 weeks ago, now 93%": the rate it was
    if _invalid_share(text, match):
        return round(100 - value, 6)  # "3%的包裹没有追踪号": the valid share is the rest
    if value != 95 or "." in match.group(1):
        return value  # a figure other than the bar, or one measured ("95.0%")
    # 95% is the bar's own figure: the seller's only when said of themselves, in the words
    # just before it ("my VTR is 95%, is that above the bar?") or in the whole question
    # when it never speaks of the bar ("我的VTR刚好95%").
    before = CLAUSE.split(text[max(0, match.start() - 24) : match.start()])[-1]
    if _OWN_NEAR.search(before) and not _BAR_TALK.search(before) and not _UNDER.search(before):
        return value
    if _OWN_FIGURE.search(text) and not _BAR_TALK.search(text) and not _UNDER.search(text):
        return value
    return None


_NUMBER = lazy(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_UNIT_AFTER = lazy(
    r"\s?(?:%|percent|pct|of\b|out\b|more|invalid|valid|bad|untracked|without|missing|packages?|"
    r"pkgs?|orders?|shipments?|parcels?|days?|items?|shipped|sent|delivered|tracked|eur|usd|gbp|jpy|"
    r"个|单|件|票|包裹|订单|天|日|号|次|元|欧|美元|日元|英镑|发|寄|/)"
)
_PART_BEFORE = lazy(r"(?:/|\bof|\bout of|\bin|里|中|之中|共|总共|一共)\s*$")
"""A figure said as the whole of a part ("57/60", "57 of 60"): a count, not a rate."""
_CATEGORY_WORD = lazy(r"品类|类目|分类|类别|\bcategor")


def category_rate_restated(text: str) -> str:
    """ "toys at 96.2 is that ok", "家居 95 行不行", "vtr 96% but one category is 92": figures
    in VTR's range with no unit, told of a product category (the message's one figure, or
    right after the category in its clause), are that category's rate without its %; the %
    is added so they are read as rates. A message with any count ("宠物 60个有效57") is
    left to the figures' reading."""
    bare = [m for m in _NUMBER.finditer(text) if not text.startswith("%", m.end())]
    if not bare or not all(_rate_like(text, m) for m in bare):
        return text
    if any(not text[a.end() : b.start()].strip(" ,，") for a, b in pairwise(bare)):
        return text  # "toys 57 60 garden 99 100": figures in a row are a group's counts
    figures = len(list(_NUMBER.finditer(text)))
    rates = [
        m
        for m in bare
        if _names_a_category(
            text if figures == 1 else CLAUSE.split(text[max(0, m.start() - 30) : m.start()])[-1]
        )
    ]
    for figure in reversed(rates):
        text = f"{text[: figure.end()]}%{text[figure.end() :]}"
    return text


def _rate_like(text: str, figure: re.Match[str]) -> bool:
    """In VTR's range, with no unit after it and not the whole of a part ("57/60")."""
    return (
        50 <= float(figure.group()) <= 100
        and not _UNIT_AFTER.match(text, figure.end())
        and not _PART_BEFORE.search(text[max(0, figure.start() - 8) : figure.start()])
    )


def _names_a_category(text: str) -> bool:
    if _CATEGORY_WORD.search(text):
        return True
    return any(
        name in text if not name.isascii() else bool(re.search(rf"\b{re.escape(name)}\b", text))
        for names in category_aliases()
        for name in names
    )


_CONTRAST_THEN_CATEGORY = lazy(
    r"(?:但是?|可是|不过|然而|\bbut\b|\bhowever\b|\bwhile\b)[^%]{0,12}"
    r"(?:有个|有一个|某个|一个|其中一个|其中|\bone\b|\ba\b|\bmy\b|\bthe\b)?\s?"
    r"(?:类目|品类|分类|categor)"
)


def rate_beside_a_category(text: str) -> bool:
    """ "我的追踪率99%，但有个类目只有80单，3单没追踪": the rate told is the shop's, and the
    counts after the contrast are a category's, so they are no check of that rate."""
    rate = PERCENT.search(text)
    contrast = _CONTRAST_THEN_CATEGORY.search(text)
    return rate is not None and contrast is not None and rate.end() <= contrast.start()
