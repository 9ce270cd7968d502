"""Language detection, analysis and the three kinds of answer."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.text import detect_lang, stem


@pytest.mark.parametrize(
    ("question", "preferred", "expected"),
    [
        ("有效追踪率是什么", None, "zh"),
        ("what is VTR", None, "en"),
        ("有效追踪率是什么？", "en", "zh"),  # one script only: the choice does not apply
        ("ＶＴＲ？", None, "en"),  # full-width letters are letters
        ("Buy Shipping要钱吗", None, "zh"),  # three characters outweigh two words
        ("does buy shipping cost extra 费用", None, "en"),
        ("Buy Shipping要钱吗", "en", "en"),  # mixed: the user's chosen language wins
        ("does buy shipping cost extra 费用", "zh", "zh"),
        ("95%?", None, "zh"),  # nothing to go by: Chinese, the bot's default audience
    ],
)
def test_detect_lang(question: str, preferred: str | None, expected: str) -> None:
    assert detect_lang(question, preferred) == expected  # type: ignore[arg-type]


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
    "question", ["", "   ", "??", "123", "明天深圳天气怎么样", "how much does a Tesla cost"]
)
def test_nothing_to_go_by_is_off_topic(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert (answer.kind, answer.matched, answer.suggestions) == ("off_topic", None, [])


def test_a_mixed_question_answers_in_the_chosen_language(kb: KnowledgeBase) -> None:
    assert kb.answer("Buy Shipping 要钱吗", lang="en").lang == "en"
    assert kb.answer("Buy Shipping 要钱吗", lang="zh").lang == "zh"
    assert kb.answer("Buy Shipping 要钱吗", lang="en").matched == "buy-shipping-cost"


def test_english_synonyms_match_whole_words_only(kb: KnowledgeBase) -> None:
    analyze = kb._analyzer.terms
    assert [t.text for t in analyze("made")] == ["made"]  # "de" (Germany) stays inside
    assert [(t.text, t.kind) for t in analyze("DE")] == [("germany", "general")]
    assert [(t.text, t.kind) for t in analyze("有效追踪率")] == [("vtr", "concept")]
    assert [t.text for t in analyze("VTR掉到")] == ["vtr", "drop"]  # no space needed in Chinese
