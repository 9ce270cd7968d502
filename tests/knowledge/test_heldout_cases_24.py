"""The twenty-fourth held-out set (heldout_cases_24.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_24.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_24.xlsx: a 积加-style export with two
title rows above Chinese headers) through the upload path, the others in a chat with no data.

Its single honest grading: sealed and graded once on main at 00327db, unread by anyone
working on the bot: 85.3% right (145/170), 0 wrong facts by the grader. The grader missed
real wrong verdicts the lead read in the replies: '对。不达标：…90%…' confirming a false
belief about the bar, a templated 'Yanwen's number counts as valid' for two item rows of one
order without tracking, '不算' for a row the report counts as valid, and '对。…豁免' for a UK
letter the report still counts. From then on it is a development set: the floors below are
what main measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_24.yaml"
# What main measures since set 24's families were fixed; first (sealed) grading 145/170 on
# 00327db. Left: two true beliefs answered without their verdict word or figure first (Japan's
# small orders, the 1.7× ratio), the A-to-z compound's Buy Shipping part, per-carrier own
# figures and unclear openers (other sessions' families).
MIN_RIGHT = 162 / 170
MAX_WRONG_FACTS = 0

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_24(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=4401)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
