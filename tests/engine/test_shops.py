"""Each shop is its own Amazon account (docs/vtr-rules.md §4.5): a file holding two shops
has its categories judged within each, counted by hand.

Both shops sell on Amazon.com. 太阳店 (Sun): Toys 40 of 40, Home 10 of 10. 月亮店 (Moon):
Toys 19 of 20 (MOON-X untracked, shipped 11-19), Home 10 of 10. Toys pooled is 59 of 60 =
98.3%, above the bar, but Toys in Moon's account is 19 of 20 = 95.0%, not above it, and
needs ⌊95 × 20 / 100⌋ + 1 − 19 = 1 fix. Sun is 50 of 50 = 100%; Moon 29 of 30 = 96.7%."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.cli import main
from bot.domain.engine import analyse_file, report_file
from bot.domain.models import VtrReport
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from bot.services.vtr_words import Markup, planned_label
from tests.engine.conftest import UPS_OK, WriteFile
from tests.engine.heldout_files import verdict

AS_OF = date(2026, 11, 20)
HEADER = "订单号,店铺,店铺站点,发货日期,物流商,跟踪号,品类"
SUN, MOON = "太阳店", "月亮店"


def two_shops(moon: str = MOON, moon_market: str = "US") -> list[str]:
    rows = [f"S{i},{SUN},US,2026-11-10,UPS,{UPS_OK},Toys" for i in range(40)]
    rows += [f"SH{i},{SUN},US,2026-11-10,UPS,{UPS_OK},Home" for i in range(10)]
    rows += [f"M{i},{moon},{moon_market},2026-11-10,UPS,{UPS_OK},Toys" for i in range(19)]
    rows += [f"MOON-X,{moon},{moon_market},2026-11-19,UPS,,Toys"]
    return rows + [f"MH{i},{moon},{moon_market},2026-11-10,UPS,{UPS_OK},Home" for i in range(10)]


def report_of(write_file: WriteFile, rows: list[str], header: str = HEADER) -> VtrReport:
    report, _ = analyse_file(write_file([header, *rows]), as_of=AS_OF)
    return report


def units(report: VtrReport) -> dict[tuple[str, str | None], tuple[int, int, bool, int]]:
    return {(u.name, getattr(u, "shop", None)): verdict(u) for u in report.enforced_units()}


def test_a_category_above_pooled_fails_in_one_shop(write_file: WriteFile) -> None:
    report = report_of(write_file, two_shops())
    (toys, home) = report.by_category
    assert verdict(toys) == (60, 59, False, 0)  # pooled: the contract's field, unchanged
    assert verdict(home) == (20, 20, False, 0)
    assert {s.name: verdict(s) for s in report.by_shop} == {
        MOON: (30, 29, False, 0),
        SUN: (50, 50, False, 0),
    }
    assert report.per_shop and not report.per_marketplace
    assert units(report) == {
        ("Toys", MOON): (20, 19, True, 1),
        ("Home", MOON): (10, 10, False, 0),
        ("Toys", SUN): (40, 40, False, 0),
        ("Home", SUN): (10, 10, False, 0),
    }
    # The contract's cells pool the shops: Toys on the US is 59 of 60.
    assert [verdict(c) for c in report.by_category_marketplace] == [
        (60, 59, False, 0),
        (20, 20, False, 0),
    ]
    worst = report.enforced_units()[0]
    assert (worst.name, worst.shop, worst.marketplace) == ("Toys", MOON, "")  # type: ignore[attr-defined]


def test_the_failing_shop_gets_its_plan_and_projection(write_file: WriteFile) -> None:
    """MOON-X shipped 11-19 by UPS (5 days' transit): fix by 11-24. Back above the bar on
    11-21 with every new package valid: a day at the cell's volume (20 / 30 a day) gives
    (19 + 2/3) / (20 + 2/3) = 59/62 = 95.2%."""
    report = report_of(write_file, two_shops())
    (toys,) = report.plan
    assert (toys.scope, toys.name, toys.shop, toys.marketplace) == ("category", "Toys", MOON, None)
    assert (toys.needed, [d.order_id for d in toys.fixes]) == (1, ["MOON-X"])
    assert toys.fixes[0].fix_by == date(2026, 11, 24)
    assert toys.fixes[0].shop == MOON
    assert toys.recovery_date == date(2026, 11, 21)
    assert [d.order_id for d in report.defects if d.in_plan] == ["MOON-X"]


def test_one_shop_reads_exactly_as_a_file_without_shops(write_file: WriteFile) -> None:
    """Every row in Sun's shop: the same report as the file without its shop column, but
    for the shop's own group."""
    one = report_of(write_file, two_shops(moon=SUN))
    header = HEADER.replace("店铺,", "")
    rows = [row.replace(f"{SUN},", "") for row in two_shops(moon=SUN)]
    none = report_of(write_file, rows, header)
    assert [verdict(s) for s in one.by_shop] == [(80, 79, False, 0)]
    assert none.by_shop == []
    assert not one.per_shop and one.enforced_units() is one.by_category
    shopless = one.model_copy(update={"by_shop": []}).model_dump()
    for defect in shopless["defects"]:
        assert defect.pop("shop") == SUN
    without = none.model_dump()
    for defect in without["defects"]:
        assert defect.pop("shop") == ""
    assert shopless == without


def test_within_each_shop_a_category_is_judged_on_each_marketplace(
    write_file: WriteFile,
) -> None:
    """Moon sells on Amazon.de, Sun on Amazon.com: the cells are a shop's category on one
    marketplace. Moon's Toys on DE is 19 of 20: 1 fix, planned there."""
    report = report_of(write_file, two_shops(moon_market="DE"))
    assert report.per_shop and report.per_marketplace
    cells = {
        (c.name, c.shop, c.marketplace): verdict(c) for c in report.by_shop_category_marketplace
    }
    assert cells[("Toys", MOON, "DE")] == (20, 19, True, 1)
    assert cells[("Toys", SUN, "US")] == (40, 40, False, 0)
    # The contract's category × marketplace cells still pool the shops (one shop each here).
    pooled = {(c.name, c.marketplace): verdict(c) for c in report.by_category_marketplace}
    assert pooled[("Toys", "DE")] == (20, 19, True, 1)
    (toys,) = report.plan
    assert (toys.name, toys.shop, toys.marketplace, toys.needed) == ("Toys", MOON, "DE", 1)


def test_a_shop_below_the_bar_on_a_marketplace_is_planned_in_its_shop(
    write_file: WriteFile,
) -> None:
    """No categories: Moon is 19 of 20 on the US, Sun 40 of 40. The US pooled is 59 of 60,
    above; Moon's US is not, and is planned (its category, Uncategorized, is the only one
    and planned first; the marketplace then counts that fix and needs no more)."""
    header = "订单号,店铺,店铺站点,发货日期,物流商,跟踪号"
    rows = [f"S{i},{SUN},US,2026-11-10,UPS,{UPS_OK}" for i in range(40)]
    rows += [f"M{i},{MOON},US,2026-11-10,UPS,{UPS_OK}" for i in range(19)]
    report = report_of(write_file, [*rows, f"MOON-X,{MOON},US,2026-11-19,UPS,"], header)
    assert verdict(report.by_marketplace[0]) == (60, 59, False, 0)
    plan = [(g.scope, g.name, g.shop, g.needed, g.covered, len(g.fixes)) for g in report.plan]
    assert plan == [
        ("category", "Uncategorized", MOON, 1, 0, 1),
        ("marketplace", "US", MOON, 1, 1, 0),
    ]


def test_a_shop_below_the_bar_gets_a_plan_entry_of_its_own_scope(write_file: WriteFile) -> None:
    """Moon is 19 of 20 (its one invalid package, shipped 2026-11-19, still editable):
    fix 1; its entry is a shop's (labelled as one), never in the report's plan."""
    header = "订单号,店铺,店铺站点,发货日期,物流商,跟踪号"
    rows = [f"S{i},{SUN},US,2026-11-10,UPS,{UPS_OK}" for i in range(40)]
    rows += [f"M{i},{MOON},US,2026-11-10,UPS,{UPS_OK}" for i in range(19)]
    report = report_of(write_file, [*rows, f"MOON-X,{MOON},US,2026-11-19,UPS,"], header)
    moon = next(s for s in report.by_shop if s.name == MOON)
    planned = report.shop_plan(moon)
    assert planned is not None
    assert (planned.scope, planned.name, planned.needed, len(planned.fixes)) == ("shop", MOON, 1, 1)
    assert all(g.scope != "shop" for g in report.plan)
    label = planned_label(Translator("en"), Markup(html=False), planned)
    assert label == f"Shop {MOON}"


def test_the_batch_reading_gives_the_same_report(write_file: WriteFile) -> None:
    """`vtrbot check` reads in batches (tallies.py): the same shops, cells and plan."""
    path = write_file([HEADER, *two_shops()])
    whole, _ = analyse_file(path, as_of=AS_OF)
    assert report_file(path, as_of=AS_OF).model_dump() == whole.model_dump()


def test_old_reports_and_reports_without_shops_parse(write_file: WriteFile) -> None:
    report = report_of(write_file, two_shops())
    again = VtrReport.model_validate_json(report.model_dump_json())
    assert units(again) == units(report)
    stored = json.loads(report.model_dump_json())
    del stored["by_shop"], stored["by_shop_category_marketplace"]
    for cell in stored["by_category_marketplace"]:
        del cell["shop"]
    old = VtrReport.model_validate(stored)
    assert old.by_shop == [] and not old.per_shop


@pytest.mark.slow  # the CLI's analysis worker (over 0.3 s of CPU)
def test_check_json_adds_the_shops_and_keeps_the_contract(
    write_file: WriteFile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_file([HEADER, *two_shops()])
    assert main(["check", str(path), "--as-of", "2026-11-20", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    toys = printed["by_category"][0]
    assert "shop" not in toys  # the contract's groups, unchanged
    assert (toys["name"], toys["shipments"], toys["valid"], toys["below_threshold"]) == (
        "Toys",
        60,
        59,
        False,
    )
    moon = printed["by_shop"][0]
    assert (moon["name"], moon["shipments"], moon["valid"], moon["below_threshold"]) == (
        MOON,
        30,
        29,
        False,
    )
    assert set(moon) == set(printed["by_marketplace"][0])
    (planned,) = printed["plan"]
    assert (planned["name"], planned["shop"], planned["needed"]) == ("Toys", MOON, 1)


def test_the_report_names_the_failing_shop(write_file: WriteFile) -> None:
    report = report_of(write_file, two_shops())
    text = render_report(report, Translator("en"))
    # Pooled 79 of 80 passes; Amazon judges 月亮店's Toys on its own: 19 of 20, below.
    assert (
        "\n❌ 1 of 4 categories of your shops is not above 95%, Amazon's bar: each shop is its "
        "own Amazon account, each of its categories judged on its own.\nAll packages together: "
        "98.75% (79 of 80 packages valid), for context only"
    ) in text
    assert "Fix 1 package to bring Toys in shop 月亮店 above 95%." in text
    assert "By shop and category\n❌ Toys in shop 月亮店: 95.0% (19 of 20 packages valid)" in text
    assert "✅ Toys in shop 太阳店: 100% (40 of 40 packages valid)" in text
    assert "By shop\n✅ 月亮店: 96.7% (29 of 30 packages valid)" in text
    zh = render_report(report, Translator("zh"))
    assert "按店铺和品类\n❌ 店铺 月亮店 的Toys: 95.0%（20 个包裹中 19 个有效）" in zh
    assert "按店铺\n✅ 月亮店: 96.7%" in zh


def test_one_shop_reads_as_before_in_words(write_file: WriteFile) -> None:
    """Sun alone: 79 of 80, Toys 59 of 60: no shop anywhere in the report's words."""
    report = report_of(write_file, two_shops(moon=SUN))
    text = render_report(report, Translator("en"))
    assert "By category\n⚠️ Toys: 98.3% (59 of 60 packages valid) · at risk" in text
    assert (
        "\n✅ All 2 categories are above 95%, Amazon's bar: it judges each category on its own.\n"
        in text
    )
    assert "shop" not in text.lower() and SUN not in text


def test_a_unit_whose_rows_name_no_marketplace_is_said_so(write_file: WriteFile) -> None:
    """Sun sells on the US and Germany; Moon's rows leave the marketplace blank, its Toys 19
    of 20 (below the bar): that unit is Moon's Toys with no marketplace named, never
    '(none)的Toys' (the Chinese report once printed '店铺 月亮店 的（无）的Toys')."""
    rows = [f"S{i},{SUN},US,2026-11-10,UPS,{UPS_OK},Toys" for i in range(40)]
    rows += [f"SD{i},{SUN},DE,2026-11-10,UPS,{UPS_OK},Home" for i in range(10)]
    rows += [row.replace(f",{MOON},US,", f",{MOON},,") for row in two_shops() if "," + MOON in row]
    report = report_of(write_file, rows)
    chinese = render_report(report, Translator("zh"))
    assert "店铺 月亮店 的Toys（未注明站点）" in chinese, chinese
    assert "（无）" not in chinese and "(none)" not in chinese, chinese
    english = render_report(report, Translator("en"))
    assert "Toys (no marketplace named) in shop 月亮店" in english, english
