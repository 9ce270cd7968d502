"""A letter said in plain Chinese ("用Correos寄的信", "寄到意大利的信"), not as 信件 or 平信: the EU
letter exemption applies to it (under EUR 20, domain.md §1b); the reply had said "这单不是用信件寄
的". 信息 and 信用卡 are no letters. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question", ["西班牙站用Correos寄的信，12欧，需要追踪吗", "寄到意大利的信 15欧 要追踪吗"]
)
def test_a_letter_under_20_euros_is_exempt(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith("不计入") and "豁免" in first, first
    assert "不是用信件" not in first, first


def test_information_is_no_letter(kb: KnowledgeBase) -> None:
    case = kb.case("发德国的订单12欧，追踪信息没上传，算VTR吗")
    assert not case.letter
