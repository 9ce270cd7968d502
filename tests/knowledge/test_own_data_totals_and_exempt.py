"""Own-data answers that gave per-group figures but not what was asked: the fixes in all of
a category below the bar on several marketplaces, a shop's invalid count, untracked orders
that are exempt, a letter counted beside exempt ones, and when a category is back above on
all its marketplaces together. Wordings written here, none taken from a held-out set.

The upload, worked by hand (as of 2026-11-20, every row shipped 2026-11-18, tracking by UPS):
- shop Sun-US (its name holds "US", no marketplace): Garden on US 20 packages, 2 untracked:
  18 of 20 = 90.0%, fixes ⌊95·20/100⌋ + 1 − 18 = 2; Garden on CA 10, 1 untracked: 9 of 10
  = 90.0%, fixes 9 + 1 − 9 = 1; so Garden needs 3 fixes in all, and the shop has 3 invalid
  (27 of 30), all on the two Garden cells.
- shop Moon-JP: Pens on JP 10 of 10 tracked, plus 3 JP orders of JPY 500 untracked: under
  JPY 1,000, exempt (domain.md §4.2), so JP is 10 of 10.
- shop Star-EU: Toys on DE 20 tracked; 2 Deutsche Post Brief letters of EUR 12 untracked
  (exempt: an EU letter under EUR 20) and 1 of EUR 25 untracked (counted, invalid): 20 of
  21 = 95.2%, above the bar.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.engine.conftest import UPS_OK
from tests.knowledge.chat_data import Ask, chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

HEADER = "订单号,店铺名称,站点,发货时间,承运商,运输方式,跟踪号,品类,订单金额,币种"


def upload() -> str:
    day = "2026-11-18"
    rows = [
        f"G{i},Sun-US,US,{day},UPS,Ground,{'' if i < 2 else UPS_OK},Garden,30,USD"
        for i in range(20)
    ]
    rows += [
        f"C{i},Sun-US,CA,{day},UPS,Ground,{'' if i < 1 else UPS_OK},Garden,30,CAD"
        for i in range(10)
    ]
    rows += [f"P{i},Moon-JP,JP,{day},UPS,Standard,{UPS_OK},Pens,3000,JPY" for i in range(10)]
    rows += [f"S{i},Moon-JP,JP,{day},UPS,Standard,,Pens,500,JPY" for i in range(3)]
    rows += [f"T{i},Star-EU,DE,{day},UPS,Standard,{UPS_OK},Toys,30,EUR" for i in range(20)]
    rows += [
        f"L{i},Star-EU,DE,{day},Deutsche Post,Deutsche Post Brief,,Toys,12,EUR" for i in range(2)
    ]
    rows += [f"BIG,Star-EU,DE,{day},Deutsche Post,Deutsche Post Brief,,Toys,25,EUR"]
    return "\n".join([HEADER, *rows]) + "\n"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, upload(), 63, "2026-11-20") as asking:
        yield asking


async def test_a_category_below_on_two_marketplaces_gets_its_fixes_in_all(ask: Ask) -> None:
    zh = await ask("Garden一共得修几个包裹")
    # Where each share is, the category being the one asked: each marketplace in its shop.
    assert zh.startswith(
        "一共要修 3 个包裹，才能让它们都高于 95%：店铺 Sun-US 的美国站 (US) 2 个、"
        "店铺 Sun-US 的加拿大站 (CA) 1 个。"
    ), zh
    en = await ask("how many Garden packages should I fix")
    assert en.startswith(
        "Fix 3 packages in all to bring each of them above 95%: Amazon.com (US) in shop "
        "Sun-US: 2 packages, Amazon.ca (CA) in shop Sun-US: 1 package."
    ), en


async def test_a_shops_invalid_count_comes_first(ask: Ask) -> None:
    en = await ask("Sun-US how many are invalid altogether")
    assert en.startswith("3 invalid packages:"), en
    zh = await ask("Sun-US店铺有几个无效")
    assert zh.startswith("无效包裹 3 个"), zh
    zh = await ask("Sun-US店铺无效的一共有几个")
    assert zh.startswith("无效包裹 3 个"), zh


async def test_untracked_japanese_orders_under_1000_yen_do_not_hurt(ask: Ask) -> None:
    en = await ask("my Japan store has 3 orders without tracking, are they dragging my VTR down?")
    assert en.startswith("No: none of your counted Amazon.co.jp packages"), en
    assert "under JPY 1,000 are exempt: the 3 in your file" in en
    zh = await ask("日本站有3单没上传单号，会不会影响VTR")
    assert zh.startswith("不会：日本站计入 VTR 的包裹里没有缺少追踪号的"), zh


async def test_a_counted_letter_beside_the_exempt_ones(ask: Ask) -> None:
    zh = await ask("德国站发的信件，怎么有一单被算成缺陷了，其他的没算")
    assert "你表里的 2 个不计入 VTR" in zh, zh
    assert "算成缺陷的 1 个包裹不在豁免范围内" in zh and "BIG" in zh, zh
    assert "L0" not in zh


async def test_back_above_together_as_well_as_per_marketplace(ask: Ask) -> None:
    en = await ask("when is Garden back above 95% if every new order has tracking")
    first = en.splitlines()[0]
    assert first.startswith("All of these below the bar are above 95% by"), first
    assert "Together: back above 95% by" in en, en
