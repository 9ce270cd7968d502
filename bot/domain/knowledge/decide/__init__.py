"""A seller's case decided with the product's own rules, before any entry is shown.

The same functions the report uses decide here: the bar and the fewest fixes (bar.py),
the value exemptions (exemptions.py), which marketplaces a rule or feature covers
(marketplaces.yaml), the metrics' targets (metrics.yaml). A decision is data (a code and
its facts); the services layer words it in the reader's language. A question whose case
lacks the facts a rule needs gets no decision, and no yes or no.

Each family of rules has its module, named for what it decides; `RULES` below is the one
order they are tried in (the first that decides wins):

- carriers: the carrier picked for a number (Chinese name, "Other", a mismatch)
- numbers: a tracking number pasted, checked as the report checks a row
- prefixes: whose numbers start (or end) with the letters told
- unknown_carriers: a carrier the sources never name, asked whether it counts
- packages: one order or package asked about (split into boxes, its age)
- differ: the seller's VTR beside Seller Central's, said to differ
- windows: the days a metric counts over, stated
- targets: a metric's bar stated, and the bar's lowest figure asked
- groups: several categories' or marketplaces' figures or rates against the bar
- metric_verdicts: metrics' rates against their own targets, and what follows a miss
- totals: how many of a total may be invalid, or that one figure is not enough
- counts: a window's shipped and valid figures worked out
- rate: one VTR told as a rate
- metric_names: which metric is which (by target, by what it counts, by name)
- routes and values: whether an order counts, by its route (or its origin outside China)
  or by its amount
- market_lists: the marketplaces a rule or Buy Shipping covers
- per_category: VTR judged per category, not for the whole account
- verdict: which way a yes or no points, read from what is asked (every family's)
- entries and percent: the entry shown per metric, and a VTR as text (services use both)
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.carriers import (
    carrier_chinese_name,
    carrier_match,
    carrier_mismatch,
    carrier_roles,
    other_for_carrier,
)
from bot.domain.knowledge.decide.counts import counts_unclear, vtr_counts
from bot.domain.knowledge.decide.differ import figures_differ
from bot.domain.knowledge.decide.entries import METRIC_ENTRIES
from bot.domain.knowledge.decide.groups import vtr_groups, vtr_rate_groups
from bot.domain.knowledge.decide.market_lists import marketplace_list, strike_through
from bot.domain.knowledge.decide.metric_names import (
    metric_by_content,
    metric_by_target,
    metric_identity,
    metric_name,
    metrics_named,
    one_metric_two_names,
)
from bot.domain.knowledge.decide.metric_verdicts import (
    metric_consequence,
    metric_rate,
    metric_rates,
    unnamed_rate,
)
from bot.domain.knowledge.decide.numbers import tracking_number
from bot.domain.knowledge.decide.packages import shipment_age, split_order
from bot.domain.knowledge.decide.per_category import account_wide, bar_alike
from bot.domain.knowledge.decide.percent import percent_text
from bot.domain.knowledge.decide.prefixes import number_length, number_prefix
from bot.domain.knowledge.decide.rate import rate_above_but_flagged, vtr_rate
from bot.domain.knowledge.decide.routes import (
    de_domestic_rule,
    domestic_carried,
    domestic_elsewhere,
    eu_countries,
    eu_route,
    jp_letter,
    letter_limit,
    letter_outside_eu,
    origin_elsewhere,
    uk_domestic_letter,
)
from bot.domain.knowledge.decide.targets import (
    bar_beside_a_denied_one,
    bar_choice,
    lowest_allowed,
    metric_target,
    restriction_line_stated,
    target_carried,
)
from bot.domain.knowledge.decide.totals import allowance, needs_figures, stated_allowance
from bot.domain.knowledge.decide.unknown_carriers import carrier_unnamed
from bot.domain.knowledge.decide.values import (
    jp_pair,
    letter_limit_contents,
    limit_asked_elsewhere,
    small_value,
    untracked_when_counted,
    value_rules,
)
from bot.domain.knowledge.decide.verdict import asks_pass_or_fail
from bot.domain.knowledge.decide.windows import (
    metric_window,
    vtr_window_choice,
    vtr_window_stated,
    window_said_wrong,
)
from bot.domain.knowledge.policy_dates import policy_date
from bot.domain.knowledge.schema import Decision

__all__ = [
    "METRIC_ENTRIES",
    "RULES",
    "asks_pass_or_fail",
    "carrier_roles",
    "decide",
    "percent_text",
]


def decide(case: Case) -> Decision | None:
    """The first rule that the case gives enough facts for, decided; None when none does.
    A start date the seller states for a rule, when wrong, outvotes a rule's yes ("since
    2024 cross-border orders count, right?"): a belief wrong in one part is not right."""
    decision = _first_decided(case)
    if decision is None or decision.agrees:
        # "取消率低于2.5%，也看30天对吧": a window said wrong outvotes the rest's yes.
        decision = window_said_wrong(case) or decision
    dated = policy_date(case)
    if dated is not None and (decision is None or (decision.agrees and not dated.agrees)):
        return dated
    return decision


def _first_decided(case: Case) -> Decision | None:
    for rule in RULES:
        decision = rule(case)
        if decision is not None:
            return untracked_when_counted(case, decision)
    return None


RULES: tuple[Callable[[Case], Decision | None], ...] = (
    carrier_chinese_name,
    other_for_carrier,
    tracking_number,
    number_prefix,
    number_length,
    carrier_mismatch,
    carrier_match,
    split_order,
    shipment_age,
    # "一单900日元一单1500日元，哪个算": two orders' amounts, not a window's counts.
    jp_pair,
    figures_differ,
    vtr_window_stated,
    vtr_window_choice,
    bar_beside_a_denied_one,
    restriction_line_stated,
    bar_choice,
    vtr_groups,
    vtr_rate_groups,
    target_carried,
    metric_rates,
    stated_allowance,
    vtr_counts,
    counts_unclear,
    rate_above_but_flagged,
    unnamed_rate,
    vtr_rate,
    allowance,
    needs_figures,
    metric_consequence,
    metric_rate,
    metric_by_target,
    metric_target,
    lowest_allowed,
    metric_window,
    metric_by_content,
    metric_identity,
    one_metric_two_names,
    metric_name,
    metrics_named,
    domestic_carried,
    letter_limit_contents,
    limit_asked_elsewhere,
    uk_domestic_letter,
    letter_outside_eu,
    jp_letter,
    value_rules,
    small_value,
    letter_limit,
    de_domestic_rule,
    domestic_elsewhere,
    eu_route,
    eu_countries,
    origin_elsewhere,
    bar_alike,
    strike_through,
    marketplace_list,
    account_wide,
    carrier_unnamed,
)
