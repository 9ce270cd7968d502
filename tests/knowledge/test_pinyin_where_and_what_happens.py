"""Pinyin typed for where and what ("zai na li", "shen me") is read as the Chinese words, and
咋样 / 如何 after 会 ask what follows, as 会怎样 does (the consequences, domain.md §1: the
category's self-fulfilled selling restricted). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    ["youxiao zhuizong lv zai nali cha 呀", "我的vtr zai na li kan", "VTR zainali看"],
)
def test_pinyin_where_asks_where_to_see(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question, lang="zh").matched == "vtr-where-to-see", question


@pytest.mark.parametrize(
    "question", ["追综率低于95%了会咋样", "有效追踪率没达标的话会如何", "类目VTR不合格会咋样啊"]
)
def test_what_follows_in_plain_words(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    ids = [answer.matched, *(p.matched for p in answer.parts)]
    assert "vtr-consequences" in ids, (question, ids)
