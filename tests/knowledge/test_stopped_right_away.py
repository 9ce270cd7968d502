"""'亚马逊会马上停我的自发货吗' was read as whether VTR updates in real time ('不会。VTR 不是
实时的'), because only 停售 counted as stopping the selling: how soon a restriction follows
is asked, and the sources publish no timeline (domain.md §1b). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question", ["我的类目VTR 94%，亚马逊会马上停我的自发货吗", "VTR低了会不会直接停我的账号销售"]
)
def test_stopped_right_away_is_the_timing(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).matched == "vtr-restriction-timing"
    assert "不是实时" not in first_line(kb, question)


def test_real_time_asked_keeps_its_answer(kb: KnowledgeBase) -> None:
    assert first_line(kb, "VTR是实时更新的吗").startswith("不是")
