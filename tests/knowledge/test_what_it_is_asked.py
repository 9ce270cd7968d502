"""What a thing is, asked plainly: Buy Shipping alone asked "what is it" gets what it is
(labels bought and printed in Seller Central, domain.md §2), even when a friend said to
"use" it (which pulls to its benefits); the word "valid" asked about gets what valid means
(at least one physical carrier scan, domain.md §1b), not what VTR is. Wordings written for
these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.services.answers import render_answer
from bot.services.i18n import translator


def _reply(kb: KnowledgeBase, question: str) -> str:
    answer = kb.answer(question)
    return render_answer(answer, kb, translator(answer.lang), html=False)


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("my supplier keeps telling me to use buy shipping, what even is that", "label"),
        ("buy shipping?? what is it, someone recommended it", "label"),
        ("同行都说要用购买配送，这个到底是啥", "标签"),
    ],
)
def test_buy_shipping_asked_what_it_is(kb: KnowledgeBase, question: str, label: str) -> None:
    assert kb.answer(question).matched == "buy-shipping-what", question
    assert label in _reply(kb, question)


@pytest.mark.parametrize(
    "question", ["what do I gain from buy shipping, what are its perks", "购买配送有什么好处"]
)
def test_its_benefits_asked_keep_their_entry(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).matched == "buy-shipping-benefits", question


@pytest.mark.parametrize(
    ("question", "scan"),
    [
        ("有效追踪率里面这个“有效”具体指的是什么", "扫描"),
        ("VTR的有效到底指什么", "扫描"),
        ("in valid tracking rate, what does valid mean exactly", "scan"),
        ("what's meant by valid here, in VTR?", "scan"),
    ],
)
def test_the_word_valid_asked_gets_the_scan(kb: KnowledgeBase, question: str, scan: str) -> None:
    assert kb.answer(question).matched == "tracking-valid-meaning", question
    assert scan in _reply(kb, question)


@pytest.mark.parametrize("question", ["有效追踪率是什么意思", "what does valid tracking rate mean"])
def test_the_rate_asked_keeps_what_vtr_is(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).matched == "vtr-what", question
