"""The one carrier named is the one the number's first letters belong to ('我用的是UPS，单号是
1Z开头的', 'picked ups and the number starts with 1Z, fine?'): they match, so the reply says
so first (domain.md §1b: the carrier must match the number; valid once scanned). It got the
unconfirmed entry's opening, which reads as if they did not. Another carrier's number keeps
the mismatch. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("我用的是UPS，单号是1Z开头的", "承运商和单号对得上"),
        ("picked ups and the number starts with 1Z, fine?", "Yes — The carrier matches"),
        ("selected YunExpress, the number starts with YT, is that ok", "Yes — The carrier matches"),
    ],
)
def test_a_matching_carrier_is_said_to_match(kb: KnowledgeBase, question: str, says: str) -> None:
    first = first_line(kb, question)
    assert says in first and "对不上" not in first and "does not match" not in first, first


def test_another_carrier_s_number_is_still_a_mismatch(kb: KnowledgeBase) -> None:
    assert "改成 UPS" in first_line(kb, "1Z开头的单号选成了DHL")
