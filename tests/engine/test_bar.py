"""bot/domain/bar.py: the bar (strictly above 95%) and the fewest new valid packages that
get a group above it, counted by hand: 100 × (valid + x) > 95 × (shipments + x)."""

from __future__ import annotations

import pytest

from bot.domain.bar import is_above, new_valid_needed


@pytest.mark.parametrize(
    ("shipments", "valid", "needed"),
    [
        (40, 39, 0),  # 97.5% is above already: 3,900 > 3,800
        (40, 38, 1),  # 95.0% is not: 5x > 3,800 − 3,800 = 0, so x = 1 (39/41 = 95.1%)
        (200, 180, 201),  # 5x > 19,000 − 18,000 = 1,000, so x = 201 (381/401 = 95.01%)
    ],
)
def test_new_valid_packages_needed(shipments: int, valid: int, needed: int) -> None:
    assert new_valid_needed(shipments, valid) == needed
    assert is_above(valid + needed, shipments + needed)
    assert needed == 0 or not is_above(valid + needed - 1, shipments + needed - 1)
