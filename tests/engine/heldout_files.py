"""What the held-out seller-file sets (tests/engine/heldout_files_N/) share: the writer's
expectations read, the report's figures in the writer's terms, and the two checks every set
makes (agreement with the writer, except the listed disagreements; the upload path agreeing
with `vtrbot check`)."""

from __future__ import annotations

import lzma
import shutil
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.domain.engine import analyse_file, report_file
from bot.domain.models import GroupStats, VtrReport
from tests.yaml_files import read_yaml

Figures = dict[str, object]


def expectations(folder: Path) -> list[str]:
    """The set's file names, one per `<file>.expected.yaml`."""
    return sorted(p.name.removesuffix(".expected.yaml") for p in folder.glob("*.expected.yaml"))


def stored(folder: Path, name: str) -> Path:
    """Where a set keeps one file: as written, or xz-compressed (`<file>.xz`) when it is too
    large to commit as it is."""
    plain = folder / name
    return plain if plain.is_file() else folder / f"{name}.xz"


def unpacked(folder: Path, name: str, into: Path) -> Path:
    """The folder to read one file of a set from: the set's own, or `into` holding the file
    decompressed byte-identical beside a copy of its expectations, when it is stored xz'd."""
    packed = stored(folder, name)
    if packed.name == name:
        return folder
    with lzma.open(packed) as source, (into / name).open("wb") as target:
        shutil.copyfileobj(source, target, length=1 << 20)
    shutil.copyfile(folder / f"{name}.expected.yaml", into / f"{name}.expected.yaml")
    return into


def expected(folder: Path, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = read_yaml(folder / f"{name}.expected.yaml")
    return loaded


def pair(group: GroupStats) -> tuple[int, int]:
    return (group.shipments, group.valid)


def verdict(group: GroupStats) -> tuple[int, int, bool, int]:
    return (group.shipments, group.valid, group.below_threshold, group.needed)


def report_figures(
    report: VtrReport, not_counted: Callable[[dict[str, int]], dict[str, int]]
) -> Figures:
    """The report in the writer's terms; `not_counted` maps its exclusions to the set's."""
    return {
        "overall": pair(report.overall),
        "by_category": {g.name: verdict(g) for g in report.by_category},
        "by_marketplace": {g.name: pair(g) for g in report.by_marketplace},
        "by_category_and_marketplace": {
            (g.name, g.marketplace): verdict(g) for g in report.by_category_marketplace
        },
        "defects": sorted(d.order_id for d in report.defects),
        "not_counted": not_counted(report.excluded),
    }


def writers_cells(writer: dict[str, Any], counted: str) -> dict[tuple[str, str], object]:
    """The writer's category × marketplace groups (`counted`: the writer's word for the
    shipments counted), as `report_figures` gives the report's `by_category_marketplace`."""
    return {
        (c["category"], c["marketplace"]): (c[counted], c["valid"], c["below_bar"], c["needed"])
        for c in writer["by_category_and_marketplace"]
    }


def assert_agrees(got: Figures, want: Figures, differing: dict[str, str], name: str) -> None:
    """Every check agrees but the listed ones, which must still differ: a change that mends
    one forces the list to be updated."""
    assert {k: got[k] for k in want if k not in differing} == {
        k: want[k] for k in want if k not in differing
    }
    still_differing = sorted(k for k in differing if got[k] != want[k])
    assert still_differing == sorted(differing), f"mended: update DISAGREEMENTS for {name}"


@lru_cache(maxsize=16)
def checked_report(path: Path, as_of: date) -> VtrReport:
    """`vtrbot check`'s report of one file, made once for both of a set's checks: a set's
    module runs on one xdist worker (`--dist loadscope`), and it has ten files."""
    return report_file(path, as_of=as_of)


def assert_check_agrees(
    folder: Path,
    name: str,
    figures: Callable[[VtrReport], Figures],
    writers: Callable[[dict[str, Any]], Figures],
    differing: dict[str, str],
) -> None:
    """`vtrbot check`'s report of one file (`figures`) against its writer's expectations
    (`writers`), on the writer's as-of date; `differing` as in `assert_agrees`."""
    writer = expected(folder, name)
    got = figures(checked_report(folder / name, date.fromisoformat(writer["as_of"])))
    assert_agrees(got, writers(writer), differing, name)


def assert_upload_agrees(folder: Path, name: str, figures: Callable[[VtrReport], Figures]) -> None:
    """One rule, one implementation: the bot's upload path and `vtrbot check` agree on one
    file of a set, on its writer's as-of date."""
    as_of = date.fromisoformat(expected(folder, name)["as_of"])
    path = folder / name
    checked = checked_report(path, as_of)
    uploaded, _ = analyse_file(path, as_of=as_of)
    assert figures(uploaded) == figures(checked)
    assert uploaded.excluded == checked.excluded
    assert uploaded.warnings == checked.warnings
    assert [verdict(g) for g in uploaded.by_carrier] == [verdict(g) for g in checked.by_carrier]
    assert [(d.order_id, d.reason) for d in uploaded.defects] == [
        (d.order_id, d.reason) for d in checked.defects
    ]


# -- sets whose writers give category × marketplace groups with `counted` (sets 2 and 3) -------


def nonzero(excluded: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in excluded.items() if v}


def counted_figures(report: VtrReport) -> Figures:
    return report_figures(report, nonzero)


def _pooled_categories(writer: dict[str, Any]) -> dict[str, tuple[int, int, bool, int]]:
    """The writer's category × marketplace groups summed per category, judged by domain.md's
    bar (below when 100 × valid ≤ 95 × counted; needed = ⌊95n/100⌋ + 1 − valid)."""
    pooled: dict[str, list[int]] = {}
    for group in writer["by_category_and_marketplace"]:
        sums = pooled.setdefault(group["category"], [0, 0])
        sums[0] += group["counted"]
        sums[1] += group["valid"]
    return {
        name: (n, valid, 100 * valid <= 95 * n, max(0, 95 * n // 100 + 1 - valid))
        for name, (n, valid) in pooled.items()
    }


def writers_figures(writer: dict[str, Any]) -> Figures:
    """A set-2-style writer's expectations in `counted_figures`' terms."""
    overall = writer["overall"]
    return {
        "overall": (overall["counted"], overall["valid"]),
        "by_category": _pooled_categories(writer),
        "by_marketplace": {
            m["marketplace"]: (m["counted"], m["valid"]) for m in writer["by_marketplace"]
        },
        "by_category_and_marketplace": writers_cells(writer, "counted"),
        "defects": sorted(d["order_id"] for d in writer["defects"]),
        "not_counted": nonzero(writer["not_counted"]),
    }
