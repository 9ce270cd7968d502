"""The sixth held-out set (heldout_cases_6.yaml): 170 cases (88 zh, 82 en) of every kind
issue 21 names, written on 2026-12-06 from /work/shared/domain.md and its seeds only, by
someone who never read knowledge/, the bot's code or its answers, and kept sealed (nobody
working on the bot read it) until its one grading at the end of the session; never to be
edited after results were seen. Its must_not lists are wrong facts anywhere in the reply;
its lead_not lists are wrong verdicts (a "Yes" on a false belief) in the first two
sentences. Run `pytest -s tests/knowledge/test_heldout_cases_6.py` for the figures per
kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_6.csv, an Amazon-report-style
CSV in UTF-8 with a BOM) through the upload path, the others in a chat with no data.

The single honest grading of this set was 77.1% right with 2 wrong facts (2026-12-06, main
at c0043b4: 131/170), after the work on sets 4 and 5 and before anyone saw this set. After
that run it is a development set: the floors below are what main measures, and rise as the
mechanisms behind its misses are fixed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_6.yaml"
MIN_RIGHT = 0.988  # main after the misses' mechanisms were fixed: 168/170 = 98.8%
MAX_WRONG_FACTS = 0  # main after the same work (the honest run had 2)

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_6(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=2601)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
