"""The seventh held-out set (heldout_cases_7.yaml): 173 cases (89 zh, 84 en) of every kind
issue 21 names, written on 2026-12-06 from /work/shared/domain.md and its seeds only, by
someone who never read knowledge/, the bot's code or its answers, and kept sealed (nobody
working on the bot read it) until its one grading at the end of the session; never to be
edited after results were seen. Its must_not lists are wrong facts anywhere in the reply;
its lead_not lists are wrong verdicts in the first two sentences. Run `pytest -s
tests/knowledge/test_heldout_cases_7.py` for the figures per kind, every miss and every wrong
fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_7.csv, a Mabang/Dianxiaomi-style
export with Chinese headers, GBK, comma-separated) through the upload path, the others in a
chat with no data.

Its single honest grading: 84.4% right (146/173) with 5 wrong facts (2026-12-06, main at
2b9f2d3, after the session's work on sets 8 and 9). From then on it is a development set:
the floors below are what main measures, and rise as the mechanisms behind its misses are
fixed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_7.yaml"
MIN_RIGHT = 0.965  # main with its numeric, own_data, lookalike and compound misses fixed: 167/173
MAX_WRONG_FACTS = 0  # the honest run had 5; main now 0

# Over 0.3 s of CPU: a file analysed and 173 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_7(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=2701)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
