"""A look asked for, or a colour seen somewhere, with nothing named is unclear, not another
field's: the main topics to pick from (sealed set 23 found '老师帮看下 急' and '怎么办啊都是
黄的' refused as outside the field). The wordings below are ours."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "老师 麻烦帮看一下 很急",
        "大佬帮看下",
        "怎么办 全是红的",
        "都变黄了咋办",
        "everything is yellow what do i do",
        "it's all red now, help",
    ],
)
def test_unclear_gets_topics(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "unsure"


@pytest.mark.parametrize(
    "question", ["VTR变红了怎么办", "my account health is yellow because of VTR, what now?"]
)
def test_a_colour_beside_our_subject_is_answered(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "answer"


def test_another_field_with_a_colour_is_still_refused(kb: KnowledgeBase) -> None:
    assert kb.answer("my ads dashboard is all red, what do i do").kind == "off_topic"
