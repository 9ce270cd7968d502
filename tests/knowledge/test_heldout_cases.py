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

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases.yaml"
MIN_RIGHT = 0.95

# Over 0.3 s of CPU: a file analysed and ~190 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=2101)
    assert scores.wrong_facts == []
    assert scores.share >= MIN_RIGHT, scores.misses
