"""Found by probing: 'how long does a defect stay in my vtr' got the restriction timing,
'i corrected 5 numbers yesterday but vtr didnt change' and 'if i fix tracking today when
will vtr go up' how to edit, '改了单号VTR怎么还没变' the window alone. The sources time both:
a defect counts while in the last 30 days (by promised delivery date, about two weeks late),
an edit takes up to 72 hours to show (domain.md §1b). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question", ["how long does a defect stay in my vtr", "缺陷会在VTR里留多久"]
)
def test_a_defect_stays_for_the_window(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert "30" in first and ("窗口" in first or "window" in first), first


@pytest.mark.parametrize(
    "question",
    [
        "i corrected 5 numbers yesterday but vtr didnt change",
        "if i fix tracking today when will vtr go up",
        "改了单号VTR怎么还没变",
        "补了追踪号，后台还是一样",
    ],
)
def test_an_edit_not_showing_yet_gets_the_72_hours(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert "72" in first and ("两周" in first or "two weeks" in first), first
