"""The twenty-seventh held-out set (heldout_cases_27.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_27.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_27.csv: a 芒果店长-style export saved
by a German-locale Excel: semicolons, decimal commas, 'dd.mm.yyyy HH:MM' times, country
codes, two shops, two-item orders sharing one tracking number) through the upload path, the
others in a chat with no data.

Its single honest grading: sealed until all of session 17's engineers' work had landed,
then graded once on main at 3d9b02f4: 91.8% right (156/170), 1 wrong fact by the grader
("shipped with FedEx but uploaded DHL as the carrier … still valid?" → "Yes, FedEx / DHL
tracking can count as valid"). The lead read two more wrong verdicts the grader did not
count: "Right: A USD 20 order … counts" to the false belief that only US orders over $20
count, and '算。' for a China Post number not ending in CN on a JPY 1,500 Japanese order.
All three were mended in their rules after the grading, with other wordings
(test_rule_decides_the_verdict.py). From then on it is a development set: the floors below
are what main measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_27.yaml"
# What the branch s27 measures with set 27's misses mended family by family (170/170, no
# wrong fact: `pytest -s -p no:xdist -m slow tests/knowledge/test_heldout_cases_27.py`);
# 158/170 on ed3d825, 156/170 at the sealed grading on 3d9b02f4.
MIN_RIGHT = 170 / 170
MAX_WRONG_FACTS = 0

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_27(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=4701)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
