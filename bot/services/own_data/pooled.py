"""A category named on several of its units, over the ones the question is about: the
figure an ERP dashboard shows beside the verdicts Amazon gives (one per marketplace, within
each shop). A question that names a shop is about that shop alone: the category over that
shop's marketplaces, never over every shop of the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.models import CellStats, GroupStats, VtrReport, unit_shop
from bot.domain.vtr import group_stats
from bot.services.i18n import Translator
from bot.services.vtr_words import category_label, shop_label


@dataclass(frozen=True)
class Pooled:
    """A category over several of its units: the whole category (`shop` None, the report's
    own group, with its recovery date), or one shop's (summed from that shop's cells)."""

    stats: GroupStats
    shop: str | None = None


def pooled_named(report: VtrReport, named: list[GroupStats]) -> list[Pooled]:
    """Each category named on two or more units: within one shop when every named unit is
    that shop's and the file holds several (the whole category's own group when the shop
    is its only one), else the whole category."""
    pooled = []
    for whole in report.by_category:
        cells = [g for g in named if isinstance(g, CellStats) and g.name == whole.name]
        if len(cells) < 2:
            continue
        shops = {unit_shop(c) for c in cells}
        if not (report.per_shop and len(shops) == 1):
            pooled.append(Pooled(whole))
            continue
        (shop,) = shops
        everywhere = [u for u in report.enforced_units() if u.name == whole.name]
        summed = group_stats(
            whole.name, sum(c.shipments for c in cells), sum(c.valid for c in cells)
        )
        pooled.append(Pooled(whole if len(cells) == len(everywhere) else summed, shop or ""))
    return pooled


def pooled_name(t: Translator, pooled: Pooled, report: VtrReport) -> str:
    """Whose figure it is: one shop's, every shop's, or every marketplace's."""
    category = category_label(t, pooled.stats.name)
    if pooled.shop is not None:
        return t._(
            "{category} in shop {shop}, all its marketplaces together",
            category=category,
            shop=shop_label(t, pooled.shop),
        )
    if report.per_shop:
        return t._("{category} in all your shops together", category=category)
    return t._("{category} on all its marketplaces together", category=category)
