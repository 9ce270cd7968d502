"""Where to see VTR per category or marketplace ("where do i see vtr for each category",
"每个类目的有效追踪率在哪里查看") asks for Seller Central's page, not whether VTR is judged
per category: the path (domain.md §1: Performance → Account Health → Shipping Performance)
leads. A belief about it is still the per-category rule's. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    ["where can I check my vtr by category in seller central",
     "每个类目的有效追踪率在哪里查看", "哪里能看到分站点的VTR",
     "where is the per-marketplace valid tracking rate shown"],
)  # fmt: skip
def test_where_per_category_gets_the_path(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "Shipping Performance" in line or "配送绩效" in line, line


def test_a_belief_about_it_is_still_decided(kb: KnowledgeBase) -> None:
    line = first_line(kb, "VTR is per category, not for the whole account, right?")
    assert line.startswith("Right"), line
