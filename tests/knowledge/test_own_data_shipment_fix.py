"""A fix supposed of one shipment named by its carrier, in a category judged on several
units: the verdict on the category everywhere Amazon judges it first (No while another unit
stays below), then the unit that shipment is in with its figures then, and whether it can
still be fixed at all.

The file is set 21's three shops (heldout_chat_data_21.csv, a development set, as of
2026-12-05), its invalid packages read from the file: 家居用品 is below on 蓝鲸优选 DE 7 of 8
(深圳小王货代, still in transit), 星辰家居 CA 9 of 10 (DHL, delivered), 蓝鲸优选 UK 11 of 12
(Royal Mail, delivered) and 星辰家居 US 28 of 30 (云途 and USPS, delivered). 玩具 of 樱花杂货
is 14 of 15 on the US (云途, still in transit) and 24 of 25 = 96.0% on JP. Wordings written
for these tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import Ask, chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

FILE = Path(__file__).parent / "heldout_chat_data_21.csv"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, FILE.read_bytes(), 5212, "2026-12-05") as a:
        yield a


async def test_one_unit_fixed_leaves_the_category_below_elsewhere(ask: Ask) -> None:
    english = await ask("what if I correct the DHL package in 家居用品, will the category pass?")
    first, second = english.splitlines()[:2]
    assert first == (
        "No: even with the DHL package fixed, 家居用品 is still below the bar where Amazon judges "
        "it on 家居用品 on Amazon.de (DE) in shop 蓝鲸优选, 家居用品 on Amazon.co.uk (UK) in shop "
        "蓝鲸优选, 家居用品 on Amazon.com (US) in shop 星辰家居."
    ), english
    assert second == (
        "家居用品 on Amazon.ca (CA) in shop 星辰家居, with it fixed: 10 of 10 = 100%, above 95%. "
        "But that package can no longer be fixed: it is delivered or past its fix-by date."
    ), english
    chinese = await ask("假如把家居用品那个深圳小王货代的单号改好，家居用品能过吗")
    first, second = chinese.splitlines()[:2]
    assert first.startswith(
        "不会：就算修好这个 深圳小王货代 的包裹，家居用品在这些地方仍不达标："
    ), chinese
    assert "加拿大站" in first and "英国站" in first and "美国站" in first, chinese
    assert "德国站" not in first, chinese
    # Still in transit: it can be fixed, so no word that it cannot.
    assert (
        second == "店铺 蓝鲸优选 的德国站 (DE)的家居用品修好后：8 个里 8 个有效 = 100%，高于 95%。"
    )


async def test_the_one_unit_below_fixed_is_a_yes(ask: Ask) -> None:
    english = await ask("suppose I fix that yunexpress one in 玩具, is 玩具 fine then?")
    assert english.startswith(
        "Yes: with the YunExpress package fixed, every marketplace 玩具 is judged on is above "
        "95%.\n玩具 on Amazon.com (US) in shop 樱花杂货, with it fixed: 15 of 15 = 100%"
    ), english
