"""How often sellers' questions get the right answer, and off-topic ones a refusal.

Two sets: the development set (eval_questions.yaml), tuned on; and the held-out set
(heldout_questions.yaml), written by someone who never read knowledge/ and never edited
after results were seen. Run `pytest -s tests/knowledge/test_eval.py` for the figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.reference import carriers
from bot.services.answers import render_answer
from bot.services.i18n import translator
from tests.knowledge.grading import grade, read_cases

HERE = Path(__file__).parent
EVAL_FILE = HERE / "eval_questions.yaml"
HELDOUT_FILE = HERE / "heldout_questions.yaml"
MIN_TOP1 = 0.90
MIN_DEV_CONTENT = 0.90
MIN_HELDOUT = 0.95
"""Right answers on questions never tuned on (98.1% at the last change); a change that
drops it below the 95% target fails, whatever it does for the development set."""


@pytest.fixture(scope="module")
def eval_set() -> dict[str, Any]:
    return read_cases(EVAL_FILE)


@pytest.fixture(scope="module")
def heldout() -> list[dict[str, Any]]:
    return read_cases(HELDOUT_FILE)


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def test_the_eval_set_is_large_varied_and_not_copied(
    eval_set: dict[str, Any], kb: KnowledgeBase
) -> None:
    questions = eval_set["questions"]
    assert len(questions) + len(eval_set["content"]) >= 120
    assert len(eval_set["off_topic"]) >= 20
    assert {q["expect"] for q in questions} <= set(kb.entries)
    han = sum(bool(re.search(r"[\u4e00-\u9fff]", q["q"])) for q in questions)
    latin = sum(bool(re.search(r"[A-Za-z]", q["q"])) for q in questions)
    assert han >= 60 and latin >= 60
    # Written as sellers ask, not lifted from the entries being tested.
    phrasings = {_plain(p) for e in kb.entries.values() for p in [*e.questions.zh, *e.questions.en]}
    asked = [q["q"] for q in [*questions, *eval_set["content"]]]
    assert [q for q in asked if _plain(q) in phrasings] == []


def test_the_heldout_set_is_separate_and_large(
    eval_set: dict[str, Any], heldout: list[dict[str, Any]]
) -> None:
    dev = {_plain(q["q"]) for q in [*eval_set["questions"], *eval_set["content"]]}
    assert len(eval_set["questions"]) + len(eval_set["content"]) + len(heldout) >= 300
    assert not dev & {_plain(item["q"]) for item in heldout}


# Over 0.3 s of CPU: every question of the development set answered and graded.
@pytest.mark.slow
def test_dev_top1_accuracy_and_off_topic_refusal(
    eval_set: dict[str, Any], kb: KnowledgeBase
) -> None:
    questions = eval_set["questions"]
    outcomes: Counter[str] = Counter()
    misses = []
    for item in questions:
        answer = kb.answer(item["q"])
        if answer.kind == "answer" and answer.matched == item["expect"]:
            outcomes["right"] += 1
        else:
            outcomes["wrong" if answer.kind == "answer" else answer.kind] += 1
            misses.append((item["q"], item["expect"], answer.kind, answer.matched))
    refused = [q for q in eval_set["off_topic"] if kb.answer(q).kind == "off_topic"]
    accuracy = outcomes["right"] / len(questions)
    content = grade(kb, eval_set["content"])
    print(
        f"\ndev top-1 {accuracy:.1%} on {len(questions)} questions "
        f"(wrong answer {outcomes['wrong']}, unsure {outcomes['unsure']}, "
        f"refused {outcomes['off_topic']}); "
        f"off-topic refused {len(refused)}/{len(eval_set['off_topic'])}"
    )
    print(content.line("dev graded by content"))
    assert accuracy >= MIN_TOP1, misses
    assert content.share >= MIN_DEV_CONTENT, content.misses
    assert len(refused) == len(eval_set["off_topic"]), set(eval_set["off_topic"]) - set(refused)


# Over 0.3 s of CPU: every held-out question answered and graded.
@pytest.mark.slow
def test_heldout_questions(heldout: list[dict[str, Any]], kb: KnowledgeBase) -> None:
    score = grade(kb, heldout)
    print("\n" + score.line("held-out"))
    assert score.refused == score.off_topic, score.misses
    assert score.share >= MIN_HELDOUT, score.misses


def test_colloquial_examples_from_the_issue(kb: KnowledgeBase) -> None:
    drop = kb.answer("vtr掉到93%了咋办")
    assert (drop.kind, drop.matched, drop.lang) == ("answer", "vtr-below-95", "zh")
    cost = kb.answer("亚马逊购买配送要额外收费吗")
    assert (cost.kind, cost.matched, cost.lang) == ("answer", "buy-shipping-cost", "zh")
    extra = kb.answer("does buy shipping cost extra")
    assert (extra.kind, extra.matched, extra.lang) == ("answer", "buy-shipping-cost", "en")
    traditional = kb.answer("有效追蹤率低於95%會被停權嗎")
    assert (traditional.kind, traditional.lang) == ("answer", "zh")
    assert traditional.matched == "vtr-consequences"


INTERNAL = re.compile(r"seed|domain\.md|\.ya?ml|\.py\b|§|shared/", re.IGNORECASE)


def test_no_answer_mentions_an_internal_file(kb: KnowledgeBase) -> None:
    from bot.domain.knowledge.schema import Answer

    rendered = []
    for lang in ("zh", "en"):
        for entry_id in kb.entries:
            answer = Answer(lang=lang, kind="answer", matched=entry_id, confidence=1.0)
            rendered.append(render_answer(answer, kb, translator(lang), html=False))
        for carrier in carriers():
            question = f"{carrier.name}的单号算有效吗" if lang == "zh" else f"is {carrier.name} ok?"
            answer = kb.answer(question)
            rendered.append(render_answer(answer, kb, translator(answer.lang), html=False))
    leaks = [text[-120:] for text in rendered if INTERNAL.search(text)]
    assert leaks == []
