"""A VTR written as text, the one way the decisions, the report's words and own data do.

Kept apart because the services (decision_text, own_data) print rates with it too.
"""

from __future__ import annotations

from fractions import Fraction

from bot.domain.bar import percent_decimals


def percent_text(valid: int | Fraction, shipments: int | Fraction) -> str:
    """A VTR to one decimal, rounded half up in exact arithmetic (188/200 → "94.0"); a rate
    that would round to the bar keeps two decimals or more, cut down rather than rounded
    (3229/3400 → "94.97", 286/301 → "95.01"), so that no rate but 95% reads as the bar."""
    share = Fraction(valid) / Fraction(shipments)
    decimals = percent_decimals(share)
    if decimals == 0:
        return "100"  # every package valid: exact, as a seller writes it (the report too)
    if decimals == 2 and (share * 10000).denominator == 1:
        hundredths = int(share * 10000)  # exact at two decimals: 77/80 = 96.25, as the report
        return f"{hundredths // 100}.{hundredths % 100:02d}"
    tenths = (share * 1000 + Fraction(1, 2)).__floor__()
    if tenths == 950 and share != Fraction(95, 100):
        # Cut down, with as many decimals as it takes to tell it from 95 (286/301 = 95.01…).
        decimals = 2
        while (
            decimals < 6
            and share > Fraction(95, 100)
            and (share * 10 ** (decimals + 2)).__floor__() == 95 * 10**decimals
        ):
            decimals += 1
        cut = (share * 10 ** (decimals + 2)).__floor__()
        return f"{cut // 10**decimals}.{cut % 10**decimals:0{decimals}d}"
    return f"{tenths // 10}.{tenths % 10}"
