"""How many rows of the chat's file were left out for having shipped before the window,
asked in either language: that count first. The fixture is test_own_data_lookups' shop, as
of 2026-11-30: two Baby Products rows shipped 2026-10-02 and 2026-10-06, before the window
(2026-11-01 – 2026-11-30); 90 packages counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import chat_after_upload
from tests.knowledge.test_own_data_lookups import AS_OF, _shop_csv

# Over 0.3 s of CPU: a file analysed, then questions through the chat's path.
pytestmark = pytest.mark.slow


async def test_rows_before_the_window_counted_first(tmp_path: Path, kb: KnowledgeBase) -> None:
    async with chat_after_upload(tmp_path, kb, _shop_csv(), 71, AS_OF) as ask:
        english = await ask(
            "how many of my rows got dropped because they shipped before the window?"
        )
        assert english.startswith("In your file: 2 shipped before the 30-day window"), english
        chinese = await ask("有几行是因为在窗口之前发货被排除的")
        assert chinese.startswith("你的文件里：2 个在 30 天窗口之前发货"), chinese
        assert "90" not in chinese.split("\n", 1)[0], chinese
