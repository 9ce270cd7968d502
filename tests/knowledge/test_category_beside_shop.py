"""A category's counts told beside the whole shop's rate: the rate is the shop's, not a
check on the category's counts, and "restricted?" asks about the category, so the
category's verdict leads, never the whole-account claim's "No", and as the risk the rule
states (can be restricted), never a "Yes" that it will be. Worked by hand: 28/30 = 93.3%
(1 fix); 46/50 = 92.0% (2 fixes)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

# (question, the first line's start, wrong facts it must not hold)
CASES = [
    (
        "整个店 VTR 97%，可是饰品类目 30 个包裹只有 28 个有效，饰品会被限制吗",
        "有风险：30 个里 28 个有效 = 93.3%",
        ("对不上", "不会因为"),
    ),
    (
        "整个店铺 VTR 97%，可是饰品类目 30 个包裹只有 28 个有效，饰品会被限制吗",
        "有风险：30 个里 28 个有效 = 93.3%",
        ("不会因为", "对不上"),
    ),
    (
        "my whole store shows 96% VTR, but my Lighting category has 50 packages with 46 "
        "valid. will Lighting be restricted?",
        "At risk: 46 valid of 50 = 92.0%",
        ("No —", "Yes —", "does not suspend"),
    ),
]


@pytest.mark.parametrize(("question", "lead", "wrong"), CASES)
def test_the_category_s_verdict_leads(
    kb: KnowledgeBase, question: str, lead: str, wrong: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert not [w for w in wrong if w in line], line


def test_the_account_asked_still_gets_the_account_s_answer(kb: KnowledgeBase) -> None:
    line = first_line(kb, "我的VTR 94%，会被封号吗")
    assert line.startswith("不会因为 VTR 封整个店铺"), line
