"""How many packages are invalid, asked in a chat with a report without saying "my" ("总共几个
单号是无效的", "how many shipments are not valid altogether"), is the file's own count, not a
rule's entry, with every package counted together beside it (no verdict: Amazon judges each
category); a limit or a consequence asked of the rule ("最多能有几个无效", "how many invalid
before I fail") is not read as that count. Wordings written here, none taken from a held-out
set.

The upload, worked by hand (as of 2026-11-20, every row shipped 2026-11-18, tracking by UPS):
Garden on US 20 packages, 2 untracked; Toys on US 10, 1 untracked: 3 invalid of 30.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.engine.conftest import UPS_OK
from tests.knowledge.chat_data import Ask, chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

HEADER = "订单号,站点,发货时间,承运商,跟踪号,品类"


def upload() -> str:
    day = "2026-11-18"
    rows = [f"G{i},US,{day},UPS,{'' if i < 2 else UPS_OK},Garden" for i in range(20)]
    rows += [f"T{i},US,{day},UPS,{'' if i < 1 else UPS_OK},Toys" for i in range(10)]
    return "\n".join([HEADER, *rows]) + "\n"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, upload(), 71, "2026-11-20") as asking:
        yield asking


@pytest.mark.parametrize(
    ("question", "opening"),
    [("总共几个单号是无效的", "无效包裹 3 个"), ("无效追踪的包裹一共有多少", "无效包裹 3 个"),
     ("多少个包裹没有有效的追踪号", "无效包裹 3 个"),
     ("how many shipments are not valid altogether?", "3 invalid packages"),
     ("how many invalid tracking numbers are there in total", "3 invalid packages")],
)  # fmt: skip
async def test_the_invalid_count_asked_is_the_files(ask: Ask, question: str, opening: str) -> None:
    reply = await ask(question)
    assert reply.startswith(opening), reply


@pytest.mark.parametrize(
    "question",
    ["最多能有几个无效", "超过多少个无效会被限制", "how many invalid ones are allowed in total"],
)
async def test_a_limit_asked_is_no_count_of_the_file(ask: Ask, question: str) -> None:
    reply = await ask(question)
    assert not reply.startswith("无效包裹 3 个"), reply


async def test_the_whole_files_count_comes_with_every_package_together(ask: Ask) -> None:
    en = await ask("how many invalid tracking numbers are there in total")
    assert "All packages together: 90.0% (27 of 30 packages valid)" in en, en
    zh = await ask("一共有几个单号无效")
    assert "全部包裹合计：90.0%（30 个包裹中 27 个有效）" in zh, zh
    toys = await ask("how many invalid in Toys")
    assert toys.startswith("1 invalid package") and "All packages together" not in toys, toys
