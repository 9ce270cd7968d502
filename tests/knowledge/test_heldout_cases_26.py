"""The twenty-sixth held-out set (heldout_cases_26.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_26.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_26.txt: a Taiwan seller's ERP export,
TAB-separated, Big5, CRLF, Traditional Chinese headers and values, two shops) through the
upload path, the others in a chat with no data.

Its single honest grading: written at the start of session 17 and graded once on main at
a4cae72b, before any of that session's work: 84.7% right (144/170), 3 wrong facts by the grader, all three the grader's:
a right answer quoting the exemption's rule ('only orders under EUR 20 sent as Letter are
exempt', '只有低于 1,000 日元的订单才豁免') matched its must_not 'are exempt' / '豁免'. The
lead read two real wrong statements the grader did not count: 'Right: … must end in CN' to
the false belief that a China Post number on an amazon.co.jp order need not end in CN, and
'40 个里 38 个有效 = 95.0%' for 40 packages with 2 untracked and 1 on the wrong carrier (a
wrong carrier is invalid too: 37 of 40). Own data was 14/26: the Big5 file's Traditional
values (聯邦快遞, 亞馬遜配送) were misread, which the engine's fold now reads. The first-line
check found one more wrong verdict the grader's lead_not did not list ('对。不是所有差评都能
删' to the false belief that Buy Shipping strikes through every feedback). From then on it
is a development set: the floors below are what main measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_26.yaml"
# What main measures after this session's fixes of its families (162/170; the 3 wrong facts
# are the grader's, a right rule quoted); 153/170 when it became a development set, sealed
# grading 144/170 on a4cae72b. Left: France's own figure without the country's name, a fix
# supposed on a category whose defects can no longer be fixed (what-if on own data), an
# unclear opener refused, '算。' where the grader looks for 对/可以, '防止' for '预防'.
MIN_RIGHT = 162 / 170
MAX_WRONG_FACTS = 3

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_26(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=4601)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
