"""The warehouse an order left from, as ERP exports name it (赛盒's 发货仓, "Warehouse"):
its value FBA is Amazon's fulfilment, its others (海外仓, 国内仓, a city) the seller's own.
Read as no column at all, every FBA row, which carries no tracking, was counted as the
seller's untracked package (set 28's file: 6 FBA rows made 184 of 195 into 184 of 201).

Each file below, hand-counted: 6 rows the seller shipped, 5 with valid YunExpress numbers
and one without a number (counted 6, valid 5); 3 rows from FBA without tracking (left out
as FBA)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.domain.engine import analyse_file
from bot.domain.reading import header_meanings

AS_OF = date(2026, 11, 20)


def _export(path: Path, header: str, seller: tuple[str, str], amazon: str) -> Path:
    rows = [
        [f"O{i}", f"2026-11-{10 + i:02d}", "YunExpress", f"YT66{i:014d}", "K", seller[i % 2]]
        for i in range(5)
    ]
    rows.append(["O9", "2026-11-15", "YunExpress", "", "K", seller[0]])
    rows += [[f"A{i}", "2026-11-12", "", "", "K", amazon] for i in range(3)]
    lines = [header, *(",".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "seller", "amazon"),
    [
        ("订单号,发货日期,承运商,运单号,品类,发货仓", ("海外仓", "国内仓"), "FBA"),
        ("订单号,发货日期,承运商,运单号,品类,发货仓库", ("深圳仓", "义乌仓"), "FBA仓"),
        (
            "Order ID,Ship Date,Carrier,Tracking Number,Category,Warehouse",
            ("Shenzhen", "Yiwu"),
            "FBA",
        ),
    ],
)
def test_fba_named_as_the_warehouse_is_left_out(
    tmp_path: Path, header: str, seller: tuple[str, str], amazon: str
) -> None:
    report, _ = analyse_file(_export(tmp_path / "orders.csv", header, seller, amazon), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (6, 5)
    assert {k: v for k, v in report.excluded.items() if v} == {"fba": 3}


def test_a_channel_column_is_read_before_the_warehouse() -> None:
    """Both named: the channel says who fulfils, the warehouse only where from."""
    meanings = header_meanings(["订单号", "发货仓", "发货渠道", "运单号"])
    assert meanings["fulfillment"] == 2
