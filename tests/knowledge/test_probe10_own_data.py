"""A carrier's invalid packages asked in the chat's own words ("DHL的单号有几个有问题",
"有多少个是坏的", "how many DHL ones are bad") got the carrier's general rule, not the
file's count (issue 21; a seller's probe). Wordings written here.

The upload, worked by hand (as of 2026-11-20, every row shipped 2026-11-18): 30 DHL
parcels with a valid number and 2 without one, 10 UPS parcels tracked. DHL: 30 of 32.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.engine.conftest import UPS_OK
from tests.knowledge.chat_data import Ask, chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

DHL_OK = "1234567891"  # DHL Express: its last digit is 123456789 mod 7 = 1
HEADER = "订单号,站点,发货时间,承运商,跟踪号,品类"
DAY = "2026-11-18"


def upload() -> str:
    rows = [f"D{i},UK,{DAY},DHL,{DHL_OK},Home" for i in range(30)]
    rows += [f"DX{i},UK,{DAY},DHL,,Home" for i in range(2)]
    rows += [f"U{i},US,{DAY},UPS,{UPS_OK},Toys" for i in range(10)]
    return "\n".join([HEADER, *rows]) + "\n"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, upload(), 2610, "2026-11-20") as asking:
        yield asking


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("DHL的单号有几个有问题", "无效包裹 2 个"),
        ("DHL的货有多少个是坏的", "无效包裹 2 个"),
        ("how many DHL ones are invalid?", "2 invalid packages"),
    ],
)
async def test_a_carriers_bad_ones_in_other_words(ask: Ask, question: str, count: str) -> None:
    reply = await ask(question)
    assert reply.startswith(count), reply


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("DHL的单都有效吗", "93.75%（32 个包裹中 30 个有效）"),  # 30 of 32
        ("are my DHL ones all valid?", "93.75% (30 of 32 packages valid)"),
    ],
)
async def test_a_carriers_packages_asked_all_valid(ask: Ask, question: str, figure: str) -> None:
    reply = await ask(question)
    assert reply.startswith("DHL") and figure in reply.splitlines()[0], reply


@pytest.mark.parametrize(
    ("question", "window"),
    [
        ("統計窗口是哪幾天", "2026年10月22日 – 2026年11月20日"),  # as of Nov 20: 30 days back
        ("the window, which dates are those?", "Oct 22, 2026 – Nov 20, 2026"),
    ],
)
async def test_the_window_asked_without_my(ask: Ask, question: str, window: str) -> None:
    reply = await ask(question)
    assert window in reply.splitlines()[0], reply
