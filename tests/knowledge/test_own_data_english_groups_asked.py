"""English questions about the chat's own rows of one carrier or marketplace ("how many of my
UPS shipments are invalid?") go to the chat's data as their Chinese twins do ('我的UPS包裹有几个
无效'): a carrier or marketplace named between "of my" and the noun hid the count asked, and
the carrier's card answered. The file is read by hand: 3 invalid of 43 (one DHL Express with
a number too short, one UPS without a number and one UPS number too short, both on
Amazon.de). Wordings written here."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import Ask, chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

UPS_OK = "1Z7CGA445115225842"
DHL_OK = "1234567891"  # the first nine digits mod 7 = 1

ROWS = [
    "order-id,ship-date,carrier-name,tracking-number,sales-channel,product-category",
    *(f"303-1000{i:03d}-0000001,2026-11-20,UPS,{UPS_OK},Amazon.de,Toys" for i in range(30)),
    *(
        f"303-2000{i:03d}-0000001,2026-11-20,DHL Express,{DHL_OK},Amazon.com,Toys"
        for i in range(10)
    ),
    "303-3000001-0000001,2026-11-21,DHL Express,12345,Amazon.com,Toys",
    "303-3000002-0000001,2026-11-21,UPS,,Amazon.de,Home",
    "303-3000003-0000001,2026-11-21,UPS,1Z123,Amazon.de,Toys",
]


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    data = "\n".join(ROWS) + "\n"
    async with chat_after_upload(tmp_path, kb, data, 5122, "2026-11-30") as asking:
        yield asking


@pytest.mark.parametrize(
    ("question", "orders"),
    [
        (
            "how many of my UPS shipments are invalid?",
            ["303-3000002-0000001", "303-3000003-0000001"],
        ),
        (
            "how many of my parcels to Germany are bad",
            ["303-3000002-0000001", "303-3000003-0000001"],
        ),
        ("how many of my DHL Express packages have bad tracking?", ["303-3000001-0000001"]),
    ],
)
async def test_a_carrier_or_marketplace_of_mine_asked_in_english(
    ask: Ask, question: str, orders: list[str]
) -> None:
    reply = await ask(question)
    assert reply.startswith(f"{len(orders)} invalid package"), reply
    for order in orders:
        assert order in reply, reply
