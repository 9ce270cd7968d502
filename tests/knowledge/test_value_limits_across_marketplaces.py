"""A marketplace's amount rule carried to another (sealed set 26): Japan exempts orders under
JPY 1,000, but the US exempts none by amount (under USD 5 an order still needs one carrier
scan, domain.md §1b), so 'JP under 1000 yen is exempt, so US under $5 should be too' is
denied first and names both rules; and the EU letter limit told, then Japan's limit and
whether the US has one asked, each part gets its own decision. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("日本站一千日元以下免追踪，美国站5美元以下的应该也免吧", "不对"),
        (
            "Japan exempts orders under 1,000 yen, so US orders under $5 are exempt as well, right?",
            "Not right",
        ),
        ("美国站5美元以下的单子不算VTR，对吗", "不对"),
        ("US orders under 5 dollars don't count toward VTR?", "No"),
    ],
)
def test_us_under_5_is_not_exempt(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "5" in line and "1,000" in line, line


def test_us_rule_asked_keeps_its_own_answer(kb: KnowledgeBase) -> None:
    line = first_line(kb, "美国站5美元以下的单要几次扫描")
    assert not line.startswith(("不对", "对")), line


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        (
            "欧盟平信20欧以下豁免，日本站是多少钱以下豁免？美国也有类似的规定吗",
            ["1,000 日元", "5 美元"],
        ),
        (
            "EU letters under 20 euros are exempt; what's the limit for Japan? does the US have "
            "something similar?",
            ["JPY 1,000", "USD 5"],
        ),
    ],
)
def test_each_marketplace_asked_gets_its_rule(
    kb: KnowledgeBase, question: str, parts: list[str]
) -> None:
    text = reply_text(kb, question)
    assert all(p in text for p in parts), text


def test_a_rate_asked_of_japan_is_no_amount(kb: KnowledgeBase) -> None:
    line = first_line(kb, "日本站VTR低于多少会被限制")
    assert "日元" not in line, line


@pytest.mark.parametrize(
    "question", ["美国站多少美元以下的订单不算VTR？", "US orders under what amount are exempt?"]
)
def test_the_us_limit_asked_is_none(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "5" in line and "1,000" in line, line
    assert not line.startswith(("不对", "对", "No", "Yes")), line  # no yes or no was asked
