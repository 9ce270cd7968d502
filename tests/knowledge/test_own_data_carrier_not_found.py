"""A chat whose file names no carrier anywhere (its one service column 'Standard' /
'Expedited') is never told a bare 0% when it asks its own figures: the answer says, beside
the figure, that the carrier was not found, the values read and what to send
(docs/decisions/019; vtr.CARRIER_NOT_FOUND), as the report does. A file whose carriers are
read says nothing of it. Files written here."""

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
YUN = "YT1234567890123456"


def _file(service: str) -> str:
    rows = [f"111-{n},2026-11-{10 + n},{service},{YUN if n % 2 else S10},美国" for n in range(6)]
    return "\n".join(["订单号,发货时间,物流方式,跟踪号,站点", *rows]) + "\n"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, _file("Standard"), 8341, AS_OF) as asking:
        yield asking


async def test_the_whole_figure_says_the_carrier_was_not_found(ask: Ask) -> None:
    chinese = await ask("我的表整体有效追踪率是多少")
    assert "6 个包裹中有 6 个的承运商我不认识（Standard）" in chinese, chinese
    english = await ask("what's my overall VTR in the file?")
    assert "6 of 6 packages have a carrier I do not know (Standard)" in english, english


async def test_a_file_whose_carriers_are_read_says_nothing(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    async with chat_after_upload(tmp_path, kb, _file("云途全球专线挂号"), 8342, AS_OF) as asking:
        reply = await asking("我的表整体有效追踪率是多少")
    assert "承运商我不认识" not in reply, reply
