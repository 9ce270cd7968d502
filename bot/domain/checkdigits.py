"""Check-digit rules of docs/vtr-rules.md §6, vectorised over a matrix of ASCII codes.

Each rule receives an (n × length) uint8 matrix: n numbers of one length that already
fully match the format the rule belongs to (so every cell is a digit or an upper-case
letter), and returns n booleans "check digit is right". A million numbers cost a few
numpy operations; the single-number check runs the same rules on a 1-row matrix, so
there is one implementation of each rule.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

Codes = npt.NDArray[np.uint8]
Verdicts = npt.NDArray[np.bool_]
CheckRule = Callable[[Codes], Verdicts]

_ZERO = ord("0")
# UPS values: digits as themselves, letters as (ord − 63) mod 10.
_UPS_VALUE = np.zeros(128, dtype=np.int64)
_UPS_VALUE[_ZERO : _ZERO + 10] = np.arange(10)
_UPS_VALUE[ord("A") : ord("Z") + 1] = (np.arange(ord("A"), ord("Z") + 1) - 63) % 10


def _digits(codes: Codes) -> npt.NDArray[np.int64]:
    return codes.astype(np.int64) - _ZERO


def _weights_from_left(pattern: tuple[int, ...], count: int) -> npt.NDArray[np.int64]:
    return np.array([pattern[i % len(pattern)] for i in range(count)], dtype=np.int64)


def s10(codes: Codes) -> Verdicts:
    """UPU S10 (`RR123456785CN`): weights 8,6,4,2,3,5,9,7; 11 − sum mod 11; 10→0, 11→5."""
    weights = np.array([8, 6, 4, 2, 3, 5, 9, 7], dtype=np.int64)
    check = 11 - (_digits(codes[:, 2:10]) @ weights) % 11
    check = np.where(check == 10, 0, np.where(check == 11, 5, check))
    return check == _digits(codes[:, 10])


def ups_mod10(codes: Codes) -> Verdicts:
    """UPS `1Z…`: the 15 characters after 1Z, letters as (ord−63) mod 10, odd ×1, even ×2."""
    total = _UPS_VALUE[codes[:, 2:17]] @ _weights_from_left((1, 2), 15)
    return (10 - total % 10) % 10 == _digits(codes[:, 17])


def mod10_weights_3_1(codes: Codes) -> Verdicts:
    """Mod 10 with weights 3,1,3,1… from the right of the body (all but the check digit)."""
    body = _digits(codes[:, :-1])
    weights = _weights_from_left((3, 1), body.shape[1])[::-1]
    return (10 - (body @ weights) % 10) % 10 == _digits(codes[:, -1])


def usps_impb(codes: Codes) -> Verdicts:
    """USPS IMpb: mod 10 (3,1). A 20-digit number that does not start with an application
    id (91–95) may be a serial whose check digit was computed with "91" in front."""
    plain = mod10_weights_3_1(codes)
    if codes.shape[1] != 20:
        return plain
    prefixed = np.hstack([np.tile(np.frombuffer(b"91", np.uint8), (len(codes), 1)), codes])
    has_app_id = (codes[:, 0] == ord("9")) & (codes[:, 1] >= ord("1")) & (codes[:, 1] <= ord("5"))
    return plain | (~has_app_id & mod10_weights_3_1(prefixed))


def usps_routed(codes: Codes) -> Verdicts:
    """USPS barcode with a `420`+ZIP routing prefix: the check covers the last 22 digits."""
    return usps_impb(np.ascontiguousarray(codes[:, -22:]))


def fedex12(codes: Codes) -> Verdicts:
    """FedEx 12-digit: first 11 digits weighted 3,1,7,… from the left, mod 11, then mod 10."""
    total = _digits(codes[:, :11]) @ _weights_from_left((3, 1, 7), 11)
    return total % 11 % 10 == _digits(codes[:, 11])


def mod7(codes: Codes) -> Verdicts:
    """DHL Express (10 or 11 digits), and Japan Post's, Yamato's and Sagawa's 12-digit
    domestic numbers: all digits but the last as a number, mod 7."""
    body = _digits(codes[:, :-1])
    powers = 10 ** np.arange(body.shape[1] - 1, -1, -1, dtype=np.int64)
    return (body @ powers) % 7 == _digits(codes[:, -1])


CHECK_RULES: dict[str, CheckRule] = {
    "s10": s10,
    "ups_mod10": ups_mod10,
    "usps_impb": usps_impb,
    "usps_routed": usps_routed,
    "fedex12": fedex12,
    "mod7": mod7,
}
