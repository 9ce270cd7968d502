"""Held-out seller files, set 3: ten exports written from domain.md alone by a writer who never
read the bot (heldout_files_3/README.md says what each tests; each `<file>.expected.yaml`
holds the writer's figures per category × marketplace, checked by the writer's own reader):
a 店小秘 workbook with a two-row merged header, 马帮 GBK with the carrier inside the channel,
an All Orders item report, Shift-JIS, Spanish and German exports, Excel serial dates and
scientific-notation tracking, reused and split tracking, cp1252 Royal Mail, and 3,217 rows over
three marketplaces where one category passes pooled but fails on Amazon.de.

First grading, once, on main b4d5374 (`vtrbot check --json --as-of 2026-12-05`): 9 of 10 files
fully right. The 店小秘 workbook was refused ("missing 订单号"): its order ID, marketplace,
channel and status names sit only in the upper header row, merged down over the lower row
that names every other field. After reading a blank header cell's name from the row above,
10 of 10 agree.

Per file, `vtrbot check`'s report (engine.report_file) must give the writer's overall,
by-category (pooled), by-marketplace and category × marketplace figures, defect order IDs and
not-counted rows by reason; the upload path (engine.analyse_file) must give the same figures.
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

pytestmark = pytest.mark.slow  # ten files (one of 3,217 rows) read twice each

FOLDER = Path(__file__).parent / "heldout_files_3"
FILES = expectations(FOLDER)


@pytest.mark.parametrize("name", FILES)
def test_check_gives_the_writers_figures(name: str) -> None:
    assert_check_agrees(FOLDER, name, counted_figures, writers_figures, {})


@pytest.mark.parametrize("name", FILES)
def test_upload_path_gives_the_same_report_as_check(name: str) -> None:
    assert_upload_agrees(FOLDER, name, counted_figures)


def test_the_set_is_whole() -> None:
    # Ten files with their expectations: a lost file would shrink the grading silently.
    assert len(FILES) == 10
    assert all((FOLDER / name).is_file() for name in FILES)
