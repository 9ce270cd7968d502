"""The whole shop's rate told and asked ("整个店VTR 96%够了吗") is judged against the bar, not
answered with the suspension claim's line ("不会因为 VTR 封整个店铺…"), which "整个店" alone
fired; asked with a suspension word, the claim still answers. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("整个店VTR 96%够了吗", "够"),
        ("整个店铺追踪率94%，要紧吗", "不达标"),
        ("整个账号VTR 93%会被封吗", "不会因为 VTR 封整个店铺"),
    ],
)
def test_the_whole_shops_rate_is_judged(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
