"""A run of letters that is no word of the knowledge base is split into words a seller glued
together only when they are whole words of ours: "outdoor" was read as "out do or" (and
"indoor" as "in do or"), two small words and no key term of three letters, so a category
named Outdoor lost its name. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase


@pytest.mark.parametrize("word", ["outdoor", "Indoor"])
def test_a_real_word_is_not_split_into_small_words(kb: KnowledgeBase, word: str) -> None:
    assert kb._analyzer.unglue(f"my {word} category") == f"my {word} category"


def test_glued_words_of_our_field_are_still_apart(kb: KnowledgeBase) -> None:
    assert kb._analyzer.unglue("trackingnumberinvalid") == "tracking number invalid"
