"""Every held-out set's wrong facts and opposite verdicts, in the README's command.

Each set's own module (`test_heldout_cases*.py`) grades the whole set against its floors
(`MIN_RIGHT`) in the `heldout` tier, which `.ci/run` runs as a step of its own and which
runs whenever a path holding it is named (`pytest tests/knowledge`, or a set's module): a
whole set's questions answered through the chat's path were, set after set, the largest part
of the README's command (docs/performance.md, "The test tiers"). Here every set is held, whatever
its floors, to what a seller must never read: a wrong fact (its `must_not`, `lead_not`)
beyond the set's `MAX_WRONG_FACTS`, and a belief whose first line gives the opposite
verdict. Only the cases that can fail so are asked (`fails_whatever_the_floors`), each
through the same path and graded by the same `grade_case` as in the whole set, so a wrong
fact found there is found here.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.grading import fails_whatever_the_floors, grade_heldout_set

HERE = Path(__file__).parent
SETS = sorted(HERE.glob("heldout_cases*.yaml"), key=lambda path: path.name)

# Over 0.3 s of CPU: a set's file analysed and its checked questions answered; `long`: all
# the sets run on one worker, longer than most modules, so it is started first (conftest.py).
pytestmark = [pytest.mark.slow, pytest.mark.long]


def allowed_wrong_facts(cases_file: Path) -> int:
    """The set's own module's `MAX_WRONG_FACTS` (none: no wrong fact allowed)."""
    module = importlib.import_module(f"tests.knowledge.test_{cases_file.stem}")
    return int(getattr(module, "MAX_WRONG_FACTS", 0))


def test_every_set_is_found() -> None:
    assert len(SETS) >= 29
    for cases_file in SETS:
        assert (HERE / f"test_{cases_file.stem}.py").is_file(), cases_file.name


@pytest.mark.parametrize("cases_file", SETS, ids=lambda path: path.stem)
async def test_no_wrong_fact_nor_opposite_verdict(
    tmp_path: Path, kb: KnowledgeBase, cases_file: Path
) -> None:
    scores = await grade_heldout_set(
        cases_file, tmp_path / "vtrbot.sqlite3", kb, chat_id=9101, only=fails_whatever_the_floors
    )
    assert len(scores.wrong_facts) <= allowed_wrong_facts(cases_file), scores.wrong_facts
