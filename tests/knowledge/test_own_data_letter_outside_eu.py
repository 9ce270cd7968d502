"""A letter in the seller's file on a marketplace with no letter rule (a US letter of USD
6.50), asked about: the report counts it, and the answer says why the seller's hope fails:
the letter exemption is the EU's alone (domain.md §1b). Set 34's own-data miss on a US
letter; a German letter under EUR 20 is still left out, with no such line. File and
wordings written here."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import Ask, chat_after_upload

# Over 0.3 s of CPU: a file analysed, then questions through the chat's path.
pytestmark = pytest.mark.slow

AS_OF = "2026-12-05"
S10 = "RR123456785CN"
LINES = [
    "order-id,ship-date,carrier,tracking-number,sales-channel,ship-service-level,order-total,currency",
    "111-0000001-0000001,2026-11-20,China Post,,Amazon.com,Letter,6.50,USD",
    f"111-0000001-0000002,2026-11-21,China Post,{S10},Amazon.com,Standard,25.00,USD",
    "302-0000001-0000003,2026-11-22,China Post,,Amazon.de,Letter,9.00,EUR",
    f"302-0000001-0000004,2026-11-23,China Post,{S10},Amazon.de,Standard,30.00,EUR",
]


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    data = "\n".join(LINES) + "\n"
    async with chat_after_upload(tmp_path, kb, data, 8343, AS_OF) as asking:
        yield asking


async def test_a_us_letter_is_told_the_rule_is_the_eus(ask: Ask) -> None:
    chinese = await ask("表里美国站那单6.5美元的信件没传单号，也算进VTR了？")
    assert "计入" in chinese.splitlines()[0], chinese
    assert "只适用于欧盟站点的订单" in chinese, chinese
    english = await ask(
        "that $6.50 letter on amazon.com in my file had no tracking, does it count?"
    )
    assert "EU marketplaces only" in english, english


async def test_a_german_letter_under_20_is_left_out_without_it(ask: Ask) -> None:
    reply = await ask("表里德国站那单9欧的信件没传单号，也算进VTR了？")
    assert "只适用于欧盟站点的订单" not in reply, reply
