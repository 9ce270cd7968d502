"""Which carrier a row is, one rule for the answer and the report (issue 21).

"my DHL parcels, how many are bad?" led with a count that held a row whose carrier was an
unknown name ("Speedy Parcel Co") and whose number has DHL Express's shape, while the DHL
line under it gave DHL's own group from the report, which counts that row under its own
name. A row is the carrier the seller picked for it, as the report groups it; its number's
look is what the fix says (pick DHL Express from Amazon's list), not whose row it is.

The upload, worked by hand (as of 2026-11-20, every row shipped 2026-11-18):
- DHL Express: 20 rows with a valid number, 3 without tracking: 20 of 23 = 87.0%, 3 bad.
- "Speedy Parcel Co": 1 row with a valid DHL Express number: unknown_carrier, 0 of 1.
- UPS: 30 rows with a valid number.
The DHL number: 10 digits, its last the first nine mod 7 (123456789 mod 7 = 1).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.engine.conftest import UPS_OK
from tests.knowledge.chat_data import Ask, chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

HEADER = "订单号,站点,发货时间,承运商,运输方式,跟踪号,品类,订单金额,币种"
DAY = "2026-11-18"
DHL_OK = "1234567891"


def upload() -> str:
    rows = [f"D{i},US,{DAY},DHL Express,Express,{DHL_OK},Home,30,USD" for i in range(20)]
    rows += [f"DX{i},US,{DAY},DHL Express,Express,,Home,30,USD" for i in range(3)]
    rows += [f"S1,US,{DAY},Speedy Parcel Co,Express,{DHL_OK},Home,30,USD"]
    rows += [f"U{i},US,{DAY},UPS,Ground,{UPS_OK},Toys,30,USD" for i in range(30)]
    return "\n".join([HEADER, *rows]) + "\n"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, upload(), 2557, "2026-11-20") as asking:
        yield asking


async def test_a_carriers_bad_ones_are_its_own_rows(ask: Ask) -> None:
    en = await ask("my DHL shipments, how many of them are bad?")
    assert en.startswith("3 invalid packages:"), en
    assert "(20 of 23 packages valid)" in en, en
    assert "S1" not in en, en
    zh = await ask("我的DHL包裹里有几个是无效的")
    assert zh.startswith("无效包裹 3 个"), zh
    assert "23 个包裹中 20 个有效" in zh and "S1" not in zh, zh


async def test_the_row_that_looks_like_dhl_keeps_its_fix(ask: Ask) -> None:
    zh = await ask("哪些单无效")
    assert zh.startswith("无效包裹 4 个"), zh
    assert "S1 · Speedy Parcel Co" in zh and "选择 DHL" in zh, zh
