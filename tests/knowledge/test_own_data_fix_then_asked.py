"""A fix supposed in Chinese before the figure is asked ('如果修好书籍的1单，能到多少', '改完
书籍能到多少'): set 29's '114-…单号写的N/A，现在改还来得及吗？改完宠物能到多少' got the
category's figures without the fix worked out. On test_own_data_fix_verdicts' upload, worked
by hand there: Books (shop South, UK) 19 of 20 valid, its one defect still editable, so one
fixed is 20 of 20 = 100%. And an order named by its ID, asked whether it is still time to
edit it and what its group reaches once fixed: on an upload of our own, Books 19 of 20
valid, its one defect 203-1234567-7654321 shipped Dec 1 (as of Dec 5, fix-by Dec 6: still
editable), the decision to edit now first, then 20 of 20. Wordings written here."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import Ask, chat_after_upload
from tests.knowledge.test_own_data_fix_verdicts import AS_OF, HEADER, _blank, _valid, upload

# Over 0.3 s of CPU: a file analysed before the questions.
pytestmark = pytest.mark.slow


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, upload(), 7329, AS_OF) as asking:
        yield asking


@pytest.mark.parametrize("question", ["如果修好Books的1单，能到多少", "Books那单改完之后能到多少"])
async def test_the_fix_is_worked_out_first(ask: Ask, question: str) -> None:
    reply = await ask(question)
    assert "20 个里 20 个有效 = 100%" in reply.split("\n", 1)[0], reply


async def test_the_order_s_timing_comes_before_the_fix(tmp_path: Path, kb: KnowledgeBase) -> None:
    rows = [*_valid("SB", "South", "UK", "Books", 19)]
    rows += [_blank("203-1234567-7654321", "South", "UK", "Books", "2026-12-01")]
    async with chat_after_upload(
        tmp_path, kb, "\n".join([HEADER, *rows]) + "\n", 7330, AS_OF
    ) as asking:
        reply = await asking("203-1234567-7654321 没传单号，现在改还来得及吗？改完Books能到多少")
    first, second = reply.split("\n")[:2]
    assert first.startswith("现在就改"), reply
    assert "20 个里 20 个有效 = 100%" in second, reply
