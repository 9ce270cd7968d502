"""Royal Mail letter stamps to the UK (domain.md §1b: untracked ones are exempt only when bought
through Buy Shipping), asked in the words sellers use: the stamp named before the UK ("用邮票寄
英国的信"), tracking left out asked as "不要追踪号行不行", and whether it hurts VTR ("会扣VTR吗",
"有影响吗"). Each reply leads with the verdict the rule gives. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import assert_first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        ("用邮票寄英国的信 没有追踪号可以吗", "不可以", "可以寄"),
        ("英国站的订单我贴邮票寄平信，不要追踪号行不行", "不行", "可以"),
        pytest.param(
            "我在邮局买邮票寄到英国，没追踪会扣VTR吗", "会", "不会", marks=pytest.mark.fast
        ),
        ("自己买的邮票寄英国订单 没单号 有影响吗", "有", "没有"),
        ("邮票寄英国的小件能豁免吗", "不能", "可以"),
        ("will stamped uk letters without tracking hurt my vtr", "Yes", "No"),
        ("can I send UK orders with stamps and no tracking", "No", "Yes"),
    ],
)
def test_own_stamps_to_the_uk_count(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        ("用购买配送买的邮票寄英国可以不要追踪吗", "可以", "不可以"),
        ("用购买配送买的皇家邮政邮票寄，会影响VTR吗", "不会", "会计入"),
    ],
)
def test_buy_shipping_stamps_are_exempt(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    assert_first_line(kb, question, verdict, wrong)
