"""One row of the chat's file pointed at with its amount ("运动户外德国那单 Brief 24.9 欧的有单号，
算有效吗", "my UK order of £8.99 sent as a letter without tracking"): what the report did
with it, first, so the answer never contradicts the report; then its group's figures.

The report keeps no row by its amount, so the row is judged by the report's own rules
(`value_limits`, the one rule for a file's orders and the answers) and found among its
group's defects: a group with none counted every row of it as valid.
"""

from __future__ import annotations

import re

from bot.domain.knowledge.case import Case
from bot.domain.models import Defect, GroupStats, VtrReport
from bot.domain.reference import marketplace_by_code
from bot.domain.value_limits import (
    EU_LETTER_LIMIT_EUR,
    JP_EXEMPT_LIMIT_JPY,
    US_TWO_SCANS_FROM_USD,
    letter_counted_unconverted,
    value_exemption,
)
from bot.services.i18n import Translator
from bot.services.own_data.groups import carriers_fit, is_marketplace, is_shop
from bot.services.own_data.order_timing import TIMING_ASKED, order_timing_lines
from bot.services.own_data.phrases import UNTRACKED
from bot.services.own_data.wording import group_label, group_verdict
from bot.services.report_text import exclusion_names
from bot.services.vtr_words import Markup, fix_line, marketplace_label

ROWS_POINTED = re.compile(
    r"那单|那一单|那个单|这单|这一单|那票|那件|那封|这封|那个订单|那个包裹|那几单|那两单|那些单|"
    r"表里|表格里|文件里|报告里|"
    r"\bthe (?:[\w.&-]+ ){1,3}(?:one|ones|order|orders|package|packages|parcel|parcels|shipment|"
    r"shipments|letter|letters)\b|"
    r"\b(?:that|those) (?:[\w&-]+ )?(?:one|ones|order|orders|package|packages|parcel|parcels|shipments?)\b|"
    r"\bin (?:my|the|our) (?:file|sheet|spreadsheet|data|upload|export|report)\b"
)
"""Rows of the file pointed at ("燕文那单", "the DHL one in my file"), not a rule asked."""
_SAID_LEFT_OUT = re.compile(
    r"不算|不计入|不影响|豁免|免除|不用算|exempt|excluded|(?:doesn't|does not|don't|won't) count|"
    r"not count|left out|doesn't matter|no effect"
)
"""The row believed left out of VTR ("没单号不算VTR", "exempt right?")."""
_TRACKED = re.compile(
    r"有单号|有追踪|有跟踪|有运单号|传了单号|填了单号|上传了单号|"
    r"\b(?:has|had|have|with) (?:a |its |the )?(?:tracking|number)\b|\btracked\b"
)


_LIMIT = re.compile(
    r"\bunder|\bbelow|\bover\b|\babove|less than|more than|以下|以上|以内|低于|高于|不到|超过|小于|大于|"
    r"\bthose\b|\borders\b|那些|那几单"
)
"""An amount said as a limit, or several orders ("those under-1000 yen orders"): no one row."""


def row_pointed(case: Case, report: VtrReport) -> bool:
    """An order of the file pointed at with its amount and marketplace, or by its ID among
    the defects ("that £8.99 letter (205-…), exempt like the German ones?"): its row, asked."""
    if case.amount is None or case.bound is not None or _LIMIT.search(case.text):
        return False
    if (defect := defect_named(case, report)) is not None:
        return defect.marketplace in marketplace_by_code() or len(case.markets) == 1
    return (
        len(case.markets) == 1
        and bool(ROWS_POINTED.search(case.text))
        and any(s.name == case.markets[0].code for s in report.by_marketplace)
    )


_ORDER_ID = re.compile(r"\b\d{3}-\d{7}-\d{7}\b")


def orders_named(case: Case, report: VtrReport) -> set[str]:
    """The order IDs a question names: Amazon's 3-7-7 form, or any of the report's own."""
    raw = case.raw.casefold()
    named = {m.group() for m in _ORDER_ID.finditer(raw)}
    named |= {
        d.order_id.casefold()
        for d in report.defects
        if d.order_id and d.order_id.casefold() in raw and len(d.order_id) >= 5
    }
    return named


def defect_named(case: Case, report: VtrReport) -> Defect | None:
    """The one defect of the report a question names by its order ID, if exactly one."""
    named = orders_named(case, report)
    found = [d for d in report.defects if d.order_id.casefold() in named]
    return found[0] if len(found) == 1 else None


def _row_market(case: Case, report: VtrReport) -> str:
    """The row's marketplace: the named defect's, else the one the question names."""
    defect = defect_named(case, report)
    if defect is not None and defect.marketplace in marketplace_by_code():
        return defect.marketplace
    return case.markets[0].code


def row_lines(case: Case, report: VtrReport, named: list[GroupStats], t: Translator) -> list[str]:
    """What the report did with the row (left out, or counted and then valid or a defect),
    then the named groups' figures when a category is named beside it."""
    assert case.amount is not None
    market = _row_market(case, report)
    currency = case.currency or marketplace_by_code()[market].currency
    left_out = value_exemption(market, currency, case.amount, case.letter)
    if left_out is not None:
        reason = exclusion_names(t).get(left_out, left_out)
        return [t._("Your report leaves that order out of VTR ({reason}).", reason=reason)]
    defects = _group_defects(case, report, named)
    if len(defects) == 1 and UNTRACKED.search(case.text) and TIMING_ASKED.search(case.text):
        # "德国站那单24.9欧的平信没单号，现在改还是等等": the one untracked row, its decision.
        return order_timing_lines(defects[0], report, t, Markup(html=False))
    lines = [_counted(case, report, named, t)]
    why = _why_counted(market, currency, case.amount, case.letter, t)
    if why is not None and _WHY.search(case.text):
        lines.insert(0, why)  # "…为什么也算进去了": the rule that counts it, first
    lines += _letter_rule_elsewhere(market, case.letter, t)
    if letter_counted_unconverted(market, currency, case.amount, case.letter):
        lines.append(
            t._(
                "Your report counts letters on Amazon.co.uk: an untracked one is exempt only "
                "when its Royal Mail postage was bought through Buy Shipping, which a file "
                "does not show."
            )
        )
    lines += [group_verdict(g, report, t) for g in named if not is_marketplace(g, report)]
    return lines


def _letter_rule_elsewhere(market: str, letter: bool, t: Translator) -> list[str]:
    """A letter on a marketplace with no letter rule (a US letter of USD 7.99): the exemption
    asked about is the EU's alone (domain.md §1b), said so, since the seller who names the
    letter believes it may apply. Japan's own limit and the UK's postage rule are said by
    `_why_counted` and `letter_counted_unconverted`."""
    place = marketplace_by_code().get(market)
    if not letter or place is None or place.letter_rule or market in ("JP", "UK"):
        return []
    return [
        t._(
            "The letter exemption (under EUR {limit}, sent with a letter service) is for orders "
            "on EU marketplaces only: a letter on {market} counts like any other package.",
            limit=EU_LETTER_LIMIT_EUR,
            market=marketplace_label(t, market),
        )
    ]


_WHY = re.compile(r"为什么|为啥|凭什么|怎么(?:也|还|会)(?:算|计)|\bwhy\b|how come")
"""Why the row counts, asked ("为什么也算进去了", "why does it count?")."""


def _why_counted(
    market: str, currency: str, amount: float, letter: bool, t: Translator
) -> str | None:
    """Why a row the value rules could exempt counts: which of the rule's conditions it
    misses (an EU letter not under EUR 20, an EU order under it not sent as a letter, a
    Japanese order not under JPY 1,000), or that the US exempts no value at all (a seller
    asking of a small US order believes it might be); None elsewhere."""
    place = marketplace_by_code().get(market)
    if market == "US" and currency == "USD":
        return t._(
            "It counts because no order value is exempt on Amazon.com: a package shipped "
            "from China under USD {limit} still needs at least one carrier scan (from USD "
            "{limit}, two).",
            limit=US_TWO_SCANS_FROM_USD,
        )
    if market == "JP" and currency == "JPY":
        return t._(
            "It counts because it is not under JPY {limit}: only Japanese orders under JPY "
            "{limit} are left out of VTR.",
            limit=f"{JP_EXEMPT_LIMIT_JPY:,}",
        )
    if place is None or not place.letter_rule or currency != "EUR":
        return None
    if letter:
        return t._(
            "It counts because it is not under EUR {limit}: a letter is left out of VTR only "
            "under EUR {limit} (shipping included, VAT excluded).",
            limit=EU_LETTER_LIMIT_EUR,
        )
    return t._(
        "It counts because it is not sent as a letter: an order is left out of VTR only when "
        "it is under EUR {limit} and sent with a letter service.",
        limit=EU_LETTER_LIMIT_EUR,
    )


def _counted(case: Case, report: VtrReport, named: list[GroupStats], t: Translator) -> str:
    """The row counted: a defect when said untracked, else valid where its group has no
    defect, else its group's defects to find it among."""
    if UNTRACKED.search(case.text) and not _TRACKED.search(case.text):
        counted = t._(
            "Your report counts that order in VTR: without tracking it is a defect there "
            "(no tracking number)."
        )
        if case.belief and _SAID_LEFT_OUT.search(case.text):
            # "…没单号不算VTR，对吗": the belief the report contradicts, said so first.
            gap = " " if t.lang == "en" else ""
            return t._("Not so:") + gap + counted
        return counted
    if (defect := defect_named(case, report)) is not None:
        # "order 112-… was only $4.50": the order is one of the defects, said so
        return t._(
            "Your report counts that order in VTR, and it is invalid there:\n{defect}",
            defect=fix_line(defect, t, Markup(html=False), report.as_of),
        )
    defects = _group_defects(case, report, named)
    if not defects:
        return t._(
            "Your report counts that order in VTR with valid tracking: none of the packages "
            "of {group} is invalid there (the offline check reads the number against its "
            "carrier's format; Amazon also needs the carrier's first scan).",
            group=_group_name(case, report, named, t),
        )
    m = Markup(html=False)
    found = "\n".join(fix_line(d, t, m, report.as_of) for d in defects[:4])
    return t._(
        "Your report counts that order in VTR; its tracking is valid there unless it is one "
        "of these invalid packages:\n{defects}",
        defects=found,
    )


def _group_defects(case: Case, report: VtrReport, named: list[GroupStats]) -> list[Defect]:
    """The defects of the row's marketplace, and of the category named beside it."""
    market = _row_market(case, report)
    categories = {g.name for g in named if not (is_marketplace(g, report) or is_shop(g, report))}
    return [
        d
        for d in report.defects
        if d.marketplace == market
        and (not categories or d.category in categories)
        and carriers_fit(case, d)
        and (not UNTRACKED.search(case.text) or d.reason == "missing_tracking")
    ]


def _group_name(case: Case, report: VtrReport, named: list[GroupStats], t: Translator) -> str:
    """The row's group as the report names it: its category's unit, else its marketplace."""
    units = [g for g in named if not (is_marketplace(g, report) or is_shop(g, report))]
    if units:
        return group_label(units[0], report, t)
    return marketplace_label(t, _row_market(case, report))
