"""Questions about the chat's own shipments, answered from its last report.

"我的玩具类目现在多少？", "which category is at risk?", "how many packages do I still need to
fix?", "when will Toys be back above 95%?": the figures are the ones /vtr shows (the stored
report, its groups, plan and recovery dates), worded with the report's own lines. The
decision comes first: the group's verdict, the fixes, or the date.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date
from fractions import Fraction

from bot.domain.bar import fixes_needed, is_above
from bot.domain.fixplan import fix_order
from bot.domain.knowledge.case import Case, more_invalid, new_invalid
from bot.domain.knowledge.decide import carrier_roles, percent_text
from bot.domain.models import (
    CellStats,
    Defect,
    GroupStats,
    PlannedGroup,
    VtrReport,
    unit_marketplace,
    unit_shop,
)
from bot.domain.reference import category_spellings, marketplace_by_code
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap
from bot.services.report_text import (
    carrier_defects,
    excluded_text,
    plan_lead,
)
from bot.services.vtr_words import (
    Markup,
    category_label,
    first_fix_by,
    fix_advice,
    fix_line,
    group_line,
    marketplace_label,
    ratio_text,
    reason_text,
    recovery_text,
    shop_label,
    stats_label,
    unit_label,
)

MAX_LINES = 10
"""Groups or defects listed in an answer; /vtr and the defect file hold the rest."""

_WHICH_ORDER = re.compile(
    r"哪个订单|哪些订单|哪几个订单|哪几单|哪一单|哪单|哪一个订单|哪个单|哪些包裹|哪个包裹|哪一个包裹|"
    r"which orders?|which packages?|which shipments?|which one|the one where|订单号|单号发我|"
    r"那几单|有问题的(?:单|订单|包裹)|问题单|问题订单|问题包裹|无效的?(?:单(?!号)|订单|包裹)|错误的?订单|"
    r"(?:订单|包裹)(?:都)?有哪些|哪些(?:单|订单|包裹)|"
    r"(?:bad|problem|wrong|failing|invalid) (?:rows|orders|packages)|order (?:ids|numbers)|"
    r"list (?:the|my) (?:defects|orders)|show (?:me )?(?:the |my )?(?:orders|packages|defects)|"
    r"列出.{0,6}(?:订单|包裹)|(?:订单|包裹)清单|"
    r"(?:give|send|show|tell|list) me (?:the |my |which )?(?:orders|packages|ones|order ids)|"
    r"(?:give|send|show|list)(?: me)? (?:the |my )?[^?.,;]{0,40}?(?:orders|packages|order ids) to fix|"
    r"(?:orders?|packages?|ones) (?:i|we) (?:need|have|should|must) to fix|which (?:ones|orders) to fix|"
    r"要修哪|修哪几|修哪些|哪几单要修|哪些要修|先修什么|该修什么|要修什么|先改什么|该改什么|"
    r"what (?:should|do|must|can) (?:i|we) (?:fix|correct)|what (?:needs|has) to be fixed|"
    r"(?:which|what) (?:defects|ones) (?:can|could|should) (?:i|we) (?:still )?fix|"
    r"还能修的|还可以修的|还来得及修|"
    r"(?:列出|列一下|列给我|发给?我|给我|导出|看一?下|查一?下|找出)[^，,。？?]{0,8}(?:单号|追踪号|跟踪号|运单号)|"
    r"(?:单号|追踪号|跟踪号|运单号)[^，,。？?]{0,6}(?:列出|列一下|列给我|发给?我|都有哪些|有哪些|是哪些|是哪几个)|"
    r"哪些(?:单号|追踪号|跟踪号|运单号)|哪几个(?:单号|追踪号|跟踪号|运单号)|"
    r"(?:list|show|give|send|tell)(?: me)? (?:the |my |all |all the |all my )?(?:invalid |bad |wrong |"
    r"broken |failed |failing |problem |defective )?tracking (?:numbers|ids|nos)\b|"
    r"which tracking (?:numbers|ids)|(?:my|the) (?:invalid|bad|wrong|broken|failing|problem) "
    r"tracking numbers"
)
_WHY = re.compile(r"为什么|为啥|原因|why|reason|what's (?:actually )?wrong|问题在哪|哪里有问题")
_NOW = re.compile(r"现在|目前|当前|now|currently")
_SHOP = re.compile(
    r"整个店铺|整个店|整店|全店|店铺整体|整体|总体|overall|(?:whole|entire) (?:shop|store|account)|"
    r"my (?:shop|store)|shop-?wide|store-?wide|account-?wide|"
    r"(?:whole|entire|all of (?:the|my)) (?:file|upload|sheet|spreadsheet|data|export)|"
    r"整个(?:表格?|文件|数据)|全表|整张表"
)
"""The shop's own figure asked for ("整个店铺的有效追踪率是多少"): answered with every category,
since VTR is judged per category."""
_FIGURE_WORDS = re.compile(r"\b(?:number|figure|rate|percentage|score)\b|数字|百分比|比率|比例")
"""A figure asked without "VTR" or "how many" ("overall number for the whole file?")."""
_OTHER_SUBJECTS = frozenset({"buyshipping", "appeal", "poa", "fba", "restrict", "atoz"})
_WHICH = re.compile(
    r"哪个|哪些|哪几个|which|what categor|any categor|有没有.{0,4}(?:类目|品类)|"
    r"how many (?:of (?:my|the|our) )?(?:categor|marketplace)|(?:几|多少)个?(?:类目|品类|分类|站点)"
)
_RISK = re.compile(r"风险|危险|不达标|低于|掉|below|at risk|risk|failing|danger")
_FIX = re.compile(r"修|改|补|fix|correct|repair")
_PLACES = re.compile(r"marketplaces?|\bsites?\b|站点|哪个站|哪些站|哪几个站")
_MISMATCHED = re.compile(
    r"选错|选成|填错承运商|承运商(?:选|填)?错|对不上|不一致|不匹配|wrong carrier|picked the wrong|"
    r"chose the wrong|selected the wrong|mismatch|under the wrong|doesn't match|does not match"
)
"""A carrier mismatch asked about without naming the carriers ("哪个订单承运商选错了")."""
_BAD = re.compile(
    r"无效|问题|invalid|\bbad\b|defect|no tracking|without tracking|untracked|没有?(?:上传)?(?:追踪|单号)"
)
"""The invalid packages asked for: their list, not the window's count."""
_ANY_ORDER = re.compile(r"orders?|packages?|shipments?|订单|包裹|哪单|哪个单|哪些单|\bany\b|哪")
_STILL = re.compile(r"\bstill\b|\bin (?:all|total)\b|altogether|还|一共|总共")
"""How many to fix asked of the whole plan ("还要修几个", "how many do I still need to fix")."""
_STILL_COUNT = re.compile(
    r"still count|count against|还算|还计入|还会算|还在统计|still in (?:the )?window"
)
_HURTS = re.compile(
    r"hurt|drag|affect|count|matter|pull(?:ing)? (?:me|it|my)|拉低|影响|算进|计入|算不算|还算|有关系|"
    r"要紧|\bstill\b"
)
"""Asked of rows the seller dates ("orders from late October … hurting my VTR?"): whether
they are in the window at all."""
_COUNT_ASKED = re.compile(
    r"(?:多少|几)个?(?:自发货的?|自配送的?|无效的?)?(?:包裹|订单|货件|单|单号|追踪号)|(?:包裹|订单|货件)[^，,。？?]{0,6}(?:多少|几)个?|"
    r"how many (?:of (?:my|our|the|those) )?"
    r"(?:self-fulfilled |mfn |merchant-fulfilled |invalid |bad |untracked |defective |failed |failing )?"
    r"(?:packages|shipments|orders|parcels|tracking numbers|tracking ids|numbers|ones)|"
    r"how many (?:are |were |of them (?:are |were )?)?(?:invalid|bad|untracked|defective|failing)\b|"
    r"(?:多少|几)个?无效|无效的?(?:包裹|订单|单号|单)?(?:一共|总共)?(?:有)?(?:多少|几)"
)
_IN_WINDOW = re.compile(
    r"算进|计入|算在|统计|30\s?天|最近|一共|总共|总计|窗口|count(?:ed|s)? (?:toward|in|for)|"
    r"in (?:the|my|this) window|"
    r"(?:last|past) 30|in total|altogether|\btotal\b|"
    r"\b(?:you|did you|have you) (?:count|counted|use|used|include|included|read)\b|"
    r"from (?:my|the|our) (?:file|data|upload|export|report)|从(?:我的)?(?:文件|表格|数据)"
)
"""The window's package count asked ("最近30天算进VTR的包裹一共多少个"), not a rule's."""
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BACK = re.compile(
    r"back above|recover|恢复|回到|回升|重新高于|"
    r"(?:when|what date|which day|哪天|什么时候|几号)[^?？。]{0,40}(?:above|over|高于|达标|过线)"
)
_WHAT_DAY = re.compile(r"what date|which date|which day|by when|\bagain\b|哪天|哪一天|几号")
_RULE_WORDS = re.compile(r"要求|标准|门槛|规定|规则|requirement|threshold|target|\brule")
"""A question about the rule ("我的VTR要求多少才达标"), not about the chat's figures."""
_DATA_WORDS = re.compile(
    r"类目|品类|分类|店铺|整体|总体|现在|目前|多少|几个|站|category|categories|shop|store|overall|"
    r"at risk|risky|in danger|有风险|危险|"
    r"达标|合格|过线|above the bar|below the bar|\bpass|\bmy vtr|my valid tracking|我的vtr|我的有效追踪|"
    r"now|current|fix|修|when|什么时候|哪天|恢复|back above|recover|still count|count against|还算|还计入|"
    r"how many (?:[a-z-]+ )?(?:packages|shipments) (?:are|do i have|have i|did i)"
)


_LEFT_OUT = re.compile(
    r"(?<![a-z])fba(?![a-z])|cancel|取消|letters?|信件|平信|(?<![a-z])(?:brief|lettre|lettera|carta)(?![a-z])|"
    r"unshipped|未发货|没发货|exclu|排除|剔除|"
    + r"outside (?:the |my )?(?:30[- ]day )?window|before the window|"
    r"窗口外|不在窗口|不在30天|30天以外|30天之前|窗口之前|窗口前"
)
_OUTSIDE = re.compile(
    r"outside (?:the |my )?(?:30[- ]day )?window|before the window|窗口外|不在窗口|不在30天|30天以外|"
    r"30天之前|窗口之前|窗口前"
)
_COUNTED = re.compile(
    r"算进|算在|计入|算了没|算没算|算不算|有没有算|算了吗|算上|算吗|有算|统计了|包括|包含|"
    r"count|includ|used|用的|after|剔除|排除|drop|"
    r"left out|拉低|drag|lower|hurt|pull|影响|affect"
)
_YOUR_FIGURES = re.compile(
    r"表里|我的?(?:表|文件|数据|报表)|my (?:file|sheet|report|data)|you used|"
    r"(?:did|do) you (?:use|check|take|look at)|you (?:checked|took|looked at)|你(?:用|算|查|统计)的|"
    r"(?:did|didn't|did not|have|haven't) you (?:count|leave|drop|exclude|skip|ignore)|"
    r"you (?:left|dropped|excluded|skipped|ignored|didn't count|did not count)|"
    r"你(?:有没有|有|都)?(?:算|统计|计入|排除|剔除)"
)
"""Rows of the chat's own file asked about: were they counted, what total is left."""


def _asks_carriers(case: Case) -> bool:
    """ "which carrier has the most problems?": the report's defects by carrier."""
    return bool(_CARRIER_ASKED.search(case.text) and _TROUBLE.search(case.text))


_TRACKING_TOKEN = re.compile(r"(?<![\w-])(?=[a-z]*\d)[a-z0-9]{5,34}(?![\w-])")
"""A tracking number as typed: 5 to 34 letters and digits, a digit among them (an order ID's
dashes are not)."""
_NUMBER_ASKED = re.compile(
    r"问题|怎么了|咋了|怎么回事|有效|无效|对吗|对不对|正常|错|wrong|problem|issue|\bok\b|okay|"
    r"\bvalid|invalid|\bfine\b|\bbad\b|why|为什么|为啥|status|what about|check"
)


def _numbers_named(case: Case, report: VtrReport) -> list[str]:
    """The tracking numbers the question names: any of the report's invalid ones, or one
    asked about ("is LX… ok?") of 10 characters or more, as carriers' numbers are."""
    raw = unicodedata.normalize("NFKC", case.raw).casefold()
    tokens = [m.group() for m in _TRACKING_TOKEN.finditer(raw)]
    defective = {d.tracking.casefold() for d in report.defects if d.tracking}
    asked = bool(_NUMBER_ASKED.search(case.text))
    return [n for n in tokens if n in defective or (asked and len(n) >= 10)][:MAX_LINES]


def _number_looked_up(number: str, report: VtrReport, t: Translator, m: Markup) -> str:
    """A named number's defect as /vtr lists it (order, number, what is wrong, the fix),
    or that it is not among the invalid ones: the report keeps only those."""
    found = [d for d in report.defects if d.tracking.casefold() == number]
    if found:
        return "\n".join(
            fix_line(d, t, m, report.as_of) + _defect_place(d, report, t) for d in found
        )
    return t._(
        "{number} is not among the invalid packages of your last report: if it is in the "
        "uploaded file, its tracking counted as valid; if not, it is not in the file.",
        number=number.upper(),
    )


_CARRIER_RATE = re.compile(
    r"有效率|追踪率|合格率|\brate\b|vtr|表现|怎么样|咋样|如何|情况|"
    r"how(?:'s| is| are| am)\b[^?]{0,40}\b(?:doing|going|looking|performing)|\bperform"
)
"""A carrier's own figures asked ("USPS的单号有效率多少", "how's my YunExpress tracking doing")."""


def _carriers_rated(case: Case, report: VtrReport) -> list[GroupStats]:
    """The report's carriers the question names when it asks how they are doing: their
    counted and valid packages, not the carrier's rules; none when it asks for orders, a
    mismatch or the rule itself."""
    if not case.carriers or not _CARRIER_RATE.search(case.text):
        return []
    if (
        _RULE_WORDS.search(case.text)
        or _WHICH_ORDER.search(case.text)
        or _MISMATCHED.search(case.text)
        or _orders_named(case, report)
    ):
        return []
    names = {c.name.casefold() for c in case.carriers}
    return [s for s in report.by_carrier if s.name.casefold() in names and s.shipments]


def _carrier_figures(carrier: GroupStats, report: VtrReport, t: Translator) -> str:
    """A carrier's packages in the window and how many are valid, with its main defect;
    Amazon's bar is on categories, so no verdict is given on the carrier."""
    line = t._(
        "{carrier} in your last report: {ratio}.",
        carrier=carrier.name,
        ratio=ratio_text(t, carrier),
    )
    if carrier.name in report.carrier_reasons:
        reason = reason_text(t, report.carrier_reasons[carrier.name])
        line += " " + t._("mostly: {reason}", reason=reason)
    note = t._(
        "Amazon judges categories and marketplaces, not carriers: this shows where the "
        "defects come from."
    )
    return f"{line}\n{note}"


def _asks_period(case: Case) -> bool:
    """ "which dates does my data cover?", "这次是统计的哪段时间", "what period does this
    cover": the window of the chat's report, said as the seller's or pointed at."""
    said_of_data = case.own or _YOUR_FIGURES.search(case.text) or _THIS_DATA.search(case.text)
    return bool(_PERIOD.search(case.text)) and bool(said_of_data)


def _asks_left_out(case: Case, report: VtrReport | None) -> bool:
    """ "were the FBA and cancelled rows of my file counted?", "what total did you use after
    dropping FBA?", "how many orders did you leave out?": the report's exclusions, not the
    rule."""
    if report is None:
        return False
    named = _LEFT_OUT.search(case.text) and (
        _COUNTED.search(case.text) or _TOTAL_ASKED.search(case.text)
    )
    if not (named or _NOT_COUNTED_ASKED.search(case.text)):
        return False
    if _NOT_COUNTED_ASKED.search(case.text) and (
        _WHICH_ROWS.search(case.text) or _WHY.search(case.text) or _SOME_ROWS.search(case.text)
    ):
        return True  # "哪些订单没算进去？为什么", "why were some not counted": rows left out, by reason
    if named and _reasons_named(case):
        return True  # "取消的订单有没有计入" in a chat with a report: its own rows, or none
    return case.own or bool(_YOUR_FIGURES.search(case.text)) or bool(_named_groups(case, report))


def asks_about_own_data(case: Case, report: VtrReport | None) -> bool:
    """A question about the chat's own figures: said of "my"/"我的" shipments (or naming one
    of its categories) and asking for a figure, a group, fixes or a date, with no figures of
    its own (those are a case to decide, not the stored data)."""
    if case.counts is not None:
        return report is not None and _told_figures_of(case, report) is not None
    if case.amount is not None:
        # "how's Japan, were the sub-1000 yen orders counted?": the amount is the exemption's,
        # asked of the file's own orders; any other amount is a case to decide.
        return report is not None and _small_jp_counted(case)
    if _asks_left_out(case, report) or _asks_period(case) or _asks_carriers(case):
        return True
    if report is not None and (_numbers_named(case, report) or _carriers_rated(case, report)):
        return True  # "LX199503488CN 有什么问题", "USPS的单号有效率多少": that number, that carrier
    if report is not None and _STATUS.search(case.text) and not case.concepts & _OTHER_SUBJECTS:
        return True  # "status?", "anything failing?", "需要修吗": the chat's own figures
    if case.rate is not None:  # "宠物用品刚好95%，没事吧？": the chat's category, its figures
        return report is not None and bool(_named_groups(case, report))
    owned = (
        case.own
        and bool(_DATA_WORDS.search(case.text))
        and not case.concepts & _OTHER_SUBJECTS
        and not _RULE_WORDS.search(case.text)
    )
    if report is None:
        return owned
    if _named_groups(case, report) or _WHICH_ORDER.search(case.text) or _asks_count(case):
        return True
    if _asks_shops(case, report) and not _RULE_WORDS.search(case.text):
        return True  # "which shop is worse?", "两个店哪个有风险": the shops compared
    if _orders_named(case, report) or (
        _MISMATCHED.search(case.text) and _ANY_ORDER.search(case.text)
    ):
        return True  # "what's wrong with 111-…?", "any orders where the carrier doesn't match?"
    if case.own and _COUNT_ASKED.search(case.text) and _BAD.search(case.text):
        return True  # "how many of my packages have no tracking?"
    if _dates_named(case.text, report.as_of) and _HURTS.search(case.text):
        return True  # "those October orders with blank tracking, are they hurting me?"
    about_categories = bool(
        ("category" in case.concepts or _asks_places(case))
        and (_WHICH.search(case.text) or _WORST.search(case.text))
    )
    still_to_fix = bool(_FIX.search(case.text)) and case.how_many and bool(_STILL.search(case.text))
    back = bool(_BACK.search(case.text))
    shop = bool(_SHOP.search(case.text)) and bool(
        "vtr" in case.concepts
        or case.how_many
        or _NOW.search(case.text)
        or _FIGURE_WORDS.search(case.text)
    )
    shop = shop and not _RULE_WORDS.search(case.text)
    breakdown = _asks_places(case) and bool(_BREAKDOWN.search(case.text))
    return about_categories or still_to_fix or back or owned or shop or breakdown


def _asks_defects(case: Case, report: VtrReport) -> bool:
    """The problem packages are asked for: which orders, why, an order by its ID, the
    mismatched or untracked ones."""
    return bool(
        _WHICH_ORDER.search(case.text)
        or _WHY.search(case.text)
        or _orders_named(case, report)
        or (_MISMATCHED.search(case.text) and _ANY_ORDER.search(case.text))
        or (_COUNT_ASKED.search(case.text) and _BAD.search(case.text))
    )


def _asks_places(case: Case) -> bool:
    """ "which marketplace is below?", "哪个站点不达标": the marketplaces, not the categories."""
    return "marketplace" in case.concepts or bool(_PLACES.search(case.text))


def _asks_count(case: Case) -> bool:
    """ "最近30天算进VTR的自发货包裹一共多少个": the window's count, asked without "my" (how
    many to fix is the plan's question)."""
    return bool(_COUNT_ASKED.search(case.text) and _IN_WINDOW.search(case.text)) and not (
        _RULE_WORDS.search(case.text)
        or case.total
        or _FIX.search(case.text)
        or _BAD.search(case.text)
    )


def _mentions(text: str, name: str) -> bool:
    """The name is in the question; a Latin name as a whole word ("toys", not in "toysrus")."""
    if not name:
        return False
    if not name[0].isascii():
        return name in text
    return re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", text) is not None


def _named_units(case: Case, report: VtrReport) -> list[GroupStats]:
    """The groups the question names, as Amazon judges them: a named category that sells
    on several marketplaces is each of them (worst first), only those named when the
    question names some ("Toys on DE"); else as `_named_groups`."""
    named = _named_groups(case, report)
    if not (report.per_marketplace or report.per_shop):
        return named
    places = {g.name for g in named if _is_marketplace(g, report)}
    shops = {g.name for g in named if _is_shop(g, report)}
    categories = {g.name for g in named if _is_category(g, report)}
    units = [
        u
        for u in report.enforced_units()
        if (u.name in categories or (shops and not categories))
        and _on_places(unit_marketplace(u), places)
        and _on_places(unit_shop(u), shops)
    ]
    if not units:
        return named
    answered = {unit_marketplace(u) for u in units}
    named_places = [g for g in named if _is_marketplace(g, report) and g.name not in answered]
    if categories:
        return units + named_places
    return [g for g in named if _is_shop(g, report)] + units[:MAX_LINES] + named_places


def _on_places(marketplace: str | None, places: set[str]) -> bool:
    """A unit of the marketplaces named (any when none is; a whole category always)."""
    return marketplace is None or not places or marketplace in places


def _is_marketplace(group: GroupStats, report: VtrReport) -> bool:
    return any(group is s for s in report.by_marketplace)


def _is_shop(group: GroupStats, report: VtrReport) -> bool:
    return any(group is s for s in report.by_shop)


def _is_category(group: GroupStats, report: VtrReport) -> bool:
    return not (_is_marketplace(group, report) or _is_shop(group, report))


def _named_groups(case: Case, report: VtrReport) -> list[GroupStats]:
    """The report's groups the question names: a category by any of its names in either
    language ("Toys" for 玩具, "家居" for Home & Kitchen), a marketplace by the registry."""
    # As typed too: the typo repair may have changed a name's word ("Products" → "product").
    text = f"{case.text.casefold()} {unicodedata.normalize('NFKC', case.raw).casefold()}"
    categories = [
        s
        for s in report.by_category
        if s.name and any(_mentions(text, n) for n in category_spellings(s.name))
    ]
    if not categories:  # "Industrial" for "Industrial & Scientific": a word of its own name
        categories = [s for s in report.by_category if _a_word_of(text, s.name)]
    markets = [s for s in report.by_marketplace if any(m.code == s.name for m in case.markets)]
    shops = _named_shops(text, report)
    markets = [s for s in markets if not _only_in_shop_names(text, s.name, shops)]
    return categories + markets + shops


def _only_in_shop_names(text: str, code: str, shops: list[GroupStats]) -> bool:
    """ "ALPHA-US total how many invalid": the US of a shop's name names no marketplace;
    said again outside the names ("ALPHA-US 的美国站"), it does."""
    market = marketplace_by_code().get(code)
    if market is None or not shops:
        return False
    words = [code, market.zh, market.domain, *market.aliases]
    names = [unicodedata.normalize("NFKC", s.name).casefold() for s in shops]
    if not any(_said(name, word) for name in names for word in words):
        return False
    rest = text
    for name in names:
        rest = rest.replace(name, " ")
    return not any(_said(rest, word) for word in words)


def _said(text: str, word: str) -> bool:
    word = word.casefold()
    return (
        bool(word) and re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text) is not None
    )


_NOT_A_SHOPS_NAME = frozenset({"amazon", "亚马逊", "shop", "store", "店铺", "店"})
"""Shop names that are also the words of any question ("does Amazon count FBA?"): never
taken as naming that shop."""


def _named_shops(text: str, report: VtrReport) -> list[GroupStats]:
    """The shops named, in a report of several (with one, the shop is the whole report)."""
    if len(report.by_shop) < 2:
        return []
    return [
        s
        for s in report.by_shop
        if s.name.casefold() not in _NOT_A_SHOPS_NAME and _names_shop(text, s.name)
    ]


_SHOP_BEFORE = r"(?:店铺|店舖|店|shop|store|account|账号|帐号)\s*"
_SHOP_AFTER = r"\s*(?:店铺|店舖|号店|店)"


def _names_shop(text: str, name: str) -> bool:
    """The shop is named: by its whole name ("Moon-EU", "月亮店"); a name of one or two
    Latin letters or digits ("A") only after a word for a shop ("店铺A", "shop A") or before
    a Chinese one ("A店"), or it would be found in every sentence ("is a category …")."""
    name = unicodedata.normalize("NFKC", name).casefold().strip()
    if not name or not _mentions(text, name):
        return False
    if len(name) > 2 or not name.isascii():
        return True
    word = re.escape(name)
    beside = rf"{_SHOP_BEFORE}{word}(?![a-z0-9])|(?<![a-z0-9]){word}{_SHOP_AFTER}"
    return re.search(beside, text) is not None


_GENERIC_WORDS = frozenset(
    {"and", "products", "product", "supplies", "accessories", "other", "others", "general",
     "items", "goods", "improvement", "care", "personal", "home", "the", "for"}
)  # fmt: skip
"""Words of a category's name too common to name it alone ("accessories", "home")."""


def _a_word_of(text: str, name: str) -> bool:
    """A distinctive Latin word (4+ letters) of the category's own name is in the question."""
    words = re.findall(r"[a-z]{4,}", unicodedata.normalize("NFKC", name).casefold())
    return any(w not in _GENERIC_WORDS and _mentions(text, w) for w in words)


_LEAVE_OUT = re.compile(
    r"\bwithout\b(?! (?:any |the |a |my )?(?:fix|fixing|fixes|tracking|scans?|valid|new)\b)|"
    r"\bexcluding\b|\bexcept(?: for)?\b|\bleaving out\b|\bleave out\b|\bapart from\b|"
    r"\bother than\b|\bnot counting\b|\bminus\b|\bignoring\b|\bset aside\b|"
    r"\bif (?:i|we|you) (?:drop|remove|exclude|take out|leave out|ignore|don't count|didn't count)\b|"
    r"(?<![算没])不算(?![进入在数])|不计算|除了|除去|去掉|去除|不含|不包括|扣除|刨除|除外|以外"
)
"""A group left out of the figure asked ("my VTR without the Canada orders", "不算加拿大站的话"):
the figure over the rest, not the group's own."""


def _left_out_groups(case: Case, report: VtrReport) -> list[GroupStats]:
    """The report's groups a question leaves out of the figure it asks: the marketplaces,
    shops or categories named beside a word that sets them aside (one kind: a category
    and a marketplace overlap)."""
    if not _LEAVE_OUT.search(case.text) or _supposes_change(case):
        return []
    named = _named_groups(case, report)
    for kind in (_is_marketplace, _is_shop, _is_category):
        groups = [g for g in named if kind(g, report)]
        if groups:
            return groups
    return []


def _figure_without(left_out: list[GroupStats], report: VtrReport, t: Translator) -> list[str]:
    """The shop's figure over everything but the groups left out, against the bar; then
    that Amazon still counts them, judging each category on each marketplace."""
    shipments = report.overall.shipments - sum(g.shipments for g in left_out)
    valid = report.overall.valid - sum(g.valid for g in left_out)
    joiner = "、" if t.lang == "zh" else ", "
    names = joiner.join(_label(g, report, t) for g in left_out)
    if shipments <= 0:
        return [t._("Without {names} nothing is left in your last report.", names=names)]
    values = _changed_figures(0, valid, shipments, t)
    if is_above(valid, shipments):
        lead = t._(
            "Without {names}: {valid} of {shipments} = {percent}%, above 95%.",
            names=names,
            **values,
        )
    else:
        lead = t._(
            "Without {names}: {valid} of {shipments} = {percent}%, not above 95%.",
            names=names,
            **values,
        )
    note = t._(
        "That is the rest of your file together; Amazon still counts {names}, and judges "
        "each category on each marketplace on its own.",
        names=names,
    )
    return [lead, note]


def _unit_in(unit: GroupStats, group: GroupStats, report: VtrReport) -> bool:
    """An enforced unit is part of a group: its marketplace, its shop or its category."""
    if _is_marketplace(group, report):
        return unit_marketplace(unit) == group.name
    if _is_shop(group, report):
        return unit_shop(unit) == group.name
    return unit.name == group.name


def own_data_text(case: Case, report: VtrReport, t: Translator) -> str:
    """The answer from the stored report, its decision first, then where it comes from."""
    m = Markup(html=False)
    named = _named_units(case, report)
    told = _told_figures_of(case, report)
    lines = [_figures_confirmed(told, report, t)] if told else _looked_up(case, report, named, t, m)
    if not told and (left_out := _left_out_groups(case, report)):
        failing = [
            s
            for s in report.enforced_units()
            if s.below_threshold and not any(_unit_in(s, g, report) for g in left_out)
        ][:MAX_LINES]
        below = [_planned_line(report, s, t, m, _unit_name(t, s)) for s in failing]
        lines = [*_figure_without(left_out, report, t), *below]
    if lines is None:
        lines = _judged(case, report, named, t, m)
    if "fba" in case.concepts and report.excluded.get("fba", 0):
        lines.append(
            t._(
                "FBA orders are not counted: VTR covers only self-fulfilled packages, so "
                "FBA rows in your file are left out."
            )
        )
    elif "fba" in case.concepts and not _asks_left_out(case, report):
        lines.append(t._("FBA orders are not counted: VTR covers only self-fulfilled packages."))
    if asks_small_jp_orders(case) and not _small_jp_orders(case, report, named, t):
        lines.append(_jp_small_orders_left_out(report, t))  # unless said already, untracked
    lines.append(
        t._(
            "From your last report (as of {date}; window {start} – {end}, 30 days); /vtr shows it in full.",
            date=t.date(report.as_of),
            start=t.date(report.window.start),
            end=t.date(report.window.end),
        )
    )
    return "\n".join(lines)


_SMALL_ORDERS = re.compile(
    r"小单|小额|便宜|低价|几百|日元|円|\byen\b|\bjpy\b|cheap|small (?:orders?|ones)|"
    r"(?:under|below|less than) (?:jpy |¥)?1,?000|1,?000\s?(?:日元|円)?以下|低于\s?1,?000"
)


_SMALL_COUNTED_ASKED = re.compile(
    r"算进去|算了|算没算|算不算|计入|count(?:ed|s)?\b|included|left out|excluded|多少|how(?:'s| is) "
)


def _small_jp_counted(case: Case) -> bool:
    return asks_small_jp_orders(case) and bool(_SMALL_COUNTED_ASKED.search(case.text))


def asks_small_jp_orders(case: Case) -> bool:
    """ "日本站那几个几百日元的小单算进去了没": Japan's small orders asked about beside its
    figure (orders under JPY 1,000 are exempt, domain.md §4.2)."""
    japan = any(m.code == "JP" for m in case.markets) or case.currency == "JPY"
    return japan and bool(_SMALL_ORDERS.search(case.text))


def _jp_small_orders_left_out(report: VtrReport, t: Translator) -> str:
    """How many of the file's Japanese orders under JPY 1,000 were left out as exempt."""
    count = report.excluded.get("jp_under_1000", 0)
    if not count:
        return t._(
            "Amazon.co.jp orders under JPY 1,000 are exempt and never counted; your file had "
            "none to leave out."
        )
    return t.ngettext(
        "Amazon.co.jp orders under JPY 1,000 are exempt: the {count} in your file is not counted.",
        "Amazon.co.jp orders under JPY 1,000 are exempt: the {count} in your file are not counted.",
        count,
    )


def _told_figures_of(case: Case, report: VtrReport) -> GroupStats | None:
    """The one group the question names whose figures are the ones it tells ("汽车配件
    57/60 对吗"): the seller checking the report's figures, not a case to work out."""
    if case.counts is None:
        return None
    told = (case.counts.shipments, case.counts.valid)
    for named in (_named_groups(case, report), _named_units(case, report)):
        same = [g for g in named if (g.shipments, g.valid) == told]
        if len(named) == 1 and same:
            return same[0]
    return None


def _figures_confirmed(group: GroupStats, report: VtrReport, t: Translator) -> str:
    """Yes, those are the group's figures in the last report; then its verdict."""
    return t._(
        "Right, that is what your last report shows: {verdict}",
        verdict=_group_verdict(group, report, t),
    )


def _looked_up(
    case: Case, report: VtrReport, named: list[GroupStats], t: Translator, m: Markup
) -> list[str] | None:
    """What the report states, asked as such: its period, its carriers, what it left out,
    whether dated rows count, how many it counted; None when none of these is asked."""
    dated = _dates_named(case.text, report.as_of) and _HURTS.search(case.text)
    if _asks_period(case):
        return [_period(report, t)]
    if numbers := _numbers_named(case, report):
        return [_number_looked_up(n, report, t, m) for n in numbers]
    if rated := _carriers_rated(case, report):
        return [_carrier_figures(s, report, t) for s in rated]
    if _asks_carriers(case):
        section = carrier_defects(report, t, m) or t._("No carrier has invalid packages.")
        return [*_most_defects_carrier(case, report, t), section]
    if _asks_left_out(case, report):
        return [*_left_out(case, report, t), *(_group_verdict(g, report, t) for g in named)]
    if _STILL_COUNT.search(case.text) or dated:
        return [_window_verdict(case, report, t)]
    if _asks_count(case) and not named:
        return [_counted(report, t), *_every_category(report, t, m)]
    return None


def _judged(
    case: Case, report: VtrReport, named: list[GroupStats], t: Translator, m: Markup
) -> list[str]:
    """The groups' verdicts as asked: a supposed change, the problem orders, the named
    groups, the fixes, the recovery dates, the groups below, else the shop."""
    if named and _supposes_change(case):
        return _named_lines(case, report, named, t)
    if small := _small_jp_orders(case, report, named, t):
        return [*small, *(_group_verdict(g, report, t) for g in named[:1])]
    if (about_shops := _about_shops(case, report, t, m)) is not None:
        return about_shops
    if _asks_defects(case, report):
        verdicts = [_group_verdict(g, report, t) for g in named]
        defects = _defects(case, report, named, t, m)
        counted = _COUNT_ASKED.search(case.text) and not _FIX.search(case.text)
        if counted and not _WHICH_ORDER.search(case.text):
            # "how many untracked in Toys?": that count first
            return [*defects, *verdicts]
        return [*verdicts, *defects]
    if named:
        return _named_lines(case, report, named, t)
    if _FIX.search(case.text) and case.how_many:
        return [*_shop_fixes(case, report, t), *_fixes(report, t)]
    if case.when or _BACK.search(case.text):
        return _recoveries(report, t)
    if _asks_places(case) and _BREAKDOWN.search(case.text) and report.per_marketplace:
        return [_overall(report, t), *_every_marketplace(report, t, m)]
    if _CLOSEST_ABOVE.search(case.text) or _WORST.search(case.text):
        ranked = _closest_above if _CLOSEST_ABOVE.search(case.text) else _worst
        return ranked(report, t, m, places=_asks_places(case))
    if _PASSING.search(case.text) and _WHICH.search(case.text) and not _RISK.search(case.text):
        return _passing(report, t, m, places=_asks_places(case))
    if _WHICH.search(case.text) or _RISK.search(case.text):
        return _below(report, t, m, places=_asks_places(case))
    return [_overall(report, t), *_every_category(report, t, m)]


def _small_jp_orders(
    case: Case, report: VtrReport, named: list[GroupStats], t: Translator
) -> list[str]:
    """ "the japan shop has 4 orders with no tracking, do they hurt my vtr": orders of
    Amazon.co.jp under JPY 1,000 are exempt (domain.md §4.2), and the file's are left out;
    the answer is whether any counted JP package is untracked, then the exempt ones."""
    exempt = report.excluded.get("jp_under_1000", 0)
    if not (exempt and _UNTRACKED.search(case.text) and _HURTS.search(case.text)):
        return []
    places = {g.name for g in named if _is_marketplace(g, report)}
    places |= {g.marketplace for g in named if isinstance(g, CellStats)}
    if "JP" not in places:
        return []
    untracked = sum(
        d.marketplace == "JP" and d.reason == "missing_tracking" for d in report.defects
    )
    if untracked:
        counted = t.ngettext(
            "{count} counted Amazon.co.jp package has no tracking and counts against VTR.",
            "{count} counted Amazon.co.jp packages have no tracking and count against VTR.",
            untracked,
        )
    else:
        counted = t._("No: none of your counted Amazon.co.jp packages is without tracking.")
    small = t.ngettext(
        "Amazon.co.jp orders under JPY 1,000 are exempt: the {count} in your file are not "
        "counted, so they do not lower VTR, tracked or not.",
        "Amazon.co.jp orders under JPY 1,000 are exempt: the {count} in your file are not "
        "counted, so they do not lower VTR, tracked or not.",
        exempt,
    )
    return [counted + sentence_gap(t) + small]


def _about_shops(case: Case, report: VtrReport, t: Translator, m: Markup) -> list[str] | None:
    """Shops asked of, no category named: the fixes of the shops named ("Moon-EU还要修几个"),
    or the shops compared ("which shop is worse"); None when neither is asked."""
    groups = _named_groups(case, report)
    if any(_is_category(g, report) for g in groups):
        return None
    shops = [g.name for g in groups if _is_shop(g, report)]
    if shops and _FIX.search(case.text) and case.how_many:
        return _fixes(report, t, shops)
    if _asks_shops(case, report) and len(shops) != 1:
        return _shops_compared(case, report, t, m)
    return None


_SHOPS_ASKED = re.compile(
    r"哪个店|哪家店|哪一个店|哪一家|哪些店|两个店|两家店|几个店|各个店|每个店|各店|店铺之间|"
    r"\bwhich (?:shop|store|account)s?\b|\b(?:both|two|my|the|all) (?:shops|stores|accounts)\b|"
    r"(?:per|each|every|by) (?:shop|store|account)\b|\bshops\b|\bstores\b"
)
"""The shops compared ("which shop is worse", "两个店哪个有风险"): each shop its own account."""
_WORSE = re.compile(r"\bworse\b|\bworst\b|\blowest\b|更差|最差|较差|差一些|更糟|最低|更低")


def _asks_shops(case: Case, report: VtrReport) -> bool:
    return len(report.by_shop) > 1 and bool(_SHOPS_ASKED.search(case.text))


def _shop_units(report: VtrReport, shop: str) -> list[GroupStats]:
    return [u for u in report.enforced_units() if unit_shop(u) == shop]


def _shops_compared(case: Case, report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """Each shop (its own account) with its categories below the bar or at risk, the shop
    with the most below first (then the lowest figure); led by the one worse off, or by
    those with a category below the bar."""
    below = {
        s.name: [u for u in _shop_units(report, s.name) if u.below_threshold]
        for s in report.by_shop
    }
    shops = sorted(
        (s for s in report.by_shop if s.shipments),
        key=lambda s: (-len(below[s.name]), Fraction(s.valid, s.shipments), s.name),
    )
    if not shops:
        return [_overall(report, t)]
    worst = shops[0]
    failing = [s for s in shops if below[s.name]]
    joiner = "、" if t.lang == "zh" else ", "
    if _WORSE.search(case.text) and failing:
        lead = t.ngettext(
            "{shop} is worse off: {count} of its categories is below the bar, and Amazon judges each shop on its own.",
            "{shop} is worse off: {count} of its categories are below the bar, and Amazon judges each shop on its own.",
            len(below[worst.name]),
            shop=_shop_name(t, worst.name),
        )
    elif _WORSE.search(case.text):
        lead = t._(
            "{shop} is the lowest: {ratio}; no category of any shop is below the bar.",
            shop=_shop_name(t, worst.name),
            ratio=ratio_text(t, worst),
        )
    elif failing:
        lead = t._(
            "A category is below the bar in {shops}: each shop is its own account, and Amazon judges each on its own.",
            shops=joiner.join(_shop_name(t, s.name) for s in failing),
        )
    else:
        lead = t._("Every category in every shop is above the bar (above 95%).")
    lines = [lead]
    for shop in shops[:MAX_LINES]:
        shop_line = group_line(
            shop, t, m, _shop_name(t, shop.name), outlook=False, planned=report.shop_plan(shop)
        )
        lines.append(shop_line)
        flagged = [u for u in _shop_units(report, shop.name) if u.below_threshold or u.at_risk]
        lines += [
            f"   {group_line(u, t, m, _unit_name(t, u), planned=report.planned(u))}"
            for u in flagged[:MAX_LINES]
        ]
    return lines


def _named_lines(
    case: Case, report: VtrReport, named: list[GroupStats], t: Translator
) -> list[str]:
    """The named groups' verdicts, after what was asked of them: the room left, a supposed
    change, or the day a failing one is back above 95%."""
    lines = [_group_verdict(group, report, t) for group in named]
    asks_when = case.when or _BACK.search(case.text) or _WHAT_DAY.search(case.text)
    asks_fixes = bool(_FIX.search(case.text)) and case.how_many
    if asks_when and not asks_fixes and any(g.below_threshold for g in named):
        lines = [*_recoveries(report, t, named), *lines]
    if asks_fixes:
        lines = [*_named_fixes_in_all(report, named, t), *lines]
    lines += _pooled_lines(report, named, t, dated=bool(asks_when))
    supposed = _supposed_first(case, named, t, report)
    pooled = _pooled_named(report, named)
    if pooled and _what_if(case, pooled, t, report):
        supposed = _what_if_labelled(case, named, pooled, t, report)
    if _asks_now_first(case.text):
        return [*lines, *supposed]  # "how is it, and what if …?"
    return [*supposed, *lines]


def _named_fixes_in_all(report: VtrReport, named: list[GroupStats], t: Translator) -> list[str]:
    """ "户外用品要修几单": a category below the bar on several marketplaces (or several
    groups named) needs the fixes of each; asked how many, the sum is the answer, first,
    then each one's share (the verdicts follow). One group below: its verdict says it.
    Categories only: a shop or a marketplace named beside its own units would count twice."""
    below = [g for g in named if g.below_threshold and _is_category(g, report)]
    if len(below) < 2:
        return []
    parts = t._("; ").join(
        f"{_unit_name(t, g)}: {_unit_fixes(t, g, _plan_of(g, report))}" for g in below
    )
    total = sum(g.needed for g in below)
    if all(p.savable for g in below if (p := _plan_of(g, report))):
        return [
            t.ngettext(
                "Fix {count} package in all to bring each of them above 95%: {parts}.",
                "Fix {count} packages in all to bring each of them above 95%: {parts}.",
                total,
                parts=parts,
            )
        ]
    return [  # the plan's verdict first: the sum alone would ask for fixes it cannot make
        t.ngettext(
            "Fixing cannot bring every one of them above 95% (it would take {count} package in all): {parts}.",
            "Fixing cannot bring every one of them above 95% (it would take {count} packages in all): {parts}.",
            total,
            parts=parts,
        )
    ]


def _what_if_labelled(
    case: Case,
    named: list[GroupStats],
    pooled: list[GroupStats],
    t: Translator,
    report: VtrReport,
) -> list[str]:
    """ "if one more Sports order goes invalid, what's that category at?" of a category on
    several marketplaces: each marketplace's figure then, and the category's over all of
    them (what the seller's dashboard shows), each line saying whose it is."""
    lines = [
        f"{_unit_name(t, g)}: {line}" for g in named for line in _what_if(case, [g], t, report)
    ]
    for group in pooled:
        name = t._(
            "{category} on all its marketplaces together", category=category_label(t, group.name)
        )
        lines += [f"{name}: {line}" for line in _what_if(case, [group], t, report)]
    return lines


def _pooled_named(report: VtrReport, named: list[GroupStats]) -> list[GroupStats]:
    """The categories named on several marketplaces (or shops), over all of them."""
    return [
        pooled
        for pooled in report.by_category
        if sum(isinstance(g, CellStats) and g.name == pooled.name for g in named) > 1
    ]


def _pooled_lines(
    report: VtrReport, named: list[GroupStats], t: Translator, dated: bool = False
) -> list[str]:
    """A category named on several marketplaces: its figure over all of them as well, after
    the verdicts Amazon gives (one per marketplace). ERP dashboards show the pooled figure,
    and a seller comparing would otherwise think one of the two numbers wrong; asked when
    it is back (`dated`), that figure's own day too, the one such a dashboard will show."""
    lines = []
    for pooled in report.by_category:
        cells = [g for g in named if isinstance(g, CellStats) and g.name == pooled.name]
        if len(cells) < 2:
            continue
        values = {"category": category_label(t, pooled.name), "ratio": ratio_text(t, pooled)}
        if report.per_shop:
            line = t._(
                "{category} in all your shops together: {ratio}; each shop is its own "
                "account, and Amazon judges each on its own, as above.",
                **values,
            )
        else:
            line = t._(
                "{category} on all its marketplaces together: {ratio}; Amazon judges "
                "each marketplace on its own, as above.",
                **values,
            )
        if dated and pooled.below_threshold and pooled.recovery_date:
            line += sentence_gap(t) + t._("Together: {when}.", when=recovery_text(t, pooled))
        lines.append(line)
    return lines


def _asks_now_first(text: str) -> bool:
    """ "Beauty is just above right? what if one more goes bad", "现在怎么样，要是再坏一单呢":
    the group as it stands is asked before the supposition, so it is answered first."""
    supposed = _SUPPOSITION.search(text)
    return bool(supposed and _NOW_ASKED.search(text[: supposed.start()]))


_SUPPOSITION = re.compile(r"what if|\bif\b|suppose|要是|如果|假如|假设|万一")
_NOW_ASKED = re.compile(
    r"[?？]|how(?:'s| is| are| am) (?:it|it doing|they|we|i)\b|how (?:is|are) .{0,30} doing|"
    r"\bright\b|\bcorrect\b|现在|目前|怎么样|如何|对吧|对吗|是吧|吗|呢"
)


def _supposed_first(
    case: Case, named: list[GroupStats], t: Translator, report: VtrReport
) -> list[str]:
    """What a named group can take or a supposed change does, asked: that first."""
    room = [_room(g, t, report) for g in named] if _ROOM.search(case.text) else []
    return [*room, *_what_if(case, named, t, report)]


def _room(group: GroupStats, t: Translator, report: VtrReport) -> str:
    """How many more invalid packages a passing group can take and stay above 95%, and
    what one more than that makes (the fewest valid is the bar's fewest fixes from none)."""
    if group.below_threshold:  # "how many more can it take?" of a group already below
        return t._(
            "No room: it is below the bar already; {advice}.",
            advice=fix_advice(t, group, _plan_of(group, report)),
        )
    margin = group.valid - fixes_needed(group.shipments, 0)
    after = group.valid - margin - 1
    values = {
        "count": t.number(margin),
        "valid": t.number(after),
        "shipments": t.number(group.shipments),
        "percent": percent_text(after, group.shipments),
    }
    if not margin:
        return t._(
            "No room: one more invalid package and it is {valid} of {shipments} = {percent}%, "
            "below the bar.",
            **values,
        )
    return t.ngettext(
        "It can take {count} more invalid package and stay above 95%; one beyond that makes "
        "{valid} of {shipments} = {percent}%, below the bar.",
        "It can take {count} more invalid packages and stay above 95%; one beyond that makes "
        "{valid} of {shipments} = {percent}%, below the bar.",
        margin,
        **{k: v for k, v in values.items() if k != "count"},
    )


def _period(report: VtrReport, t: Translator) -> str:
    """The days the chat's last report covers, as /vtr counts them."""
    return t._(
        "Your last report covers the 30 days {start} – {end} (as of {date}): shipments of "
        "those days count toward VTR, older ones no longer do.",
        start=t.date(report.window.start),
        end=t.date(report.window.end),
        date=t.date(report.as_of),
    )


def _supposes_change(case: Case) -> bool:
    """ "what if one more goes bad?", "if I fix just that one": a change supposed of the
    group's figures, whatever else the words name ("再多一个无效单号" is no list asked)."""
    return (
        _supposed_fixes(case.text) is not None
        or more_invalid(case.text) is not None
        or new_invalid(case.text) is not None
    )


def _supposed_fixes(text: str) -> int | None:
    """Fixes supposed ("if I fix 2", "修好3单够不够") or told as made since the report ("I
    fixed 1")."""
    if _FIX_ALL.search(text):
        return ALL_FIXED
    found = _SUPPOSED_FIX.search(text) or _FIX_ENOUGH.search(text) or _TOLD_FIX.search(text)
    if found is None:
        return None
    word = found.group(1) or "one"  # "fix just the Toys one": one package
    return int(word) if word.isdigit() else _SMALL_NUMBERS.get(word)


def _what_if(case: Case, named: list[GroupStats], t: Translator, report: VtrReport) -> list[str]:
    """ "what if one more turns invalid?": the named group's figures with that many fewer
    valid, against the same bar; fixes supposed are only those its defects still allow
    (a delivered parcel's tracking can no longer be fixed)."""
    fixes = _supposed_fixes(case.text)
    more = more_invalid(case.text) if fixes is None else -fixes
    if more is None:
        added = new_invalid(case.text)
        return [_with_added(g, added, t) for g in named] if added else []
    lines = []
    for group in named:
        if fixes is not None:
            lines += _fixes_supposed(group, fixes, report, t)
            continue
        valid = min(group.shipments, max(0, group.valid - more))
        values = _changed_figures(more, valid, group.shipments, t)
        if is_above(valid, group.shipments):
            lines.append(
                t._(
                    "With {count} more invalid: {valid} of {shipments} = {percent}%, still above 95%.",
                    **values,
                )
            )
        else:
            lines.append(
                t._(
                    "With {count} more invalid: {valid} of {shipments} = {percent}%, not above 95%: below the bar.",
                    **values,
                )
            )
    return list(dict.fromkeys(lines))  # a category and its one marketplace: the same figures


def _with_added(group: GroupStats, added: int, t: Translator) -> str:
    """ "再来一单无效": new packages shipped invalid join the window, on the total only."""
    values = _changed_figures(added, group.valid, group.shipments + added, t)
    if is_above(group.valid, group.shipments + added):
        return t._(
            "With {count} more shipped invalid: {valid} of {shipments} = {percent}%, still above 95%.",
            **values,
        )
    return t._(
        "With {count} more shipped invalid: {valid} of {shipments} = {percent}%, not above 95%: below the bar.",
        **values,
    )


def _fixes_supposed(group: GroupStats, fixes: int, report: VtrReport, t: Translator) -> list[str]:
    """ "if I fix 2 / everything": the group's figures with that many fixed, but never more
    than its defects still editable; when fewer can be fixed than supposed, that first."""
    invalid = group.shipments - group.valid
    editable = sum(d.editable(report.as_of) for d in _group_defects(group, report))
    wanted = invalid if fixes == ALL_FIXED else min(fixes, invalid)
    if not wanted:
        return []
    if editable >= wanted:
        return [_fixed(group, group.valid + wanted, wanted, t)]
    late = t.ngettext(
        "Only {count} of its invalid packages can still be fixed: the others are delivered or past their fix-by date.",
        "Only {count} of its invalid packages can still be fixed: the others are delivered or past their fix-by date.",
        editable,
    )
    if not editable:
        return [late]
    values = _changed_figures(editable, group.valid + editable, group.shipments, t)
    if is_above(group.valid + editable, group.shipments):
        then = t._(
            "Yes: with those {count} fixed it is {valid} of {shipments} = {percent}%, above 95%.",
            **values,
        )
    else:
        then = t._(
            "No: with those {count} fixed it is {valid} of {shipments} = {percent}%, not above "
            "95%; it recovers only as its old defects leave the window.",
            **values,
        )
    return [late, then]


def _group_defects(group: GroupStats, report: VtrReport) -> list[Defect]:
    """The report's defects of a group: a cell's, a marketplace's, a shop's or a category's."""
    if isinstance(group, CellStats):
        return [d for d in report.defects if _in_cell(d, group)]
    if _is_marketplace(group, report):
        return [d for d in report.defects if d.marketplace == group.name]
    if _is_shop(group, report):
        return [d for d in report.defects if d.shop == group.name]
    return [d for d in report.defects if d.category == group.name]


def _changed_figures(count: int, valid: int, shipments: int, t: Translator) -> dict[str, str]:
    """The placeholders of a group's figures once `count` packages changed side: the count,
    the valid packages then, the shipments and their rate."""
    return {
        "count": t.number(count),
        "valid": t.number(valid),
        "shipments": t.number(shipments),
        "percent": percent_text(valid, shipments),
    }


def _fixed(group: GroupStats, valid: int, fixes: int, t: Translator) -> str:
    """A named group with `fixes` of its invalid packages supposed fixed, against the bar."""
    values = _changed_figures(fixes, valid, group.shipments, t)
    if is_above(valid, group.shipments):
        return t._(
            "Yes: with {count} fixed it is {valid} of {shipments} = {percent}%, above 95%.",
            **values,
        )
    values["needed"] = t.number(fixes_needed(group.shipments, valid))
    return t._(
        "No: with {count} fixed it is {valid} of {shipments} = {percent}%, not above 95%; "
        "{needed} more to fix.",
        **values,
    )


def _window_verdict(case: Case, report: VtrReport, t: Translator) -> str:
    """Whether shipments of the days or months the seller names are inside the 30-day
    window: all before it, a plain no; all in it, they count; else where it starts."""
    start, end = report.window.start, report.window.end
    named = _dates_named(case.text, report.as_of)
    if named and max(last for _, last in named) < start:
        return t._(
            "No: they are outside the 30-day window ({start} – {end}), so they no longer count.",
            start=t.date(start),
            end=t.date(end),
        )
    if named and min(first for first, _ in named) >= start:
        return t._(
            "Yes: they are inside the 30-day window ({start} – {end}), so they count.",
            start=t.date(start),
            end=t.date(end),
        )
    return t._(
        "Only shipments from {start} to {end} count (the 30-day window); older ones no longer do.",
        start=t.date(start),
        end=t.date(end),
    )


_MONTH_WORDS = {name[:3]: i + 1 for i, name in enumerate(_MONTHS)}
_DATE_EN = re.compile(
    r"(?<![a-z])(?:(early|beginning of|start of|mid|middle of|late|end of)\s+)?"
    r"([a-z]{3,9})\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?"
)
_DATE_ZH = re.compile(r"(?<!\d)(\d{1,2})月(?:(\d{1,2})[日号]?|(初|上旬|中旬|中|下旬|底|末))?")
_PART_OF_MONTH = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "初": (1, 10),
                  "上旬": (1, 10), "mid": (11, 20), "middle of": (11, 20), "中旬": (11, 20),
                  "中": (11, 20), "late": (21, 31), "end of": (21, 31), "下旬": (21, 31),
                  "底": (21, 31), "末": (21, 31)}  # fmt: skip


def _dates_named(text: str, as_of: date) -> list[tuple[date, date]]:
    """The spans of days a question names ("the end of October up to Nov 5", "10月底"):
    (first, last) each, in the report's year (a later month: the year before)."""
    found = []
    for match in _DATE_EN.finditer(text):
        word, day = match.group(2), match.group(3)
        month = _MONTH_WORDS.get(word[:3]) if word in _MONTH_NAMES else None
        if month and (word != "may" or day or match.group(1)):
            found.append((month, day, match.group(1)))
    found += [(int(m.group(1)), m.group(2), m.group(3)) for m in _DATE_ZH.finditer(text)]
    return [
        _span(month, day, part, as_of.year - (month > as_of.month))
        for month, day, part in found
        if 1 <= month <= 12
    ]


_MONTH_NAMES = frozenset(
    [*(m for m in _MONTHS), "january", "february", "march", "april", "june", "july", "august",
     "september", "sept", "october", "november", "december"]
)  # fmt: skip


def _span(month: int, day: str | None, part: str | None, year: int) -> tuple[date, date]:
    last_day = (date(year + month // 12, month % 12 + 1, 1) - date.resolution).day
    if day and 1 <= int(day) <= last_day:
        return date(year, month, int(day)), date(year, month, int(day))
    first, last = _PART_OF_MONTH.get(part or "", (1, 31))
    return date(year, month, first), date(year, month, min(last, last_day))


def _left_out(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """What the report left out, first: the letters asked about when some were exempt, the
    rows not counted by reason, then the total that was counted."""
    lines = []
    letters = report.excluded.get("eu_letter_under_20", 0)
    if case.letter and letters:
        lines.append(
            t._(
                "EU letters under EUR 20 are exempt: the {count} in your file are not counted, "
                "so they do not lower any category.",
                count=t.number(letters),
            )
        )
        lines += _letters_counted(case, report, t)
    not_counted = [text] if (text := excluded_text(report, t)) else []
    rows = _rows_asked(case, report, t)
    generic = not _reasons_named(case) and not _A_TOTAL.search(case.text)
    if generic and _NOT_COUNTED_ASKED.search(case.text):  # "how many were left out?": those
        if not not_counted:
            not_counted = [
                t._("Nothing in your file was left out: every row is a counted package.")
            ]
        why = t._(
            "VTR counts only self-fulfilled packages shipped in the 30-day window: FBA, "
            "cancelled and unshipped orders, exempt EU letters (under EUR 20) and Japanese "
            "orders (under JPY 1,000), and older shipments are left out."
        )
        return [*lines, *not_counted, why, _counted(report, t)]
    none = _reasons_absent(case, report, t)
    if _KIND_COUNT_ASKED.search(case.text) and (rows or none):  # "how many FBA rows?"
        found = [t._("In your file: {rows}.", rows=", ".join(rows))] if rows else []
        return [*lines, *found, *none, *not_counted]
    if _TOTAL_ASKED.search(case.text):  # "what total did you use?": that figure first
        named = [t._("Left out as asked: {rows}.", rows=", ".join(rows))] if rows else []
        return [*lines, _counted(report, t), *named, *none, *not_counted]
    if rows:
        lines.append(t._("No, they are not counted: {rows}.", rows=", ".join(rows)))
    return [*lines, *none, *not_counted, _counted(report, t)]


def _letters_counted(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """ "德国站的Brief信件，为啥有一单算成了缺陷": beside the exempt letters, the invalid
    packages of the marketplace asked about: they were not exempt, so they count, and each
    says what is wrong with it."""
    places = {g.name for g in _named_groups(case, report) if _is_marketplace(g, report)}
    counted = [d for d in report.defects if d.marketplace in places]
    if not counted:
        return []
    m = Markup(html=False)
    why = t.ngettext(
        "Counted as invalid: {count} package there was not exempt (a letter is exempt only "
        "under EUR 20, paid in euros; anything else counts), and it has a defect:",
        "Counted as invalid: {count} packages there were not exempt (a letter is exempt only "
        "under EUR 20, paid in euros; anything else counts), and each has a defect:",
        len(counted),
    )
    return [why, *(fix_line(d, t, m) for d in counted[:MAX_LINES])]


_TOTAL_ASKED = re.compile(r"how many|\btotal\b|多少|一共|总共|总数")
_KIND_COUNT_ASKED = re.compile(
    r"how many (?:of (?:my |the )?)?(?:fba|cancel|unshipped|orders? (?:were|was) outside|[a-z ]{0,12}outside)|"
    r"how many [^?.!]{0,40}(?:left out|dropped|excluded|skipped|ignored|not counted)[^?.!]{0,30}"
    r"(?:before the window|outside)|"
    r"(?:fba|取消|未发货|窗口外|不在窗口)[^，,。？?]{0,10}(?:多少|几)|"
    r"(?:多少|几)[^，,。？?]{0,16}(?:窗口之前|窗口前|窗口外|不在窗口)"
)
_A_TOTAL = re.compile(r"\btotal\b|一共|总共|总数")
_NOT_COUNTED_ASKED = re.compile(
    r"没算进|没有算进|没算(?![错对])|没被算|没被计入|未被计入|没被统计|没算的|不算的|没计入|未计入|没有计入|没统计|没有统计|不统计|排除|剔除|漏掉|"
    r"exclud(?:e|ed|ing)|left out|leave out|didn't (?:you )?count|did not count|not counted|weren't counted|"
    r"wasn't counted|don't count|dropped|skipped|ignored"
)
"""Rows of the file asked about as not counted, whatever their reason ("我的表里有多少单没算进去")."""
_SOME_ROWS = re.compile(
    r"几单|几个(?:订单|包裹|单)|有些|一些|部分|\bsome\b|a few|\bseveral\b|多少单|how many"
)
"""Some of the file's rows asked about ("有几单没算", "why were some orders not counted")."""
_WHICH_ROWS = re.compile(
    r"哪些|哪几|哪种|什么(?:样的)?(?:单|订单|包裹)|\bwhich\b|\bwhat (?:orders|rows|packages|shipments)\b|"
    r"\bwhat (?:wasn't|was not|weren't|were not|didn't|did not|got|was|were) "
    r"(?:counted|count|left out|excluded|dropped|included|get counted)"
)
"""Which rows were not counted, asked of a chat with a report: its own rows left out."""
_PERIOD = re.compile(
    r"as-?of date|as of (?:which|what) (?:date|day)|截止日期|截至哪天|截止到哪天|截止哪天|哪段时间|什么时间段|哪个时间段|时间范围|日期范围|哪几天|从哪天到哪天|(?:统计|算)(?:的)?(?:是)?(?:哪|什么)(?:段|时候|天)|"
    r"which (?:period|dates|days)|what (?:period|dates|days|date range|time ?frame)|date range|"
    r"(?:which|what) (?:30|thirty)[ -]days?|哪(?:个)?(?:30|三十)天|(?:30|三十)天是(?:哪|什么)|"
    r"time ?frame|from when|which window|what window|cover(?:s|ed)? (?:which|what)"
)
"""The days the chat's report covers asked ("我这份数据统计的是哪段时间")."""
_THIS_DATA = re.compile(
    r"这次|这回|本次|这份|这批|这些|这个(?:报告|报表|表|文件|数据)|报告|报表|数据|"
    r"\b(?:this|these|that)\b|\bthe (?:report|data|file|sheet|upload|numbers)\b"
)
"""The report pointed at rather than called "mine" ("这次", "this", "the report")."""
_ROOM = re.compile(
    r"\broom\b|slack|margin|buffer|headroom|cushion|leeway|how many more (?:bad|invalid|defects?|"
    r"untracked|failures?|can|could)|before (?:it|i|we) (?:drop|fall|go|slip)|"
    r"还能(?:再)?(?:错|坏|丢|有|掉|出)|最多还能|余量|空间|缓冲|还剩几个"
)
"""How many more invalid packages a passing group can take ("how much slack do I have")."""
_SUPPOSED_FIX = re.compile(
    r"(?:if|what if|suppose|如果|假如|要是|假设)[^?？。]{0,30}?(?:fix|correct|repair|修好?|改好?|补好?|更正)\s*"
    r"(?:just |only |another |)(?:(\d+|an?|one|two|three|four|five|一|两|二|三|四|五)(?![a-z\d])|"
    r"(?:the|that|this)\b[^,.;?？。]{0,40}?\bone\b(?! of))"
)
"""A fix supposed of the chat's figures ("if I fix just one order in Toys", "如果修好2单")."""
_FIX_ENOUGH = re.compile(
    r"(?:fix|correct|repair|修好?|改好?|补好?|更正)\s*(\d+|一|两|二|三|四|五)\s*"
    r"(?:[个单件]|packages?|orders?|shipments?|of them)?\s*[,，]?\s*"
    r"(?:就|的话)?(?:够|能过|能达标|可以过|行不行|行吗|enough|(?:is|would) (?:that|it) be enough|"
    r"(?:will|would) (?:it|that|i|we) (?:pass|be (?:above|enough)))"
)
"""A fix asked whether it is enough ("修好3单够不够", "fix 3, is that enough?")."""
_FIX_ALL = re.compile(
    r"(?:fix|correct|repair)(?:ed)? (?:everything|all(?: of)?(?: them| the (?:bad|invalid) ones| the defects)?\b)|"
    r"(?:全部|全都|都|全)(?:修好|修复|改好|补好|修)"
)
ALL_FIXED = -1
"""`_supposed_fixes`' answer for "if I fix everything": every invalid package of the group."""
_STATUS = re.compile(
    r"^\W*(?:status|numbers?|stats)\W*(?:pls|please)?\W*$|how (?:bad|am i doing|are we doing|is it going)|"
    r"anything (?:failing|wrong|below|to fix)|any (?:problems?|issues?) with my|"
    r"需要修吗|要修吗|要不要修|有问题吗|有没有问题|情况(?:怎么样|如何)|怎么样了|现在咋样|numbers? (?:pls|please)"
)
"""A short question about how things stand, in a chat with a report: its own figures."""
_TOLD_FIX = re.compile(
    r"(?:fixed|corrected|repaired|updated|修好了|改好了|补好了|补上了|更正了|改正了)"
    r"[^,.;?，。？\d]{0,16}?(\d+|an?|one|two|three|four|five|一|两|二|三|四|五)"
    r"(?=\s*(?:单|个|件|orders?|packages?|parcels?|shipments?|tracking|of|more|in|$|[,.;?，。？]))"
)
"""A fix told as made since the report ("I just fixed 1 order in Toys", "我刚修好了母婴的1单")."""
_CARRIER_ASKED = re.compile(
    r"which carriers?|what carriers?|哪个(?:物流|承运商|快递|渠道)|哪家(?:物流|承运商|快递)|"
    r"by carrier|per carrier|each carrier|各(?:个)?(?:物流|承运商|快递)"
)
_TROUBLE = re.compile(r"problem|most|worst|defect|invalid|bad|wrong|问题|最多|最差|无效|出错|错误")
"""The carriers asked about by their defects ("which carrier has the most problems?"), not
which carriers count."""
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                  "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5}  # fmt: skip


def _reasons_named(case: Case) -> list[str]:
    """The report's exclusion reasons a question names (FBA, cancelled, unshipped)."""
    reasons = []
    if "fba" in case.concepts or "fba" in case.text:
        reasons.append("fba")
    if re.search(r"cancel|取消", case.text):
        reasons.append("cancelled")
    if re.search(r"unshipped|not shipped|未发货|没发货", case.text):
        reasons.append("not_shipped")
    if _OUTSIDE.search(case.text):
        reasons.append("outside_window")
    return reasons


def _rows_asked(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """The left-out rows the question names (FBA, cancelled, unshipped), each with its count."""

    def count(reason: str) -> str:
        return t.number(report.excluded.get(reason, 0))

    rows = []
    reasons = [r for r in _reasons_named(case) if report.excluded.get(r, 0)]
    if "fba" in reasons:
        rows.append(t._("FBA: {count} orders", count=count("fba")))
    if "cancelled" in reasons:
        rows.append(t._("{count} cancelled orders", count=count("cancelled")))
    if "not_shipped" in reasons:
        rows.append(t._("{count} unshipped orders", count=count("not_shipped")))
    if "outside_window" in reasons:
        rows.append(t._("{count} shipped before the 30-day window", count=count("outside_window")))
    return rows


def _reasons_absent(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """The kinds of rows asked about that the file has none of ("0 cancelled orders" read as
    if some were): VTR never counts them, and there were none to leave out."""
    names = {
        "fba": t._("FBA orders"),
        "cancelled": t._("cancelled orders"),
        "not_shipped": t._("unshipped orders"),
        "outside_window": t._("shipments before the 30-day window"),
    }
    absent = [names[r] for r in _reasons_named(case) if not report.excluded.get(r, 0)]
    if not absent:
        return []
    joiner = "、" if t.lang == "zh" else ", "
    return [
        t._(
            "Your file has no {kinds}: VTR never counts them, so none were left out.",
            kinds=joiner.join(absent),
        )
    ]


def _counted(report: VtrReport, t: Translator) -> str:
    """The window's self-fulfilled packages, the count VTR divides by."""
    overall = report.overall
    return t._(
        "{count} self-fulfilled packages count toward VTR in the 30-day window ({start} – "
        "{end}); {valid} of them have valid tracking.",
        count=t.number(overall.shipments),
        valid=t.number(overall.valid),
        start=t.date(report.window.start),
        end=t.date(report.window.end),
    )


def _every_marketplace(report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """Each marketplace's figure over all its categories ("per marketplace breakdown"), as
    /vtr lists them; each category on it is still judged on its own."""
    shown = report.by_marketplace[:MAX_LINES]
    return [_planned_line(report, s, t, m, _group_name(t, s, True), places=True) for s in shown]


def _every_category(report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """Each category (on each marketplace, when the report spans several), as /vtr lists them."""
    shown = report.enforced_units()[:MAX_LINES]
    return [_planned_line(report, s, t, m, category_label(t, s.name)) for s in shown]


def _planned_line(
    report: VtrReport, group: GroupStats, t: Translator, m: Markup, label: str, places: bool = False
) -> str:
    """A group's line as /vtr's list gives it, with the fix plan's word on it: a group that
    fixing cannot bring above 95% is never told "fix N packages" here either."""
    planned = report.planned(group, "marketplace" if places else "category")
    return group_line(group, t, m, label, planned=planned)


def _defects(
    case: Case, report: VtrReport, named: list[GroupStats], t: Translator, m: Markup
) -> list[str]:
    """The defects asked about: of the named categories and marketplaces, of the named
    carriers (as selected or as the number looks) or orders, most recent first."""
    places = {g.name for g in named if _is_marketplace(g, report)}
    shops = {g.name for g in named if _is_shop(g, report)}
    # A shop named alone is every defect of it: its units listed beside it (the first few,
    # `_named_units`) are what is shown of it, no narrowing of the shop.
    shop_alone = shops and len(_named_groups(case, report)) == len(shops)
    units = [] if shop_alone else named
    categories = {g.name for g in units if _is_category(g, report)}
    cells = [g for g in units if isinstance(g, CellStats)]
    orders = _orders_named(case, report)
    chosen = [
        d
        for d in report.defects
        if (not categories or d.category in categories)
        and (not cells or any(_in_cell(d, cell) for cell in cells))
        and (not places or d.marketplace in places)
        and (not shops or d.shop in shops)
        and _carriers_fit(case, d)
        and (not orders or d.order_id.casefold() in orders)
        and (not _UNTRACKED.search(case.text) or d.reason == "missing_tracking")
        and (not _STILL_FIXABLE.search(case.text) or d.editable(report.as_of))
    ]
    if not chosen:
        if orders:
            return [
                t._(
                    "Not among the invalid packages of your last report: {orders}.",
                    orders=", ".join(sorted(orders)),
                )
            ]
        return [t._("No defects match that in your last report.")]
    count = t.ngettext("{count} invalid package:", "{count} invalid packages:", len(chosen))
    lines = [count] + [
        f"{reason_text(t, reason)}: {t.number(n)}"
        for reason, n in Counter(d.reason for d in chosen).most_common()
    ]
    lines += _fix_order_note(chosen, report, t)
    ordered = fix_order(chosen, report.plan, report.as_of)
    lines += [
        fix_line(d, t, m, report.as_of) + _defect_place(d, report, t) for d in ordered[:MAX_LINES]
    ]
    return lines


def _fix_order_note(chosen: list[Defect], report: VtrReport, t: Translator) -> list[str]:
    """How the list is ordered (`fix_order`), when it matters: the fixes that bring a
    category above 95% first, those no longer fixable last."""
    late = sum(not d.editable(report.as_of) for d in chosen)
    saving = {
        (d.order_id, d.tracking)
        for g in report.plan
        if g.savable and g.scope == "category"
        for d in g.fixes
    }
    first = any((d.order_id, d.tracking) in saving for d in chosen)
    if not late and not first:
        return []
    if first:
        note = t._(
            "Most urgent first: the fixes that bring a category above 95%, soonest due first."
        )
    else:
        note = t._("Still fixable first, soonest due first.")
    if late:
        note += sentence_gap(t) + t.ngettext(
            "The {count} past its fix-by date (probably delivered) can no longer be fixed: it is listed last.",
            "The {count} past their fix-by date (probably delivered) can no longer be fixed: they are listed last.",
            late,
        )
    return [note]


def _in_cell(defect: Defect, cell: CellStats) -> bool:
    """The defect is one of the cell's: its category, on its marketplace (any, for a shop's
    cell of a one-marketplace file), in its shop (when cells are taken per shop)."""
    return (
        defect.category == cell.name
        and (not cell.marketplace or defect.marketplace == cell.marketplace)
        and (cell.shop is None or defect.shop == cell.shop)
    )


def _defect_place(defect: Defect, report: VtrReport, t: Translator) -> str:
    """Where a listed defect belongs, when the report has several places: its category,
    its marketplace (whose Seller Central edits it) when there are several, and its shop
    (whose account it is in) when there are several."""
    market = defect.marketplace if len(report.by_marketplace) > 1 else None
    shop = defect.shop if report.per_shop else None
    if len(report.by_category) <= 1 and market is None and shop is None:
        return ""
    return " · " + unit_label(t, Markup(html=False), defect.category, market, shop)


_ORDER_ID = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")
_STILL_FIXABLE = re.compile(
    r"still (?:be )?(?:fix|correct|edit)|(?:can|could) (?:i|we) still|still fixable|not too late|"
    r"还能修|还可以修|还来得及|还能改|还可以改|能修的|可以修的"
)
"""Asked of the defects that can still be fixed alone ("which ones can I still fix")."""
_UNTRACKED = re.compile(
    r"no tracking|without tracking|untracked|blank|没有?(?:上传)?(?:追踪|单号)|空白|没传"
)
"""Asked of the packages without any tracking, not every invalid one."""


def _orders_named(case: Case, report: VtrReport) -> set[str]:
    """The order IDs a question names: Amazon's 3-7-7 form, or any of the report's own."""
    raw = case.raw.casefold()
    named = {m.group() for m in _ORDER_ID.finditer(raw)}
    named |= {
        d.order_id.casefold()
        for d in report.defects
        if d.order_id and d.order_id.casefold() in raw and len(d.order_id) >= 5
    }
    return named


def _carriers_fit(case: Case, defect: Defect) -> bool:
    """The defect is of the carriers named: as selected or as its number looks; with two
    named in roles ("a UPS number entered under USPS"), that selection with that number."""
    selected_and_actual = carrier_roles(case) if len(case.carriers) == 2 else None
    if selected_and_actual:
        selected, actual = (name.casefold() for name in selected_and_actual)
        looks = (defect.looks_like or "").casefold()
        return defect.carrier.casefold() == selected and looks == actual
    carriers = {c.name.casefold() for c in case.carriers}
    if not carriers and _MISMATCHED.search(case.text):
        return defect.looks_like is not None  # its number fits another carrier
    named = {defect.carrier.casefold(), (defect.looks_like or "").casefold()}
    return not carriers or bool(named & carriers)


def _label(group: GroupStats, report: VtrReport, t: Translator) -> str:
    if _is_marketplace(group, report):
        return marketplace_label(t, group.name)
    if _is_shop(group, report):
        return _shop_name(t, group.name)
    return _unit_name(t, group)


def _shop_name(t: Translator, shop: str) -> str:
    return t._("Shop {name}", name=shop_label(t, shop))


def _unit_name(t: Translator, group: GroupStats) -> str:
    """A category's name, with its marketplace when it is judged on one ('Toys on
    Amazon.de (DE)'), and its shop when the report holds several."""
    return stats_label(t, Markup(html=False), group)


def _group_name(t: Translator, group: GroupStats, places: bool) -> str:
    return marketplace_label(t, group.name) if places else _unit_name(t, group)


def _group_verdict(group: GroupStats, report: VtrReport, t: Translator) -> str:
    label = _label(group, report, t)
    ratio = ratio_text(t, group)
    below = [u for u in _shop_units(report, group.name) if u.below_threshold]
    if _is_shop(group, report) and below and not group.below_threshold:
        joiner = "、" if t.lang == "zh" else ", "
        return t._(
            "Not every category of {shop} passes: {names} is below the bar, and VTR is judged "
            "per category. The shop overall is {ratio}.",
            shop=label,
            names=joiner.join(_unit_name(t, u) for u in below),
            ratio=ratio,
        )
    if not group.below_threshold:
        text = t._("{name} is above the bar (above 95%): {ratio}.", name=label, ratio=ratio)
        if group.at_risk:
            risk = t._("It is at risk: it may fall to 95% (or under) within a week.")
            text += sentence_gap(t) + risk
        return text
    planned = _plan_of(group, report)
    if planned is not None and not planned.savable:
        return _cannot_save(group, planned, label, t)
    text = t._(
        "{name} is below the bar (VTR must be above 95%): {ratio}. Fix {needed} package(s) to get above it.",
        name=label,
        ratio=ratio,
        needed=t.number(group.needed),
    )
    if planned is not None and (due := first_fix_by(planned)):
        text += sentence_gap(t) + t._(
            "The first is due by {date} (its estimated delivery): tracking added after delivery does not count.",
            date=t.date(due),
        )
    if group.recovery_date:
        text += sentence_gap(t) + t._("Without fixes: {when}.", when=recovery_text(t, group))
    return text


def _plan_of(group: GroupStats, report: VtrReport) -> PlannedGroup | None:
    """The fix plan's entry for a named group: a category (or cell), or a marketplace."""
    if _is_shop(group, report):
        return report.shop_plan(group)
    if _is_marketplace(group, report):
        return report.planned(group, "marketplace")
    return report.planned(group)


def _cannot_save(group: GroupStats, planned: PlannedGroup, label: str, t: Translator) -> str:
    """A group below the bar that the plan says fixing cannot save: why (its defects
    delivered, or too few still editable), what the ones still editable do, and the day
    it is back above 95% on its own, as /vtr's plan says it."""
    text = t._(
        "{name} is below the bar (VTR must be above 95%): {ratio}; {verdict}.",
        name=label,
        ratio=ratio_text(t, group),
        verdict=fix_advice(t, group, planned),
    )
    if planned.fixes:
        text += sentence_gap(t) + t.ngettext(
            "Fixing the {count} defect still editable raises its VTR, but not above 95%.",
            "Fixing the {count} defects still editable raises its VTR, but not above 95%.",
            len(planned.fixes),
        )
    if group.recovery_date:
        text += sentence_gap(t) + t._(
            "It recovers on its own: {when}.", when=recovery_text(t, group)
        )
    return text


def _overall(report: VtrReport, t: Translator) -> str:
    """The shop's figure; above the bar with a category below it, that category first, since
    VTR is judged per category (a shop at 96.7% can still lose a category)."""
    overall = report.overall
    if overall.below_threshold:
        return t.ngettext(
            "Your shop overall is below the bar: {ratio}; fix {count} package to lift the "
            "whole shop above 95%. Amazon judges each category on its own:",
            "Your shop overall is below the bar: {ratio}; fix {count} packages to lift the "
            "whole shop above 95%. Amazon judges each category on its own:",
            overall.needed,
            ratio=ratio_text(t, overall),
        )
    below = [s for s in report.enforced_units() if s.below_threshold]
    if below:
        joiner = "、" if t.lang == "zh" else ", "
        return t._(
            "Not every category passes: {names} is below the bar, and VTR is judged per "
            "category. Your shop overall is {ratio}.",
            names=joiner.join(_unit_name(t, s) for s in below),
            ratio=ratio_text(t, overall),
        )
    return t._(
        "Your shop overall is above the bar (above 95%): {ratio}.", ratio=ratio_text(t, overall)
    )


def _below(report: VtrReport, t: Translator, m: Markup, places: bool = False) -> list[str]:
    """The groups below the bar (and at risk): categories, or marketplaces when asked."""
    groups = report.by_marketplace if places else report.enforced_units()
    below = [s for s in groups if s.below_threshold]
    risky = [s for s in groups if not s.below_threshold and s.at_risk]
    if not below and not risky:
        if places:
            return [t._("Every marketplace is above the bar (above 95%).")]
        return [t._("Every category is above the bar (above 95%).")]
    joiner = "、" if t.lang == "zh" else ", "
    names = joiner.join(_group_name(t, s, places) for s in below)
    counts = {"count": t.number(len(below)), "total": t.number(len(groups)), "names": names}
    if places:
        heading = t._("Marketplaces below the bar ({count} of {total}): {names}.", **counts)
    elif report.per_marketplace:
        heading = t._(
            "Below the bar ({count} of {total} categories, each counted per marketplace): {names}.",
            **counts,
        )
    else:
        heading = t._("Below the bar ({count} of {total} categories): {names}.", **counts)
    lines = [heading] if below else []
    lines += [
        _planned_line(report, s, t, m, _group_name(t, s, places), places) for s in below + risky
    ]
    return lines


def _passing(report: VtrReport, t: Translator, m: Markup, places: bool = False) -> list[str]:
    """ "which of my categories pass?": those above the bar first, then the others."""
    groups = report.by_marketplace if places else report.enforced_units()
    above = [s for s in groups if s.shipments and not s.below_threshold]
    if not above:
        return [t._("None is above the bar (above 95%)."), *_below(report, t, m, places)]
    joiner = "、" if t.lang == "zh" else ", "
    heading = t._(
        "Above the bar ({count} of {total}): {names}.",
        count=t.number(len(above)),
        total=t.number(len(groups)),
        names=joiner.join(_group_name(t, s, places) for s in above),
    )
    others = [s for s in groups if s not in above]
    shown = above + others
    return [
        heading,
        *(_planned_line(report, s, t, m, _group_name(t, s, places), places) for s in shown),
    ]


def _closest_above(report: VtrReport, t: Translator, m: Markup, places: bool = False) -> list[str]:
    """The lowest group still above 95% first, then the ones below (what it is closest to)."""
    groups = report.by_marketplace if places else report.enforced_units()
    above = [s for s in groups if s.shipments and not s.below_threshold]
    if not above:
        return [t._("None is above the bar (above 95%)."), *_below(report, t, m, places)]
    closest = min(above, key=lambda s: (Fraction(s.valid, s.shipments), s.name))
    name = _group_name(t, closest, places)
    lead = t._(
        "The closest to the bar while still above it is {name}: {ratio}.",
        name=name,
        ratio=ratio_text(t, closest),
    )
    return [lead, _planned_line(report, closest, t, m, name, places)]


def _worst(report: VtrReport, t: Translator, m: Markup, places: bool = False) -> list[str]:
    """ "what's my worst category?": the lowest VTR first, then the ones below the bar."""
    every = report.by_marketplace if places else report.enforced_units()
    groups = [s for s in every if s.shipments]
    if not groups:
        return [_overall(report, t)]
    worst = min(groups, key=lambda s: (Fraction(s.valid, s.shipments), s.name))
    name = _group_name(t, worst, places)
    lead = t._("The lowest is {name}: {ratio}.", name=name, ratio=ratio_text(t, worst))
    rest = [
        _planned_line(report, s, t, m, _group_name(t, s, places), places)
        for s in groups
        if s is not worst
    ]
    return [lead, _planned_line(report, worst, t, m, name, places), *rest]


def _shop_fixes(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """ "整店要修几单": the shop's own fewest fixes first, when the whole shop is asked of;
    the categories' plan follows, since Amazon judges each category."""
    if not _SHOP.search(case.text):
        return []
    overall = report.overall
    if not overall.below_threshold:
        return [
            t._("The whole shop is above the bar already: {ratio}.", ratio=ratio_text(t, overall))
        ]
    after = overall.valid + overall.needed
    return [
        t.ngettext(
            "The whole shop: fix {count} package to get it above 95% ({valid} of {shipments} "
            "= {percent}%).",
            "The whole shop: fix {count} packages to get it above 95% ({valid} of {shipments} "
            "= {percent}%).",
            overall.needed,
            valid=t.number(after),
            shipments=t.number(overall.shipments),
            percent=percent_text(after, overall.shipments),
        )
    ]


def _most_defects_carrier(case: Case, report: VtrReport, t: Translator) -> list[str]:
    """ "which carrier has the most invalid tracking?": that carrier first."""
    if not _MOST.search(case.text):
        return []
    carriers = [s for s in report.by_carrier if s.valid < s.shipments]
    if not carriers:
        return []
    worst = max(carriers, key=lambda s: (s.shipments - s.valid, s.name))
    tied = [s for s in carriers if s.shipments - s.valid == worst.shipments - worst.valid]
    if len(tied) > 1:
        return []  # the list says it: no one carrier has the most
    return [
        t.ngettext(
            "{carrier} has the most: {count} invalid package of {shipments}.",
            "{carrier} has the most: {count} invalid packages of {shipments}.",
            worst.shipments - worst.valid,
            carrier=worst.name,
            shipments=t.number(worst.shipments),
        )
    ]


_MOST = re.compile(r"\bmost\b|worst|最多|最差|最严重")
_BREAKDOWN = re.compile(
    r"breakdown|broken down|break (?:it |them |that )?down|\bsplit\b|"
    r"show (?:me )?(?:my |the |each |every |all )|list (?:my |the |each |every |all )|"
    r"分别看|分别列|拆开看|拆分|列出|列一下|明细"
)
"""A figure per marketplace asked for ("per marketplace breakdown", "按站点分别看"), not
whether Amazon judges per marketplace."""
_CLOSEST_ABOVE = re.compile(
    r"(?:closest|nearest|near(?:est)? to|closest to) (?:to )?(?:the )?(?:edge|bar|line|limit|95)|"
    r"\b(?:just|barely|only just) (?:above|over|passing)|"
    r"最接近|离.{0,4}(?:线|95|门槛|红线).{0,2}最近|刚刚?(?:过线|达标)|勉强(?:过线|达标)"
)
"""The passing group nearest the bar asked ("which category is closest to the edge but
still above"): the lowest still above 95%, not the ones already below."""
_WORST = re.compile(r"\bworst\b|\blowest\b|最差|最低|最糟|最烂")
_PASSING = re.compile(r"\bpass(?:ing|es)?\b|above the bar|达标的|合格的|没问题的|过了的")


def _fixes(report: VtrReport, t: Translator, shops: list[str] | None = None) -> list[str]:
    """The fixes every group below the bar needs (of the named `shops` alone, when given),
    in all and per group; when some group's defects are mostly delivered, what fixing can
    still do first, in the words /vtr's plan leads with: "fix 8 in all" alone would send
    the seller after packages Amazon no longer lets them edit."""
    categories = [
        s
        for s in report.enforced_units()
        if s.below_threshold and (shops is None or unit_shop(s) in shops)
    ]
    if not categories and shops:
        return [_no_fixes_in(t, shops)]
    if not categories:
        return [t._("No fixes are needed: every category is above the bar (above 95%).")]
    parts = t._("; ").join(
        f"{_unit_name(t, s)}: {_unit_fixes(t, s, report.planned(s))}" for s in categories
    )
    total = sum(s.needed for s in categories)
    savable = all(p.savable for s in categories if (p := report.planned(s)))
    if shops and savable:
        return [_fixes_in_shops(t, total, parts, shops)]
    if all(g.savable for g in report.plan if g.scope == "category"):
        return [_fixes_in_all(t, total, parts, report.per_marketplace)]
    would_be = t.ngettext(
        "In all, {count} package would need fixing to bring every category above 95%: {parts}.",
        "In all, {count} packages would need fixing to bring every category above 95%: {parts}.",
        total,
        parts=parts,
    )
    return [*plan_lead(report.plan, t, Markup(html=False)), would_be]


def _no_fixes_in(t: Translator, shops: list[str]) -> str:
    joiner = "、" if t.lang == "zh" else ", "
    return t._(
        "No fixes are needed in {shops}: every category there is above the bar (above 95%).",
        shops=joiner.join(_shop_name(t, shop) for shop in shops),
    )


def _fixes_in_shops(t: Translator, total: int, parts: str, shops: list[str]) -> str:
    joiner = "、" if t.lang == "zh" else ", "
    return t.ngettext(
        "Fix {count} package in all to bring every category of {shops} above 95%: {parts}.",
        "Fix {count} packages in all to bring every category of {shops} above 95%: {parts}.",
        total,
        shops=joiner.join(_shop_name(t, shop) for shop in shops),
        parts=parts,
    )


def _fixes_in_all(t: Translator, total: int, parts: str, per_marketplace: bool) -> str:
    if per_marketplace:
        return t.ngettext(
            "Fix {count} package in all to bring every category on every marketplace above 95%: {parts}.",
            "Fix {count} packages in all to bring every category on every marketplace above 95%: {parts}.",
            total,
            parts=parts,
        )
    return t.ngettext(
        "Fix {count} package in all to bring every category above 95%: {parts}.",
        "Fix {count} packages in all to bring every category above 95%: {parts}.",
        total,
        parts=parts,
    )


def _unit_fixes(t: Translator, group: GroupStats, planned: PlannedGroup | None) -> str:
    """A group's part of the fixes asked in all: the plan's verdict (`fix_advice`), with
    the day it recovers on its own when fixing cannot save it."""
    text = fix_advice(t, group, planned)
    if planned is not None and not planned.savable and planned.recovery_date:
        text += t._("; ") + recovery_text(t, planned)
    return text


def _recoveries(
    report: VtrReport, t: Translator, groups: list[GroupStats] | None = None
) -> list[str]:
    """Each group below the bar (of `groups`, else every category) with the day it is back
    above 95% if every new package is valid."""
    units = report.enforced_units() if groups is None else groups
    below = [s for s in units if s.below_threshold]
    if not below:
        return [t._("Every category is above the bar (above 95%) already.")]
    dated = [s.recovery_date for s in below if s.recovery_date]
    every = []
    if groups is None and len(below) > 1 and len(dated) == len(below):
        every = [
            t._(
                "Every category is above 95% by {date} if every new package is valid:",
                date=t.date(max(dated)),
            )
        ]
    elif len(below) > 1 and len(dated) == len(below):  # the named ones: the last of them first
        every = [
            t._(
                "All of these below the bar are above 95% by {date} if every new package is valid:",
                date=t.date(max(dated)),
            )
        ]
    return every + [
        t._("{name}: {when}.", name=_unit_name(t, s), when=recovery_text(t, s))
        if s.recovery_date
        else t._(
            "{name}: no date yet; fix its packages to get above 95%.",
            name=_unit_name(t, s),
        )
        for s in below
    ]
