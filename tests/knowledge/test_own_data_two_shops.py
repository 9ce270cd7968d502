"""Issue 21, set 19's own-data leftovers: a file holding two shops (heldout_chat_data_19.xlsx,
a development set, as of 2026-12-05; its header and rows read by hand):
- Sunnyhome旗舰店: 100 of 105 valid; its 家居厨房 on US 16 of 18, on UK 11 of 12, so 27 of
  30 = 90.0% in that shop, ⌊95 × 30 / 100⌋ + 1 − 27 = 2 fixes short.
- 极光Outdoor: 66 of 70 valid; its 家居厨房 on US 28 of 30 = 93.3%.
- 家居厨房 in both shops: 55 of 60 = 91.7%, ⌊95 × 60 / 100⌋ + 1 − 55 = 3 fixes short; the
  units Amazon judges need 2 + 1 + 1 = 4.
- The file: 166 of 175 = 94.9%, no one shop's figure.
A shop named by part of its name ("Sunnyhome" of "Sunnyhome旗舰店", "极光" beside a word for a
shop) limits the answer to it; "my shop" of such a file is each shop with the file's figure,
called the file's, never "your shop". Wordings written for these tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.services.own_data.groups import _names_shop_by_part
from bot.services.replies import ChatRef
from bot.services.store import Store
from tests.bot.harness import core_for
from tests.knowledge.grading import plain_text

WORKBOOK = Path(__file__).parent / "heldout_chat_data_19.xlsx"
Ask = Callable[[str], Awaitable[str]]


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    chat = ChatRef(5191, "en")
    async with Store(tmp_path / "vtrbot.sqlite3") as store:
        core = core_for(store, kb, "en")
        await core.handle_file(chat, WORKBOOK, caption="2026-12-05")

        async def asking(question: str) -> str:
            return plain_text(await core.handle_text(chat, question))

        yield asking


@pytest.mark.parametrize(
    ("question", "shops", "named"),
    [
        ("sunnyhome的家居厨房", ["Sunnyhome旗舰店", "极光Outdoor"], ["Sunnyhome旗舰店"]),
        ("极光这家店还好吗", ["Sunnyhome旗舰店", "极光Outdoor"], ["极光Outdoor"]),
        ("how is the outdoor shop", ["Sunnyhome旗舰店", "极光Outdoor"], ["极光Outdoor"]),
        ("home kitchen numbers", ["Sunny Home Store", "Blue Peak Trading"], []),
        ("my home store", ["Sunny Home Store", "Blue Peak Trading"], []),
        ("blue peak的玩具", ["Sunny Home Store", "Blue Peak Trading"], ["Blue Peak Trading"]),
        ("the peak store", ["Peak One", "Peak Two"], []),  # a word both names share
        ("home kitchen at 90%", ["Home Store", "Blue Peak Trading"], []),  # a common word
    ],
)
def test_a_shop_named_by_part_of_its_name(
    question: str, shops: list[str], named: list[str]
) -> None:
    assert [s for s in shops if _names_shop_by_part(question, s, shops)] == named


@pytest.mark.slow
async def test_a_shop_named_by_part_limits_the_answer(ask: Ask) -> None:
    sunny = await ask("Sunnyhome店的家居厨房现在怎样，要修几个")
    assert "极光Outdoor" not in sunny, sunny
    assert (
        "店铺 Sunnyhome旗舰店 的家居厨房（所有站点合计）：90.0%（30 个包裹中 27 个有效）" in sunny
    )
    assert "还差修好 2 个包裹" in sunny, sunny
    aurora = await ask("how's home kitchen doing in the 极光 store?")
    assert "Sunnyhome" not in aurora and "93.3% (28 of 30 packages valid)" in aurora, aurora


@pytest.mark.slow
async def test_a_category_in_both_shops_gives_each_and_in_all(ask: Ask) -> None:
    fixes = await ask("home & kitchen across my whole upload - how many fixes do I need?")
    assert "4 packages in all" in fixes, fixes
    assert "in shop Sunnyhome旗舰店" in fixes and "in shop 极光Outdoor" in fixes, fixes
    assert "家居厨房 in all your shops together: 91.7% (55 of 60 packages valid)" in fixes
    assert "Pooled like that, it is 3 fixes short of above 95%." in fixes, fixes
    chinese = await ask("刚上传的文件里家居厨房整体怎么样，会被停吗")
    assert "家居厨房所有店铺合计：91.7%（60 个包裹中 55 个有效）" in chinese, chinese
    assert "还差修好 3 个包裹" in chinese, chinese


@pytest.mark.slow
async def test_my_shop_of_two_shops_is_each_with_the_files_figure(ask: Ask) -> None:
    english = await ask("how's my store looking?")
    assert english.startswith(
        "5 of 8 categories of your shops on their marketplaces are not above 95%, Amazon's bar: "
        "each shop is its own Amazon account, each category judged on each marketplace. All "
        "packages together: 94.9% (166 of 175 packages valid), for context only: Amazon does "
        "not judge this pooled figure. Fixing 1 package would lift that pooled figure above 95%."
    ), english
    assert "Shop Sunnyhome旗舰店: 95.2% (100 of 105 packages valid)" in english, english
    assert "Shop 极光Outdoor: 94.3% (66 of 70 packages valid)" in english, english
    chinese = await ask("我的店现在咋样")
    assert chinese.startswith("各店铺的 8 个品类（按站点计）中有 5 个未高于亚马逊要求的 95%"), (
        chinese
    )
    assert "全部包裹合计：94.9%（175 个包裹中 166 个有效）" in chinese, chinese
    assert "店铺 极光Outdoor: 94.3%（70 个包裹中 66 个有效）" in chinese, chinese
    whole = await ask("what's the overall figure of the whole sheet?")
    assert "All packages together: 94.9% (166 of 175 packages valid)" in whole.splitlines()[0]
    assert "Your shop" not in whole, whole
    fixes = await ask("整个店铺要修几单")
    assert fixes.startswith("这个文件（2 个店铺合计）：修 1 个包裹"), fixes


@pytest.mark.slow
async def test_a_number_excel_wrote_in_scientific_notation(ask: Ask) -> None:
    chinese = await ask("表格里9.4E+21那个追踪号怎么回事")
    assert chinese.startswith("这个单元格是被 Excel 变成科学计数法的追踪号"), chinese
    assert "111-1421334-9143662" in chinese and "文本格式" in chinese, chinese
    english = await ask("what happened to tracking 9.40038e21?")
    assert "scientific notation" in english and "111-1421334-9143662" in english, english
    assert "formatted as text" in english or "as text" in english, english
    other = await ask("and the 1.2E+11 number in my sheet?")
    assert other.startswith("No invalid tracking number of your last report"), other
