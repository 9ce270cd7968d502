"""Held-out seller files, set 1: ten exports written from domain.md alone by a writer who never
read the bot (heldout_files_1/README.md says what each tests; each `<file>.expected.yaml`
holds the writer's figures, checked by the writer's own independent reader).

First grading, once, on main b6f5779 (`vtrbot check --json --as-of 2026-12-05`): 6 of 10
files fully right, 24 of 41 checks (a refused file counted 5 checks). The German export was
refused (German headers unknown), the Japanese and German ones counted FBA rows as the
seller's ("Versand durch", "出荷元" unknown), DHL accepted a China Post S10 number, and
Excel-damaged USPS numbers (9.4E+21) counted valid. Since then all ten agree (41 of 41).

Per file, `vtrbot check`'s report (engine.report_file) must give the writer's overall,
by-category (shipments, valid, below the bar, fewest fixes), by-category-and-marketplace (the
cells Amazon enforces the bar on, same four figures) and by-marketplace figures and
defect order IDs, and its not-counted rows by reason; the upload path (engine.analyse_file, as the bot uses) must give the same
figures as `vtrbot check`: one rule, one implementation.

Files that still disagree with the writer are listed in DISAGREEMENTS with the checks that
differ and why; those checks must still differ, so a change that mends one forces the list
to be updated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.domain.models import VtrReport
from tests.engine.heldout_files import (
    Figures,
    assert_check_agrees,
    assert_upload_agrees,
    expectations,
    report_figures,
    writers_cells,
)

pytestmark = pytest.mark.slow  # ten files read twice each: well over 0.3 s of CPU

FOLDER = Path(__file__).parent / "heldout_files_1"
FILES = expectations(FOLDER)

# file → {check: why the bot and the writer differ}
DISAGREEMENTS: dict[str, dict[str, str]] = {}


def _figures(report: VtrReport) -> Figures:
    return report_figures(report, _not_counted)


def _not_counted(excluded: dict[str, int]) -> dict[str, int]:
    """The writer's reasons: both exemptions (EU letters, Japan under JPY 1,000) are one."""
    kept = ("fba", "cancelled", "not_shipped", "outside_window")
    exempt = excluded.get("eu_letter_under_20", 0) + excluded.get("jp_under_1000", 0)
    return {**{k: excluded.get(k, 0) for k in kept}, "exempt": exempt}


def _writers_figures(writer: dict[str, Any]) -> Figures:
    overall = writer["overall"]
    return {
        "overall": (overall["shipments"], overall["valid"]),
        "by_category": {
            c["category"]: (c["shipments"], c["valid"], c["below_bar"], c["needed"])
            for c in writer["by_category"]
        },
        "by_marketplace": {
            m["marketplace"]: (m["shipments"], m["valid"]) for m in writer["by_marketplace"]
        },
        "by_category_and_marketplace": writers_cells(writer, "shipments"),
        "defects": sorted(d["order_id"] for d in writer["defects"]),
        "not_counted": writer["not_counted"],
    }


@pytest.mark.parametrize("name", FILES)
def test_check_gives_the_writers_figures(name: str) -> None:
    assert_check_agrees(FOLDER, name, _figures, _writers_figures, DISAGREEMENTS.get(name, {}))


@pytest.mark.parametrize("name", FILES)
def test_upload_path_gives_the_same_report_as_check(name: str) -> None:
    assert_upload_agrees(FOLDER, name, _figures)


def test_the_set_is_whole() -> None:
    # Ten files with their expectations: a lost file would shrink the grading silently.
    assert len(FILES) == 10
    assert all((FOLDER / name).is_file() for name in FILES)
