"""Held-out seller files, set 7: ten exports written from domain.md alone by a writer who never
read the bot (heldout_files_7/README.md says what each tests; each `<file>.expected.yaml`
holds the writer's figures per category × marketplace, checked by the writer's own reader):
a workbook whose first sheet is a summary and whose orders are on one sheet per shop (header
below title rows, tracking column first), Amazon's report headers translated into Chinese
with the marketplace only in currency and buyer country, a Polish 3PL CSV in Windows-1250,
tracking cells wrapped in a carrier label or a tracking URL, a small file with no category,
a Chinese ERP marking cancellations by refunds, a TSV mixing US 'MM/DD/YYYY hh:mm AM PST'
and UK 'DD/MM/YYYY' rows, German post letters and small parcels, 5,000 GB18030 rows in five
pasted pages, and one tracking number on two orders beside a second tracking column.

First grading, once, on main 3183896 (`FILESET=… python grade.py`, as-of 2026-12-05): 4 of
10 files fully right, 23 of 50 checks. The workbook, the translated Amazon headers and the
Polish file were refused (the summary sheet read as the table; 追踪编码 not read as tracking;
Windows-1250 decoded as GBK), wrapped tracking cells were judged as written, orders
refunded before shipping (已退款, or a full refund under 待处理) were reported as not shipped,
not cancelled, and the US rows of the mixed-date file went unread (their day/month order taken from the UK rows). After reading each of those (every
sheet with order columns, the sheet names as shops; the translated headers, the buyer's
country as the marketplace when nothing else names one, docs/decisions/011; a European code
page when its header reads better; the number out of a label or a link; a full refund
before shipping as a cancellation; each marketplace's own date order), 10 of 10 files and
50 of 50 checks agree.

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

pytestmark = pytest.mark.slow  # ten files (one of 5,000 rows) read twice each

FOLDER = Path(__file__).parent / "heldout_files_7"
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
