"""The twenty-eighth held-out set (heldout_cases_28.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_28.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_28.xlsx: a 赛盒-style ERP export with a
merged group-header row above the column names, date-time cells, amounts as text with currency
symbols, marketplaces as Amazon domains, a 发货仓 column naming FBA, FedEx and DHL numbers stored
as numeric cells, two shops), the others in a chat with no data.

Its single honest grading: graded once on main at ed3d825f, session 18's start, before anyone
working on the bot read it: 81.2% right (138/170), no wrong fact by the grader. The lead read
three wrong verdicts the grader did not count: '是的，从中国直发到日本站…' to the false belief
'VTR不看日本站，对吧'; "Right: In the EU and UK, orders under EUR 20 … are exempt" to the false
belief that a EUR 35 Brief order is exempt too; '对。准时交货率…' to the false belief that an OTDR
under 90% restricts categories as VTR does. From then on it is a development set: the
floor below is what main measures with those verdicts mended in their rules
(test_opposite_verdicts_mended.py), with four more the first-line check found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_28.yaml"
# What the branch measured with its misses mended family by family (158/170, no wrong fact:
# pytest -s -p no:xdist -m slow tests/knowledge on 104eaa9, load 17-20); 138/170 at its single
# honest grading on ed3d825f.
MIN_RIGHT = 158 / 170
MAX_WRONG_FACTS = 0

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_28(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=4801)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
