"""The eighteenth held-out set (heldout_cases_18.yaml): 170 cases (86 zh, 84 en) of every kind
issue 21 names, written from /work/shared/domain.md and its seeds only, by someone who never
read knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_18.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_18.txt: an ECCANG-style export,
tab-separated in GB18030 with CRLF, dd.mm.yyyy ship dates, decimal commas on the European
rows, several shops and marketplaces) through the upload path, the others in a chat with no
data.

Its single honest grading: sealed all of 2026-12-07's session until graded once, unread by
anyone working on the bot: 92.4% right (157/170) on main at c3d7db3, 0 wrong facts, 1 wrong
verdict found by the first-line check ("准时交货率不到90%肯定会被封号吧" answered "对。": OTDR
is a target, not an enforced bar in most marketplaces). Its misses: own data (a category's
fixes in all over its marketplaces, a shop's invalid count, JP's small orders, why one DE
letter was counted and the others not, a category's latest date back above), a German
letter shipped from China read as domestic, two compounds dropping a part, two Traditional
Chinese wordings, a false belief without its No first, and a freight forwarder answered.
From then on it is a development set: the floors below are what main measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_18.yaml"
MIN_RIGHT = 0.988  # 168/170 on main with its fixes; 157/170 at its one honest grading (c3d7db3)
MAX_WRONG_FACTS = 0

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_18(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=3801)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
