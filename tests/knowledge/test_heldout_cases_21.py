"""The twenty-first held-out set (heldout_cases_21.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_21.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_21.csv: three shops with Chinese
names in one file, categories sold in several marketplaces) through the upload path, the
others in a chat with no data.

Its single honest grading: sealed and graded once on main at 547c52c, unread by anyone
working on the bot: 93.5% right (159/170), 3 wrong facts by the grader, of which 2 are the
answer quoting the USD 5-and-over rule's "two scans" beside the right "at least one scan"
for a cheaper US order (the writer's must_not too broad) and 1 real: OTDR's 90% called
enforced with a "Yes". Its wrong verdicts first: a belief restricted with "只有…才…" whose
rest was denied ("别的物流不用传") read as negated, and a China Post number for Japan "用JP
结尾" not read as another ending than CN. From then on it is a development set: the floors
below are what main measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_21.yaml"
# What main measures since the three wrong verdicts were fixed (a restriction's complement,
# another ending than CN, OTDR's enforcement asked) and its four own-data misses (rows not
# counted of one marketplace, the pooled figure asked beside the fixes, the fixes in all
# first, a named shipment's fix judged on every unit); first (sealed) grading 159/170 on
# 547c52c. The 2 wrong facts left are the "two scans" quoted beside "at least one scan"
# (must_not too broad), kept as the set was written.
MIN_RIGHT = 164 / 170
MAX_WRONG_FACTS = 2

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_21(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=4101)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
