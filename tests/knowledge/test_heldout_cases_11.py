"""The eleventh held-out set (heldout_cases_11.yaml): 166 cases (88 zh, 78 en) of every kind
issue 21 names, written on 2026-12-06 from /work/shared/domain.md and its seeds only, by
someone who never read knowledge/, the bot's code or its answers; never to be edited after
results were seen. Its must_not lists are wrong facts anywhere in the reply; its lead_not
lists are wrong verdicts in the first two sentences. Run `pytest -s
tests/knowledge/test_heldout_cases_11.py` for the figures per kind, every miss and every wrong
fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_11.csv, an export with bilingual
headers such as 'Order ID/订单号', GBK, comma-separated, dates like 2026-11-20 14:03:22) through the upload path,
the others in a chat with no data.

Its single honest grading, sealed all session until its end: 91.0% right (151/166)
(2026-12-06, main at 8b6f5f2). The grader counts one wrong fact, which is its own substring
false positive: the must_not '是一回事' is inside the right reply '不是一回事' to a question
whether LSR and VTR are the same. It missed one real wrong verdict: a true English belief
that exempt shipments count on neither side of the fraction opened 'Not right:' ("Not
right" holds "right", and the set's lead_not lacks it); test_readings_a's first-line check
caught it, and English negated forms of the belief are now read as the belief (cards.yaml).
So, honestly: 150 right of 166 (90.4%) with one wrong verdict.
From then on it is a development set: the floors below are what main measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_11.yaml"
MIN_RIGHT = 0.981  # 163/166 on main as its misses are fixed (151/166 at its one honest grading)
MAX_WRONG_FACTS = 1  # the grader's '是一回事' in '不是一回事', not a wrong fact

# Over 0.3 s of CPU: a file analysed and 157 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_11(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=3101)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
