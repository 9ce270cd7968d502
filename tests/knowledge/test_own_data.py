"""Questions about the chat's own shipments: answered from its last report, the figures of
/vtr, through the same path as any message (tests/bot/samples.py's file, worked by hand:
玩具 8 of 10 valid = 80.0%, 2 fixes; 家居 10 of 10; window 2026-10-22 – 2026-11-20)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.services.replies import ChatRef
from tests.bot import samples
from tests.knowledge.chat_data import chat_after_upload

# Over 0.3 s of CPU: a file analysed, then questions through the chat's path.
pytestmark = pytest.mark.slow

WITH_DATA = ChatRef(41, "zh")
WITHOUT_DATA = ChatRef(42, "zh")

Ask = Callable[..., Awaitable[str]]


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    """A question through the chat's path, as plain text, after the sample file was
    analysed in chat WITH_DATA (the one it asks in unless told another)."""
    data = samples.gbk_csv()
    async with chat_after_upload(tmp_path, kb, data, WITH_DATA.chat_id, samples.AS_OF) as asking:
        yield asking


async def test_own_data_questions_use_the_stored_report(ask: Ask) -> None:
    toys = await ask("我的玩具类目现在多少？")
    assert toys.startswith("玩具不达标") and "80.0%" in toys and "2 个" in toys
    # Chinese sentences follow each other without a space (vtr_words.sentence_gap).
    assert "。如果不修" in toys and "。 " not in toys
    # The category named in the other language: one alias table (categories.yaml).
    toys_en = await ask("what's my Toys VTR now?")
    assert toys_en.startswith("玩具 is below the bar") and "80.0%" in toys_en
    # "my VTR" with a verdict asked is the chat's figure (玩具 8/10 + 家居 10/10 = 18/20).
    mine = await ask("am I above the bar?")
    # Amazon's verdict first, as /vtr's headline words it, then the pooled figure as context.
    assert mine.startswith(
        "1 of 2 categories is not above 95%, Amazon's bar: it judges each category on its own. "
        "All packages together: 90.0% (18 of 20 packages valid), for context only"
    ), mine
    below = await ask("which category is below 95%?")
    assert below.startswith("Below the bar (1 of 2 categories): 玩具.")
    which = await ask("which category is at risk?")
    assert which.startswith("Below the bar (1 of 2 categories): 玩具.")
    fixes = await ask("how many packages do I still need to fix?")
    assert fixes.startswith("Fix 2 packages in all") and "玩具: fix 2 packages" in fixes
    # The same question in a chat without data is a question about the rules.
    general = await ask("which category is at risk?", WITHOUT_DATA)
    assert "玩具" not in general


async def test_shop_figure_order_ids_counts_and_what_ifs_from_the_report(ask: Ask) -> None:
    # The shop: 玩具 8/10 + 家居 10/10 = 18/20 = 90.0%, with each category after it.
    shop = await ask("全店的有效追踪率现在多少")
    assert "90.0%" in shop and "玩具" in shop and "家居" in shop, shop
    # 玩具's two defects: T09 (empty tracking) and T10 (张三物流, not a carrier we know).
    ids = await ask("玩具有问题的订单号给我")
    assert "T09" in ids and "T10" in ids, ids
    # 20 self-fulfilled packages in the window (T11 was cancelled).
    count = await ask("how many shipments did I send in the window?")
    assert "20" in count, count
    # A rate said of a category the chat has: answered with its own figures (10/10).
    stated = await ask("家居是100%吧，没问题？")
    assert stated.startswith("家居") and "100%" in stated, stated
    # 家居 10/10 with 3 more invalid: 7/10 = 70.0%, below.
    what_if = await ask("家居如果再有3个无效呢？")
    assert "10 个里 7 个有效 = 70.0%" in what_if, what_if
    # FBA rows are never in VTR (and this file has none).
    fba = await ask("玩具现在多少？表里FBA的单算进去了吗")
    assert "没有FBA 订单：VTR 本来就不计入" in fba, fba


async def test_the_shop_now_and_the_problem_orders_in_plain_chinese(ask: Ask) -> None:
    # 18 of 20 = 90.0% for the shop; the rule question stays with the knowledge base.
    assert "90.0%" in await ask("店铺整体现在多少")
    assert "90.0%" not in await ask("整个店铺的VTR要求是多少")
    problems = await ask("玩具那几单有问题的发我看看")
    assert "T09" in problems and "T10" in problems, problems
