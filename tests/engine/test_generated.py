"""A realistic generated file against the generator's own, independent tally."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.domain.engine import analyse_file
from tests.generate import generate

pytestmark = pytest.mark.slow


def test_generated_file_matches_independent_tally(tmp_path: Path) -> None:
    path = tmp_path / "shipments.csv"
    expected = generate(path, rows=5000, seed=11)
    report, table = analyse_file(path, as_of=date(2026, 11, 20))
    assert report.overall.shipments == expected.shipments
    assert report.overall.valid == expected.valid
    assert {c.name: c.shipments for c in report.by_category} == dict(expected.by_category)
    assert {c.name: c.valid for c in report.by_category} == {
        name: expected.valid_by_category[name] for name in expected.by_category
    }
    for reason, count in expected.excluded.items():
        assert report.excluded[reason] == count
    assert {r: sum(d.reason == r for d in report.defects) for r in expected.reasons} == dict(
        expected.reasons
    )
    assert "buyer" not in " ".join(table.frame.columns)
