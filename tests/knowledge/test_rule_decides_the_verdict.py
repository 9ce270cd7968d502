"""Three confident wrong verdicts the sealed set 27 found, each mended in its rule and tested
here with other wordings: a carrier mismatch told as "uploaded X as the carrier" got "Yes,
X / Y tracking can count"; "only US orders over $N count" got "Right"; a China Post number
not ending in CN on a Japanese order over JPY 1,000 got "算" (the amount's rule, not the
number's). And "a $20 US order counts toward VTR, right?" got "Not right: VTR counts
packages, not orders" ("order counts" read as "order count")."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "leads"),
    [
        ("sent by UPS, uploaded as USPS, does it count?", ("No",)),
        ("用的顺丰发的，上传成了DHL，单号是顺丰的，算有效吗", ("不算",)),
        ("美国站只有10美元以上的单才算VTR吧", ("不对",)),
        ("in the US only orders above $15 count for VTR, right?", ("Not right", "No")),
        ("a 2000 yen JP order by china post, number ends in GB, valid?", ("No", "Not right")),
        ("日本站2000日元的订单，中国邮政发的，单号不是CN结尾，有效吗", ("不算", "不对", "无效")),
        ("a $20 US order counts toward VTR, right?", ("Right", "Yes")),
        ("a 30 euro DE order counts toward VTR, right?", ("Right", "Yes")),
    ],
)
def test_the_rule_of_the_case_gives_the_verdict(
    kb: KnowledgeBase, question: str, leads: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(leads), line
