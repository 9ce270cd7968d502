"""Held-out seller files, set 5: ten exports written from domain.md alone by a writer who never
read the bot (heldout_files_5/README.md says what each tests; each `<file>.expected.yaml`
holds the writer's figures per category × marketplace, checked by the writer's own reader):
a Spanish/Italian ERP export in Windows-1252 with semicolons, decimal commas and Carta/Lettera
letters, an 易仓 workbook with a hidden column, a frozen header and inline strings, a UTF-16
"Amazon FBM orders" report with ISO 8601 ship dates, tracking numbers written in lower case,
with spaces, dashes, an apostrophe or full-width digits, a Japanese marketplace file, carrier
"Other" with the name beside it, a 马帮 export with no category column, a 15,000-row order
report with stray quotes, notes above a header with blank columns, and a small AU/SG/AE file.

First grading, once, on main c3d7db3 (`FILESET=… python grade.py`, as-of 2026-12-05): 8 of
10 files fully right, 40 of 50 checks. The Spanish export was refused: its 'Nº pedido' and
'Nº de seguimiento' headers were not read (and, once they were, its 'Servicio de envío' was
not, so its letters under EUR 20 were counted). Two tracking numbers typed in full-width
digits ('８１２７９４６５５１', copied from a chat) were counted invalid. After reading those
headers and that service, and judging a full-width number as the same number in half-width
(docs/decisions/007-full-width-tracking.md), 10 of 10 files and 50 of 50 checks agree.

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

pytestmark = pytest.mark.slow  # ten files (one of 15,000 rows) read twice each

FOLDER = Path(__file__).parent / "heldout_files_5"
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
