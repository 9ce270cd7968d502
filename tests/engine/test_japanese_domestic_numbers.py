"""Japan's 12-digit domestic tracking numbers (Japan Post's ゆうパック and ゆうパケット,
Yamato's 宅急便, Sagawa's 飛脚宅配便) end in a check digit: the first eleven digits as a
number, mod 7. A 12-digit number entered under one of them whose last digit is not that
remainder (another carrier's, a FedEx number, or a typo) was valid; it is a bad check
digit now."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.tracking import check_tracking
from tests.engine.conftest import WriteFile

pytestmark = pytest.mark.collection

AS_OF = date(2026, 11, 30)
# By hand: 12345678901 = 7 × 1763668414 + 3; 98765432109 = 7 × 14109347444 + 1;
# 31415926535 = 7 × 4487989505 + 0.
JP_OK = "123456789013"
YAMATO_OK = "987654321091"
SAGAWA_OK = "314159265350"


@pytest.mark.parametrize(
    ("carrier", "number", "reason"),
    [
        ("Japan Post", JP_OK, None),
        ("Japan Post", JP_OK[:-1] + "4", "bad_check_digit"),
        ("日本郵便", "1234-5678-9013", None),
        ("Yamato Transport", YAMATO_OK, None),
        ("ヤマト運輸", YAMATO_OK[:-1] + "0", "bad_check_digit"),
        ("Sagawa Express", SAGAWA_OK, None),
        ("佐川急便", SAGAWA_OK[:-1] + "6", "bad_check_digit"),
    ],
)
def test_twelve_digit_numbers_by_their_check_digit(
    carrier: str, number: str, reason: str | None
) -> None:
    assert check_tracking(carrier, number).reason == reason


def test_a_japanese_file_with_a_wrong_check_digit(write_file: WriteFile) -> None:
    """By hand: J1-J3 valid, J4 a Japan Post number whose last digit is 5 where 38051621706
    mod 7 is 0 (7 × 5435945958 = 38051621706), J5 under JPY 1,000, exempt. 3 of 4 valid."""
    lines = [
        "注文番号,出荷日,配送業者,お問い合わせ伝票番号,商品カテゴリ,注文金額,通貨,販売チャネル",
        f"J1,2026/11/20,日本郵便,{JP_OK},文房具,1500,JPY,Amazon.co.jp",
        f"J2,2026/11/21,ヤマト運輸,{YAMATO_OK},文房具,2400,JPY,Amazon.co.jp",
        f"J3,2026/11/22,佐川急便,{SAGAWA_OK},文房具,3300,JPY,Amazon.co.jp",
        "J4,2026/11/23,日本郵便,380516217065,文房具,5120,JPY,Amazon.co.jp",
        "J5,2026/11/24,日本郵便,380516217065,文房具,980,JPY,Amazon.co.jp",
    ]
    path = write_file(lines, encoding="cp932")
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (4, 3)
        assert report.excluded["jp_under_1000"] == 1
        assert [(d.order_id, d.reason) for d in report.defects] == [("J4", "bad_check_digit")]
