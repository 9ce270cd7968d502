"""The second held-out set (heldout_cases.yaml): sellers' own cases, claims, numbers and
questions about the chat's own data, written by someone who never read knowledge/ and
never edited after results were seen. Run `pytest -s tests/knowledge/test_heldout_cases.py`
for the figures per kind.

Every question goes through the chat's own path (Core.handle_text), as a seller's message
does; the `own_data` ones in a chat that uploaded the set's fixture file through the
upload path (Core.handle_file, with the set's as-of date as the caption), the others in a
chat with no data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.domain.knowledge import KnowledgeBase
from bot.services.replies import ChatRef
from bot.services.store import Store
from tests.bot.harness import core_for
from tests.knowledge.grading import KindScores, grade_case, plain_text

HERE = Path(__file__).parent
CASES_FILE = HERE / "heldout_cases.yaml"
MIN_RIGHT = 0.95
DATA_CHAT = ChatRef(2101, "zh")
FRESH_CHAT = ChatRef(2102, "zh")

# Over 0.3 s of CPU: a file analysed and ~190 questions answered through the chat's path.
pytestmark = pytest.mark.slow


def _read(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


async def test_heldout_cases(tmp_path: Path, kb: KnowledgeBase) -> None:
    cases = _read(CASES_FILE)
    fixture = HERE.parent.parent / cases["own_data_file"]
    scores = KindScores()
    async with Store(tmp_path / "vtrbot.sqlite3") as store:
        core = core_for(store, kb, "zh")
        await core.handle_file(DATA_CHAT, fixture, caption=cases["own_data_as_of"])
        for item in cases["cases"]:
            chat = DATA_CHAT if item.get("kind") == "own_data" else FRESH_CHAT
            text = plain_text(await core.handle_text(chat, item["q"]))
            scores.add(item, grade_case(item, text, kb))
    print("\n" + "\n".join(scores.lines()))
    assert scores.wrong_facts == []
    assert scores.share >= MIN_RIGHT, scores.misses
