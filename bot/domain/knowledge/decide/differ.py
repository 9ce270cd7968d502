"""A seller's own VTR beside the one Seller Central shows ("vtr 94 but seller central shows
96", "我算的和后台不一样"): Seller Central's figure is the one Amazon enforces, judged against
the bar; why the two differ is the entry's (window by promised delivery date, reporting
delay, exclusions, per category).
"""

from __future__ import annotations

from fractions import Fraction

from bot.domain.bar import is_above
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact

_AMAZONS = lazy(
    r"seller central|sellercentral|account health|amazon|后台|卖家平台|卖家后台|账户状况|亚马逊|系统"
)
_DIFFER = lazy(
    r"不一样|不同|对不上|不一致|不符|差(?:了|很多|好多|这么多)|相差|差距|\bbut\b|但是?|可是|却|"
    r"different|differs?|doesn'?t match|don'?t match|not match|mismatch|discrepanc|off by|"
    r"\bvs\.?\b|versus|以哪个为准|哪个(?:准|对|算数)|听谁的|信哪个|"
    r"which (?:one )?(?:is (?:right|correct)|counts|to (?:trust|believe))"
)
_OWN = lazy(
    r"我(?:自己)?(?:算|计算|统计|核算)|自己算|我这边|我的表|我的数据|excel|表格|"
    r"\bi (?:calculated|calculate|counted|worked out|got|get|make it)\b|\bmy (?:own )?(?:calc|calculation|count|math|numbers|spreadsheet|sheet)\b|"
    r"\bmine\b|by my count"
)
_BAR_BEFORE = lazy(
    r"(?:need|needs|require[sd]?|target|bar|threshold|要求|标准|门槛|高于|above|over|超过|at least|至少)"
    r"\s*(?:is|of|to be|是|为)?\s*(?:above|over|高于|超过)?\s*$"
)
"""A figure said as the bar ("amazon needs 95"), not a VTR."""
_FIGURE = lazy(r"(?<![\d.])(\d{2,3}(?:\.\d+)?)\s*%?")
DIFFER_ENTRY = "vtr-figures-differ"


def figures_differ(case: Case) -> Decision | None:
    """The seller's figure and Amazon's said to differ: Amazon's leads, with its verdict
    when it is told; no yes or no on the seller's own."""
    amazons = _AMAZONS.search(case.text)
    if amazons is None or not _DIFFER.search(case.text) or case.counts is not None:
        return None
    if "bot" in case.concepts:  # "你们机器人算的和后台不一样": this bot's report, its help
        return None
    figures = [
        m
        for m in _FIGURE.finditer(case.text)
        if 50 <= float(m.group(1)) <= 100 and not _BAR_BEFORE.search(case.text[: m.start()])
    ]
    if len(figures) > 2 or not (len(figures) == 2 or _OWN.search(case.text)):
        return None
    if case.metric not in (None, "vtr"):
        return None
    facts: dict[str, Fact] = {}
    told = [m for m in figures if m.start() > amazons.start()]
    if len(figures) == 2 and told:
        percent = told[0].group(1)
        facts = {"percent": percent, "above": is_above(Fraction(percent), 100)}
    return Decision(code="figures_differ", facts=facts, entry=DIFFER_ENTRY)
