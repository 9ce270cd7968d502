"""Ship dates written the Chinese way, as ERPs export them ('2026年11月20日 10:30'), also
padded with spaces ('2026年 11月 20日'), which went unread: such a row was an
'unreadable date', out of every figure."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bot.domain.engine import report_file
from bot.domain.values import parse_dates
from tests.engine.conftest import UPS_OK, WriteFile

pytestmark = pytest.mark.collection

AS_OF = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2026年11月20日 10:30", date(2026, 11, 20)),
        ("2026年11月20日", date(2026, 11, 20)),
        ("2026年11月20日10:30", date(2026, 11, 20)),
        ("2026年 11月 20日", date(2026, 11, 20)),
        ("2026 年 1 月 2 日 08:00", date(2026, 1, 2)),
        ("2026年11月20日 下午3:05", date(2026, 11, 20)),
        ("2026年 11月", None),
    ],
)
def test_a_chinese_date(written: str, day: date | None) -> None:
    assert parse_dates(pl.Series([written]), today=AS_OF).dates.to_list() == [day]


def test_a_file_of_chinese_dates(write_file: WriteFile) -> None:
    """By hand: three rows in the window (20, 21 and 22 Nov), every one read: 3 counted."""
    lines = [
        "订单编号,发货时间,物流商,跟踪号,品类",
        f"111-1,2026年11月20日 10:30,UPS,{UPS_OK},玩具",
        f"111-2,2026年 11月 21日,UPS,{UPS_OK[:-1]}8,玩具",
        "111-3,2026 年 11 月 22 日 09:00,UPS,,玩具",
    ]
    report = report_file(write_file(lines, encoding="gbk"), as_of=AS_OF)
    assert report.excluded["unreadable_date"] == 0
    assert report.overall.shipments == 3
    assert sorted(str(d.ship_date) for d in report.defects)[-1] == "2026-11-22"
