"""An order asked by its ID that is no defect (issue 21): the reply said only "Not among the
invalid packages". It now says what the order is, from the chat's stored shipments (the
store's order index), as the report decided it: counted and valid with its carrier and
number, left out with the report's own reason (FBA, cancelled), outside the report's window,
each package of an order shipped in several, or not in the file. The file below is read by
hand; as of 2026-11-30, the window is 2026-11-01 – 2026-11-30. Wordings written here."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import Ask, chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

UPS_OK = "1Z7CGA445115225842"
USPS_OK = "9400364516135833498699"
# DHL Express: the tenth digit is the first nine mod 7 (123456789 mod 7 = 1).
DHL_OK = "1234567891"

ROWS = [
    "order-id,ship-date,carrier-name,tracking-number,fulfillment-channel,order-status,product-category",
    f"205-1000001-0000001,2026-11-20,UPS,{UPS_OK},MFN,Shipped,Toys",
    "205-1000002-0000002,2026-11-18,,,AFN,Shipped,Toys",
    f"205-1000003-0000003,2026-11-17,UPS,{UPS_OK},MFN,Cancelled,Toys",
    f"205-1000004-0000004,2026-10-02,USPS,{USPS_OK},MFN,Shipped,Toys",
    f"205-1000005-0000005,2026-11-22,USPS,{USPS_OK},MFN,Shipped,Toys",
    f"205-1000005-0000005,2026-11-22,DHL Express,{DHL_OK},MFN,Shipped,Toys",
    "205-1000006-0000006,2026-11-25,UPS,,MFN,Shipped,Toys",
    *(f"205-2000{i:03d}-0000000,2026-11-21,UPS,{UPS_OK},MFN,Shipped,Toys" for i in range(30)),
]


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    data = "\n".join(ROWS) + "\n"
    async with chat_after_upload(tmp_path, kb, data, 5121, "2026-11-30") as asking:
        yield asking


async def test_each_kind_of_order_is_said_for_what_it_is(ask: Ask) -> None:
    valid = await ask("what about order 205-1000001-0000001?")
    assert "Not among the invalid" not in valid, valid
    assert "205-1000001-0000001" in valid and "UPS" in valid and UPS_OK in valid, valid
    assert "counted" in valid and "valid" in valid, valid
    fba = await ask("205-1000002-0000002 这单怎么样")
    assert "FBA" in fba and "不计入" in fba, fba
    cancelled = await ask("is 205-1000003-0000003 ok?")
    assert "cancel" in cancelled.casefold() and "not counted" in cancelled, cancelled
    older = await ask("订单 205-1000004-0000004 有问题吗")
    assert "30 天" in older and "不计入" in older, older
    both = await ask("how about order 205-1000005-0000005")
    assert USPS_OK in both and DHL_OK in both and "2 packages" in both, both
    absent = await ask("is order 205-9999999-9999999 fine?")
    assert "not in any shipment" in absent, absent


async def test_a_defect_asked_by_its_order_is_still_its_fix(ask: Ask) -> None:
    defect = await ask("what about order 205-1000006-0000006?")
    assert "205-1000006-0000006" in defect and "Not among" not in defect, defect
