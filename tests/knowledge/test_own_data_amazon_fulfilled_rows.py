"""Rows an ERP export marks as Amazon's own fulfilment in its words (配送方式 亚马逊配送),
asked about by those words ("亚马逊配送的那几行算进去了吗", "the amazon-fulfilled rows"):
the report's FBA rows left out, not a refusal (set 30 got one). The upload, by hand: 20
self-fulfilled UPS parcels, all valid, and 3 亚马逊配送 rows: 3 FBA rows left out, 20 of 20
counted. Wordings written here, none taken from a held-out set."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.engine.conftest import UPS_OK
from tests.knowledge.chat_data import chat_after_upload

pytestmark = pytest.mark.slow  # a file analysed, then questions through the chat's path

HEADER = "订单号,站点,发货时间,配送方式,承运商,跟踪号,品类"
DAY = "2026-11-18"


def upload() -> str:
    rows = [f"S{i},US,{DAY},自发货,UPS,{UPS_OK},Toys" for i in range(20)]
    rows += [f"F{i},US,{DAY},亚马逊配送,,,Toys" for i in range(3)]
    return "\n".join([HEADER, *rows]) + "\n"


async def test_amazon_fulfilled_rows_asked_by_their_words(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    async with chat_after_upload(tmp_path, kb, upload(), 3001, "2026-11-20") as ask:
        zh = await ask("表里亚马逊配送的那几单有没有算进VTR")
        assert zh.startswith("没有算进去") and "3 单 FBA" in zh, zh
        en = await ask("did you count the amazon-fulfilled rows of my file?")
        assert en.startswith("No, they are not counted") and "FBA: 3" in en, en
