"""Realistic seller shipment files, with the expected answer computed independently.

Used by the benchmark (1,000,000 rows), by `examples/` and by tests. Check digits are
computed here in plain Python from docs/vtr-rules.md §6, not with the engine's code, and the
generator keeps its own tally of what the engine should report.

    python -m tests.generate OUT.csv --rows 1000000 [--seed 7] [--as-of 2026-11-20]
"""

from __future__ import annotations

import argparse
import csv
import random
import string
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

HEADERS = [
    "order-id", "ship-date", "buyer-name", "ship-address-1", "ship-city", "ship-postal-code",
    "sales-channel", "product-category", "fulfillment-channel", "order-status", "carrier-code",
    "tracking-number", "ship-service-level", "item-price", "currency",
]  # fmt: skip
CATEGORIES = [
    "Toys",
    "Home",
    "Kitchen",
    "Sports",
    "Beauty",
    "Electronics",
    "Garden",
    "Pet",
    "Office",
    "Baby",
]
MARKETS = [
    ("Amazon.com", "USD"),
    ("Amazon.co.uk", "GBP"),
    ("Amazon.de", "EUR"),
    ("Amazon.fr", "EUR"),
    ("Amazon.co.jp", "JPY"),
]
FIRST = ["Anna", "Ben", "Chen", "Dana", "Eli", "Fang", "Gus", "Hana", "Ivo", "Jia"]
LAST = ["Smith", "Müller", "Wang", "Dupont", "Sato", "Rossi", "Brown", "Li", "Novak", "Kim"]
CITIES = ["Springfield", "München", "Lyon", "Osaka", "Leeds", "Austin", "Köln", "Nice"]


def s10_check(serial: str) -> int:
    total = sum(int(d) * w for d, w in zip(serial, [8, 6, 4, 2, 3, 5, 9, 7], strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def ups_check(body: str) -> int:
    values = [int(c) if c.isdigit() else (ord(c) - 63) % 10 for c in body]
    total = sum(v * (1 if i % 2 == 0 else 2) for i, v in enumerate(values))
    return (10 - total % 10) % 10


def mod10_31_check(body: str) -> int:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def fedex_check(body: str) -> int:
    return sum(int(d) * (3, 1, 7)[i % 3] for i, d in enumerate(body)) % 11 % 10


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choices(string.digits, k=n))


def valid_number(rng: random.Random, carrier: str) -> str:
    """A number that fits the carrier's format with a correct check digit."""
    if carrier == "UPS":
        body = "".join(rng.choices(string.digits + string.ascii_uppercase, k=15))
        return f"1Z{body}{ups_check(body)}"
    if carrier == "USPS":
        body = "9400" + digits(rng, 17)
        return body + str(mod10_31_check(body))
    if carrier == "FedEx":
        body = digits(rng, 11)
        return body + str(fedex_check(body))
    if carrier == "DHL":
        body = digits(rng, 9)
        return body + str(int(body) % 7)
    if carrier in ("China Post", "Royal Mail"):
        serial = digits(rng, 8)
        country = "CN" if carrier == "China Post" else "GB"
        return f"LX{serial}{s10_check(serial)}{country}"
    if carrier == "YunExpress":
        return "YT" + digits(rng, 16)
    return "4PX" + digits(rng, 12)  # 4PX: known carrier, no rule → valid but unverified


def wrong_check_digit(number: str, rng: random.Random) -> str:
    """The same number with a different check digit (UPS/FedEx/DHL/USPS/S10)."""
    at = len(number) - 3 if number[-2:].isalpha() else len(number) - 1
    bad = str((int(number[at]) + rng.randint(1, 9)) % 10)
    return number[:at] + bad + number[at + 1 :]


CHECKED = ["UPS", "USPS", "FedEx", "DHL", "China Post", "Royal Mail"]
CARRIERS = [*CHECKED, "YunExpress", "4PX"]


@dataclass
class Expected:
    """What the engine must report, tallied while writing (an independent computation)."""

    shipments: int = 0
    valid: int = 0
    by_category: Counter[str] = field(default_factory=Counter)
    valid_by_category: Counter[str] = field(default_factory=Counter)
    excluded: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)


def generate(path: Path, rows: int, seed: int = 7, as_of: date = date(2026, 11, 20)) -> Expected:
    """Write `rows` one-item shipments over the 40 days to `as_of`; return the expected tally."""
    rng = random.Random(seed)
    expected = Expected()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for i in range(rows):
            writer.writerow(_row(rng, i, as_of, expected))
    return expected


def _row(rng: random.Random, i: int, as_of: date, expected: Expected) -> list[str]:
    ship = as_of - timedelta(days=rng.randrange(40))
    market, currency = rng.choice(MARKETS)
    category = rng.choice(CATEGORIES)
    carrier = rng.choice(CARRIERS)
    tracking = valid_number(rng, carrier)
    channel, status, service = "Merchant", "Shipped", "Standard"
    price = rng.randint(2500, 9000) / 100
    reason: str | None = None
    exclusion: str | None = None
    roll = rng.random()
    if roll < 0.03:
        channel, exclusion = "Amazon", "fba"
    elif roll < 0.05:
        status, exclusion = "Cancelled", "cancelled"
    elif roll < 0.06:
        roll = 1.0
        market, currency, service, price = "Amazon.de", "EUR", "Brief International", 12.5
        exclusion = "eu_letter_under_20"
    elif roll < 0.075:
        tracking, reason = "", "missing_tracking"
    elif roll < 0.085:
        carrier, reason = "Speedy Parcel Co", "unknown_carrier"
    elif roll < 0.095 and carrier in CHECKED:
        tracking, reason = wrong_check_digit(tracking, rng), "bad_check_digit"
    elif roll < 0.1 and carrier in CHECKED:
        tracking, reason = tracking[:-4], "bad_format"
    if currency == "JPY":
        price *= 150  # keeps JP orders above the JPY 1,000 exemption
    in_window = ship > as_of - timedelta(days=30)
    _tally(expected, category, exclusion or (None if in_window else "outside_window"), reason)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return [
        f"{100 + i % 900:03d}-{i:07d}-{rng.randrange(10**7):07d}", ship.isoformat(), name,
        f"{rng.randint(1, 999)} Main Street, Apt {rng.randint(1, 99)}", rng.choice(CITIES),
        digits(rng, 5), market, category, channel, status, carrier, tracking, service,
        f"{price:.2f}", currency,
    ]  # fmt: skip


def _tally(expected: Expected, category: str, exclusion: str | None, reason: str | None) -> None:
    if exclusion:
        expected.excluded[exclusion] += 1
        return
    expected.shipments += 1
    expected.by_category[category] += 1
    if reason:
        expected.reasons[reason] += 1
    else:
        expected.valid += 1
        expected.valid_by_category[category] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 20))
    args = parser.parse_args()
    expected = generate(args.out, args.rows, args.seed, args.as_of)
    print(
        f"wrote {args.rows:,} rows to {args.out}: {expected.shipments:,} counted, {expected.valid:,} valid"
    )


if __name__ == "__main__":
    main()
