"""The thirtieth held-out set (heldout_cases_30.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_30.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_30.txt: a 通途-style ERP export saved
by Excel as "Unicode Text", UTF-16 LE with a BOM, tab-separated, CRLF; ship times with
minutes, marketplaces as Chinese names, 配送方式 naming FBA, two shops, multi-item orders on
two or three rows, placeholders in the tracking column), the others in a chat with no data.

Its single honest grading: graded once on main at c31585b, session 19's start, before anyone
working on the bot read it: 84.7% right (144/170), two wrong facts: '不对。…' to the true
belief that cross-border orders count now unless they are letters under EUR 20, and "Right:
… it is exempt" to an untracked GBP 8.99 UK large letter in the file, which the report
counts (docs/decisions/018-uk-letters-by-postage.md). From then on it is a development set:
the floor below is what main measures with those mended (test_rule_with_its_exception.py,
test_uk_letters.py, test_own_rows_pointed.py) and its miss families after them
(test_set30_families.py, test_own_data_amazon_fulfilled_rows.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_30.yaml"
# What main measures with the two wrong facts mended and its miss families (155/170, no
# wrong fact: pytest -s -p no:xdist -m slow tests/knowledge/test_heldout_cases_30.py on
# s30-families, load 20); 147/170 with the wrong facts alone; 144/170 at its single honest
# grading on c31585b.
MIN_RIGHT = 155 / 170
MAX_WRONG_FACTS = 0

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_30(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=5001)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
