"""The fourth held-out set (heldout_cases_4.yaml): 161 cases (82 zh, 79 en) of every kind
issue 21 names, written on 2026-12-06 from /work/shared/domain.md and its seeds only, by
someone who never read knowledge/, the bot's code or its answers, before any answer was
graded; never to be edited after results were seen. Run
`pytest -s tests/knowledge/test_heldout_cases_4.py` for the figures per kind, every miss and
every wrong fact with the reply's first line.

Every question goes through the chat's own path (Core.handle_text); the `own_data` ones in a
chat that uploaded the set's fixture (heldout_chat_data_4.csv) through the upload path, the
others in a chat with no data. Graded with grading.grade_case, as sets 2 and 3.

The single honest grading of this set was 76.4% right (2026-12-06, main at a22c0a4:
123/161, 0 wrong facts by the set's must_not lists). After that run the set was used as a
development set (mechanisms fixed, never its wording pasted), so the floor asserted now is a
TUNED figure, not a measure of unseen questions: 155/161 = 96.3% measured on main after
those fixes, rounded down to the nearest 5%, and zero wrong facts. It guards against
regressions on this set; the target (95% on unseen questions) is judged on sets nobody here
has seen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import grade_heldout_set

CASES_FILE = Path(__file__).parent / "heldout_cases_4.yaml"
MIN_RIGHT = 0.981  # tuned: 158/161 = 98.1% after development on this set (honest run: 76.4%)
ZERO_WRONG_FACTS = True  # the measured run had 0 wrong facts (by the set's must_not lists)

# Over 0.3 s of CPU: a file analysed and 161 questions answered through the chat's path.
pytestmark = pytest.mark.slow


async def test_heldout_cases_4(tmp_path: Path, kb: KnowledgeBase) -> None:
    scores = await grade_heldout_set(CASES_FILE, tmp_path / "vtrbot.sqlite3", kb, chat_id=2401)
    if ZERO_WRONG_FACTS:
        assert scores.wrong_facts == []
    assert scores.share >= MIN_RIGHT, scores.misses
