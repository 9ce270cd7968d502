"""Reading in batches gives the same answer as reading at once, wherever the cuts fall."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from bot.domain import reading
from bot.domain.engine import analyse_file
from tests.engine.conftest import UPS_OK, WriteFile

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
from generate import generate


def summary(path: Path) -> tuple:
    report, table = analyse_file(path, as_of=date(2026, 11, 20))
    groups = [(g.name, g.shipments, g.valid) for g in report.by_category + report.by_carrier]
    return (
        report.overall.shipments,
        report.overall.valid,
        report.excluded,
        groups,
        table.frame.height,
    )


@pytest.mark.parametrize("batch_rows", [7, 100, 1000])
def test_generated_file_in_small_batches(tmp_path: Path, monkeypatch, batch_rows: int) -> None:
    path = tmp_path / "shipments.csv"
    generate(path, rows=3000, seed=5)
    whole = summary(path)
    monkeypatch.setattr(reading, "BATCH_ROWS", batch_rows)
    assert summary(path) == whole


def test_quoted_line_breaks_never_split_a_row(write_file: WriteFile, monkeypatch) -> None:
    lines = ["order-id,ship-date,carrier,tracking-number,note"]
    lines += [
        f'Q{i},2026-11-20,UPS,{UPS_OK},"line one\nline two, still the note"' for i in range(200)
    ]
    path = write_file(lines)
    monkeypatch.setattr(reading, "BATCH_ROWS", 3)
    report, _ = analyse_file(path, as_of=date(2026, 11, 20))
    assert (report.overall.shipments, report.overall.valid) == (200, 200)
    assert report.rows_read == 200


def test_date_order_evidence_in_a_later_batch_is_used_from_then_on(
    write_file: WriteFile, monkeypatch
) -> None:
    """03/11/2026 alone is ambiguous (guessed US: March 11); 20/11/2026 later proves DD/MM."""
    lines = ["order-id,ship-date,carrier,tracking-number"]
    lines += [f"A{i},03/11/2026,UPS,{UPS_OK}" for i in range(50)]
    lines += [f"B{i},20/11/2026,UPS,{UPS_OK}" for i in range(50)]
    monkeypatch.setattr(reading, "BATCH_ROWS", 25)  # the first batches hold only A rows
    report, table = analyse_file(write_file(lines), as_of=date(2026, 11, 20))
    later = table.frame.filter(table.frame["order_id"].str.starts_with("B"))
    assert set(later["ship_date"].to_list()) == {date(2026, 11, 20)}
    assert any(w.code == "ambiguous_date_order" for w in report.warnings)
