"""The sixteenth held-out set (heldout_cases_16.yaml): 170 cases (85 zh, 85 en) of every kind
issue 21 names, written from /work/shared/domain.md and its seeds only, by someone who never
read knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_16.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_16.csv, one category sold on two
marketplaces, two shops) through the upload path, the others in a chat with no data.

Its single honest grading: sealed from its writing until graded once, unread by anyone working
on the bot: 87.6% right (149/170) on main at 598a748 (2026-12-06), with 3 wrong facts by the
grader's letter (its 'are exempt' matched inside "only orders under … are exempt", which is
the rule stated right) and 1 wrong verdict found by the first-line check ('FBA的订单不算进VTR，
对吧' answered 不对: the 不算 inside the belief was read as denying it). Its misses: shop
questions (per shop, which shop is worse), a true and a false belief without their verdict
first, two compound questions whose second part was dropped, typos and Traditional spellings,
the report's window refused as off-topic, a category's pooled figure in a what-if, and a
returns label question. From then on it is a development set: the floors below are what main
measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_16.yaml"
MIN_RIGHT = 0.941  # 160/170 on main since its misses were fixed (and shops answered); first 149/170
MAX_WRONG_FACTS = 3  # the grader's 'are exempt' inside the rule stated right, 3 times

# Over 0.3 s of CPU: a file analysed and 140 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_16(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=3601)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
