"""Check-digit rules of domain.md §6, as polars expressions over normalized numbers.

Each rule takes an expression holding upper-case numbers that already fully match the
format the rule belongs to, and yields a boolean "check digit is right". They are
vectorised because a seller file can hold a million numbers; the single-number
check in `tracking.py` runs the same expressions on a one-row frame, so there is
one implementation of each rule.
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

CheckRule = Callable[[pl.Expr], pl.Expr]

_UPS_VALUES = {str(d): d for d in range(10)} | {
    chr(code): (code - 63) % 10 for code in range(ord("A"), ord("Z") + 1)
}


def _digit(number: pl.Expr, position: int) -> pl.Expr:
    return number.str.slice(position, 1).cast(pl.Int64, strict=False)


def _weighted_sum(number: pl.Expr, start: int, weights: list[int]) -> pl.Expr:
    return pl.sum_horizontal(_digit(number, start + i) * w for i, w in enumerate(weights))


def s10(number: pl.Expr) -> pl.Expr:
    """UPU S10 (`LX123456786CN`): weights 8,6,4,2,3,5,9,7; 11 − sum mod 11; 10→0, 11→5."""
    remainder = 11 - _weighted_sum(number, 2, [8, 6, 4, 2, 3, 5, 9, 7]) % 11
    expected = pl.when(remainder == 10).then(0).when(remainder == 11).then(5).otherwise(remainder)
    return expected == _digit(number, 10)


def ups_mod10(number: pl.Expr) -> pl.Expr:
    """UPS `1Z…`: the 15 characters after 1Z, letters as (ord−63) mod 10, odd ×1, even ×2."""
    values = [
        number.str.slice(2 + i, 1).replace_strict(_UPS_VALUES, return_dtype=pl.Int64)
        for i in range(15)
    ]
    total = pl.sum_horizontal(v * (1 if i % 2 == 0 else 2) for i, v in enumerate(values))
    return (10 - total % 10) % 10 == _digit(number, 17)


def mod10_weights_3_1(number: pl.Expr) -> pl.Expr:
    """Mod 10 with weights 3,1 from the right of the body (numbers of up to 26 digits)."""
    # Left-pad the body to 25 digits so weights can be fixed positions; zeros add nothing.
    body = number.str.slice(0, number.str.len_chars() - 1).str.zfill(25)
    weights = [3 if (24 - i) % 2 == 0 else 1 for i in range(25)]
    total = _weighted_sum(body, 0, weights)
    check = number.str.slice(-1, 1).cast(pl.Int64, strict=False)
    return (10 - total % 10) % 10 == check


def usps_impb(number: pl.Expr) -> pl.Expr:
    """USPS IMpb: mod 10 (3,1); 20-digit serials may omit their leading "91" application id."""
    return mod10_weights_3_1(number) | mod10_weights_3_1(pl.lit("91") + number)


def usps_routed(number: pl.Expr) -> pl.Expr:
    """USPS barcode with a `420`+ZIP routing prefix: the check covers the last 22 digits."""
    return usps_impb(number.str.slice(-22))


def fedex12(number: pl.Expr) -> pl.Expr:
    """FedEx 12-digit: first 11 digits weighted 3,1,7,… from the left, mod 11, then mod 10."""
    weights = [(3, 1, 7)[i % 3] for i in range(11)]
    return _weighted_sum(number, 0, weights) % 11 % 10 == _digit(number, 11)


def mod7(number: pl.Expr) -> pl.Expr:
    """DHL Express (10 or 11 digits): all digits but the last as a number, mod 7."""
    serial = number.str.slice(0, number.str.len_chars() - 1).cast(pl.Int64, strict=False)
    return serial % 7 == number.str.slice(-1, 1).cast(pl.Int64, strict=False)


CHECK_RULES: dict[str, CheckRule] = {
    "s10": s10,
    "ups_mod10": ups_mod10,
    "usps_impb": usps_impb,
    "usps_routed": usps_routed,
    "fedex12": fedex12,
    "mod7": mod7,
}
