"""A category found by a name in the other language: exports that write a category in English
only ("Garden & Outdoors", "Pet Supplies") or in both languages at once ("Beauty & Personal
Care/美妆个护"), asked about in Chinese or English.

The fixture, as of 2026-11-30 (window 2026-11-01 – 2026-11-30), worked by hand:
- Garden & Outdoors (English only): 50 shipments, 48 valid. 48/50 = 96.0%, above the bar.
- Pet Supplies (English only): 20 shipments, 19 valid. 19/20 = 95.0%, NOT above; fixes:
  the fewest valid above 95% of 20 is 20 (19/20 = 95.0%), so 1 fix.
- Beauty & Personal Care/美妆个护 (both languages): 25 shipments, 25 valid = 100%.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.reference import category_spellings
from tests.knowledge.chat_data import Ask, chat_after_upload

AS_OF = "2026-11-30"
HEADER = "order-id,ship-date,fulfillment-channel,product-category,carrier-code,tracking-number"


def _rows(prefix: int, category: str, shipped: int, valid: int) -> list[str]:
    return [
        f"111-{prefix:07d}-{i:07d},2026-11-{i % 25 + 3:02d},MFN,{category},YunExpress,"
        + (f"YT{2611000000000000 + prefix * 1000 + i:016d}" if i < valid else "")
        for i in range(shipped)
    ]


def _shop_csv() -> str:
    rows = [HEADER]
    rows += _rows(1, "Garden & Outdoors", 50, 48)
    rows += _rows(2, "Pet Supplies", 20, 19)
    rows += _rows(3, "Beauty & Personal Care/美妆个护", 25, 25)
    return "\n".join(rows) + "\n"


def test_a_name_in_both_languages_is_each_of_its_parts() -> None:
    spellings = category_spellings("Pet Supplies/宠物用品")
    assert {"pet supplies/宠物用品", "pet supplies", "宠物用品", "宠物", "pets"} <= set(spellings)
    assert "宠物" in category_spellings("Pet Supplies (宠物)")
    assert "园艺" in category_spellings("Garden & Outdoors")
    assert category_spellings("Lamps/灯具") == ("lamps/灯具", "lamps", "灯具")  # not in the table


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, _shop_csv(), 61, AS_OF) as asking:
        yield asking


@pytest.mark.slow  # a file analysed, then questions through the chat's path
async def test_an_english_category_asked_in_chinese(ask: Ask) -> None:
    garden = await ask("我们园艺户外这个分类有没有风险")
    assert garden.startswith("Garden & Outdoors达标") and "96.0%" in garden, garden
    pets = await ask("宠物那个品类过线了没")
    assert pets.startswith("Pet Supplies不达标") and "95.0%" in pets, pets
    assert "1 个" in pets and "达标，" not in pets, pets


@pytest.mark.slow  # a file analysed, then questions through the chat's path
async def test_a_category_named_in_both_languages_asked_in_either(ask: Ask) -> None:
    chinese = await ask("美妆类目现在多少")
    assert chinese.startswith("Beauty & Personal Care/美妆个护达标") and "100%" in chinese, chinese
    english = await ask("how is beauty doing")
    assert english.startswith("Beauty & Personal Care/美妆个护 is above the bar"), english
    assert "100%" in english, english
