"""Column helpers the engine leans on for big files, checked against plain Python."""

from __future__ import annotations

import random
from collections import Counter

import polars as pl
import pytest

from bot.domain.repeats import repeated_values
from bot.domain.values import parse_amount, parse_amounts


def test_repeated_values_marks_exactly_the_values_seen_twice() -> None:
    rng = random.Random(7)
    values = [f"{rng.randrange(3000):03d}-{rng.randrange(10)}" for _ in range(20_000)]
    counts = Counter(values)
    expected = [counts[v] > 1 for v in values]
    assert repeated_values(pl.Series(values)).to_list() == expected
    assert 0 < sum(expected) < len(values)  # the sample has both kinds


def test_repeated_values_of_distinct_values_is_all_false() -> None:
    assert not repeated_values(pl.Series([f"O{i}" for i in range(5000)])).any()


AMOUNTS = [
    "72.27",
    "1,200",
    "€19,99",
    "",
    None,
    "-5",
    "1e3",
    " 19.99 ",
    "abc",
    "1.234,50",
    "0.5",
    "¥1,000",
    "19.99 EUR",
    "007",
]


@pytest.mark.parametrize("texts", [AMOUNTS, AMOUNTS[:1], ["1,5"], []])
def test_parse_amounts_agrees_with_parse_amount(texts: list[str | None]) -> None:
    expected = [parse_amount(t or "") for t in texts]
    assert parse_amounts(pl.Series(texts, dtype=pl.String)).to_list() == expected
