"""A change asked with no object ('还能改吗', "can I still change it") got the daily alerts'
help ('提醒时间能改吗' shares the verb). What is to be changed is unsaid, so the topics of
editing tracking (the field's thing a seller changes) are offered to pick from; with its
object named (单号, the carrier, the alert time) the question keeps its own entry.
Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    ["那现在还可以修改吗", "来得及改不", "could we still edit it?", "is it too late to fix it"],
)
def test_a_bare_change_offers_the_edit_topics(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure", answer
    assert "tracking-edit" in answer.suggestions, answer


@pytest.mark.parametrize(
    ("question", "entry"),
    [("追踪号还能改吗", "tracking-edit"), ("can I still change the carrier on that order?", "tracking-edit"),
     ("每日提醒的时间能改吗", "bot-alerts")],
)  # fmt: skip
def test_a_change_with_its_object_keeps_its_entry(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    assert kb.answer(question).matched == entry
