"""Amazon's bar for Valid Tracking Rate: strictly above 95%, per category and marketplace.

The one place the bar is decided. Amazon's Account Health report states the target as
`targetValue 0.95, targetCondition GREATER_THAN`, so 19 valid of 20 (95.0%) is below it
(docs/vtr-rules.md §4.5). Everything is integer arithmetic: no float ever meets
the boundary. The functions take any exact numbers (int or Fraction) whose ratio is the
VTR, so a projection may scale both counts by the same factor.
"""

from __future__ import annotations

from fractions import Fraction

THRESHOLD_PERCENT = 95
"""The bar in whole percent; a VTR must be strictly above it."""
THRESHOLD = THRESHOLD_PERCENT / 100
"""The bar as a fraction, for display and JSON only (never for a decision)."""

Count = int | Fraction


def is_below(valid: Count, shipments: Count) -> bool:
    """At or under 95%: 100 × valid ≤ 95 × shipments (a group with no shipments is not)."""
    return bool(shipments) and 100 * valid <= THRESHOLD_PERCENT * shipments


def is_above(valid: Count, shipments: Count) -> bool:
    """Strictly above 95% (a group with no shipments has no VTR, so it is not above)."""
    return bool(shipments) and 100 * valid > THRESHOLD_PERCENT * shipments


def fixes_needed(shipments: int, valid: int) -> int:
    """Fewest invalid shipments to fix to get strictly above 95%:
    max(0, ⌊95 × shipments / 100⌋ + 1 − valid)."""
    if not shipments:
        return 0
    return max(0, THRESHOLD_PERCENT * shipments // 100 + 1 - valid)


def new_valid_needed(shipments: int, valid: int) -> int:
    """Fewest new shipments, all with valid tracking and none fixed or leaving the window,
    to get strictly above 95%: 100 × (valid + x) > 95 × (shipments + x), so
    x = max(0, ⌊(95 × shipments − 100 × valid) / 5⌋ + 1)."""
    short = THRESHOLD_PERCENT * shipments - 100 * valid
    if short < 0:
        return 0
    return short // (100 - THRESHOLD_PERCENT) + 1


MAX_DECIMALS = 6
"""Enough to tell any rate of up to a million packages from 95% exactly."""


def exact_rate(rate: Count | float) -> Fraction:
    """A rate as an exact fraction; a float (Amazon's own figure) by its shortest decimal."""
    return Fraction(repr(rate)) if isinstance(rate, float) else Fraction(rate)


def decimals_to_tell(rate: Count | float, decimals: int = 1) -> int:
    """The fewest decimals (at least `decimals`) with which a rate, as a percentage, never
    reads as 95.0% unless it is exactly 95%: 210 of 221 is 95.02%, 19 of 20 is 95.0%.
    Rounding is half-even, as babel formats percentages; a rate that rounds to the bar
    is the only one that can be read on the wrong side of it (docs/vtr-rules.md §4.5)."""
    percent = 100 * exact_rate(rate)
    while decimals < MAX_DECIMALS and percent != THRESHOLD_PERCENT:
        if round(percent, decimals) != THRESHOLD_PERCENT:
            break
        decimals += 1
    return decimals


def percent_decimals(rate: Count | float) -> int:
    """The decimals a VTR is shown with, in the report and in answers alike: none when
    every package is valid (100%, as a seller writes it), two when the rate is exact at two
    (77 of 80 = 96.25%: one decimal would round it one way here and the other way there),
    else `decimals_to_tell`."""
    exact = exact_rate(rate)
    if exact == 1:
        return 0
    hundredths = 10000 * exact  # the percentage's hundredths
    if hundredths.denominator == 1 and hundredths.numerator % 10:
        return max(2, decimals_to_tell(exact))
    return decimals_to_tell(exact)
