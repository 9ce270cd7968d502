"""The knowledge base refuses to load when an entry would produce a wrong or broken reply."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.domain.knowledge import KnowledgeBase, KnowledgeError
from bot.domain.knowledge.schema import ANSWER_MAX_CHARS, TELEGRAM_MAX_CHARS
from bot.services.answers import render_answer
from bot.services.i18n import translator

pytestmark = pytest.mark.collection

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
    "source": {
        "zh": "亚马逊卖家平台帮助「购买配送」（2022）",
        "en": 'Amazon Seller Central Help, "Buy Shipping" (2022)',
    },
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


def test_a_valid_entry_loads_and_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # With no directory named, the one the bot's resources name (here the test's own).
    monkeypatch.setenv("VTRBOT_RESOURCES_DIR", str(tmp_path))
    (tmp_path / "knowledge").mkdir()
    write_kb(tmp_path / "knowledge", GOOD, OTHER)
    kb = KnowledgeBase.load()
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
        pytest.param(
            "answers.zh",
            "Amazon charges nothing extra.",
            "not written in Chinese",
            marks=pytest.mark.fast,
        ),
        pytest.param(
            "answers.en", "亚马逊不另收费用。", "not written in English", marks=pytest.mark.fast
        ),
        ("titles.en", "A button label far longer than forty characters", "titles.en"),
        pytest.param("id", "Buy Shipping Cost", "id", marks=pytest.mark.fast),
        ("reviewed", "last week", "reviewed"),
        ("source", ..., "source"),
        pytest.param("related", ["buy-shipping-cost"], "related to itself", marks=pytest.mark.fast),
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
        assert len(entry.questions.zh) >= 4 and len(entry.questions.en) >= 4, entry.id
        # Seller Central help, the bot's own pages, or the 2022 article cited as the article.
        assert re.search(r"Amazon Seller Central Help|VTR Bot|industry article", entry.source.en)
        assert re.search(r"亚马逊卖家平台帮助「|VTR Bot|行业资讯", entry.source.zh), entry.id


# Every fact of docs/vtr-rules.md §1-3 in both languages: (English text, Chinese text) that some
# answer must contain. A fact edited away, or kept in one language only, fails here.
FACTS = [
    ("30 days", "30 天"),
    ("95%", "95%"),
    (
        "US, UK, Germany, France, Italy, Spain, Japan, Singapore, UAE, Saudi Arabia and Australia",
        "美国、英国、德国、法国、意大利、西班牙、日本、新加坡、阿联酋、沙特阿拉伯、澳大利亚",
    ),
    ("Premium Shipping", "优先配送"),
    ("Performance → Account Health → Shipping Performance", "配送绩效"),
    ("Request Report", "请求报告"),
    ("1.7 times", "1.7 倍"),
    ("A-to-z", "A-to-z"),
    ("promised delivery date", "承诺送达日期"),
    ("72 hours", "72 小时"),
    ("Plan of Action", "行动计划"),
    ("physical carrier scan", "实物扫描"),
    ("UPS number entered under USPS", "UPS 的单号选成了 USPS"),
    ("typed in Chinese", "中文承运商名称"),
    ("within 24 hours", "24 小时内"),
    ("15 January 2025", "2025 年 1 月 15 日"),
    ("Netherlands, Portugal, Poland, Austria and Sweden", "荷兰、葡萄牙、波兰、奥地利、瑞典"),
    ("EUR 20 (shipping included, VAT excluded)", "20 欧元（含运费、不含增值税）"),
    ("over EUR 15", "超过 15 欧元"),
    ("USD 5 and over", "5 美元及以上"),
    ("9 August 2021", "2021 年 8 月 9 日"),
    ("JPY 1,000", "1,000 日元"),
    ('end in "CN"', "以“CN”结尾"),
    ("since March 2023", "2023 年 3 月"),
    ("98% of shipments and 97% on-time", "98% 的货件"),
    ("Claims Protected", "Claims Protected"),
    ("charges nothing extra", "不为“购买配送”另收任何服务费"),
    (
        "US, Canada, UK, Germany, France, Italy, Spain, India, Mexico, the Netherlands, Japan and "
        "Brazil",
        "美国、加拿大、英国、德国、法国、意大利、西班牙、印度、墨西哥、荷兰、日本、巴西",
    ),
    (
        "This item's delivery issues were not caused by the seller",
        "与此订单相关的配送问题不是因卖家而起",
    ),
    (
        "US, Canada, UK, Germany, France, Spain, Italy, India and Mexico",
        "美国、加拿大、英国、德国、法国、西班牙、意大利、印度、墨西哥",
    ),
    ("EU VAT", "增值税"),
    ("target is under 4%, measured over 10 days and over 30 days", "低于 4%"),
    ("Pre-fulfillment Cancel Rate target is under 2.5%, measured over 7 days", "低于 2.5%"),
    ("above 90%, measured over 14 days", "高于 90%，统计 14 天"),
    ("under 1%, measured over 60 days", "低于 1%，统计 60 天"),
    ("keys on ship date", "按发货日期"),
    ("default 09:00, Asia/Shanghai", "09:00"),
]


@pytest.mark.parametrize(("en", "zh"), FACTS)
def test_every_domain_fact_is_in_both_languages(kb: KnowledgeBase, en: str, zh: str) -> None:
    assert any(en in e.answers.en for e in kb.entries.values()), en
    assert any(zh in e.answers.zh for e in kb.entries.values()), zh


@pytest.mark.parametrize("html", [False, True])
def test_every_rendered_answer_fits_one_telegram_message(kb: KnowledgeBase, html: bool) -> None:
    from bot.domain.knowledge import Answer

    for entry in kb.entries.values():
        for lang in ("zh", "en"):
            answer = Answer(lang=lang, kind="answer", matched=entry.id, confidence=1.0)
            text = render_answer(answer, kb, translator(lang), html=html)
            assert len(text) <= TELEGRAM_MAX_CHARS, (entry.id, lang)
