"""Japan's small orders in the chat's data: Amazon.co.jp orders under JPY 1,000 are exempt
(domain.md §4.2). The rule is the domain's (`value_limits.value_exemption`, which the
report applies to every order and records as `excluded["jp_under_1000"]`); this is the one
home for answering about those orders, whether asked if they were counted or if the
untracked ones hurt, with one sentence for the exemption.
"""

from __future__ import annotations

import re

from bot.domain.knowledge.case import Case
from bot.domain.models import CellStats, GroupStats, VtrReport
from bot.domain.value_limits import JP_EXEMPT_LIMIT_JPY, value_exemption
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap
from bot.services.own_data.groups import is_marketplace
from bot.services.own_data.phrases import HURTS, UNTRACKED

_SMALL_ORDERS = re.compile(
    r"小单|小额|便宜|低价|几百|日元|円|\byen\b|\bjpy\b|cheap|small (?:orders?|ones)|"
    r"(?:under|below|less than) (?:jpy |¥)?1,?000|1,?000\s?(?:日元|円)?以下|低于\s?1,?000"
)
_SMALL_COUNTED_ASKED = re.compile(
    r"算进去|算了|算没算|算不算|计入|count(?:ed|s)?\b|included|left out|excluded|多少|how(?:'s| is) |"
    r"排除|剔除|除外|去掉|豁免|免除|没算|不算|(?:几|多少)(?:单|个|笔)|how many|exempt(?:ed)?\b|"
    r"dropped|removed|skipped|ignored"
)
"""Whether, or how many of, the file's small orders were counted or left out."""
_EXEMPT = "jp_under_1000"
"""The reason `value_exemption` gives a Japanese order under the limit, as the report
counts it in `excluded`."""


def asks_small_jp_orders(case: Case) -> bool:
    """ "日本站那几个几百日元的小单算进去了没": Japan's small orders asked about beside its
    figure (orders under JPY 1,000 are exempt, domain.md §4.2)."""
    japan = any(m.code == "JP" for m in case.markets) or case.currency == "JPY"
    return japan and bool(_SMALL_ORDERS.search(case.text))


def small_jp_counted(case: Case) -> bool:
    """ "how's Japan, were the sub-1000 yen orders counted?": whether the file's exempt
    orders were counted, asked with no amount or with the exemption's own (its limit, or
    an order the rule exempts); any other amount is a case to decide."""
    # "are they dragging my JP rate down?": whether they count, asked by what they would do.
    said = _SMALL_COUNTED_ASKED.search(case.text) or HURTS.search(case.text)
    asked = asks_small_jp_orders(case) and bool(said)
    return asked and _amount_is_exempt(case)


def _amount_is_exempt(case: Case) -> bool:
    """The amount the question names is the exemption's: its limit said as one ("1000日元
    以下", "sub-1000 yen"), or an order's value the domain's rule exempts."""
    if case.amount is None:
        return True
    if case.bound == "under":
        return case.amount == JP_EXEMPT_LIMIT_JPY
    return value_exemption("JP", "JPY", case.amount, case.letter) == _EXEMPT


def small_jp_asked(case: Case, report: VtrReport, t: Translator) -> str:
    """Whether the file's small Japanese orders count, asked as such or as whether they
    hurt ("are they dragging my JP rate down?": no, first, since they are left out)."""
    left_out = small_jp_left_out(report, t)
    if report.excluded.get(_EXEMPT, 0) and HURTS.search(case.text):
        return t._("No: they do not lower VTR.") + sentence_gap(t) + left_out
    return left_out


def small_jp_left_out(report: VtrReport, t: Translator) -> str:
    """The exemption, and how many of the file's Japanese orders it left out."""
    count = report.excluded.get(_EXEMPT, 0)
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


def small_jp_untracked(
    case: Case, report: VtrReport, named: list[GroupStats], t: Translator
) -> list[str]:
    """ "the japan shop has 4 orders with no tracking, do they hurt my vtr", Japan named:
    whether any counted JP package is untracked, then the exempt ones, which the report
    left out (they cannot lower VTR); none when that is not asked or none were exempt."""
    exempt = report.excluded.get(_EXEMPT, 0)
    if not (exempt and UNTRACKED.search(case.text) and HURTS.search(case.text)):
        return []
    places = {g.name for g in named if is_marketplace(g, report)}
    places |= {g.marketplace for g in named if isinstance(g, CellStats)}
    if "JP" not in places:
        return []
    untracked = sum(
        d.marketplace == "JP" and d.reason == "missing_tracking" for d in report.defects
    )
    if small_jp_counted(case):
        return [_small_ones_first(report, untracked, t)]
    if untracked:
        counted = _counted_untracked(untracked, t)
    else:
        counted = t._("No: none of your counted Amazon.co.jp packages is without tracking.")
    harmless = t.ngettext(
        "It does not lower VTR, tracked or not.",
        "They do not lower VTR, tracked or not.",
        exempt,
    )
    gap = sentence_gap(t)
    return [counted + gap + small_jp_left_out(report, t) + gap + harmless]


def _small_ones_first(report: VtrReport, untracked: int, t: Translator) -> str:
    """ "表里日本站那几单九百多日元的没单号，有影响没": the small orders asked about are
    answered first (exempt, so no); a counted package without tracking is another one's
    defect, said after it, never first."""
    said = [t._("No: they do not lower VTR."), small_jp_left_out(report, t)]
    if untracked:
        said.append(_counted_untracked(untracked, t))
    return sentence_gap(t).join(said)


def _counted_untracked(untracked: int, t: Translator) -> str:
    return t.ngettext(
        "{count} counted Amazon.co.jp package has no tracking and counts against VTR.",
        "{count} counted Amazon.co.jp packages have no tracking and count against VTR.",
        untracked,
    )
