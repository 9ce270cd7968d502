"""The knowledge base refuses to load when an entry would produce a wrong or broken reply."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.domain.knowledge import KnowledgeBase, KnowledgeError
from bot.domain.knowledge.schema import ANSWER_MAX_CHARS, TELEGRAM_MAX_CHARS
from bot.services.answers import render_answer
from bot.services.i18n import translator

GOOD: dict[str, Any] = {
    "id": "buy-shipping-cost",
    "tags": ["buy-shipping", "cost"],
    "titles": {"zh": "购买配送要额外收费吗", "en": "Does Buy Shipping cost extra"},
    "questions": {
        "zh": ["购买配送要收费吗", "Buy Shipping有手续费吗"],
        "en": ["does buy shipping cost extra", "is buy shipping free"],
    },
    "answers": {
        "zh": "亚马逊不为购买配送另收费用，运费与承运商结算。",
        "en": "Amazon charges nothing extra for Buy Shipping; postage is settled with the carrier.",
    },
    "source": "seed 000 (2022-01)",
    "reviewed": "2026-11-24",
    "related": ["buy-shipping-what"],
}
OTHER: dict[str, Any] = {
    **copy.deepcopy(GOOD),
    "id": "buy-shipping-what",
    "related": [],
}


def write_kb(tmp_path: Path, *entries: dict[str, Any]) -> Path:
    (tmp_path / "entries.yaml").write_text(
        yaml.safe_dump(list(entries), allow_unicode=True), encoding="utf-8"
    )
    return tmp_path


def broken(change: str, value: Any) -> dict[str, Any]:
    """GOOD with one field (dotted path) replaced, or removed when value is ...."""
    entry = copy.deepcopy(GOOD)
    *parents, leaf = change.split(".")
    target = entry
    for key in parents:
        target = target[key]
    if value is ...:
        del target[leaf]
    else:
        target[leaf] = value
    return entry


def test_a_valid_entry_loads_and_answers(tmp_path: Path) -> None:
    kb = KnowledgeBase.load(write_kb(tmp_path, GOOD, OTHER))
    assert set(kb.entries) == {"buy-shipping-cost", "buy-shipping-what"}
    entry = kb.entries["buy-shipping-cost"]
    assert entry.answer_for("en").startswith("Amazon charges nothing extra")
    assert entry.title_for("zh") == "购买配送要额外收费吗"


@pytest.mark.parametrize(
    ("change", "value", "complaint"),
    [
        ("answers.zh", ..., "answers.zh"),
        ("answers.en", ..., "answers.en"),
        ("questions.en", ..., "questions.en"),
        ("titles.zh", ..., "titles.zh"),
        ("questions.zh", ["购买配送要收费吗"], "questions.zh"),
        ("answers.en", "x" * (ANSWER_MAX_CHARS + 1), "answers.en"),
        ("answers.zh", "收" * (TELEGRAM_MAX_CHARS + 1), "answers.zh"),
        ("answers.zh", "Amazon charges nothing extra.", "not written in Chinese"),
        ("answers.en", "亚马逊不另收费用。", "not written in English"),
        ("titles.en", "A button label far longer than forty characters", "titles.en"),
        ("id", "Buy Shipping Cost", "id"),
        ("reviewed", "last week", "reviewed"),
        ("source", ..., "source"),
        ("related", ["buy-shipping-cost"], "related to itself"),
        ("surprise", "field", "surprise"),
    ],
)
def test_a_bad_entry_stops_the_load(
    tmp_path: Path, change: str, value: Any, complaint: str
) -> None:
    with pytest.raises(KnowledgeError) as error:
        KnowledgeBase.load(write_kb(tmp_path, broken(change, value), OTHER))
    assert complaint in str(error.value)
    assert "entries.yaml entry 1" in str(error.value)  # the editor learns where


def test_a_related_id_that_does_not_exist_stops_the_load(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"related ids do not exist: \['buy-shipping-what'\]"):
        KnowledgeBase.load(write_kb(tmp_path, GOOD))


def test_a_duplicate_id_stops_the_load(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="duplicate id 'buy-shipping-what'"):
        KnowledgeBase.load(write_kb(tmp_path, GOOD, OTHER, OTHER))


def test_broken_yaml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("- id: x\n  titles: {zh: [", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.yaml: not valid YAML"):
        KnowledgeBase.load(tmp_path)


def test_an_empty_or_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="no entries"):
        KnowledgeBase.load(tmp_path)
    with pytest.raises(KnowledgeError, match="not found"):
        KnowledgeBase.load(tmp_path / "nowhere")


def test_a_bad_synonym_table_stops_the_load(tmp_path: Path) -> None:
    write_kb(tmp_path, GOOD, OTHER)
    (tmp_path / "synonyms.yaml").write_text(
        "synonyms:\n  Buy Shipping: [购买配送]\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeError, match=r"synonyms\.yaml"):
        KnowledgeBase.load(tmp_path)


def test_the_shipped_knowledge_base_is_complete(kb: KnowledgeBase) -> None:
    assert len(kb.entries) >= 40
    for entry in kb.entries.values():
        assert len(entry.questions.zh) >= 3 or len(entry.questions.en) >= 3, entry.id
        assert entry.source, entry.id


@pytest.mark.parametrize("html", [False, True])
def test_every_rendered_answer_fits_one_telegram_message(kb: KnowledgeBase, html: bool) -> None:
    from bot.domain.knowledge import Answer

    for entry in kb.entries.values():
        for lang in ("zh", "en"):
            answer = Answer(lang=lang, kind="answer", matched=entry.id, confidence=1.0)
            text = render_answer(answer, kb, translator(lang), html=html)
            assert len(text) <= TELEGRAM_MAX_CHARS, (entry.id, lang)
