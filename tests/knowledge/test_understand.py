"""Each step of reading a question, then the entities found in it and the answers composed."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.cards import describe_format
from bot.domain.knowledge.compose import is_yes_no
from bot.domain.knowledge.entities import EntityFinder
from bot.domain.knowledge.understand import (
    chinese_number,
    detect_lang,
    digits_from_chinese,
    fix_typos,
    normalize_question,
    to_half_width,
    to_simplified,
)
from bot.services.answers import render_answer
from bot.services.i18n import translator

pytestmark = pytest.mark.collection


def test_full_width_becomes_half_width() -> None:
    assert to_half_width("ＶＴＲ９５％？") == "vtr95%?"


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("有效追蹤率低於95%會被停權嗎", "有效追踪率低于95%会被停权吗"),
        ("購買配送要額外收費嗎", "购买配送要额外收费吗"),
        ("有效追踪率", "有效追踪率"),  # already simplified: unchanged
        ("what is vtr", "what is vtr"),
    ],
)
def test_traditional_becomes_simplified(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


def test_typos_are_replaced_longest_first() -> None:
    typos = {"追中": "追踪", "有效追综率": "有效追踪率", "追综": "追踪"}
    assert fix_typos("追中号填错了", typos) == "追踪号填错了"
    assert fix_typos("有效追综率多少", typos) == "有效追踪率多少"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("九十五", 95), ("三十", 30), ("十", 10), ("一千", 1000), ("九五", 95), ("两百", 200)],
)
def test_chinese_numbers(numeral: str, value: int) -> None:
    assert chinese_number(numeral) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("百分之九十五", "95%"),
        ("百分之96", "96%"),
        ("九成五的追踪率", "95%的追踪率"),
        pytest.param("九成", "90%", marks=pytest.mark.fast),
        ("最近三十天", "最近30天"),
        ("七天", "7天"),
        ("低于一千日元", "低于1000日元"),
        ("一直没上传", "一直没上传"),  # a word, not a number
        ("一个订单", "一个订单"),
        pytest.param("九十四点五", "94.5", marks=pytest.mark.fast),  # a decimal point said as 点
    ],
)
def test_chinese_numerals_become_digits(text: str, expected: str) -> None:
    assert digits_from_chinese(text) == expected


@pytest.mark.parametrize(
    ("question", "preferred", "expected"),
    [
        ("有效追踪率是什么", "en", "zh"),  # one script: the choice does not apply
        ("ＶＴＲ？", None, "en"),
        ("Buy Shipping 要另外收 fee 吗", None, "zh"),
        ("VTR 的 30 days window 是按 ship date 还是 promise date 算", None, "zh"),
        ("Where do I find 配送绩效 in Seller Central?", None, "en"),
        ("How to improve VTR for 自发货 orders?", None, "en"),
        ("VTR 配送绩效", "en", "en"),  # nothing to tell: the chat's language
        ("95%?", None, "zh"),
    ],
)
def test_detect_lang_follows_the_grammar_words(
    question: str, preferred: str | None, expected: str
) -> None:
    assert detect_lang(question, preferred) == expected  # type: ignore[arg-type]


def test_the_pipeline_runs_every_step_in_order() -> None:
    assert normalize_question("有效追綜率低於百分之九十五", {"追综": "追踪"}) == "有效追踪率低于95%"


@pytest.mark.parametrize(
    ("question", "carriers", "markets"),
    [
        ("云途的单号算有效吗", ["yunexpress"], []),
        ("Is YunExpress accepted?", ["yunexpress"], []),
        ("承运商写的是雲途物流", ["yunexpress"], []),
        ("4PX / 递四方 / 燕文 / 中国邮政 行不行", ["4px", "yanwen", "china_post"], []),
        ("日本邮政可以吗", ["japan_post"], ["JP"]),  # not China Post inside 日本邮政
        ("用中華郵政寄到美國", ["other_post"], ["US"]),
        ("a UPS number entered as USPS", ["ups", "usps"], []),  # in the order named
        ("does it apply to us in Japan", [], ["JP"]),  # "us" in lower case is a pronoun
        ("is IT marketplace in scope", [], []),
    ],
)
def test_entities_come_from_the_registry(
    question: str, carriers: list[str], markets: list[str]
) -> None:
    found = EntityFinder().find(question, normalize_question(question, {}))
    assert [c.id for c in found.carriers] == carriers
    assert [m.code for m in found.marketplaces] == markets


@pytest.mark.parametrize(
    ("pattern", "lang", "text"),
    [
        ("1Z[0-9A-Z]{15}[0-9]", "en", "1Z + 15 letters or digits + 1 digit"),
        ("[A-Z]{2}[0-9]{9}CN", "zh", "2 位字母 + 9 位数字 + CN"),
        ("[0-9]{20,22}", "en", "20–22 digits"),
        ("420[0-9]{5}([0-9]{4})?[0-9]{22}", "en", None),  # optional group: not described
    ],
)
def test_tracking_formats_are_described_from_the_regex(
    pattern: str, lang: str, text: str | None
) -> None:
    assert describe_format(pattern, lang) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "expected"),
    [("云途的单号算有效吗", True), ("Is EMS ok?", True), ("承运商怎么选", False),
     ("why is 4px invalid", False)],
)  # fmt: skip
def test_yes_no_questions(question: str, expected: bool) -> None:
    assert is_yes_no(question) is expected


def _text(kb: KnowledgeBase, question: str) -> str:
    answer = kb.answer(question)
    assert answer.kind == "answer", question
    return render_answer(answer, kb, translator(answer.lang), html=False)


def test_a_carrier_question_is_answered_from_the_registry(kb: KnowledgeBase) -> None:
    text = _text(kb, "4PX的单号算有效吗")
    assert text.startswith("可以，4PX的追踪号可以算有效。")
    assert "扫描" in text and "列表" in text and "中文承运商名称会被当作无效" in text
    assert not text.startswith("不算")  # not the entry about tracking added after delivery
    text = _text(kb, "Is YunExpress accepted?")
    assert text.startswith("Yes, YunExpress tracking can count as valid.")
    assert "YT + 16 digits" in text


def test_an_entry_that_names_the_carrier_wins_over_the_card(kb: KnowledgeBase) -> None:
    assert kb.answer("日本站用中国邮政发货单号有什么要求").matched == "japan-rules"


def test_a_marketplace_question_gets_a_direct_answer_first(kb: KnowledgeBase) -> None:
    assert _text(kb, "日本站有VTR要求吗").startswith("是的，从中国直发到日本站")
    assert _text(kb, "加拿大站要考核VTR吗").startswith("加拿大站不在亚马逊公布的")
    assert _text(kb, "can I use buy shipping for Brazil from china").startswith("Yes: Buy Shipping")


@pytest.mark.parametrize(
    "question", ["eBay 的 defect rate 标准是多少", "FBA仓储费怎么算", "how are you today bot"]
)
def test_a_neighbouring_field_is_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


def test_an_eu_marketplace_off_the_china_list_still_gets_the_eu_rule(kb: KnowledgeBase) -> None:
    text = _text(kb, "荷兰站也要考核VTR吗")
    assert text.startswith("荷兰站不在亚马逊公布的")
    assert "发往或发自荷兰站的跨境货件也计入 VTR" in text.splitlines()[0]


def test_a_national_post_without_its_own_name_gets_the_carrier_field_rules(
    kb: KnowledgeBase,
) -> None:
    answer = kb.answer("用中華郵政寄件，承運商要怎麼選")
    assert (answer.kind, answer.matched) == ("answer", "carrier-choose")


def test_an_entry_about_one_thing_needs_the_question_to_name_it(kb: KnowledgeBase) -> None:
    # The FBA and Premium entries say "not affected" / "can hurt": never the answer to a
    # question that names neither.
    assert kb.answer("美国站VTR低会不会影响欧洲站的自发货").matched not in (
        "vtr-fba",
        "vtr-premium-delivery",
    )
    assert kb.answer("VTR不达标会影响FBA的货吗").matched == "vtr-fba"


def test_a_question_on_the_eu_rule_gets_a_line_per_marketplace(kb: KnowledgeBase) -> None:
    text = _text(kb, "荷兰站、加拿大站也受欧洲追踪新规影响吗")
    first, second = text.splitlines()[:2]
    assert (
        first
        == "是的：按 2025 年 1 月 15 日起的欧盟/英国新规，发往或发自荷兰站的跨境货件计入 VTR。"
    )
    assert second == "加拿大站不在欧盟/英国新规列出的国家里。"


def test_a_question_in_another_language_gets_an_honest_line(kb: KnowledgeBase) -> None:
    """Japanese borrows VTR but is no language the bot answers in: one line in both."""
    answer = kb.answer("VTRの計算方法を教えてください")
    assert answer.kind == "other_language" and answer.decision is None
    reply = render_answer(answer, kb, translator(answer.lang), html=False)
    assert reply.startswith("I answer questions in Chinese or English"), reply
    assert "中文或英文" in reply, reply
