"""Answers comparing the shops of a file that holds several: each shop is its own Amazon
account, judged on its own, so each is listed with its categories below the bar or at risk.
"""

from __future__ import annotations

import re
from fractions import Fraction

from bot.domain.knowledge.case import Case
from bot.domain.models import GroupStats, VtrReport
from bot.services.i18n import Translator
from bot.services.lines import list_separator
from bot.services.own_data.fixes import fixes_lines
from bot.services.own_data.groups import (
    MAX_LINES,
    is_category,
    is_shop,
    named_groups,
    shop_units,
)
from bot.services.own_data.phrases import FIX, MY_SHOP
from bot.services.own_data.wording import overall_line, shop_name, unit_name
from bot.services.vtr_words import Markup, group_line, ratio_text


def answer_about_shops(case: Case, report: VtrReport, t: Translator, m: Markup) -> list[str] | None:
    """Shops asked of, no category named: the fixes of the shops named ("Moon-EU还要修几个"),
    or the shops compared ("which shop is worse"); None when neither is asked."""
    groups = named_groups(case, report)
    if any(is_category(g, report) for g in groups):
        return None
    shops = [g.name for g in groups if is_shop(g, report)]
    if shops and FIX.search(case.text) and case.how_many:
        return fixes_lines(report, t, shops)
    if asks_shops(case, report) and len(shops) != 1:
        return _shops_compared(case, report, t, m)
    return None


def my_shops_pooled(case: Case, report: VtrReport, t: Translator, m: Markup) -> list[str] | None:
    """ "how is my shop doing" of a file holding several shops: the file's figure (the shops
    together, which Amazon never judges), then each shop on its own; None otherwise."""
    if len(report.by_shop) < 2 or not MY_SHOP.search(case.text):
        return None
    return [overall_line(report, t), *_shops_compared(case, report, t, m)]


_SHOPS_ASKED = re.compile(
    r"哪个店|哪家店|哪一个店|哪一家|哪些店|两个店|两家店|几个店|各个店|每个店|各店|店铺之间|"
    r"\bwhich (?:shop|store|account)s?\b|\b(?:both|two|my|the|all) (?:shops|stores|accounts)\b|"
    r"(?:per|each|every|by) (?:shop|store|account)\b|\bshops\b|\bstores\b"
)
"""The shops compared ("which shop is worse", "两个店哪个有风险"): each shop its own account."""
_WORSE = re.compile(r"\bworse\b|\bworst\b|\blowest\b|更差|最差|较差|差一些|更糟|最低|更低")


def asks_shops(case: Case, report: VtrReport) -> bool:
    return len(report.by_shop) > 1 and bool(_SHOPS_ASKED.search(case.text))


def _shops_compared(case: Case, report: VtrReport, t: Translator, m: Markup) -> list[str]:
    """Each shop (its own account) with its categories below the bar or at risk, the shop
    with the most below first (then the lowest figure), after `_shops_lead`."""
    below = {
        s.name: [u for u in shop_units(report, s.name) if u.below_threshold] for s in report.by_shop
    }
    shops = sorted(
        (s for s in report.by_shop if s.shipments),
        key=lambda s: (-len(below[s.name]), Fraction(s.valid, s.shipments), s.name),
    )
    if not shops:
        return [overall_line(report, t)]
    lines = [_shops_lead(case, shops, below, t)]
    for shop in shops[:MAX_LINES]:
        shop_line = group_line(
            shop, t, m, shop_name(t, shop.name), outlook=False, planned=report.shop_plan(shop)
        )
        lines.append(shop_line)
        flagged = [u for u in shop_units(report, shop.name) if u.below_threshold or u.at_risk]
        lines += [
            f"   {group_line(u, t, m, unit_name(t, u), planned=report.planned(u))}"
            for u in flagged[:MAX_LINES]
        ]
    return lines


def _shops_lead(
    case: Case, shops: list[GroupStats], below: dict[str, list[GroupStats]], t: Translator
) -> str:
    """The shops' comparison led by what was asked: the one worse off (`shops` is ranked
    worst first), or those with a category below the bar (`below`, by shop)."""
    worst = shops[0]
    failing = [s for s in shops if below[s.name]]
    if _WORSE.search(case.text) and failing:
        return t.ngettext(
            "{shop} is worse off: {count} of its categories is below the bar, and Amazon judges each shop on its own.",
            "{shop} is worse off: {count} of its categories are below the bar, and Amazon judges each shop on its own.",
            len(below[worst.name]),
            shop=shop_name(t, worst.name),
        )
    if _WORSE.search(case.text):
        return t._(
            "{shop} is the lowest: {ratio}; no category of any shop is below the bar.",
            shop=shop_name(t, worst.name),
            ratio=ratio_text(t, worst),
        )
    if failing:
        joiner = list_separator(t)
        return t._(
            "A category is below the bar in {shops}: each shop is its own account, and Amazon judges each on its own.",
            shops=joiner.join(shop_name(t, s.name) for s in failing),
        )
    return t._("Every category in every shop is above the bar (above 95%).")
