"""Rows not counted, asked of one marketplace, category or shop ("why weren't some of my
German orders counted?", "德国站为什么有些订单没被统计"): that group's rows left out, by
reason with their counts, come first, not the group's VTR.

The fixture, as of 2026-11-30 (window 2026-11-01 – 2026-11-30), counted by hand:
- Garden on Amazon.de: 20 valid; left out 3 Letter orders of EUR 12 (EU letters under
  EUR 20), 1 cancelled, 2 shipped 2026-10-20 (before the window).
- Toys on Amazon.de: 10 valid; left out 1 FBA row.
- Garden on Amazon.co.uk: 20 valid; left out 2 FBA rows, 1 cancelled.
- Books on Amazon.co.uk: 5 valid, nothing left out.
Amazon.de leaves out 7 (FBA 1, cancelled 1, letters 3, before the window 2), Toys 1,
Amazon.co.uk 3 (FBA 2, cancelled 1), Books none.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import Ask, chat_after_upload

# Over 0.3 s of CPU: a file analysed, then questions through the chat's path.
pytestmark = pytest.mark.slow

HEADER = (
    "order-id,ship-date,fulfillment-channel,order-status,sales-channel,product-category,"
    "ship-service-level,carrier-code,carrier-name,tracking-number,item-price,currency"
)


def _rows(prefix: str, count: int, place: str, category: str, **kw: str) -> list[str]:
    channel, status = kw.get("channel", "MFN"), kw.get("status", "Shipped")
    service, price = kw.get("service", "Standard"), kw.get("price", "25.00")
    day, valid = kw.get("day", "2026-11-20"), kw.get("tracking", "yes") == "yes"
    currency = "GBP" if place.endswith("uk") else "EUR"
    return [
        f"{prefix}{i},{day},{channel},{status},{place},{category},{service},YunExpress,"
        f"YunExpress,{f'YT{2611000000000000 + hash(prefix) % 1000 * 100 + i:016d}' if valid else ''},"
        f"{price},{currency}"
        for i in range(count)
    ]


def _file() -> str:
    de, uk = "Amazon.de", "Amazon.co.uk"
    rows = [
        *_rows("DG", 20, de, "Garden"),
        *_rows("DL", 3, de, "Garden", service="Letter", price="12.00", tracking="no"),
        *_rows("DC", 1, de, "Garden", status="Cancelled", tracking="no"),
        *_rows("DO", 2, de, "Garden", day="2026-10-20"),
        *_rows("DT", 10, de, "Toys"),
        *_rows("DF", 1, de, "Toys", channel="AFN", tracking="no"),
        *_rows("UG", 20, uk, "Garden"),
        *_rows("UF", 2, uk, "Garden", channel="AFN", tracking="no"),
        *_rows("UC", 1, uk, "Garden", status="Cancelled", tracking="no"),
        *_rows("UB", 5, uk, "Books"),
    ]
    return "\n".join([HEADER, *rows]) + "\n"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, _file(), 71, "2026-11-30") as asking:
        yield asking


async def test_a_marketplace_s_rows_left_out_come_first_by_reason(ask: Ask) -> None:
    de = await ask("how come a few of my Germany orders aren't included in the count?")
    assert de.startswith(
        "7 orders of Amazon.de (DE) in your file are not counted: FBA (Amazon-fulfilled) 1, "
        "cancelled 1, EU letter under EUR 20 3, outside the 30-day window 2."
    ), de
    zh = await ask("德国站为什么有些订单没被统计进去")
    assert zh.startswith(
        "你文件里德国站 (DE)有 7 单没有计入 VTR：FBA（亚马逊配送） 1、已取消 1、"
        "欧盟站 20 欧元以下的信件 3、不在 30 天窗口内 2。"
    ), zh
    uk = await ask("英国站哪些单不计入？")
    assert uk.startswith(
        "你文件里英国站 (UK)有 3 单没有计入 VTR：FBA（亚马逊配送） 2、已取消 1。"
    ), uk


async def test_a_category_s_rows_left_out_and_one_with_none(ask: Ask) -> None:
    toys = await ask("why didn't all my Toys orders count?")
    assert toys.startswith(
        "1 order of Toys in your file is not counted: FBA (Amazon-fulfilled) 1."
    ), toys
    books = await ask("why weren't some Books orders counted?")
    assert books.startswith("No order of Books in your file was left out"), books


async def test_no_group_named_keeps_the_whole_file_s_reasons(ask: Ask) -> None:
    every = await ask("why weren't some of my orders counted?")
    assert every.startswith(
        "Not counted: FBA (Amazon-fulfilled) 3, cancelled 2, EU letter under EUR 20 3, "
        "outside the 30-day window 2"
    ), every


async def test_tracking_said_not_to_count_is_no_row_left_out(ask: Ask) -> None:
    """Numbers said not to count ask why they are not valid, not which rows were left out."""
    for question in (
        "why doesn't my YunExpress tracking count?",
        "my tracking numbers aren't counted, why?",
    ):
        reply = await ask(question)
        assert (
            not reply.startswith("Not counted") and " in your file are not counted" not in reply
        ), reply
