"""Workbooks that ask calamine for a grid it cannot allocate are refused before it is
asked, and an analysis that dies anyway takes only its worker process with it."""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from bot.domain import xlsx_guard
from bot.domain.engine import FileRejected
from bot.services.isolation import AnalysisFailed, analyse_file_isolated, run_isolated
from tests.engine.hostile_files import HOSTILE_XLSX, forged_dimension, xlsx

pytestmark = pytest.mark.collection

EXPECTED_CODE = {
    "unparsable_reference.xlsx": "bad_xlsx",
    "r_after_a_value_with_r.xlsx": "bad_xlsx",  # two r= in one tag: not XML
}


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


ALONE_REACHING_A_LINE = {
    "positional_after_far_cell.xlsx",
    "r_after_a_value_with_r.xlsx",
    "ten_million_rows.xlsx",
    "unparsable_reference.xlsx",
}
"""The guard's cases that are the only fast test of some line of xlsx_guard.py: they stay in
the fast tier with the first (docs/development.md, collections)."""


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.fast) if name in ALONE_REACHING_A_LINE else name
        for name in sorted(HOSTILE_XLSX)
    ],
)
def test_the_guard_refuses_every_way_of_placing_a_far_cell(name: str) -> None:
    with (
        zipfile.ZipFile(BytesIO(HOSTILE_XLSX[name]())) as archive,
        pytest.raises(FileRejected) as caught,
    ):
        xlsx_guard.guard_workbook(archive)
    assert caught.value.code == EXPECTED_CODE.get(name, "sheet_too_large")


@pytest.mark.parametrize("name", sorted(HOSTILE_XLSX))
def test_a_worker_fed_a_hostile_workbook_answers_with_a_refusal(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name, HOSTILE_XLSX[name]())
    with pytest.raises(FileRejected) as caught:
        analyse_file_isolated(path, spill_folder=tmp_path)
    assert caught.value.code == EXPECTED_CODE.get(name, "sheet_too_large")


def test_a_forged_dimension_alone_is_harmless_and_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "dimension.xlsx", forged_dimension())
    report, shipments = analyse_file_isolated(path, spill_folder=tmp_path)
    assert (report.overall.shipments, report.overall.valid) == (1, 1)
    assert [len(batch) for batch in shipments.record_batches()] == [1]


def test_a_worker_that_runs_out_of_memory_dies_alone(tmp_path: Path) -> None:
    rows = "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="Z{r}"><v>1</v></c></row>'
        for r in range(1, 20_000)
    )
    path = _write(tmp_path, "fits_the_guard.xlsx", xlsx([rows]))
    with pytest.raises(AnalysisFailed):
        run_isolated(path, None, None, tmp_path, limits=(64 << 20, 60))  # 64 MB: too little
    # This process is alive and the next analysis is served as usual.
    path = _write(tmp_path, "dimension.xlsx", forged_dimension())
    report, _ = analyse_file_isolated(path)
    assert report.overall.shipments == 1


@pytest.mark.slow
def test_vtrbot_check_refuses_a_hostile_workbook_in_one_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "far.xlsx", HOSTILE_XLSX["attribute_order.xlsx"]())
    done = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(path), "--lang", "en"],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "far too many rows or columns" in done.stderr
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr


def _plain_sheet(rng: random.Random) -> tuple[bytes, xlsx_guard.Extent]:
    """A block of rows as spreadsheet programs write them, and its extent by hand."""
    rows, furthest_row, furthest_column = [], 0, 0
    for row in sorted(rng.sample(range(1, 9_999_999), rng.randint(1, 40))):
        columns = [rng.randint(1, 18_278) for _ in range(rng.randint(0, 5))]
        cells = "".join(f'<c r="{_letters(c)}{row}" t="n"><v>1</v></c>' for c in columns)
        rows.append(f'<row r="{row}" spans="1:2">{cells}</row>')
        if columns:
            furthest_row, furthest_column = row, max(furthest_column, *columns)
    return "".join(rows).encode(), xlsx_guard.Extent(furthest_row, furthest_column)


def _letters(column: int) -> str:
    text = ""
    while column:
        column, rest = divmod(column - 1, 26)
        text = chr(65 + rest) + text
    return text


@pytest.mark.parametrize("seed", range(30))
def test_the_fast_path_and_the_full_parse_agree(seed: int) -> None:
    """Two independent readings of the same block (numpy over the bytes, polars over
    the tags) and the extent known by construction."""
    block, expected = _plain_sheet(random.Random(seed))
    assert xlsx_guard._plain_extent(block, xlsx_guard._Cursor()) == expected
    assert xlsx_guard._parsed_extent(block, xlsx_guard._Cursor()) == expected


def test_a_refusal_crosses_from_the_worker_whole(tmp_path: Path) -> None:
    path = _write(tmp_path, "no_tracking.csv", b"order-id,ship-date,note\n1,2026-11-20,x\n")
    with pytest.raises(FileRejected) as caught:
        analyse_file_isolated(path)
    refusal = caught.value
    assert (refusal.code, refusal.missing) == ("missing_columns", ["tracking", "carrier"])
    assert refusal.found == ["order-id", "ship-date", "note"]
