"""Figures worked as the seller tells them (issue 21): two shops in one message, each with
its own name (a number or a letter: "Store 2", "B店", "店铺1") and its pair written either
way round ("75/72": shipped then valid, the larger is the whole), answered per shop and
pooled, never refused as "two totals"; a part told as left out that cannot be among the
invalid ones is among the valid ("97 valid of 100 but 4 of those were FBA": 93 of 96); more
packages told after the invalid ones ("又多 2 单") join the total as invalid. Wordings
written here; figures worked by hand."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # 288 of 300 = 96.0%, 61 of 64 = 95.3%; pooled 349 of 364 = 95.9%.
        (
            "Shop 1: 300 shipped, 288 valid; Shop 2: 64/61. how are they doing?",
            ["Shop 1: 288 valid of 300", "Shop 2: 61 valid of 64", "349 of 364"],
        ),
        # 176 of 180 = 97.8%, 93 of 99 = 93.9% (fix 2); pooled 269 of 279.
        (
            "两家店 C店180单176有效 D店99单93有效",
            [
                "C店: 达标：180 个里 176 个有效",
                "D店: 不达标：99 个里 93 个有效",
                "279 个包裹中 269 个有效",
            ],
        ),
        # 310 of 320, 48 of 50; pooled 358 of 370.
        (
            "两个店铺 店铺1 发了320单 有效310 店铺2 发了50单 有效48",
            [
                "店铺1: 达标：320 个里 310 个有效",
                "店铺2: 达标：50 个里 48 个有效",
                "370 个包裹中 358 个有效",
            ],
        ),
    ],
)
def test_two_shops_are_worked_each_and_pooled(
    kb: KnowledgeBase, question: str, said: list[str]
) -> None:
    reply = reply_text(kb, question)
    assert "two totals" not in reply and "两个总数" not in reply
    for part in said:
        assert part in reply, reply


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # 5 of the 194 valid were FBA (more than the 2 invalid): 189 of 191 = 98.95%.
        ("194 valid out of 196, though 5 of those were FBA", "189 valid of 191"),
        # 8 of the 295 valid were FBA (more than the 5 invalid): 287 of 292.
        ("300单里295单有效，不过其中8单其实是FBA", "292 个里 287 个有效"),
        # 250 with 9 invalid, then 3 more: 241 of 253 = 95.26%.
        ("250 单里 9 单无效, 后来又多了 3 单", "253 个里 241 个有效"),
    ],
)
def test_a_correction_is_worked_into_the_figures(
    kb: KnowledgeBase, question: str, said: str
) -> None:
    assert said in reply_text(kb, question)
