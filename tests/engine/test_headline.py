"""The first line of the report and the alert is Amazon's verdict (docs/vtr-rules.md §4.5):
how many of the units it enforces the bar on are not above 95%, with ✅/❌; every package
pooled follows with no mark. Own files, counted by hand; the bar is `100 × valid > 95 ×
shipments`."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction

import pytest

from bot.cli import main
from bot.domain.engine import analyse_file
from bot.domain.models import VtrReport
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from tests.engine.conftest import UPS_OK, WriteFile

AS_OF = date(2026, 11, 20)
HEADER = "order-id,ship-date,carrier,tracking-number,category"


def rows(category: str, valid: int, invalid: int) -> list[str]:
    """`valid` UPS packages with a good number, then `invalid` with none, shipped 11-18."""
    return [
        f"{category}-{i},2026-11-18,UPS,{UPS_OK if i < valid else ''},{category}"
        for i in range(valid + invalid)
    ]


def first_lines(report: VtrReport, lang: str) -> list[str]:
    """The verdict and the pooled line: the report's third and fourth lines."""
    return render_report(report, Translator(lang)).splitlines()[2:4]  # type: ignore[arg-type]


def report_of(write_file: WriteFile, *groups: list[str]) -> VtrReport:
    lines = [HEADER, *(line for group in groups for line in group)]
    return analyse_file(write_file(lines), as_of=AS_OF)[0]


def test_a_pooled_rate_above_the_bar_does_not_hide_a_failing_category(
    write_file: WriteFile,
) -> None:
    """Toys 97 of 100 (97.0%), Books 96 of 100 (96.0%), Shoes 18 of 20 (90.0%, below: fix
    ⌊95 × 20 / 100⌋ + 1 − 18 = 2). Pooled 211 of 220 = 95.909…%, above the bar."""
    report = report_of(write_file, rows("Toys", 97, 3), rows("Books", 96, 4), rows("Shoes", 18, 2))
    assert (report.overall.valid, report.overall.shipments) == (211, 220)
    assert first_lines(report, "en") == [
        "❌ 1 of 3 categories is not above 95%, Amazon's bar: it judges each category on its own.",
        "All packages together: 95.9% (211 of 220 packages valid), for context only: Amazon "
        "does not judge this pooled figure.",
    ]
    assert first_lines(report, "zh") == [
        "❌ 3 个品类中有 1 个未高于亚马逊要求的 95%：亚马逊按品类分别考核。",
        "全部包裹合计：95.9%（220 个包裹中 211 个有效），仅供参考：亚马逊不按这个合计数考核。",
    ]


def test_every_category_passing_makes_the_pool_pass_whatever_their_sizes() -> None:
    """A pooled rate at or under the bar while every category is above it cannot happen: if
    100 × vᵢ > 95 × nᵢ for each group, summing gives 100 × Σv > 95 × Σn. Checked here on
    every pair of passing groups up to 40 packages, sizes unequal included, with fractions
    (not the engine's integer rule); a pool of two passing groups passes, so by induction
    does a pool of any number."""
    bar = Fraction(95, 100)
    passing = [(v, n) for n in range(1, 41) for v in range(n + 1) if Fraction(v, n) > bar]
    assert (20, 21) in passing and (19, 20) not in passing
    for v1, n1 in passing:
        for v2, n2 in passing:
            assert Fraction(v1 + v2, n1 + n2) > bar


def test_the_closest_pool_to_the_bar_with_every_category_passing(write_file: WriteFile) -> None:
    """Toys 20 of 21 (95.24%) and Books 77 of 81 (95.06%), each just above the bar: pooled
    97 of 102 = 95.098…% (9,700 > 9,690), above it too, and the verdict is ✅."""
    report = report_of(write_file, rows("Toys", 20, 1), rows("Books", 77, 4))
    assert not report.overall.below_threshold
    assert first_lines(report, "en") == [
        "✅ All 2 categories are above 95%, Amazon's bar: it judges each category on its own.",
        "All packages together: 95.1% (97 of 102 packages valid), for context only: Amazon "
        "does not judge this pooled figure.",
    ]


def test_a_pooled_rate_below_the_bar_is_no_mark(write_file: WriteFile) -> None:
    """Toys 10 of 20 (50%, below), Books 30 of 30: pooled 40 of 50 = 80%. The ❌ is for
    Toys, counted as one of two; the 80% carries no mark of its own."""
    report = report_of(write_file, rows("Toys", 10, 10), rows("Books", 30, 0))
    verdict, pooled = first_lines(report, "en")
    assert verdict.startswith("❌ 1 of 2 categories is not above 95%")
    assert pooled.startswith("All packages together: 80.0% (40 of 50 packages valid)")
    assert "❌" not in pooled and "✅" not in pooled


def test_all_categories_above(write_file: WriteFile) -> None:
    """Toys 30 of 30, Books 21 of 22 (95.45%), Home 40 of 41 (97.56%): all three above."""
    report = report_of(write_file, rows("Toys", 30, 0), rows("Books", 21, 1), rows("Home", 40, 1))
    assert first_lines(report, "en")[0] == (
        "✅ All 3 categories are above 95%, Amazon's bar: it judges each category on its own."
    )
    assert first_lines(report, "zh") == [
        "✅ 全部 3 个品类都高于亚马逊要求的 95%：亚马逊按品类分别考核。",
        "全部包裹合计：97.8%（93 个包裹中 91 个有效），仅供参考：亚马逊不按这个合计数考核。",
    ]


def test_all_categories_below(write_file: WriteFile) -> None:
    """Toys 19 of 20 (95.0%, at the bar: below) and Books 0 of 3: both below."""
    report = report_of(write_file, rows("Toys", 19, 1), rows("Books", 0, 3))
    assert first_lines(report, "en") == [
        "❌ 2 of 2 categories are not above 95%, Amazon's bar: it judges each category on its own.",
        "All packages together: 82.6% (19 of 23 packages valid), for context only: Amazon "
        "does not judge this pooled figure.",
    ]


def test_cells_are_counted_on_each_marketplace(write_file: WriteFile) -> None:
    """Toys 40 of 40 on Amazon.com and 19 of 20 on Amazon.de (below); Home 10 of 10 on
    Amazon.com only: three units, one below; pooled 69 of 70 = 98.6%."""
    header = "order-id,ship-date,carrier,tracking-number,category,sales-channel"
    lines = [f"{line},Amazon.com" for line in rows("Toys", 40, 0)]
    lines += [f"{line},Amazon.de".replace("Toys-", "DE-") for line in rows("Toys", 19, 1)]
    lines += [f"{line},Amazon.com" for line in rows("Home", 10, 0)]
    report = analyse_file(write_file([header, *lines]), as_of=AS_OF)[0]
    assert first_lines(report, "en") == [
        "❌ 1 of 3 categories on their marketplaces is not above 95%, Amazon's bar: it judges "
        "each category on each marketplace.",
        "All packages together: 98.6% (69 of 70 packages valid), for context only: Amazon "
        "does not judge this pooled figure.",
    ]
    assert first_lines(report, "zh")[0] == (
        "❌ 3 个品类（按站点计）中有 1 个未高于亚马逊要求的 95%：亚马逊按站点分别考核每个品类。"
    )


@pytest.mark.slow  # the CLI's analysis worker (over 0.3 s of CPU)
def test_the_json_adds_the_verdict_and_keeps_the_contract(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [HEADER, *rows("Toys", 97, 3), *rows("Books", 96, 4), *rows("Shoes", 18, 2)]
    path = write_file(lines)
    assert main(["check", str(path), "--as-of", "2026-11-20", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["verdict"] == {
        "units": 3,
        "below": 1,
        "per_marketplace": False,
        "per_shop": False,
    }
    overall = printed["overall"]
    assert (overall["shipments"], overall["valid"], overall["below_threshold"]) == (220, 211, False)
    assert {"by_category", "by_carrier", "by_marketplace", "excluded", "defects"} <= set(printed)
    assert VtrReport.model_validate(printed).verdict.below == 1  # read back, recomputed
