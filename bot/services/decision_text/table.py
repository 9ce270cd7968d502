"""Every decision code's wording, in one table: a sentence, one of two, or a function."""

from __future__ import annotations

from bot.domain.knowledge.schema import Decision
from bot.services.decision_text.counts import allowance, vtr_counts, vtr_groups
from bot.services.decision_text.marketplaces import (
    marketplace_list,
    strike_through,
    vtr_marketplaces,
)
from bot.services.decision_text.metrics import (
    metric_by_target,
    metric_consequence,
    metric_identity,
    metric_rate,
    metric_same,
    metric_target,
    metrics_named,
)
from bot.services.decision_text.packages import (
    mismatch,
    number_length,
    number_prefix,
    shipment_age,
    split_order,
)
from bot.services.decision_text.rates import (
    figures_differ,
    metric_rates,
    rate_unnamed,
    restriction_risk,
    vtr_rate,
    vtr_rate_flagged,
    vtr_rate_groups,
)
from bot.services.decision_text.routes import (
    domestic_unstated,
    eu_letter,
    eu_letter_pair,
    jp_pair,
    jp_rule,
    letter_outside_eu,
    uk_letter,
    us_scans,
    vtr_any_origin,
)
from bot.services.decision_text.unclear import counts_unclear
from bot.services.decision_text.wording import Wording, _, by_fact, sentence
from bot.services.i18n import Translator
from bot.services.number_text import tracking_number_text


def _policy_date(decision: Decision, t: Translator) -> str:
    """When a rule took effect, in the reader's language (the facts hold both)."""
    lang = "zh" if t.lang == "zh" else "en"
    return t._(
        "{rule} took effect {date}.",
        rule=str(decision.facts[f"rule_{lang}"]),
        date=str(decision.facts[f"said_{lang}"]),
    )


def _claim(decision: Decision, t: Translator) -> str:
    """A belief's fact, as the knowledge base words it in the reader's language."""
    return str(decision.facts["zh" if t.lang == "zh" else "en"])


WORDINGS: dict[str, Wording] = {
    "claim": _claim,
    "needs_figures": sentence(
        _(
            "I cannot tell from one figure. To decide I need two: how many packages were shipped "
            "in the 30 days, and how many of them have valid tracking (or how many do not)."
        ),
    ),
    "allowance": allowance,
    "counts_unclear": counts_unclear,
    "vtr_counts": vtr_counts,
    "rate_unnamed": rate_unnamed,
    "vtr_groups": vtr_groups,
    "vtr_rate_groups": vtr_rate_groups,
    "metrics_named": metrics_named,
    "metric_by_target": metric_by_target,
    "vtr_window": sentence(
        _(
            "VTR looks at the last {days} days (Amazon places shipments in them by promised "
            "delivery date)."
        ),
    ),
    "vtr_window_choice": sentence(
        _(
            "VTR looks at the last {days} days, not {other} (Amazon places shipments in them "
            "by promised delivery date)."
        ),
    ),
    "bar_choice": sentence(
        _(
            "Above 95%, not {other}%: VTR must be strictly above 95%, in each category; "
            "exactly 95.0% (19 of 20) is still below the bar."
        ),
    ),
    "vtr_rate": vtr_rate,
    "vtr_rate_flagged": vtr_rate_flagged,
    "restriction_risk": restriction_risk,
    "metric_rate": metric_rate,
    "metric_consequence": metric_consequence,
    "metric_rates": metric_rates,
    "metric_target": metric_target,
    "metric_identity": metric_identity,
    "metric_same": metric_same,
    "jp_value": by_fact(
        "exempt",
        _(
            "A JPY {amount} order on Amazon.co.jp is exempt: orders under JPY 1,000 do not "
            "count toward VTR."
        ),
        _(
            "A JPY {amount} order on Amazon.co.jp counts toward VTR: only orders under "
            "JPY 1,000 are exempt."
        ),
    ),
    "jp_letter": sentence(
        _(
            "On Amazon.co.jp the order's amount decides, not the letter service: an order "
            "under JPY 1,000 is exempt and does not count toward VTR; from JPY 1,000 it counts, "
            "letter or not, and without valid tracking it is a defect."
        ),
    ),
    "jp_rule": jp_rule,
    "us_rule": sentence(
        _(
            "Orders shipped from China to the US need at least one carrier scan under USD 5, and "
            "two scans from USD 5 (one of them delivery or attempted delivery)."
        ),
    ),
    "us_not_exempt": sentence(
        _(
            "Orders shipped from China to the US have no exemption by amount: under USD 5 an "
            "order still needs at least one carrier scan, and from USD 5 two scans (one of them "
            "delivery or attempted delivery). The exemption by amount is Japan's: orders under "
            "JPY 1,000 on Amazon.co.jp do not count toward VTR."
        ),
    ),
    "eu_rule": sentence(
        _(
            "In the EU and UK, orders under EUR 20 (shipping included, VAT excluded) are exempt "
            "only when sent with a letter service; other orders count toward VTR."
        ),
    ),
    "us_scans": us_scans,
    "de_domestic": by_fact(
        "counts",
        _("A EUR {amount} domestic German shipment counts toward VTR (over EUR 15)."),
        _(
            "A EUR {amount} domestic German shipment is not counted: German domestic "
            "shipments count from over EUR 15."
        ),
    ),
    "eu_letter": eu_letter,
    "eu_letter_pair": eu_letter_pair,
    "jp_pair": jp_pair,
    "uk_letter": uk_letter,
    "eu_route": sentence(
        _(
            "Cross-border shipments {route} count toward VTR under the EU/UK update (since 15 "
            "January 2025); the one exception is an order under EUR 20 sent with a letter service."
        ),
    ),
    "eu_countries": by_fact(
        "only",
        _(
            "Not only those: cross-border orders to or from DE, FR, IT, ES and other EU "
            "countries count toward VTR under the EU/UK update (since 15 January 2025), except "
            "orders under EUR 20 sent with a letter service."
        ),
        _(
            "Cross-border shipments to and from {named} count toward VTR under the EU/UK update "
            "(since 15 January 2025); the one exception is an order under EUR 20 sent with a "
            "letter service."
        ),
    ),
    "letter_outside_eu": letter_outside_eu,
    "carrier_chinese_name": by_fact(
        "carrier",
        _(
            "Typing the carrier's name in Chinese does not work: Amazon treats carrier names "
            "typed in Chinese as invalid. Pick {carrier} from Amazon's carrier list instead; "
            '"Other" with its English name only if it is missing from the list.'
        ),
        _(
            "Typing the carrier's name in Chinese does not work: Amazon treats carrier names "
            "typed in Chinese as invalid. Pick the carrier from Amazon's list, or choose "
            '"Other" and type its English name.'
        ),
    ),
    "other_for_carrier": by_fact(
        "listed",
        _(
            '{carrier} is in Amazon\'s carrier list, so it has to be picked from the list: "Other" '
            "with a typed name is valid only for a supported carrier missing from the list. Change the carrier to "
            "{carrier} with Edit tracking before the buyer receives the package (a change after "
            "delivery is a defect)."
        ),
        _(
            "{carrier} is not among the carriers I know Amazon's list to have. If it is missing "
            'from the carrier list Seller Central shows you, "Other" with its name typed in '
            "English is the way; if the list has it, pick it there."
        ),
    ),
    "split_order": split_order,
    "domestic_unstated": domestic_unstated,
    "vtr_any_origin": vtr_any_origin,
    "de_domestic_unstated": sentence(
        _(
            "Amazon's help states only that German domestic shipments over EUR 15 count "
            "toward VTR; it says nothing about orders of EUR 15 or less, so I cannot say "
            "whether those count."
        ),
    ),
    "de_domestic_rule": sentence(
        _(
            "German domestic shipments count toward VTR when the order is over EUR 15; the "
            "sources say nothing about orders of EUR 15 or less."
        ),
    ),
    "bar_alike": by_fact(
        "markets",
        _(
            "The bar is the same on every marketplace where it applies: VTR above 95%, judged "
            "per category and per marketplace (for shipments from China: US, UK, DE, FR, IT, "
            "ES, JP, SG, AE, SA and AU). What differs is which orders count: EU/UK cross-border "
            "letters under EUR 20 and Japan orders under JPY 1,000 are exempt, and US orders "
            "from China need carrier scans (two from USD 5)."
        ),
        _(
            "The same bar for every category: VTR above 95%, each category judged on its own, "
            "so one category below it does not pull the others down."
        ),
    ),
    "uk_domestic_letter": sentence(
        _(
            "Within the UK, the one letter exemption the sources state is for untracked Royal "
            "Mail letter stamps bought through Buy Shipping (since March 2023); the under-EUR 20 "
            "letter exception is stated for cross-border shipments to and from the EU countries "
            "and the UK, not for UK domestic ones, so I cannot tell you a letter within the UK "
            "is exempt."
        ),
    ),
    "carrier_mismatch": mismatch,
    "carrier_match": sentence(
        _(
            "The carrier matches the number: a number that starts like this is {carrier}'s, so "
            "{carrier} is the right pick, and it counts as valid once {carrier} has scanned "
            "the package."
        ),
    ),
    "tracking_number": tracking_number_text,
    "number_prefix": number_prefix,
    "number_length": number_length,
    "figures_differ": figures_differ,
    "carrier_unnamed": sentence(
        _(
            "The sources do not name {carrier}, so I can only tell you what holds for every "
            "carrier: every self-fulfilled order needs tracking the buyer can see, from any "
            "shipping provider (not only carriers integrated with Amazon), and a number is "
            "valid once the carrier has recorded a physical scan and the carrier picked "
            'matches it. Pick it from Amazon\'s list; "Other" with its name typed in English '
            "is valid only for a supported carrier missing from the list."
        ),
    ),
    "shipment_age": shipment_age,
    "policy_date": _policy_date,
    "strike_through": strike_through,
    "marketplace_list": marketplace_list,
    "vtr_marketplaces": vtr_marketplaces,
    "per_category": sentence(
        _(
            "VTR is not account-wide: it is judged per product category and per marketplace; "
            "a category below the bar loses self-fulfilled selling in that category only."
        ),
    ),
}
