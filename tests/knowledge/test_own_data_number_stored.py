"""Issue 21: a tracking number named in a question that is not among the report's invalid
ones got a hedged answer ("if it is in the uploaded file, it counted as valid; if not, it is
not in the file"): the chat's stored shipments are looked up, so the reply says plainly
whether the number is in the file and counted as valid, left out (outside the window, or why),
or not in the file at all. The set-17 workbook (a development set) as of 2026-12-05, window
2026-11-06 – 2026-12-05; its rows read by hand: 1Z7CGA445115225842 shipped 2026-11-11 (UPS,
valid), 9400364516135833498699 shipped 2026-11-05 (the day before the window). Wordings
written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.services.replies import ChatRef
from bot.services.store import Store
from tests.bot.harness import core_for
from tests.knowledge.grading import plain_text
from tests.knowledge.test_own_data_small_jp_orders import WORKBOOK

# Over 0.3 s of CPU: a workbook analysed before the questions.
pytestmark = pytest.mark.slow


async def test_a_number_not_invalid_is_said_plainly(tmp_path: Path, kb: KnowledgeBase) -> None:
    chat = ChatRef(5102, "en")
    async with Store(tmp_path / "vtrbot.sqlite3") as store:
        core = core_for(store, kb, "en")
        await core.handle_file(chat, WORKBOOK, caption="2026-12-05")

        async def ask(question: str) -> str:
            return plain_text(await core.handle_text(chat, question))

        valid = await ask("anything wrong with 1z7cga445115225842?")
        assert valid.startswith("1Z7CGA445115225842 is not among the invalid packages"), valid
        assert "Nov 11, 2026" in valid and "counted as valid" in valid, valid
        older = await ask("9400364516135833498699 这个单号有问题吗")
        assert older.startswith("9400364516135833498699 不在无效包裹里"), older
        assert "30 天统计窗口" in older, older
        absent = await ask("is ZX9912345678 ok?")
        assert "not in any shipment I have from your files" in absent, absent
        assert "ZX9912345678 fits none of the number formats" in absent, absent
        # Not in the file, and right by its format: S10 12345678 → 204 mod 11 = 6, 11 − 6 = 5.
        elsewhere = await ask("is RR123456785GB ok?")
        assert "not in any shipment I have from your files" in elsewhere, elsewhere
        assert "format and check digit right for a Royal Mail number" in elsewhere, elsewhere
