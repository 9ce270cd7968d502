"""A figure per marketplace asked for ("break it down by marketplace") is answered from the
chat's own report, every marketplace with its figure, not with the entry saying Amazon judges
per marketplace; the rule asked ("does Amazon measure VTR per marketplace?") still gets the
rule. The fixture is set 15's (a development set now): its per-marketplace figures are the
ones its grader wrote from the file by hand: Amazon.com 94 of 100 (94.0%), Amazon.de 19 of 20
(95.0%, below), Amazon.co.jp 48 of 50 (96.0%), Amazon.co.uk 30 of 30 (100%)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.chat_data import Ask, chat_after_upload

# Over 0.3 s of CPU: a file analysed, then questions through the chat's path.
pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parent / "heldout_chat_data_15.csv"


@pytest.fixture
async def ask(tmp_path: Path, kb: KnowledgeBase) -> AsyncIterator[Ask]:
    async with chat_after_upload(tmp_path, kb, FIXTURE.read_bytes(), 8815, "2026-12-05") as a:
        yield a


@pytest.mark.parametrize(
    "question",
    [
        "break it down by marketplace for me",
        "list each marketplace's VTR",
        "各个站点的VTR分别列一下",
    ],
)
async def test_every_marketplace_with_its_figure(ask: Ask, question: str) -> None:
    reply = await ask(question)
    for figures in ("94 of 100", "19 of 20", "48 of 50", "30 of 30"):
        english = figures.split(" of ")
        chinese = f"{english[1]} 个包裹中 {english[0]} 个有效"
        assert figures in reply or chinese in reply, reply


async def test_the_rule_asked_is_still_the_rule(ask: Ask) -> None:
    reply = await ask("does Amazon measure VTR per marketplace?")
    assert reply.startswith("Yes"), reply
    assert "94 of 100" not in reply, reply
