"""Language detection, analysis and the three kinds of answer."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.text import stem

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("shipping", "ship"),
        ("shipped", "ship"),
        ("carriers", "carrier"),
        ("categories", "category"),
        ("tracking", "track"),
        ("status", "status"),
        ("vat", "vat"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    "question",
    ["有效追踪率是什么", "有效跟踪率是啥", "what is valid tracking rate", "VTR是什么意思"],
)
def test_synonyms_meet_across_languages(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert (answer.kind, answer.matched) == ("answer", "vtr-what")


def test_another_inflection_of_a_known_word_is_no_typo(kb: KnowledgeBase) -> None:
    # "passed" is a word the claims match by; "passes" is its sibling, not its typo.
    assert kb._analyzer.correct("passed") == "passed"
    assert kb._analyzer.correct("passes") == "passes"
    assert kb._analyzer.correct("shiping") == "shipping"


def test_typos_are_repaired(kb: KnowledgeBase) -> None:
    assert kb.answer("does buy shiping cost extra").matched == "buy-shipping-cost"
    assert kb.answer("waht is vtr").matched == "vtr-what"


def test_a_confident_answer_offers_its_related_entries(kb: KnowledgeBase) -> None:
    answer = kb.answer("does buy shipping cost extra")
    assert answer.kind == "answer"
    assert answer.confidence >= 0.4
    assert answer.suggestions == kb.entries["buy-shipping-cost"].related[:3]


@pytest.mark.parametrize("question", ["vtr", "tracking", "跟踪号"])
def test_a_vague_question_gets_three_topics_to_choose_from(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure"
    assert answer.matched is None
    assert len(answer.suggestions) == 3
    assert len(set(answer.suggestions)) == 3
    assert set(answer.suggestions) <= set(kb.entries)


@pytest.mark.parametrize(
    "question", ["", "   ", "123", "明天深圳天气怎么样", "how much does a Tesla cost"]
)
def test_nothing_to_go_by_is_off_topic(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert (answer.kind, answer.matched, answer.suggestions) == ("off_topic", None, [])


def test_a_mixed_question_answers_in_the_language_it_is_built_in(kb: KnowledgeBase) -> None:
    # "要…吗" makes it a Chinese sentence with an English name in it, whatever the chat's language.
    assert kb.answer("Buy Shipping 要钱吗", lang="en").lang == "zh"
    assert kb.answer("Buy Shipping 要钱吗", lang="en").matched == "buy-shipping-cost"
    assert kb.answer("does Buy Shipping 收费", lang="zh").lang == "en"
    # Nothing to tell them apart: the chat's language decides.
    assert kb.answer("VTR 有效追踪率", lang="en").lang == "en"


def test_english_synonyms_match_whole_words_only(kb: KnowledgeBase) -> None:
    analyze = kb._analyzer.terms
    assert [t.text for t in analyze("made")] == ["made"]  # "de" (Germany) stays inside
    assert [(t.text, t.kind) for t in analyze("DE")] == [("germany", "general")]
    assert [(t.text, t.kind) for t in analyze("有效追踪率")] == [("vtr", "concept")]
    assert [t.text for t in analyze("VTR掉到")] == ["vtr", "drop"]  # no space needed in Chinese
