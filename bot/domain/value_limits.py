"""The value limits of docs/vtr-rules.md §2 and the rule judging one order by them, apart
from the columnar code that applies them to a file (exemptions.py): the answers
(knowledge/decide/values.py) use them too, and a command-line question should not import polars.
"""

from __future__ import annotations

from bot.domain.reference import marketplace_by_code

EU_LETTER_LIMIT_EUR = 20
JP_EXEMPT_LIMIT_JPY = 1000


US_TWO_SCANS_FROM_USD = 5
"""US orders shipped directly from China: from USD 5 they need two scans, one of them
delivery or attempted delivery; under it one scan (docs/vtr-rules.md §2)."""
DE_DOMESTIC_COUNTS_OVER_EUR = 15
"""German domestic shipments count toward VTR over EUR 15 (the EU/UK update, docs/vtr-rules.md §2)."""


def value_exemption(marketplace: str, currency: str, total: float, letter: bool) -> str | None:
    """One order judged by value (`total`: shipping included, VAT excluded): the exclusion
    reason, or None when the order counts. The one rule: a file's orders (exemptions.py), a
    connected store's packages and the answers all ask it."""
    market = marketplace_by_code().get(marketplace)
    if marketplace == "JP" and currency == "JPY" and 0 <= total < JP_EXEMPT_LIMIT_JPY:
        return "jp_under_1000"
    letter_rule = market is not None and market.letter_rule and letter
    if letter_rule and currency == "EUR" and 0 <= total < EU_LETTER_LIMIT_EUR:
        return "eu_letter_under_20"
    return None


LETTER_COUNTED_UNCONVERTED = "uk_letter_counted"
"""The warning of a counted UK letter: exempt only with Buy Shipping postage, which no file
shows (docs/decisions/018-uk-letters-by-postage.md)."""


def letter_counted_unconverted(marketplace: str, currency: str, total: float, letter: bool) -> bool:
    """A letter in a marketplace's own currency that the EUR 20 limit cannot be checked in
    offline (the UK's pounds): the report counts it (docs/vtr-rules.md §4.2: EUR values on
    EU marketplaces), yet at or under the marketplace's `letter_limit_surely_over`
    (marketplaces.yaml) Amazon may exempt it, which the report warns of."""
    market = marketplace_by_code().get(marketplace)
    if market is None or market.letter_limit_surely_over is None or not letter:
        return False
    return currency == market.currency and 0 <= total <= market.letter_limit_surely_over
