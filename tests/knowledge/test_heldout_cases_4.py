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
from typing import Any

import pytest
import yaml

from bot.domain.knowledge import KnowledgeBase
from bot.services.replies import ChatRef
from bot.services.store import Store
from tests.bot.harness import core_for
from tests.knowledge.grading import KindScores, grade_case, plain_text

HERE = Path(__file__).parent
CASES_FILE = HERE / "heldout_cases_4.yaml"
MIN_RIGHT = 0.95  # tuned: 155/161 = 96.3% after development on this set (honest run: 76.4%)
ZERO_WRONG_FACTS = True  # the measured run had 0 wrong facts (by the set's must_not lists)
DATA_CHAT = ChatRef(2401, "zh")
FRESH_CHAT = ChatRef(2402, "zh")

# Over 0.3 s of CPU: a file analysed and 161 questions answered through the chat's path.
pytestmark = pytest.mark.slow


def _read(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


async def test_heldout_cases_4(tmp_path: Path, kb: KnowledgeBase) -> None:
    cases = _read(CASES_FILE)
    fixture = HERE.parent.parent / cases["own_data_file"]
    scores = KindScores()
    details: list[str] = []
    async with Store(tmp_path / "vtrbot.sqlite3") as store:
        core = core_for(store, kb, "zh")
        await core.handle_file(DATA_CHAT, fixture, caption=cases["own_data_as_of"])
        for item in cases["cases"]:
            chat = DATA_CHAT if item.get("kind") == "own_data" else FRESH_CHAT
            text = plain_text(await core.handle_text(chat, item["q"]))
            grade = grade_case(item, text, kb)
            scores.add(item, grade)
            if not grade.right or grade.wrong_fact is not None:
                wrong = f" WRONG FACT {grade.wrong_fact!r}" if grade.wrong_fact else ""
                details.append(
                    f"- [{item.get('kind', 'plain')}] {item['q']}\n"
                    f"    why: {grade.why}{wrong}\n    first line: {_first_line(text)}"
                )
    print("\n" + "\n".join(scores.lines()))
    print("misses and wrong facts:\n" + "\n".join(details))
    if ZERO_WRONG_FACTS:
        assert scores.wrong_facts == []
    assert scores.share >= MIN_RIGHT, scores.misses
