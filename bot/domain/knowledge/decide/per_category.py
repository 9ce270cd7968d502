"""Whether VTR is judged per category or as one figure for the whole account, as believed.

Kept apart from the figures' rules: it decides a belief about how VTR is measured, with
no figures in it.
"""

from __future__ import annotations

import re

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.counts import SUSPENSION
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact

_ACCOUNT_WIDE = lazy(
    r"整个店铺|全店|整店|整个账户|整个账号|按账号|按账户|按店铺|按整个|per (?:account|store|shop|seller)\b|"
    r"(?:by|for) (?:the )?(?:whole )?(?:account|store|shop)\b|account[- ]wide|whole account|whole store|whole shop|entire account|entire shop|entire store|store[- ]wide|shop[- ]wide|overall|"
    # Marketplaces (or categories) added up into one figure.
    r"合起来|加起来|加在一起|合在一起|合并|汇总|一起算|混在一起|"
    r"(?:marketplaces?|sites?|stores?|categories|countries)[^.?!]{0,30}(?:combined|added up|pooled|lumped|together)|"
    r"(?:combined|added up|pooled|lumped|together)[^.?!]{0,30}(?:marketplaces?|sites?|stores?|categories|countries)|"
    r"across (?:all )?(?:the )?(?:marketplaces|sites|stores|categories)"
)


_NOT_PER_CATEGORY = lazy(
    r"不按(?:商品)?(?:类目|品类|分类|站点)|不是按(?:商品)?(?:类目|品类|分类|站点)|不分(?:类目|品类|分类|站点)|"
    r"(?:not|isn't|is not|aren't) (?:calculated |measured |judged |counted )?(?:per|by|for each) (?:product )?(?:category|marketplace)"
)
_PER_CATEGORY = lazy(
    r"每个类目|每个品类|分类目|按类目|按品类|按商品分类|每个商品分类|per category|each category|by category|"
    r"per product category|each product category|by product category|"
    r"per marketplace|each marketplace|by marketplace|按站点|每个站点|分站点|"
    # Each marketplace on its own ("各站点各算各的", "分开算", "its own VTR").
    r"各算各|各自(?:算|计算|考核|统计|的)|(?:分开|分别|单独)(?:来)?(?:算|计算|考核|统计|看)|是分开的|"
    r"(?:calculated|measured|counted|judged|tracked|assessed|computed|scored) (?:separately|independently|on (?:its|their) own)|"
    r"separate (?:vtrs?|figures?|rates?|numbers?|scores?)|(?:its|their) own (?:vtrs?|figures?|rates?|numbers?|scores?)"
)


_NOT_ACCOUNT_WIDE = lazy(
    r"(?:isn't|is not|not|rather than|instead of|不是|并非|不按|而非)\s?(?:an? |one |the |my |for the )?"
    r"(?:account[- ]wide|整个账号|整个账户|全店|整个店铺|整店|"
    r"(?:whole|entire)[- ](?:account|store|shop)|for the whole account|shop[- ]wide|store[- ]wide|combined|added up|pooled)|"
    r"(?:不会|不是|不|没有?|并不)\s?(?:被)?(?:合起来|加起来|加在一起|合在一起|合并|汇总|一起算|混在一起)|"
    r"(?:isn't|aren't|not|never|won't be|don't get) (?:combined|added up|pooled|lumped)"
)


_AFFECTS_WHOLE = lazy(
    r"(?:影响|波及|限制|连累)(?:到)?(?:我的)?(?:整个|全店|整店)|"
    r"(?:affect|hit|restrict|hurt|impact)s? (?:my |the )?(?:whole|entire) (?:account|store|shop)"
)
"""What a low VTR does to the whole shop is a consequence, not how VTR is measured."""


_WHOLE_SHOP_SHIPS = lazy(
    r"(?:整个店铺|全店|整店|整个账户|整个账号)(?:的)?(?:订单|包裹)?(?:都|全部|全都|一律)?(?:是)?(?:用|走|使用|通过|发|换成|改用)|"
    r"(?:whole|entire) (?:store|shop|account) (?:uses|ships|goes|went|switched|is on)"
)
"""The whole shop as the one that ships ("全店都用购买配送"): all its orders, no belief that
VTR is one figure for the shop."""


_LISTING = lazy(r"(?<![a-z])(?:asin|sku)s?(?![a-z])|单个链接|每个链接|(?:产品|商品)链接")
"""A listing named by its ASIN or SKU (not "my toys listings", a category's offers): VTR has
no figure of its own for one."""


def account_wide(case: Case) -> Decision | None:
    # "the bar is per category": the bar, named without VTR, is VTR's.
    ours = case.concepts & {"vtr", "trackingid"} or (
        "threshold" in case.concepts and case.metric is None
    )
    if not ours:
        return None
    if "defectreport" in case.concepts:
        return None  # "the defect report can be filtered by category": the report's filters
    if _LISTING.search(case.text):
        return None  # "每个ASIN单独考核吗": a listing's figure, the claims table's no
    if "where" in case.concepts and not case.belief:
        return None  # "where do I see VTR for each category": Seller Central's page, asked
    text = _WHOLE_SHOP_SHIPS.sub(" ", case.text)
    wide = bool(_ACCOUNT_WIDE.search(text))
    per = bool(_PER_CATEGORY.search(text))
    if _NOT_PER_CATEGORY.search(case.text):
        wide, per = True, False  # "VTR不按类目算吧": the belief is one figure for the shop
    elif _NOT_ACCOUNT_WIDE.search(case.text):
        wide, per = False, True  # "VTR isn't account-wide": the belief is per category
    if SUSPENSION.search(case.text) or _AFFECTS_WHOLE.search(case.text):
        return None  # "won't suspend my whole account?": the consequence, the claims' case
    if case.counts is not None or not (wide or per):
        return None
    if wide and per:  # "per store rather than per category": the side set aside is no belief
        wide, per = _kept(text, _ACCOUNT_WIDE), _kept(text, _PER_CATEGORY)
    # Both named ("整个账号一个数还是分类目"): a choice, answered with the fact, no yes or no.
    agrees = None if wide and per else per
    return Decision(code="per_category", facts={}, agrees=agrees, entry="vtr-per-category")


# "not one number for the whole account": the figure named between them is the side's own.
_SET_ASIDE = lazy(
    r"(?:rather than|instead of|\bnot|而不是|而非|不是)"
    r"(?:\s?(?:one|a single|a|just one) (?:single )?(?:number|figure|rate|score|vtr|percentage))?"
    r"(?:\s?(?:for|of|across|over) (?:the |my |our |your )?)?\s?$"
)


def _kept(text: str, side: re.Pattern[str]) -> bool:
    """Some mention of the side not set aside by "rather than" / "instead of" / 而不是."""
    return any(
        not _SET_ASIDE.search(text[max(0, m.start() - 40) : m.start()]) for m in side.finditer(text)
    )


_ALIKE = lazy(
    r"一样|相同|同样|一致|有区别|有差别|有什么不同|不一样|\bsame\b|\bdiffer|\bidentical\b|\bequal\b"
)
_APPLIES = lazy(r"\bappl(?:y|ies)\b|适用|\bas well\b|\balso\b|\btoo\b|也")
_EVERY_CATEGORY = lazy(
    r"每个(?:商品)?(?:类目|品类|分类)|所有(?:商品)?(?:类目|品类|分类)|各(?:个)?(?:类目|品类|分类)|"
    r"\b(?:every|each|all) (?:product )?categor|\bper category\b|between categories|across categories"
)


def bar_alike(case: Case) -> Decision | None:
    """ "is VTR the same for every category?", "欧洲站VTR和美国站要求一样吗": the bar is one,
    above 95% per category and per marketplace; which orders count differs by marketplace
    (EU/UK letters, Japan's small orders, the US scans), which the reply names. A choice
    of marketplaces gets no yes or no; categories get a yes (one bar, each judged alone)."""
    if "vtr" not in case.concepts and "threshold" not in case.concepts:
        return None
    if len(case.metrics) > 1 or case.counts is not None or not _ALIKE.search(case.text):
        return None
    if case.belief or _APPLIES.search(case.text):
        return None  # "the same bar applies to Saudi and the UAE, right?": the list's belief
    places = {m.code for m in case.markets} | ({"EU"} if "eu" in case.concepts else set())
    if len(places) >= 2:
        facts: dict[str, Fact] = {"markets": True}
        return Decision(code="bar_alike", facts=facts, entry="vtr-marketplaces-china")
    if _EVERY_CATEGORY.search(case.text):
        facts = {"markets": False}
        return Decision(code="bar_alike", facts=facts, agrees=True, entry="vtr-per-category")
    return None
