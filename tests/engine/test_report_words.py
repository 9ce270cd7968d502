"""How the report words a rate near the bar and the groups it judges (issue 22), on
shipments counted by hand."""

from __future__ import annotations

import re
import zipfile
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from bot.domain.bar import decimals_to_tell
from bot.domain.defects_file import write_defects_xlsx
from bot.domain.models import ShipmentRecord, VtrReport
from bot.domain.shipments import ShipmentTable
from bot.domain.vtr import compute_report
from bot.services.defect_document import defect_file_labels
from bot.services.i18n import translator
from bot.services.report_text import MAX_PLANNED_GROUPS, render_report
from bot.services.vtr_words import rate_percent
from tests.engine.conftest import UPS_OK, USPS_OK
from tests.engine.test_defect_file import sheet_rows

pytestmark = pytest.mark.collection

AS_OF = date(2026, 11, 20)


def records(
    category: str, valid: int, invalid: int, carrier: str = "UPS", number: str = UPS_OK
) -> list[ShipmentRecord]:
    """`valid` shipments with a good number (UPS's by default), then `invalid` without
    tracking, spread over the ten days before AS_OF."""
    return [
        ShipmentRecord(
            order_id=f"{category}-{i}",
            ship_date=AS_OF - timedelta(days=i % 10),
            carrier=carrier,
            tracking=number if i < valid else "",
            category=category,
        )
        for i in range(valid + invalid)
    ]


def report_of(*groups: list[ShipmentRecord]) -> VtrReport:
    rows = [record for group in groups for record in group]
    return compute_report(ShipmentTable.from_records(rows), as_of=AS_OF)


@pytest.mark.parametrize(
    ("rate", "decimals"),
    [
        (Fraction(210, 221), 2),  # 95.0226…% reads 95.0% at one decimal: two
        (Fraction(19, 20), 1),  # exactly 95%: 95.0% is the truth (below the bar)
        (Fraction(212, 225), 1),  # 94.2%: far from the bar
        (Fraction(18997, 20000), 2),  # 94.985% → 94.98% (half-even), not 95.0%
        (Fraction(19001, 20000), 3),  # 95.005% → 95.00% at two, 95.005% at three
        (Fraction(949999, 1000000), 4),  # 94.9999%
        (0.9502, 2),  # Amazon's own figure, a float
        (0.95, 1),
    ],
)
def test_decimals_tell_the_side_of_the_bar(rate: Fraction | float, decimals: int) -> None:
    assert decimals_to_tell(rate) == decimals


def test_rate_text_never_reads_95_0_for_a_rate_above_or_below() -> None:
    t = translator("en")
    assert rate_percent(t, Fraction(210, 221)) == "95.02%"
    assert rate_percent(t, Fraction(19, 20)) == "95.0%"
    assert rate_percent(t, Fraction(18997, 20000)) == "94.98%"
    assert rate_percent(t, Fraction(19001, 20000)) == "95.005%"
    assert rate_percent(t, 0.9502262443438914) == "95.02%"
    assert rate_percent(t, None) == "–"


def test_the_verdict_leads_and_the_pooled_rate_keeps_its_decimals() -> None:
    # 电子 19 of 20 (95.0%, below); 玩具 191 of 201 (95.02%, above); pooled 210 of 221
    # (95.02%, above the bar, yet Amazon restricts 电子): the verdict counts 电子.
    report = report_of(records("电子", 19, 1), records("玩具", 191, 10))
    assert (report.overall.shipments, report.overall.valid) == (221, 210)
    english = render_report(report, translator("en"))
    assert (
        "\n❌ 1 of 2 categories is not above 95%, Amazon's bar: it judges each category on its "
        "own.\nAll packages together: 95.02% (210 of 221 packages valid), for context only: "
        "Amazon does not judge this pooled figure.\n"
    ) in english
    assert "❌ 电子: 95.0% (19 of 20 packages valid)" in english
    assert "✅ 玩具: 95.02% (191 of 201 packages valid)" in english
    chinese = render_report(report, translator("zh"))
    assert "\n❌ 2 个品类中有 1 个未高于亚马逊要求的 95%：亚马逊按品类分别考核。\n" in chinese
    assert "\n全部包裹合计：95.02%（221 个包裹中 210 个有效），仅供参考" in chinese


def test_a_rate_at_the_bar_is_marked_below_in_the_verdict() -> None:
    report = report_of(records("Toys", 19, 1))
    english = render_report(report, translator("en"))
    assert (
        "\n❌ Your category is not above 95%, Amazon's bar: it judges each category on its own.\n"
        "All packages together: 95.0% (19 of 20 packages valid), for context only" in english
    )


def cell_formats(path: Path, sheet: int) -> dict[str, str]:
    """Cell reference → its number format code, read from the workbook's XML."""
    with zipfile.ZipFile(path) as book:
        styles = book.read("xl/styles.xml").decode()
        cells = book.read(f"xl/worksheets/sheet{sheet}.xml").decode()
    codes = {"0": "General", "1": "0", "49": "@"}
    codes |= dict(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles))
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S)
    assert xfs is not None
    ids = re.findall(r'<xf numFmtId="(\d+)"', xfs.group(1))
    return {ref: codes[ids[int(style)]] for ref, style in re.findall(r'<c r="([A-Z]+\d+)" s="(\d+)"', cells)}  # fmt: skip


def test_group_sheet_counts_are_numbers_and_rates_tell_their_side(tmp_path: Path) -> None:
    report = report_of(records("电子", 19, 1), records("玩具", 191, 10))
    out = tmp_path / "defects.xlsx"
    write_defects_xlsx(report, out, defect_file_labels(translator("en")))
    rows = sheet_rows(out, 2)
    by_name = {row[1]: row for row in rows[1:] if row[0] == "Category"}
    assert by_name["玩具"][2:5] == [201.0, 191.0, pytest.approx(191 / 201)]
    formats = cell_formats(out, 3)
    line = 2 + [row[1] for row in rows[1:]].index("玩具")
    assert (formats[f"C{line}"], formats[f"D{line}"], formats[f"E{line}"]) == ("0", "0", "0.00%")
    line = 2 + [row[1] for row in rows[1:]].index("电子")
    assert formats[f"E{line}"] == "0.0%"


def test_carriers_are_a_breakdown_of_the_defects_never_judged() -> None:
    # 36 valid UPS, 4 Deutsche Post letters without tracking, 10 USPS of which 3 have none.
    # By carrier: Deutsche Post 4 defects in 4, USPS 3 in 10, UPS none.
    report = report_of(
        records("家居", 36, 0),
        records("家居-dp", 0, 4, carrier="Deutsche Post"),
        records("家居-us", 7, 3, carrier="USPS", number=USPS_OK),
    )
    deutsche_post = next(s for s in report.by_carrier if s.name == "Deutsche Post")
    assert (deutsche_post.shipments, deutsche_post.valid) == (4, 0)
    assert report.carrier_reasons == {
        "Deutsche Post": "missing_tracking",
        "USPS": "missing_tracking",
    }
    text = render_report(report, translator("en"))
    carriers = text.split("Defects by carrier")[1].split("\n\n")[0]
    assert "• Deutsche Post: 4 defects in 4 packages · mostly: no tracking number" in carriers
    assert "• USPS: 3 defects in 10 packages · mostly: no tracking number" in carriers
    assert "UPS:" not in carriers.replace("USPS:", "")  # no defect, not listed
    for judged in ("❌", "✅", "above 95%", "fix "):
        assert judged not in carriers
    assert "By carrier" not in text


def test_carriers_main_reasons_are_stored_in_one_order_whatever_polars_grouped_first() -> None:
    # Eight carriers, each with untracked packages: the report's JSON lists them by name, so
    # two analyses of one file store the same text.
    carriers = ["Yanwen", "DHL", "4PX", "USPS", "China Post", "UPS", "Royal Mail", "FedEx"]
    groups = [records(f"Toys-{name}", 0, 2, carrier=name) for name in carriers]
    for _ in range(3):
        assert list(report_of(*groups).carrier_reasons) == sorted(carriers)


def test_the_defect_file_gives_carriers_no_verdict(tmp_path: Path) -> None:
    report = report_of(records("Toys", 10, 0), records("Toys-dp", 0, 4, carrier="Deutsche Post"))
    out = tmp_path / "defects.xlsx"
    write_defects_xlsx(report, out, defect_file_labels(translator("en")))
    rows = {(row[0], row[1]): row for row in sheet_rows(out, 2)[1:]}
    assert rows["Carrier", "Deutsche Post"][2:] == [4.0, 0.0, 0.0, "", ""]
    assert rows["Category", "Toys-dp"][5:] == ["yes", 4.0]


def test_one_category_below_is_named_not_called_every_category() -> None:
    report = report_of(records("玩具", 212, 13), records("家居", 100, 0))
    english = render_report(report, translator("en"))
    assert "Fix 2 packages to bring 玩具 above 95%." in english
    chinese = render_report(report, translator("zh"))
    assert "各品类" not in chinese


def test_a_category_fixing_cannot_save_says_so_in_the_list_too() -> None:
    # 办公用品: 10 valid of 12 (needs 2); both defects shipped 11-01, past their 5-day
    # estimate on 11-20: none can be edited, so the plan cannot save it.
    old = [
        ShipmentRecord(order_id=f"O{i}", ship_date=date(2026, 11, 1), carrier="UPS",
                       tracking="", category="办公用品")
        for i in range(2)
    ]  # fmt: skip
    report = report_of(records("办公用品", 10, 0), old)
    english = render_report(report, translator("en"))
    listed = english.split("By category")[1]
    assert "❌ 办公用品: 83.3% (10 of 12 packages valid) · cannot get above 95% by fixing" in listed
    assert "fix 2 packages to get above 95%" not in english


def test_a_marketplace_fixing_cannot_save_says_so_in_its_list_too() -> None:
    # Amazon.com: 10 valid of 12 (needs 2), both defects shipped 11-01, past their 5-day
    # estimate on 11-20, so neither can be edited; Amazon.de: 20 of 20. The marketplace
    # list must not promise the 2 fixes the plan says cannot be made.
    us_old = [
        ShipmentRecord(order_id=f"U{i}", ship_date=date(2026, 11, 1), carrier="UPS",
                       tracking="", category="Toys", marketplace="Amazon.com")
        for i in range(2)
    ]  # fmt: skip
    us_good = [r.model_copy(update={"marketplace": "Amazon.com"}) for r in records("Toys", 10, 0)]
    de = [
        r.model_copy(update={"marketplace": "Amazon.de", "order_id": "D" + r.order_id})
        for r in records("Home", 20, 0)
    ]
    english = render_report(report_of(us_good, us_old, de), translator("en"))
    listed = english.split("By marketplace")[1].split("\n\n")[0]
    assert "83.3% (10 of 12 packages valid) · cannot get above 95% by fixing" in listed
    assert "fix 2 packages" not in listed


def test_groups_beyond_the_plans_limit_are_named() -> None:
    groups = [records(f"C{i}", 1, 1) for i in range(MAX_PLANNED_GROUPS + 2)]
    report = report_of(*groups)
    english = render_report(report, translator("en"))
    # 8 categories, then the one marketplace (none named in these records), all below.
    rest = [(g.scope, g.name) for g in report.plan[MAX_PLANNED_GROUPS:]]
    assert rest == [("category", "C6"), ("category", "C7"), ("marketplace", "")]
    assert "…and 3 more groups below the bar (C6, C7, no marketplace named): their fixes" in english


def test_no_space_between_chinese_sentences() -> None:
    old = [
        ShipmentRecord(order_id=f"O{i}", ship_date=date(2026, 11, 1), carrier="UPS",
                       tracking="", category="办公用品")
        for i in range(2)
    ]  # fmt: skip
    report = report_of(records("办公用品", 10, 1), old)
    chinese = render_report(report, translator("zh"))
    assert "。 " not in chinese
