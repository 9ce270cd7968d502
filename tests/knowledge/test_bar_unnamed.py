"""Issue 21: the bar stated without naming VTR ('得高于95%，没错吧') was refused as outside
the field or left unsure: 高于/超过/大于 name the bar as 'above' does, and 得/须/应该 before
them state a target, so the belief is confirmed, 对 first (strictly above 95%, domain.md
§4.5). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize("question", ["必须得高于95%才行，没错吧", "应该要超过95%对吗"])
def test_bar_unnamed_is_confirmed(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith("对"), (question, line)
    assert "高于 95%" in line, (question, line)
