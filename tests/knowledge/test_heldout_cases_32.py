"""The thirty-second held-out set (heldout_cases_32.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_32.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_32.csv: a Japanese ERP export in
Shift_JIS (cp932), CRLF, comma-separated, amounts with a thousands comma quoted and some
with a full-width yen sign, Japanese headers, statuses and category names, two shops, FBA
rows told by 出荷元, EU letters under EUR 20 and Japanese orders under JPY 1,000 exempt),
the others in a chat with no data.

Its single honest grading: graded once on main at 6a608bd, session 20, before anyone working
on the bot read it: 81.8% right (139/170), two wrong facts by the grader: '不对。…' to the
true belief that Japanese orders under JPY 1,000 are exempt ('…不到一千円的小单不进VTR，靠谱吗'),
and "…スポーツ用品 on Amazon.de (DE) in shop MOMO-GLOBAL is below the bar…" to "MOMO-GLOBAL
shop VTR?". The second is the grader's false positive: the fixture's own header says
スポーツ用品 (DE, MOMO-GLOBAL) is 21/24 = 87.50%, below, while the shop overall is 115/121 =
95.04%, above; the reply states both, so that case's lead_not is allowed by name below
(GRADER_FALSE_POSITIVES), not dodged by rewording. The same grading read four beliefs
answered with the opposite verdict first: that one, the true US rule (under USD 5 one scan,
USD 5 and over two) denied, the false 'UK letters are exempt at any price' confirmed, and
"ODR, LSR, VTR all use 30 days" confirmed on VTR's window alone; and '57/60, one more found
wrong' worked as a fix (59/60) instead of a new defect (56/60). From then on it is a
development set: the floor below is what main measures with those mended
(test_beliefs_judged_on_each_part.py), the shop's own figure and verdict now said first
(test_own_data_shops.py), and its openers and plain look-ups in other words after them
(test_openers_and_the_same_trouble.py, test_lookups_in_other_words.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_32.yaml"
# What main measures with the wrong statements mended and its unclear and plain families
# (151/170, the grader's false positive alone flagged: pytest -s -p no:xdist -m slow
# tests/knowledge/test_heldout_cases_32.py on s32 rebased onto 7ead4cb, load 20); 142/170
# with the wrong statements alone; 139/170 at its single honest grading on 6a608bd.
MIN_RIGHT = 151 / 170
# The grader's false positive, by question and by the string it flagged: the reply's
# "スポーツ用品 … is below the bar" is true (21/24 = 87.50%), only the shop overall passes.
GRADER_FALSE_POSITIVES = {("MOMO-GLOBAL shop VTR?", "is below the bar")}
MAX_WRONG_FACTS = len(GRADER_FALSE_POSITIVES)
"""What test_heldout_wrong_facts.py allows this set: the false positive above, no more."""

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_32(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=5201)
    wrong_facts = [fact for fact in scores.wrong_facts if fact not in GRADER_FALSE_POSITIVES]
    assert not wrong_facts, wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
