"""One Amazon category written in English and in Chinese in one file ('Toys' beside '玩具')
is one group under the file's English name (docs/decisions/012): in the report's categories,
cells and defects, by `vtrbot check` and the upload alike. A Chinese name with no English
one beside it, and two English spellings, are left as written."""

from __future__ import annotations

from datetime import date

from bot.domain.categories import one_name_per_category
from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import FEDEX_OK, UPS_OK, USPS_OK, WriteFile


def test_chinese_names_join_the_english_one() -> None:
    names = [
        "Toys",
        "玩具",
        "婴儿用品",
        "Home & Kitchen",
        "家居厨房",
        "Garden",
        "Patio, Lawn & Garden",
    ]
    assert one_name_per_category(names) == {"玩具": "Toys", "家居厨房": "Home & Kitchen"}
    assert one_name_per_category(["玩具", "婴儿用品"]) == {}
    assert one_name_per_category(["宠物用品", "Pet Supplies", "Pets"]) == {}


def test_one_group_for_one_category(write_file: WriteFile) -> None:
    """By hand: Toys on US has T1 (valid) written 'Toys', T2 (valid) and T3 (missing)
    written '玩具': 3 shipments, 2 valid, T3's defect under Toys; 婴儿用品 alone: 1 of 1."""
    lines = [
        "订单号,站点,发货时间,物流商,跟踪号,品类",
        f"T1,美国站,2026-11-20 10:00,UPS,{UPS_OK},Toys",
        f"T2,美国站,2026-11-21 10:00,USPS,{USPS_OK},玩具",
        "T3,美国站,2026-11-22 10:00,USPS,,玩具",
        f"B1,美国站,2026-11-23 10:00,FedEx,{FEDEX_OK},婴儿用品",
    ]
    path = write_file(lines)
    as_of = date(2026, 11, 30)
    for report in (report_file(path, as_of=as_of), analyse_file(path, as_of=as_of)[0]):
        categories = {g.name: (g.shipments, g.valid) for g in report.by_category}
        assert categories == {"Toys": (3, 2), "婴儿用品": (1, 1)}
        assert [(d.order_id, d.category) for d in report.defects] == [("T3", "Toys")]
