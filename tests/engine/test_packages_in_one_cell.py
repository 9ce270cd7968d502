"""An order shipped in several packages, its numbers written in one tracking cell ('1Z…,
1Z…', '…;…', '… / …', one a line): one shipment per number (domain.md §1b: one tracking ID
per package), each judged on its own; a placeholder with a separator in it ('N/A',
'TBD/pending') stays one value. The order's price is counted once, whatever its packages."""

from __future__ import annotations

from datetime import date

import polars as pl

from bot.domain.engine import analyse_file, report_file
from bot.domain.tracking import package_numbers
from tests.engine.conftest import WriteFile

AS_OF = date(2026, 12, 5)
# Valid numbers made by set F6's writer with its own check-digit code (heldout_files_6).
UPS_A, UPS_B = "1ZGB966F4251839007", "1Z9VGCGC4247048323"
FEDEX_A, FEDEX_B = "712252834598", "934901180173"
UPS_B_BAD = UPS_B[:-1] + "4"
HEADER = "Order Number,Channel,Shipped At,Carrier,Service,Tracking Number(s),Category,Item Total,Currency"


def test_a_cell_is_split_only_into_numbers() -> None:
    cells = [
        f"{UPS_A}, {UPS_B}",
        f"{FEDEX_A}\n{FEDEX_B}",
        f"{UPS_A} / {UPS_B}",
        f"{FEDEX_A};{FEDEX_B};",
        "N/A",
        "TBD/pending",
        f"UPS/{UPS_A}",
        "1Z 999 AA1 01 2345 6784",
    ]
    split = pl.DataFrame({"t": cells}).select(package_numbers(pl.col("t"))).to_series()
    assert split.to_list() == [
        [UPS_A, UPS_B],
        [FEDEX_A, FEDEX_B],
        [UPS_A, UPS_B],
        [FEDEX_A, FEDEX_B],
        ["N/A"],
        ["TBD/pending"],
        [f"UPS/{UPS_A}"],
        ["1Z 999 AA1 01 2345 6784"],
    ]


def test_each_number_in_a_cell_is_a_package(write_file: WriteFile) -> None:
    """By hand: A two valid UPS packages, B two valid FedEx ones (a line each), C 'N/A'
    (one package, missing), D one valid and one with a wrong check digit: 7 packages, 5
    valid, 71.4%, needed ⌊95 × 7 / 100⌋ + 1 − 5 = 2. E, a EUR 12 German order sent as two
    letters, is exempt as one order of EUR 12 (its price read once, not once a package)."""
    lines = [
        HEADER,
        f'A,Amazon.com,2026-11-10,UPS,Ground,"{UPS_A}, {UPS_B}",Toys,30.00,USD',
        f'B,Amazon.com,2026-11-11,FedEx,Economy,"{FEDEX_A}\n{FEDEX_B}",Toys,30.00,USD',
        "C,Amazon.com,2026-11-12,USPS,Priority,N/A,Toys,30.00,USD",
        f"D,Amazon.com,2026-11-13,UPS,Ground,{UPS_A} / {UPS_B_BAD},Toys,30.00,USD",
        "E,Amazon.de,2026-11-14,Deutsche Post,Brief,RR123456785DE;RR223456780DE,Toys,12.00,EUR",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (7, 5)
        assert report.overall.needed == 2
        assert [(d.order_id, d.reason) for d in report.defects] == [
            ("C", "missing_tracking"),
            ("D", "bad_check_digit"),
        ]
        assert report.excluded["eu_letter_under_20"] == 2


def test_a_split_cell_beside_an_unreadable_date(write_file: WriteFile) -> None:
    # The unreadable date is quoted from the file's own rows, which splitting must not shift.
    lines = [
        HEADER,
        f'A,Amazon.com,2026-11-10,UPS,Ground,"{UPS_A}, {UPS_B}",Toys,30.00,USD',
        f"B,Amazon.com,someday,FedEx,Economy,{FEDEX_A},Toys,30.00,USD",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 2)
    (warning,) = [w for w in report.warnings if w.code == "unreadable_dates"]
    assert (warning.count, warning.detail) == (1, "someday")
