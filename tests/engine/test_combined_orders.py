"""Several Amazon orders of one buyer sent in one package (合并订单): the ERP writes their
IDs in one cell ('114-…,111-…', '…；…', one a line) beside the package's one number. Each
order is a shipment of its own with that number, as Amazon counts each order's shipment
confirmation (docs/decisions/017); the number shared is a warning, not a defect."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import FEDEX_OK, UPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
A, B, C = "111-1000001-2000001", "112-1000002-2000002", "113-1000003-2000003"


@pytest.mark.parametrize("joined", [f'"{A},{B}"', f"{A}；{B}", f'"{A}\n{B}"', f"{A} / {B}"])
def test_each_order_of_one_package_is_a_shipment(write_file: WriteFile, joined: str) -> None:
    """By hand: A and B share a valid UPS number, C alone has none: 3 shipments, 2 valid,
    C the defect, the shared number warned of."""
    lines = [
        "订单号,合并订单,发货时间,物流商,跟踪号",
        f"{joined},是,2026-11-20,UPS,{UPS_OK}",
        f"{C},否,2026-11-21,FedEx,",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (3, 2)
        assert [d.order_id for d in report.defects] == [C]
        assert "reused_tracking" in {w.code for w in report.warnings}


def test_a_combined_package_without_a_number_is_a_defect_per_order(write_file: WriteFile) -> None:
    lines = [
        "订单号,发货时间,物流商,跟踪号",
        f'"{A},{B},{C}",2026-11-20,FedEx,待上传',
        f"111-1000004-2000004,2026-11-21,FedEx,{FEDEX_OK}",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (4, 1)
        assert sorted(d.order_id for d in report.defects) == [A, B, C]


def test_an_id_that_is_not_two_orders_stays_whole(write_file: WriteFile) -> None:
    # An ERP's own number with a comma is one order, judged as written.
    lines = ["订单号,发货时间,物流商,跟踪号", f'"XS-1000,{A[:10]}",2026-11-20,UPS,{UPS_OK}']
    path = write_file(lines)
    report = report_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (1, 1)
