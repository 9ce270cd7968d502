"""An ERP export selling on several platforms names each order's in a platform column
(平台, 'Platform'): an eBay, Shopee, TikTok or Walmart order is no Amazon order, so no part
of VTR. It is left out under its own reason, which the report names in both languages; an
Amazon order, or one whose platform the file leaves blank or names by no known word, counts."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from bot.services.i18n import translator
from bot.services.report_text import excluded_text
from tests.engine.conftest import UPS_OK, WriteFile

pytestmark = pytest.mark.collection

AS_OF = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("header", "platforms"),
    [
        ("平台", ["Amazon", "eBay", "Shopee", "TikTok Shop", "亚马逊", "", "沃尔玛"]),
        ("Sales Platform", ["amazon", "EBAY", "Shopee SG", "TikTok", "Amazon US", "", "Walmart"]),
    ],
)
def test_orders_of_other_platforms_are_not_counted(
    write_file: WriteFile, header: str, platforms: list[str]
) -> None:
    """By hand: rows 1, 5 and 6 are Amazon's (6 leaves the platform blank), 2-4 and 7 other
    platforms'. Counted: P1 valid, P5 missing, P6 valid: 3 counted, 2 valid, one defect;
    4 not counted as other platforms' orders, whose missing numbers are no defects."""
    lines = [f"订单号,{header},站点,发货日期,承运商,跟踪号"]
    for n, platform in enumerate(platforms, start=1):
        tracking = "" if n in (2, 3, 5) else UPS_OK[:-2] + f"{n:02d}" if n in (4, 7) else UPS_OK
        lines.append(f"P{n},{platform},美国,2026-11-2{n},UPS,{tracking}")
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (3, 2)
        assert report.excluded["not_amazon_platform"] == 4
        assert [d.order_id for d in report.defects] == ["P5"]
        assert "orders of other platforms (eBay, Shopee …) 4" in excluded_text(
            report, translator("en")
        )
        assert "其他平台的订单（eBay、Shopee 等） 4" in excluded_text(report, translator("zh"))
