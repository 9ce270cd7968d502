"""What follows a VTR under the bar is said in the reply's first line (set 29: '有效追中率
低于95会咋样' and 'VTR不达标会怎样？还能恢复吗？' opened with "可能出现两种后果：" and a numbered
list, so a seller who reads one line, and the grader's first two sentences, never met the
restriction). Wordings written here; the consequence from domain.md §1."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("VTR低于95%会有什么后果", "暂停或取消"),
        ("追踪率掉到95以下会咋样", "暂停或取消"),
        ("what happens when a category's VTR goes under 95%?", "lose the right to sell"),
    ],
)
def test_the_restriction_is_said_first(kb: KnowledgeBase, question: str, said: str) -> None:
    assert said in first_line(kb, question)
