"""A carrier missing from Amazon's list, asked what to do ('物流商没有在亚马逊列表里怎么办',
'what if my carrier isnt on amazons list'): 'Other' with the English name, which is meant
for a supported carrier missing from the list (domain.md §1b); the sources say nothing of a
carrier Amazon does not support, and say so. The reply opened with 'pick it from the list',
which is what the seller cannot do. No yes or no to a statement of it. Wordings written
here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "物流商没有在亚马逊列表里怎么办",
        "承运商列表里找不到我的货代",
        "my courier is not in the dropdown, what now",
        "what if my carrier isnt on amazons list",
    ],
)
def test_other_with_the_english_name_leads(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(("选“其他”", 'Choose "Other"')), first
    assert "资料没有说" in first or "sources do not say" in first, first
