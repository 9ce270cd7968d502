"""Held-out seller files, set 6: ten exports written from domain.md alone by a writer who never
read the bot (heldout_files_6/README.md says what each tests; each `<file>.expected.yaml`
holds the writer's figures per category × marketplace, checked by the writer's own reader):
a 普源-style CSV writing every long number Excel-safe (="9400…", also CSV-quoted), a
shipments CSV with several tracking numbers in one cell, a 赛盒 workbook with date cells in
custom formats and amounts stored as text, a pipe-delimited WMS export with a 'Product
Group' column, Dutch headers with classic-Mac CR-only line ends and NL/BE letters, an ERP API
dump with ship times in Unix epoch milliseconds, a 芒果店长 CSV with two tracking columns
(原单号, 新单号), window edges with times of day, French-Canadian headers for US/CA orders,
and a 1,000-row TSV with a sales channel on every row.

First grading, once, on main f17b6a1 (`FILESET=… python grade.py`, as-of 2026-12-05): 4 of
10 files fully right, 22 of 50 checks. The Excel-safe numbers were read with their ="…"
wrapping (so as invalid tracking and as other order IDs), a cell of several tracking numbers
was judged as one number and the shipments file's marketplace went unread, the epoch ship
times were unread (no row counted), the file with two tracking columns was refused, the
Dutch category column went unread and NL/BE letters under EUR 20 were counted, and the WMS
file's cancelled rows came out as not shipped. After reading each of those (Excel-safe cells
as the text inside, one package per number in a cell, a column of Amazon sites as the
marketplace, Unix times, the updated tracking number where a row has one, Dutch category and
amount headers, a WMS's outbound status), 10 of 10 files and 50 of 50 checks agree.

Per file, `vtrbot check`'s report (engine.report_file) must give the writer's overall,
by-category (pooled), by-marketplace and category × marketplace figures, defect order IDs and
not-counted rows by reason; the upload path (engine.analyse_file) must give the same figures.
Files that still disagree with the writer are listed in DISAGREEMENTS with why; those checks
must still differ, so a change that mends one forces the list to be updated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.heldout_files import (
    assert_check_agrees,
    assert_upload_agrees,
    counted_figures,
    expectations,
    writers_figures,
)

pytestmark = pytest.mark.slow  # ten files (one of 1,000 rows) read twice each

FOLDER = Path(__file__).parent / "heldout_files_6"
FILES = expectations(FOLDER)

# file → {check: why the bot and the writer differ}
DISAGREEMENTS: dict[str, dict[str, str]] = {}


@pytest.mark.parametrize("name", FILES)
def test_check_gives_the_writers_figures(name: str) -> None:
    assert_check_agrees(FOLDER, name, counted_figures, writers_figures, DISAGREEMENTS.get(name, {}))


@pytest.mark.parametrize("name", FILES)
def test_upload_path_gives_the_same_report_as_check(name: str) -> None:
    assert_upload_agrees(FOLDER, name, counted_figures)


def test_the_set_is_whole() -> None:
    # Ten files with their expectations: a lost file would shrink the grading silently.
    assert len(FILES) == 10
    assert all((FOLDER / name).is_file() for name in FILES)
