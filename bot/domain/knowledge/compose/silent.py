"""Holidays and new sellers, on which the sources are silent: their entry before any rule."""

from __future__ import annotations

from bot.domain.knowledge.case import Case

HOLIDAY_ENTRY = "vtr-holidays"
"""Holidays and carriers closed: the sources say nothing of a pause (domain.md is silent), so
the entry that says so and what the rules do say, never a window rule's yes or no."""


NEW_SELLER_ENTRY = "vtr-new-sellers"
"""New sellers and grace periods: the sources say nothing of either (domain.md is silent), so
the entry that says so first, then the rule that is known, never a window rule's yes or no."""


SILENT_ENTRIES = frozenset({HOLIDAY_ENTRY, NEW_SELLER_ENTRY})
"""Entries that say the sources are silent, then state the rules known: one answer."""


def holidays_asked(case: Case) -> bool:
    """ "do holidays pause the VTR window", "春节物流停运VTR会不会暂停": VTR over a holiday or a
    carrier's closure, with no figures and no other metric ("放假期间迟发率": LSR's entry)."""
    other_metric = any(m != "vtr" for m in case.metrics)
    figures = case.counts is not None or case.rate is not None or bool(case.groups)
    return "holiday" in case.concepts and not other_metric and not figures


def new_seller_asked(case: Case) -> bool:
    """ "is there a grace period for new sellers", "我是新卖家 vtr不够30天怎么算": VTR for a new
    shop, with no figures, no other metric, no marketplace or carrier to decide ("new seller
    here, we ship to the US and UK, what's the rule": the bar's list)."""
    other_metric = any(m != "vtr" for m in case.metrics)
    figures = case.counts is not None or case.rate is not None or bool(case.groups)
    named = bool(case.markets or case.carriers)
    return "newseller" in case.concepts and not (other_metric or figures or named)
