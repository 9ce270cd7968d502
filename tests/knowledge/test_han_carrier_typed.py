"""Issue 21: a carrier's Chinese name said as typed without quotes ("type 云途 in the carrier
box") was no typed Chinese name, so the belief that it must be picked from Amazon's list got
the carrier's card with no verdict; and "can't type …" / "has to be picked from the list" /
不能 say the same belief as "invalid" does. Typed Chinese carrier names are treated as
invalid (domain.md §1b). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

CASES = [
    ("so I shouldn't enter 燕文 as the carrier name, I pick it from the list, right?", "Right"),
    ("承运商那栏不能直接打顺丰两个字吧，得从列表里选", "对"),
    ("is it ok to write 云途 in the carrier field?", "No —"),
    ("typing 燕文 as the carrier is fine, right?", "Not right"),
]


@pytest.mark.parametrize(("question", "lead"), CASES)
def test_typed_chinese_carrier_name_decided(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), (question, line)
    assert "list" in line or "列表" in line, (question, line)


def test_filling_in_tracking_is_no_typed_name(kb: KnowledgeBase) -> None:
    # 填写 before 追踪号 types no carrier name: the question is the carrier's card.
    line = first_line(kb, "我填写追踪号的时候承运商选云途可以吗")
    assert "中文承运商名称会被亚马逊当作无效" not in line, line
