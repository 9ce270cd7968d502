"""The twenty-third held-out set (heldout_cases_23.yaml): 170 cases of every kind issue 21
names, written from /work/shared/domain.md and its seeds only, by someone who never read
knowledge/, the bot's code or its answers; never to be edited after results were seen.
Its must_not lists are wrong facts anywhere in the reply; its lead_not lists are wrong
verdicts in the first two sentences. Run `pytest -s tests/knowledge/test_heldout_cases_23.py`
for the figures per kind, every miss and every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_23.txt: an Amazon flat file with its
English report headers, a seller-added shop column for three shops, shipment dates with their
UTC offsets, orders of two item rows sharing one tracking number) through the upload path, the
others in a chat with no data.

Its single honest grading: sealed and graded once on main at e68d60e, the session's last
answer work landed, unread by anyone working on the bot: 91.2% right (155/170), 3 wrong facts
by the grader: two true beliefs worded as a restriction answered "Not right" (FBA listings
"untouched"; Royal Mail stamps exempt "only" through Buy Shipping), and one "两次扫描" quoted
beside the right one-scan answer (the must_not broader than the wrong fact). The two wrong
verdicts were fixed after (test_restricting_true_claims.py). From then on it is a development
set: the floors below are what main measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_23.yaml"
# What main measures since its families were fixed (issue 21's set-23 work: beliefs about
# consequences, VTR inferred from another metric, figures, edit delays, the chat's own data,
# unclear messages, restriction-worded beliefs); first (sealed) grading 155/170 on e68d60e.
# The wrong fact left is "两次扫描" quoted beside the right one-scan answer (the must_not
# broader than the wrong fact), kept as the set was written.
MIN_RIGHT = 169 / 170
MAX_WRONG_FACTS = 1

# Over 0.3 s of CPU: a file analysed and 170 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_23(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=4301)
    assert len(scores.wrong_facts) <= MAX_WRONG_FACTS, scores.wrong_facts
    assert scores.share >= MIN_RIGHT, scores.misses
