"""A marketplace written in two languages in one cell ('JP 日本', '美国 US', 'UK/英国站',
'Germany - 德国'), as bilingual exports write every value, is the marketplace both halves name:
it was kept as written, a group of its own, so Amazon's exemptions by marketplace (JPY orders
under 1,000, EU letters under EUR 20) were not applied and its orders counted. Halves that
name two marketplaces, or a word that is none, stay as written."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import report_file
from bot.domain.values import marketplace_code
from tests.engine.conftest import CHINA_POST_OK, UPS_OK, WriteFile

AS_OF = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("JP 日本", "JP"),
        ("美国 US", "US"),
        ("UK/英国站", "UK"),
        ("Germany - 德国", "DE"),
        ("FR法国", "FR"),
        ("Japan 日本", "JP"),
        ("US 日本", "US 日本"),  # two marketplaces: neither is chosen
        ("Shop A", "Shop A"),
    ],
)
def test_a_cell_naming_one_marketplace_twice(cell: str, code: str) -> None:
    assert marketplace_code(cell) == code


def test_exemptions_apply_to_a_bilingual_marketplace(write_file: WriteFile) -> None:
    """By hand: JP 日本 — a JPY 800 order exempt, a JPY 2,500 order counted and valid;
    DE 德国 — a letter of EUR 12 exempt, a parcel of EUR 30 missing its tracking. Counted: 2,
    valid 1; one jp_under_1000 and one eu_letter_under_20."""
    lines = [
        "订单号 Order ID,站点 Site,发货日期 Ship Date,物流商 Carrier,跟踪号 Tracking No.,"
        "金额 Amount,币种 Currency,物流方式 Service",
        f"J-1,JP 日本,2026-11-10,China Post,{CHINA_POST_OK},800,JPY,Registered",
        f"J-2,JP 日本,2026-11-11,UPS,{UPS_OK},2500,JPY,Express",
        "D-1,DE 德国,2026-11-12,Deutsche Post,,12.00,EUR,Brief International",
        "D-2,DE 德国,2026-11-13,UPS,,30.00,EUR,Standard",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert {g.name: (g.shipments, g.valid) for g in report.by_marketplace} == {
        "JP": (1, 1),
        "DE": (1, 0),
    }
    assert report.excluded["jp_under_1000"] == 1
    assert report.excluded["eu_letter_under_20"] == 1
