"""The fix plan, fix-by dates, delivery columns and wrong-carrier hints, on files whose
answers are counted by hand. UPS is a domestic carrier (5 days' transit in transit.yaml),
so as of 2026-11-20 a UPS parcel shipped on 11-15 or later is still editable."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file
from bot.domain.models import VtrReport
from bot.domain.reference import transit
from tests.engine.conftest import UPS_OK, USPS_OK, YUN_OK, WriteFile

AS_OF = date(2026, 11, 20)
HEADER = "order-id,ship-date,carrier-code,tracking-number,product-category,sales-channel"


def lines(
    prefix: str, count: int, category: str, market: str = "Amazon.com", **kw: str
) -> list[str]:
    ship = kw.get("ship", "2026-11-10")
    return [f"{prefix}{i},{ship},UPS,{UPS_OK},{category},{market}" for i in range(count)]


def defect(order: str, ship: str, category: str, market: str = "Amazon.com") -> str:
    return f"{order},{ship},UPS,,{category},{market}"


def report_of(write_file: WriteFile, rows: list[str], header: str = HEADER) -> VtrReport:
    report, _ = analyse_file(write_file([header, *rows]), as_of=AS_OF)
    return report


def test_transit_days_are_the_stated_estimate() -> None:
    assert transit().days("domestic") == 5
    assert transit().days("from_china") == 12
    assert transit().days(None) == 5


def test_plan_picks_the_newest_editable_fixes(write_file: WriteFile) -> None:
    """Pets: 40 shipments, 37 valid (92.5%) → needs ⌊38⌋ + 1 − 37 = 2. Its defects were
    shipped 11-20, 11-19 and 11-18: the plan takes 11-20 and 11-19."""
    rows = lines("P", 37, "Pets")
    rows += [defect("P-18", "2026-11-18", "Pets"), defect("P-20", "2026-11-20", "Pets")]
    rows += [defect("P-19", "2026-11-19", "Pets")]
    report = report_of(write_file, rows)
    (pets,) = [g for g in report.plan if g.scope == "category"]
    assert (pets.name, pets.needed, pets.editable, pets.savable) == ("Pets", 2, 3, True)
    assert [d.order_id for d in pets.fixes] == ["P-20", "P-19"]
    assert [d.fix_by for d in pets.fixes] == [date(2026, 11, 25), date(2026, 11, 24)]
    assert {d.order_id for d in report.defects if d.in_plan} == {"P-20", "P-19"}


def test_a_category_that_cannot_be_saved_gets_its_recovery_date(write_file: WriteFile) -> None:
    """Toys: 20 shipments, 17 valid → needs 3. Defects shipped 11-20, 11-18 and 11-01; the
    11-01 parcel was due by 11-06, so only 2 can still be edited: not savable."""
    rows = lines("T", 17, "Toys")
    rows += [defect("T-20", "2026-11-20", "Toys"), defect("T-18", "2026-11-18", "Toys")]
    rows += [defect("T-01", "2026-11-01", "Toys")]
    report = report_of(write_file, rows)
    (toys,) = [g for g in report.plan if g.scope == "category"]
    assert (toys.needed, toys.editable, toys.savable) == (3, 2, False)
    assert [d.order_id for d in toys.fixes] == ["T-20", "T-18"]
    assert toys.recovery_date == report.by_category[0].recovery_date is not None
    (old,) = [d for d in report.defects if d.order_id == "T-01"]
    assert not old.editable(AS_OF)
    assert old.leaves_window() == date(2026, 12, 1)


def test_a_category_is_planned_in_the_marketplace_where_it_fails(write_file: WriteFile) -> None:
    """Home (100 shipments, 96 valid: 96%, above pooled) ships 20 to the UK with 2 defects,
    80 to the US with 2. Amazon judges Home on each marketplace: Home·UK is 18 of 20 →
    needs ⌊19⌋ + 1 − 18 = 2, so the plan takes the UK's 2 defects, and the UK (the same 20)
    is covered by them. Home·US: 78 of 80 = 97.5%, above: its defects are not planned."""
    rows = lines("U", 18, "Home", "Amazon.co.uk")
    rows += [defect("UK-1", "2026-11-19", "Home", "Amazon.co.uk")]
    rows += [defect("UK-2", "2026-11-20", "Home", "Amazon.co.uk")]
    rows += [*lines("S", 78, "Home"), defect("US-1", "2026-11-20", "Home")]
    rows += [defect("US-2", "2026-11-20", "Home")]
    report = report_of(write_file, rows)
    assert [(g.scope, g.name, g.marketplace) for g in report.plan] == [
        ("category", "Home", "UK"),
        ("marketplace", "UK", None),
    ]
    home_uk, uk = report.plan
    assert (home_uk.shipments, home_uk.valid, home_uk.needed) == (20, 18, 2)
    assert [d.order_id for d in home_uk.fixes] == ["UK-2", "UK-1"]
    assert (uk.covered, uk.fixes, uk.savable) == (2, [], True)
    assert {d.order_id for d in report.defects if d.in_plan} == {"UK-1", "UK-2"}


def test_a_marketplace_adds_only_what_its_categories_miss(write_file: WriteFile) -> None:
    """UK: Home 20 of 20, and 20 shipments Amazon's catalog gave no category (Uncategorized,
    never planned beside a real category) with 2 defects. UK: 38 of 40 = 95.0% → needs
    ⌊38⌋ + 1 − 38 = 1, none planned for its categories: the plan takes the newest."""
    rows = lines("H", 20, "Home", "Amazon.co.uk") + lines("N", 18, "", "Amazon.co.uk")
    rows += [defect("UK-1", "2026-11-19", "", "Amazon.co.uk")]
    rows += [defect("UK-2", "2026-11-20", "", "Amazon.co.uk")]
    rows += lines("S", 40, "Home")
    report = report_of(write_file, rows)
    assert [(g.scope, g.name, g.marketplace) for g in report.plan] == [("marketplace", "UK", None)]
    (uk,) = report.plan
    assert (uk.needed, [d.order_id for d in uk.fixes]) == (1, ["UK-2"])


def test_marketplace_counts_its_categories_fixes(write_file: WriteFile) -> None:
    """Pets (40, 37 valid) needs 2, Toys (20, 18 valid) needs 2, both in the US.
    US: 60 shipments, 55 valid → needs ⌊57⌋ + 1 − 55 = 3; the 4 planned already cover it."""
    rows = lines("P", 37, "Pets") + [defect(f"P-{d}", f"2026-11-{d}", "Pets") for d in (18, 19, 20)]
    rows += lines("T", 18, "Toys") + [defect(f"T-{d}", f"2026-11-{d}", "Toys") for d in (19, 20)]
    report = report_of(write_file, rows)
    scopes = {(g.scope, g.name): g for g in report.plan}
    us = scopes["marketplace", "US"]
    assert (us.needed, us.covered, us.fixes, us.savable) == (3, 4, [], True)
    assert sum(d.in_plan for d in report.defects) == 4


def test_delivered_defects_are_too_late_to_edit(write_file: WriteFile) -> None:
    """The file's 签收时间 (delivery date) says P-20 arrived on 11-20 and P-19's is after the
    as-of date (in transit then). Pets needs 2: P-19 and P-18."""
    header = "订单号,发货日期,承运商,跟踪号,品类,站点,签收时间"
    rows = [f"P{i},2026-11-10,UPS,{UPS_OK},Pets,US,2026-11-13" for i in range(37)]
    rows += ["P-20,2026-11-20,UPS,,Pets,US,2026-11-20", "P-19,2026-11-19,UPS,,Pets,US,2026-11-22"]
    rows += ["P-18,2026-11-18,UPS,,Pets,US,"]
    report = report_of(write_file, rows, header)
    pets, us = report.plan
    assert [d.order_id for d in pets.fixes] == ["P-19", "P-18"]
    assert (us.scope, us.covered, us.fixes) == ("marketplace", 2, [])
    delivered = {d.order_id: d.delivered for d in report.defects}
    assert delivered == {"P-20": date(2026, 11, 20), "P-19": None, "P-18": None}


def test_delivery_status_column_marks_delivered(write_file: WriteFile) -> None:
    header = "订单号,发货日期,承运商,跟踪号,品类,物流状态"
    rows = [f"A{i},2026-11-19,UPS,{UPS_OK},X,已签收" for i in range(5)]
    rows += ["D1,2026-11-19,UPS,,X,已妥投", "D2,2026-11-19,UPS,,X,运输中"]
    report = report_of(write_file, rows, header)
    delivered = {d.order_id: d.delivered for d in report.defects}
    assert delivered == {"D1": True, "D2": None}
    assert [d.order_id for d in report.plan[0].fixes] == ["D2"]


def test_wrong_carrier_is_named_when_one_other_fits(write_file: WriteFile) -> None:
    rows = [
        f"W1,2026-11-20,UPS,{YUN_OK},X,US",  # a YunExpress number under UPS
        "W2,2026-11-20,USPS,4PX158645070437,X,US",  # 4PX: identified by its pattern
        f"W3,2026-11-20,FedEx,{UPS_OK},X,US",  # a valid UPS number under FedEx
        f"W4,2026-11-20,UPS,{USPS_OK},X,US",  # USPS; FedEx's bare 22 digits do not name it
        "W5,2026-11-20,UPS,RR123456785CN,X,US",  # China Post or EMS: two fit, none named
        "W6,2026-11-20,UPS,1Z5R89390357567128,X,US",  # UPS itself, bad check digit
        f"W7,2026-11-20,Speedy Parcel Co,{YUN_OK},X,US",  # unknown name, YunExpress number
    ]
    report = report_of(write_file, rows)
    hints = {d.order_id: d.looks_like for d in report.defects}
    assert hints == {
        "W1": "YunExpress",
        "W2": "4PX",
        "W3": "UPS",
        "W4": "USPS",
        "W5": None,
        "W6": None,
        "W7": "YunExpress",
    }


def test_carrier_names_in_other_scripts_are_recognised(write_file: WriteFile) -> None:
    rows = [
        f"A1,2026-11-20,云途物流,{YUN_OK},X,US",
        f"A2,2026-11-20,YUNEXPRESS,{YUN_OK},X,US",
        "A3,2026-11-20,顺丰,SF1234567890123,X,US",
        f"A4,2026-11-20,Speedy Parcel Co,{UPS_OK},X,US",
    ]
    report = report_of(write_file, rows)
    assert {d.order_id: d.reason for d in report.defects} == {"A4": "unknown_carrier"}
    assert {c.name for c in report.by_carrier} >= {"YunExpress", "SF Express"}


def test_a_stored_report_keeps_its_plan_and_delivery_facts(write_file: WriteFile) -> None:
    """The report is saved as JSON and re-sent by /vtr: the plan, the fix-by dates, the
    delivery facts and the carrier hints come back as they were."""
    header = "订单号,发货日期,承运商,跟踪号,品类,站点,签收时间"
    rows = [f"P{i},2026-11-10,UPS,{UPS_OK},Pets,US,2026-11-13" for i in range(17)]
    rows += ["P-20,2026-11-20,UPS,,Pets,US,2026-11-20", f"P-19,2026-11-19,UPS,{YUN_OK},Pets,US,"]
    rows += ["P-18,2026-11-18,UPS,,Pets,US,"]
    report = report_of(write_file, rows, header)
    again = VtrReport.model_validate_json(report.model_dump_json())
    assert again.plan == report.plan
    assert again.defects == report.defects
    assert {d.order_id: d.delivered for d in again.defects}["P-20"] == date(2026, 11, 20)
    assert {d.order_id: d.looks_like for d in again.defects}["P-19"] == "YunExpress"
    assert [d.order_id for d in again.plan[0].fixes] == ["P-19", "P-18"]
