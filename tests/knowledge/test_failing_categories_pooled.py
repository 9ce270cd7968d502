"""The failing categories asked without naming one ("哪几个分类有问题", "which categories are
failing?"), in a file that spans several marketplaces: Amazon's verdict per marketplace first,
then each failing category over all its marketplaces, the figure an ERP dashboard shows
(set 27's "刚传的那个表，哪几个分类有问题" listed the cells and never 家居厨房's 55 of 60).

The upload is test_own_order_asked's, worked by hand there: Home on US 10 of 11 (90.9%), on
DE 0 of 1, on JP and FR 1 of 1 each; Home over all four, 12 of 14 (85.7%)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import Ask, chat_after_upload
from tests.knowledge.test_own_order_asked import upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, upload(), 2702, "2026-11-20") as asking:
        yield asking


@pytest.mark.parametrize(
    ("question", "pooled"),
    [
        ("哪几个分类有问题", "14 个包裹中 12 个有效"),
        ("我表里哪些类目不达标", "14 个包裹中 12 个有效"),
        ("which categories are failing?", "12 of 14"),
        ("which of my categories are below 95?", "12 of 14"),
    ],
)
async def test_a_failing_category_gets_its_pooled_figure_after_the_verdicts(
    ask: Ask, question: str, pooled: str
) -> None:
    lines = (await ask(question)).split("\n")
    assert pooled in "\n".join(lines[1:]) and pooled not in lines[0], lines
