"""What a question asks of the chat's own data, read from its words: a figure, a group, the
problem orders, a carrier, a number, the window, a supposed change. Kept apart from the
answers so that deciding whether a question is about the chat's data (`asks_about_own_data`,
asked before the store is read) and choosing the answer read the question the same way.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from bot.domain.knowledge.case import Case, more_invalid, new_invalid
from bot.domain.knowledge.numerals import SMALL_EN, SMALL_ZH
from bot.domain.models import GroupStats, VtrReport
from bot.domain.tracking import resolve_carrier
from bot.services.own_data.groups import MAX_LINES, carrier_of, named_groups, named_units
from bot.services.own_data.japan import small_jp_counted
from bot.services.own_data.phrases import (
    BACK,
    BREAKDOWN,
    COUNT_ASKED,
    FIX,
    HURTS,
    MISMATCHED,
    SHOP,
    TOTAL_ASKED,
    WHICH,
    WHICH_ORDER,
    WORST,
    first_fix_asked,
    not_counted_asked,
)
from bot.services.own_data.row import ROWS_POINTED, orders_named, row_pointed
from bot.services.own_data.shops import asks_shops

_WHY = re.compile(
    r"为什么|为啥|原因|怎么(?:没有?|看不到|找不到|不显示)|why|reason|what's (?:actually )?wrong|问题在哪|哪里有问题|什么问题|啥问题|哪些问题"
)
_NOW = re.compile(r"现在|目前|当前|now|currently")
_FIGURE_WORDS = re.compile(r"\b(?:number|figure|rate|percentage|score)\b|数字|百分比|比率|比例")
"""A figure asked without "VTR" or "how many" ("overall number for the whole file?")."""
_OTHER_SUBJECTS = frozenset({"buyshipping", "appeal", "poa", "fba", "restrict", "atoz"})
_PLACES = re.compile(r"marketplaces?|\bsites?\b|站点|哪个站|哪些站|哪几个站")
_BAD = re.compile(
    r"无效|问题|invalid|\bbad\b|defect|no tracking|without tracking|untracked|没有?(?:上传)?(?:追踪|单号)|"
    r"没有?有效的?(?:追踪|单号)|不是有效|\bnot valid\b|without (?:a )?valid|坏的|坏了|不对|错的|错误|\bwrong\b"
)
"""The invalid packages asked for: their list, not the window's count."""
_ANY_ORDER = re.compile(r"orders?|packages?|shipments?|订单|包裹|哪单|哪个单|哪些单|\bany\b|哪")
_STILL = re.compile(r"\bstill\b|\bin (?:all|total)\b|altogether|还|一共|总共")
"""How many to fix asked of the whole plan ("还要修几个", "how many do I still need to fix")."""
_IN_WINDOW = re.compile(
    r"算进|计入|算在|统计|30\s?天|最近|一共|总共|总计|窗口|count(?:ed|s)? (?:toward|in|for)|"
    r"in (?:the|my|this) window|"
    r"(?:last|past) 30|in total|altogether|\btotal\b|"
    r"\b(?:you|did you|have you) (?:count|counted|use|used|include|included|read)\b|"
    r"from (?:my|the|our) (?:file|data|upload|export|report)|从(?:我的)?(?:文件|表格|数据)"
)
"""The window's package count asked ("最近30天算进VTR的包裹一共多少个"), not a rule's."""
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RULE_WORDS = re.compile(r"要求|标准|门槛|规定|规则|requirement|threshold|target|\brule")
"""A question about the rule ("我的VTR要求多少才达标"), not about the chat's figures."""
_DATA_WORDS = re.compile(
    r"类目|品类|分类|店铺|我的店|整体|总体|现在|目前|多少|几个|站|category|categories|shop|store|overall|"
    r"at risk|risky|in danger|有风险|危险|"
    r"达标|合格|过线|above the bar|below the bar|\bpass|\bmy vtr|my valid tracking|我的vtr|我的有效追踪|"
    r"now|current|fix|修|when|什么时候|哪天|恢复|back above|recover|still count|count against|还算|还计入|"
    r"how many (?:[a-z-]+ )?(?:packages|shipments) (?:are|do i have|have i|did i)"
)
_THE_FILE_SENT = re.compile(
    r"发(?:给)?你的|刚(?:才)?(?:发|传|上传)的?|上传的|(?:这|那)(?:个|份|张)?(?:表|文件|导出)|"
    r"(?:表|表格|文件|导出)里|"
    r"\b(?:the|this|that) (?:file|export|sheet|spreadsheet|upload)\b|\b(?:sent|uploaded|gave) you\b"
)
"""The file the seller sent, named without "my" ("刚发你的赛盒表", "the file I sent you"): its
figures are what is asked."""
_AMAZON_FULFILLED = r"(?<![a-z])(?:fba|afn)(?![a-z])|亚马逊(?:物流|配送|发货)|amazon[- ]fulfilled|fulfilled by amazon"
"""Amazon's own fulfilment, by its name or its words (亚马逊配送, as ERP exports write it)."""
_LEFT_OUT = re.compile(
    _AMAZON_FULFILLED
    + r"|cancel|取消|letters?|信件|平信|(?<![a-z])(?:brief|lettre|lettera|carta)(?![a-z])|"
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


def asks_carriers(case: Case) -> bool:
    """ "which carrier has the most problems?": the report's defects by carrier."""
    return bool(_CARRIER_ASKED.search(case.text) and _TROUBLE.search(case.text))


_TRACKING_TOKEN = re.compile(r"(?<![\w-])(?=[a-z]*\d)[a-z0-9]{5,34}(?![\w-])")
"""A tracking number as typed: 5 to 34 letters and digits, a digit among them (an order ID's
dashes are not)."""
_NUMBER_ASKED = re.compile(
    r"问题|怎么了|咋了|怎么回事|有效|无效|对吗|对不对|正常|错|wrong|problem|issue|\bok\b|okay|"
    r"\bvalid|invalid|\bfine\b|\bbad\b|why|为什么|为啥|status|what about|check"
)


def tracking_tokens(case: Case) -> list[str]:
    """The tracking numbers a question may name, as typed (folded), for the store to look up."""
    raw = unicodedata.normalize("NFKC", case.raw).casefold()
    return [m.group() for m in _TRACKING_TOKEN.finditer(raw)][:MAX_LINES]


_SCIENTIFIC_NAMED = re.compile(r"(?<![0-9a-z.])(\d)(?:\.(\d+))?\s*e\s*\+?\s*(\d{1,2})(?![0-9a-z.])")
"""A number as Excel shows a long one it turned into scientific notation ("9.4E+21")."""


def scientific_named(case: Case) -> list[tuple[str, int]]:
    """The numbers in scientific notation the question names, as their leading digits and
    exponent ("9.4E+21": ("94", 21)): a tracking number Excel destroyed, asked about."""
    raw = unicodedata.normalize("NFKC", case.raw).casefold()
    return [
        (m.group(1) + (m.group(2) or ""), int(m.group(3))) for m in _SCIENTIFIC_NAMED.finditer(raw)
    ]


def numbers_named(case: Case, report: VtrReport) -> list[str]:
    """The tracking numbers the question names: any of the report's invalid ones, or one
    asked about ("is LX… ok?") of 10 characters or more, as carriers' numbers are."""
    raw = unicodedata.normalize("NFKC", case.raw).casefold()
    tokens = [m.group() for m in _TRACKING_TOKEN.finditer(raw)]
    defective = {d.tracking.casefold() for d in report.defects if d.tracking}
    asked = bool(_NUMBER_ASKED.search(case.text))
    return [n for n in tokens if n in defective or (asked and len(n) >= 10)][:MAX_LINES]


_CARRIER_RATE = re.compile(
    r"有效率|追踪率|合格率|\brate\b|vtr|表现|怎么样|咋样|如何|情况|能到多少|到多少|"
    # "what's La Poste at?", "where does it land?": its figure asked, a fix supposed or not.
    r"\bwhat(?:'s| is| would)\b[^?]{0,30}\b(?:at|be)\s*\??$|where (?:does|would) (?:it|that) land|"
    r"how(?:'s| is| are| am)\b[^?]{0,40}\b(?:doing|going|looking|performing)|\bperform|"
    # "Royal Mail的单都有效吗", "are my Evri ones all valid?": its packages asked all valid.
    r"(?:都|全部|全都|全)(?:是)?有效|\ball (?:of (?:them|those) )?(?:valid|good|ok|fine)\b|"
    r"\b(?:are|were) (?:they|those|these|them|my [\w .-]{1,20}?) all (?:valid|good|ok|fine)\b"
)
"""A carrier's own figures asked ("USPS的单号有效率多少", "how's my YunExpress tracking doing")."""


def carriers_rated(case: Case, report: VtrReport) -> list[GroupStats]:
    """The report's carriers the question names when it asks how they are doing: their
    counted and valid packages, not the carrier's rules; none when it asks for orders, a
    mismatch or the rule itself."""
    if not case.carriers or not _CARRIER_RATE.search(case.text):
        return []
    if (
        _RULE_WORDS.search(case.text)
        or WHICH_ORDER.search(case.text)
        or MISMATCHED.search(case.text)
        or orders_named(case, report)
    ):
        return []
    names = {c.name.casefold() for c in case.carriers}
    return [s for s in report.by_carrier if s.name.casefold() in names and s.shipments]


def asks_period(case: Case) -> bool:
    """ "which dates does my data cover?", "这次是统计的哪段时间", "what period does this
    cover": the window of the chat's report, said as the seller's or pointed at."""
    said_of_data = case.own or _YOUR_FIGURES.search(case.text) or _THIS_DATA.search(case.text)
    # "窗口是哪几天": asked in a chat with a report (the only place this is asked), the
    # window's days are the report's.
    said_of_data = said_of_data or _WINDOW_WORD.search(case.text)
    return bool(_PERIOD.search(case.text)) and bool(said_of_data)


def asks_not_counted(case: Case) -> bool:
    """Rows asked about as not counted ("为什么德国站有些订单不计入"), read before the store is:
    the stored rows VTR leaves out are then tallied by group for the answer."""
    return bool(not_counted_asked(case.text))


def asks_left_out(case: Case, report: VtrReport | None) -> bool:
    """ "were the FBA and cancelled rows of my file counted?", "what total did you use after
    dropping FBA?", "how many orders did you leave out?": the report's exclusions, not the
    rule."""
    if report is None:
        return False
    named = _LEFT_OUT.search(case.text) and (
        _COUNTED.search(case.text) or TOTAL_ASKED.search(case.text)
    )
    if not (named or not_counted_asked(case.text)):
        return False
    if not_counted_asked(case.text) and (
        _WHICH_ROWS.search(case.text) or _WHY.search(case.text) or _SOME_ROWS.search(case.text)
    ):
        return True  # "哪些订单没算进去？为什么", "why were some not counted": rows left out, by reason
    if named and reasons_named(case):
        return True  # "取消的订单有没有计入" in a chat with a report: its own rows, or none
    return case.own or bool(_YOUR_FIGURES.search(case.text)) or bool(named_groups(case, report))


def asks_about_own_data(case: Case, report: VtrReport | None) -> bool:
    """A question about the chat's own figures: said of "my"/"我的" shipments (or naming one
    of its categories) and asking for a figure, a group, fixes or a date, with no figures of
    its own (those are a case to decide, not the stored data)."""
    if case.counts is not None:
        # "我上传了200多行，为什么报告里只有206个包裹": rows asked about as not counted.
        told = report is not None and told_figures_of(case, report) is not None
        return told or asks_left_out(case, report)
    if case.amount is not None:
        # "how's Japan, were the sub-1000 yen orders counted?": the amount is the exemption's,
        # asked of the file's own orders; any other amount is a case to decide.
        # An order of the file pointed at with its amount: its row, as the report read it.
        return report is not None and (small_jp_counted(case) or row_pointed(case, report))
    if asks_left_out(case, report) or asks_period(case) or asks_carriers(case):
        return True
    if report is not None and _asks_what_it_holds(case, report):
        return True
    if case.rate is not None:  # "宠物用品刚好95%，没事吧？": the chat's category, its figures
        # "which category sits exactly at 95%?": the rate says which of its groups are asked.
        return report is not None and bool(named_groups(case, report) or _asks_of_its_groups(case))
    owned = (
        (case.own or bool(_THE_FILE_SENT.search(case.text)))
        and bool(_DATA_WORDS.search(case.text))
        and not case.concepts & _OTHER_SUBJECTS
        and not _RULE_WORDS.search(case.text)
    )
    if report is None:
        return owned
    return owned or _asks_of_its_rows(case, report) or _asks_of_its_groups(case)


def _asks_what_it_holds(case: Case, report: VtrReport) -> bool:
    """A number, a carrier or how things stand, asked in a chat with a report."""
    if numbers_named(case, report) or carriers_rated(case, report) or scientific_named(case):
        return True  # "LX199503488CN 有什么问题", "USPS的单号有效率多少": that number, that carrier
    # "status?", "anything failing?", "需要修吗": the chat's own figures
    return bool(_STATUS.search(case.text)) and not case.concepts & _OTHER_SUBJECTS


_WINDOW_WORD = re.compile(r"窗口|\bwindow\b|统计期|考核期")


def _asks_of_its_rows(case: Case, report: VtrReport) -> bool:
    """The report's own groups, shops, orders or dated rows named or asked for."""
    if named_groups(case, report) or WHICH_ORDER.search(case.text) or asks_count(case):
        return True
    if carrier_rows_asked(case, report):
        return True  # "what's wrong with the DHL one in my file?": that carrier's rows
    if asks_shops(case, report) and not _RULE_WORDS.search(case.text):
        return True  # "which shop is worse?", "两个店哪个有风险": the shops compared
    if orders_named(case, report) or (
        MISMATCHED.search(case.text) and _ANY_ORDER.search(case.text)
    ):
        return True  # "what's wrong with 111-…?", "any orders where the carrier doesn't match?"
    if COUNT_ASKED.search(case.text) and _BAD.search(case.text) and _the_files_count(case):
        return True  # "how many of my packages have no tracking?", "无效的总共几个"
    said_of_the_file = case.own or bool(
        _YOUR_FIGURES.search(case.text) or ROWS_POINTED.search(case.text)
    )
    if _WHY.search(case.text) and _BAD.search(case.text) and said_of_the_file:
        return True  # "表里的无效单号都是什么原因": the file's invalid ones, with their reasons
    # "those October orders with blank tracking, are they hurting me?"
    return bool(dates_named(case.text, report.as_of) and HURTS.search(case.text))


def carrier_rows_asked(case: Case, report: VtrReport) -> bool:
    """ "what's wrong with the DHL one in my file?", "燕文那单在表里有两行都没单号…": a carrier
    of the report named with its rows pointed at: that carrier's defects, from the report."""
    named = {c.id for c in case.carriers}
    in_report = [resolve_carrier(s.name) for s in report.by_carrier]
    if not any(carrier_of(named, c) for c in in_report) or _RULE_WORDS.search(case.text):
        return False
    return bool(ROWS_POINTED.search(case.text))


def _the_files_count(case: Case) -> bool:
    """How many invalid packages, asked in a chat with a report: the file's own count, "my"
    said or not ("一共有多少单无效"); not a limit or a consequence asked of the rule ("最多能有
    几个无效", "how many invalid before I fail")."""
    return case.own or not (_LIMIT_ASKED.search(case.text) or _RULE_WORDS.search(case.text))


_LIMIT_ASKED = re.compile(
    r"最多|至多|允许|可以有|能有|不能超过|超过|会被|才会|会不会|"
    r"\bat most\b|\ballowed\b|\bcan (?:i|we|you) have\b|\bmax|\bbefore (?:i|we|it|you)\b|\bget me\b"
)


def _asks_of_its_groups(case: Case) -> bool:
    """Which categories or marketplaces, how many still to fix, when back above, the whole
    shop's figure or a per-marketplace breakdown, asked without "my"."""
    about_categories = bool(
        ("category" in case.concepts or asks_places(case))
        and (WHICH.search(case.text) or WORST.search(case.text))
    )
    still_to_fix = bool(FIX.search(case.text)) and case.how_many and bool(_STILL.search(case.text))
    back = bool(BACK.search(case.text))
    shop = bool(SHOP.search(case.text)) and bool(
        "vtr" in case.concepts
        or case.how_many
        or _NOW.search(case.text)
        or _FIGURE_WORDS.search(case.text)
    )
    shop = shop and not _RULE_WORDS.search(case.text)
    breakdown = asks_places(case) and bool(BREAKDOWN.search(case.text))
    first = first_fix_asked(case.text) and not _RULE_WORDS.search(case.text)
    return about_categories or still_to_fix or back or shop or breakdown or first


def asks_defects(case: Case, report: VtrReport) -> bool:
    """The problem packages are asked for: which orders, why, an order by its ID, the
    mismatched or untracked ones, a carrier's rows of the file."""
    return bool(
        carrier_rows_asked(case, report)
        or WHICH_ORDER.search(case.text)
        or _WHY.search(case.text)
        or orders_named(case, report)
        or (MISMATCHED.search(case.text) and _ANY_ORDER.search(case.text))
        or (COUNT_ASKED.search(case.text) and _BAD.search(case.text))
    )


def asks_places(case: Case) -> bool:
    """ "which marketplace is below?", "哪个站点不达标": the marketplaces, not the categories."""
    return "marketplace" in case.concepts or bool(_PLACES.search(case.text))


def asks_count(case: Case) -> bool:
    """ "最近30天算进VTR的自发货包裹一共多少个": the window's count, asked without "my" (how
    many to fix is the plan's question)."""
    return bool(COUNT_ASKED.search(case.text) and _IN_WINDOW.search(case.text)) and not (
        _RULE_WORDS.search(case.text)
        or case.total
        or FIX.search(case.text)
        or _BAD.search(case.text)
    )


def told_figures_of(case: Case, report: VtrReport) -> GroupStats | None:
    """The one group the question names whose figures are the ones it tells ("汽车配件
    57/60 对吗"): the seller checking the report's figures, not a case to work out."""
    if case.counts is None:
        return None
    told = (case.counts.shipments, case.counts.valid)
    for named in (named_groups(case, report), named_units(case, report)):
        same = [g for g in named if (g.shipments, g.valid) == told]
        if len(named) == 1 and same:
            return same[0]
    return None


def asks_now_first(text: str) -> bool:
    """ "Beauty is just above right? what if one more goes bad", "现在怎么样，要是再坏一单呢":
    the group as it stands is asked before the supposition, so it is answered first."""
    supposed = _SUPPOSITION.search(text)
    return bool(supposed and _NOW_ASKED.search(text[: supposed.start()]))


_SUPPOSITION = re.compile(r"what if|\bif\b|suppose|要是|如果|假如|假设|万一")
_NOW_ASKED = re.compile(
    r"[?？]|how(?:'s| is| are| am) (?:it|it doing|they|we|i)\b|how (?:is|are) .{0,30} doing|"
    r"\bright\b|\bcorrect\b|现在|目前|怎么样|如何|对吧|对吗|是吧|吗|呢"
)


def supposes_change(case: Case) -> bool:
    """ "what if one more goes bad?", "if I fix just that one": a change supposed of the
    group's figures, whatever else the words name ("再多一个无效单号" is no list asked)."""
    return (
        supposed_fixes(case.text) is not None
        or more_invalid(case.text) is not None
        or new_invalid(case.text) is not None
    )


def supposed_fixes(text: str) -> int | None:
    """Fixes supposed ("if I fix 2", "修好3单够不够") or told as made since the report ("I
    fixed 1")."""
    counted = _COUNT_THEN_FIX.search(text) or _FIX_THE_COUNT.search(text)
    if counted is not None:  # "那3个都改对了", "fix the 2 La Poste ones": that many
        return _count_of(counted.group(1))
    if _FIX_ALL.search(text):
        return ALL_FIXED
    found = _SUPPOSED_FIX.search(text) or _FIX_ENOUGH.search(text) or _TOLD_FIX.search(text)
    found = found or _FIXED_THEN_ASKED.search(text)
    if found is None:
        return None
    return _count_of(found.group(1) or "one")  # "fix just the Toys one": one package


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


def dates_named(text: str, as_of: date) -> list[tuple[date, date]]:
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


_SOME_ROWS = re.compile(
    r"几单|几个(?:订单|包裹|单)|几行|多少行|有些|一些|部分|\bsome\b|a few|\bseveral\b|多少单|how many"
)
"""Some of the file's rows asked about ("有几单没算", "表里有多少行被跳过了", "why were some
orders not counted")."""
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
_SUPPOSED_FIX = re.compile(
    r"(?:if|what if|suppose|如果|假如|要是|假设)[^?？。]{0,30}?(?:fix|correct|repair|修好?|改好?|补好?|更正)\s*"
    r"(?:just |only |another |)(?:(\d+|an?|one|two|three|four|five|一|两|二|三|四|五)(?![a-z\d])|"
    r"(?:the|that|this)\b[^,.;?？。]{0,40}?\b(?:one|package|parcel|shipment|order)\b(?! of))|"
    r"(?:如果|假如|要是|假设)[^?？。]{0,30}?(?:把|将)[^?？。，,]{0,30}?(?:修好|改好|补好|更正|修正|修复)"
)
"""A fix supposed of the chat's figures ("if I fix just one order in Toys", "如果修好2单")."""
_FIXED_THEN_ASKED = re.compile(
    r"(?:如果|假如|要是|假设)?(?:修好|改好|补好|补上|更正|修复|改对)[^?？。，,\d]{0,12}?的?"
    r"(\d+|一|两|二|三|四|五)\s*(?:个|单|件|票)|"
    r"(?:改完|修完|补完|改好后|修好后|补上后|改对后|(?:改|修|补)(?:好|完|上)?(?:了)?之后)[^?？。]{0,12}?"
    r"(?:能到|能回到|会是|是|变成|到|有)(?:多少|几)"
)
"""A fix supposed told before what is asked of it ("如果修好宠物的1单，能到多少", "改完宠物能到多少":
the order just named, one package)."""
_COUNT_THEN_FIX = re.compile(
    r"(?:如果|假如|要是|假设|等)[^?？。]{0,30}?(?<![\d.])(\d+|一|两|二|三|四|五)\s*(?:个|单|件|票)"
    r"[^?？。，,\d]{0,12}?(?:都|全)?(?:改对|改好|修好|补上|补好|补齐|更正|修正|修复|改正)"
)
"""Fixes supposed with their count told first ("如果家居类那3个单号都改对了", "要是那2单补上单号"):
that many, not all of the group's."""
_FIX_THE_COUNT = re.compile(
    r"(?:if|what if|suppose|once)[^?]{0,30}?(?:fix|correct|repair|update)(?:ed)?\s+"
    r"(?:the|those|these|my|all|all the|both)\s+(\d+|two|three|four|five)\b"
)
"""Fixes supposed of a counted few ("if I fix the 2 La Poste ones", "once I correct those 3")."""
_FIX_ENOUGH = re.compile(
    r"(?:fix|correct|repair|修好?|改好?|补好?|更正)\s*(\d+|一|两|二|三|四|五)\s*"
    r"(?:[个单件]|packages?|orders?|shipments?|of them)?\s*[,，]?\s*"
    r"(?:就|的话)?(?:够|能过|能达标|可以过|能(?:回)?到|能高于|能超过|可以(?:回)?到|行不行|行吗|"
    r"enough|(?:is|would) (?:that|it) be enough|"
    r"(?:will|would) (?:it|that|i|we) (?:pass|be (?:above|enough)))"
)
"""A fix asked whether it is enough ("修好3单够不够", "fix 3, is that enough?")."""
_FIX_ALL = re.compile(
    r"(?:fix|correct|repair)(?:ed)? (?:everything|all(?: of)?(?: them| the (?:bad|invalid) ones| the defects)?\b)|"
    r"(?:全部|全都|都|全)(?:修好|修复|改好|补好|修)"
)
ALL_FIXED = -1
"""`supposed_fixes`' answer for "if I fix everything": every invalid package of the group."""
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
    r"by carrier|per carrier|each carrier|各(?:个)?(?:物流|承运商|快递)|"
    # "按承运商看哪家最差": the carriers compared, named before which one is asked
    r"[按分](?:物流商?|承运商|快递|渠道)|(?:物流商?|承运商|快递)[^，,。?？]{0,8}哪(?:家|个)"
)
_TROUBLE = re.compile(r"problem|most|worst|defect|invalid|bad|wrong|问题|最多|最差|无效|出错|错误")
"""The carriers asked about by their defects ("which carrier has the most problems?"), not
which carriers count."""
_COUNT_WORDS = {"a": 1, "an": 1} | SMALL_EN | SMALL_ZH
"""A count said in words ("fix an order", "fix two", "修好三单"): the numerals' own tables,
with an article read as one where the patterns take it as a count."""


def _count_of(word: str) -> int | None:
    return int(word) if word.isdigit() else _COUNT_WORDS.get(word)


def reasons_named(case: Case) -> list[str]:
    """The report's exclusion reasons a question names (FBA, cancelled, unshipped)."""
    reasons = []
    if "fba" in case.concepts or re.search(_AMAZON_FULFILLED, case.text):
        reasons.append("fba")
    if re.search(r"cancel|取消", case.text):
        reasons.append("cancelled")
    if re.search(r"unshipped|not shipped|未发货|没发货", case.text):
        reasons.append("not_shipped")
    if _OUTSIDE.search(case.text):
        reasons.append("outside_window")
    return reasons


_TOLD_RATE = re.compile(
    r"(?:\bat|\bis|\bshows?|\bsits? at|\bsitting at|\breads?|现在是?|目前是?|显示|是|在|有|到了|才)"
    r"\s*(\d{2}(?:\.\d+)?)(?:\s*(?:%|％|percent|个点))?"
    r"(?!\s*(?:[\d/.]|of\b|个(?!点)|单|笔|包裹|orders?\b|packages?\b|shipments?\b|days?\b|天|"
    r"以上|以下|or (?:above|more|over)|and (?:above|up)))"
)
"""A group's rate told as its level ("Toys is at 95 so it's fine?", "玩具现在是95，没事吧"),
with or without a % sign: not a count, a day, or a bar to get back above ("回到95%以上")."""


def told_rate(case: Case) -> float | None:
    """The one rate between 50 and 100 the question tells as a group's level, if any."""
    if case.counts is not None:
        return None
    found = [float(m.group(1)) for m in _TOLD_RATE.finditer(case.text)]
    rates = [r for r in found if 50 <= r <= 100]
    return rates[0] if len(rates) == 1 else None
