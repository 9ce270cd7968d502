"""The twenty-ninth held-out set (heldout_cases_29.yaml): 170 cases of every kind issue 21
names, written in session 18 from /work/shared/domain.md and its seeds only, by someone who
never read knowledge/, the bot's code or its answers; never to be edited after results were
seen. Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_29.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_29.csv: a US analytics tool's export,
dates like "Nov 14, 2026 3:05 PM", totals with thousands separators, tracking numbers grouped
with spaces as carriers print them, two stores on five marketplaces), the others in a chat
with no data.

Its single honest grading: graded once, sealed, on main at 8bdf8b5, after all of session 18's
work had landed: 88.8% right (151/170), no wrong fact by the grader; its output, every miss
with its first line, is heldout_cases_29.grading-8bdf8b5.txt beside this file. The lead read
three wrong statements the grader did not count: "Not right: Order Defect Rate …" to the true
belief that VTR looks at 30 days, not 60 like ODR; "Yes — … exempt" to an Italian letter of
EUR 18 + 6 shipping (EUR 24: it counts); '200 个里 95 个有效' for 200 packages, 10 without a
number, asked whether that sits right at 95 (190 of 200 = 95.0%: below). The first-line check
found two more ("surely 95.0% on the dot doesn't pass… it has to be more than 95, doesn't it?"
got "Not right"; '类目被限制了等30天会自动恢复吧，不用申诉' got '对'). From then on it is a
development set: the floor below is what main measures with those mended in their rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_29.yaml"
# What the branch measured with its misses mended family by family (166/170, no wrong fact:
# pytest -s -p no:xdist tests/knowledge/test_heldout_cases_29.py on 284773c rebased onto
# cdbd4d0, load 6-14); 157/170 with only its opposite verdicts mended; 151/170 at its single
# honest grading on 8bdf8b5.
MIN_RIGHT = 166 / 170
MAX_WRONG_FACTS = 0

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_29(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=4901)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
