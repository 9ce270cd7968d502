"""The thirty-first held-out set (heldout_cases_31.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_31.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_31.xlsx: a workbook whose first sheet
is a summary the seller typed, not orders, and whose second holds the orders under headers
written in two languages in one cell, '订单号 Order ID', '状态 Status'; real Excel dates, two
shops, a cancelled row with a ship date typed by mistake), the others in a chat with no data.

Its single honest grading: graded once on main at d276bd1, session 19's end, before anyone
working on the bot read it: 81.8% right (139/170), one wrong fact by the grader, and four more
wrong statements read by the lead: '不对。…会自动败诉' to the true belief '…我基本必输，不会吧？',
'1千2 单' read as 10,002, two more invalid supposed worked as two fixed, the as-of day and
the ship day swapped, and the file's bilingual '状态 Status' header unread, so a cancelled
row was counted (heldout_cases_31.grading-d276bd1.txt). From then on it is a development
set: the floor below is what main measures with those mended (test_doubted_beliefs.py,
test_numbers_with_units.py, test_worse_supposed_with_its_cause.py,
test_two_ship_days_one_as_of.py, tests/engine/test_headers_in_two_languages.py) and its
miss families after them (test_set31_families.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_31.yaml"
# What main measures with the five wrong statements mended and its miss families
# (test_set31_families.py) and with left21's two shops and shipped-first pairs (83376f5):
# 156/170, no wrong fact (pytest -s -p no:xdist tests/knowledge/test_heldout_cases_31.py on
# s31 rebased onto 7b91fef, load 22); 145/170 with the wrong statements alone; 139/170 at its
# single honest grading on d276bd1.
MIN_RIGHT = 156 / 170
MAX_WRONG_FACTS = 0

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_31(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=5101)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
