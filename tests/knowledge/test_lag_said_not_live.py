"""VTR's figure lags about two weeks (domain.md §1b): a belief that says so and adds that it
is "not live" is true, the "not" being what the lag means (sealed set 25 got "Not right" for
it). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("VTR lags roughly 2 weeks so it's not live data, yes?", "Right"),
        ("the vtr figure has a two week delay, it is not up to date, correct?", "Right"),
        ("VTR数据滞后两周，不是实时的吧", "对"),
        ("vtr doesn't lag two weeks, right?", "Not right"),
    ],
)
def test_the_lag_and_not_live(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
