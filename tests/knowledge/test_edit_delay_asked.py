"""How long added or edited tracking takes to show is up to 72 hours (domain.md §1b), asked
in the words sellers use (多久生效, "how long before it counts"): that fact first, with the
entry on editing tracking, not the after-delivery rule or the window. Asked beside whether
tracking added after the buyer got the parcel still counts, both are answered: 72 hours,
then no, a defect. A deadline asked ("how long do I have to upload") keeps its own answer.
Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.services.answers import render_answer
from bot.services.i18n import translator

pytestmark = pytest.mark.collection


def _reply(kb: KnowledgeBase, question: str) -> str:
    answer = kb.answer(question)
    return render_answer(answer, kb, translator(answer.lang), html=False)


@pytest.mark.parametrize(
    "question",
    [
        "单号补上以后多久能体现出来",
        "改了追踪号要多久才生效",
        "once I upload the missing number, how long till it shows?",
    ],
)
def test_the_delay_leads(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).matched == "tracking-edit", question
    assert "72" in _reply(kb, question).split("\n", 1)[0]


@pytest.mark.parametrize(
    ("question", "defect"),
    [
        ("单号补传了多久能生效？要是客户收货后才补还算吗？", "缺陷"),
        (
            "how long for an edited tracking number to show? is it still ok if the buyer already got the parcel?",
            "defect",
        ),
    ],
)
def test_both_parts_answered(kb: KnowledgeBase, question: str, defect: str) -> None:
    answer = kb.answer(question)
    assert [answer.matched, *(p.matched for p in answer.parts)] == [
        "tracking-edit",
        "tracking-after-delivery",
    ]
    reply = _reply(kb, question)
    assert "72" in reply and defect in reply


def test_a_deadline_asked_keeps_its_answer(kb: KnowledgeBase) -> None:
    assert kb.answer("发货后多久之内必须上传单号").matched != "tracking-edit"
