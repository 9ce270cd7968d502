"""How to do tracking, asked however vaguely ("单号那个怎么搞", "how do you do tracking
numbers"), gets the entry that says how tracking is entered and corrected (domain.md §1b:
pick the carrier from Amazon's list; Manage Orders → Edit shipment until delivery), not a
refusal and not the steps for a VTR already low. Wordings written here, none taken from a
held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "单号那个怎么搞",
        "跟踪那块怎么操作",
        "运单号要怎么弄上去",
        "tracking stuff how do i do it",
        "how do you do tracking numbers",
        "how do I upload tracking numbers",
    ],
)
def test_how_to_do_tracking_gets_how_it_is_entered(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert (answer.kind, answer.matched) == ("answer", "tracking-edit"), answer
    text = reply_text(kb, question)
    assert any(w in text for w in ("编辑追踪信息", "Edit tracking")), text


@pytest.mark.parametrize("question", ["VTR掉了怎么弄", "my tracking rate dropped how do i fix it"])
def test_a_low_vtr_still_gets_the_steps_to_recover(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).matched == "vtr-below-95"
