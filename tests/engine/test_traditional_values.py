"""A Taiwan or Hong Kong seller's file, written in Traditional Chinese: its carriers
(聯邦快遞, 雲途物流, 中國郵政), its fulfilment channel (亞馬遜配送) and its statuses (已取消,
待出貨) read as their Simplified aliases. Before, 聯邦快遞 was no carrier (every FedEx number
a defect) and 亞馬遜配送 rows were counted as self-fulfilled."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.chinese_script import to_simplified
from bot.domain.engine import report_file
from bot.domain.reference import fold_key
from bot.domain.tracking import resolve_carrier
from tests.engine.conftest import CHINA_POST_OK, FEDEX_OK, YUN_OK, WriteFile

AS_OF = date(2026, 12, 5)
HEADER = "訂單編號\t站點\t出貨日期\t配送方式\t訂單狀態\t物流商\t追蹤號碼\t金額\t商品類別"


@pytest.mark.parametrize(
    ("written", "carrier"),
    [("聯邦快遞", "fedex"), ("雲途物流", "yunexpress"), ("中國郵政", "china_post")],
)
def test_a_traditional_carrier_name_is_its_simplified_alias(written: str, carrier: str) -> None:
    simplified = to_simplified(written)
    assert simplified != written
    assert resolve_carrier(written) == resolve_carrier(simplified) == carrier


def test_the_fold_leaves_latin_and_kana_alone() -> None:
    assert fold_key("Royal Mail") == "royalmail"
    assert fold_key("ゆうパケット") == "ゆうパケット"


def test_a_big5_file_in_traditional_chinese(write_file: WriteFile) -> None:
    """By hand, as of 5 Dec: three self-fulfilled US orders shipped in the window, each
    with a valid number under its carrier written in Traditional script: 3 of 3 valid. An
    亞馬遜配送 (FBA) row, a cancelled one (已取消) and one not shipped (待出貨) are left out:
    before, the FBA row counted as a package with no tracking (3 of 4)."""
    rows = [
        HEADER,
        f"111-1\t美國\t2026/11/20\t自行配送\t已出貨\t聯邦快遞\t{FEDEX_OK}\t30.00 USD\t居家廚房",
        f"111-2\t美國\t2026/11/21\t自行配送\t已出貨\t雲途物流\t{YUN_OK}\t12.00 USD\t居家廚房",
        f"111-3\t美國\t2026/11/22\t自行配送\t已出貨\t中國郵政\t{CHINA_POST_OK}\t9.00 USD\t居家廚房",
        "111-4\t美國\t2026/11/22\t亞馬遜配送\t已出貨\t\t\t15.00 USD\t居家廚房",
        "111-5\t美國\t2026/11/23\t自行配送\t已取消\t聯邦快遞\t\t15.00 USD\t居家廚房",
        "111-6\t美國\t2026/11/24\t自行配送\t待出貨\t聯邦快遞\t\t15.00 USD\t居家廚房",
    ]
    report = report_file(write_file(rows, name="tw.txt", encoding="big5"), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (3, 3)
    assert report.defects == []
