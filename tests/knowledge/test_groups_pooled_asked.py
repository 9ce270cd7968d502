"""Several groups' figures told and the whole shop's asked too (set 29: '整店：家居150单有效
147，户外50单有效46。整店多少？户外呢' got each category but never the 193 of 200). The pooled
figure is given as context, never as a verdict: Amazon judges each category (domain.md §1).
Wordings written here; figures summed by hand."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text


@pytest.mark.parametrize(
    ("question", "pooled"),
    [
        # 97 + 55 = 152 of 100 + 60 = 160: 95.0%.
        ("toys 100 shipped 97 valid, garden 60 shipped 55 valid — and overall?", "152 of 160"),
        # 88 + 190 = 278 of 90 + 200 = 290: 95.9%.
        ("宠物90单有效88，家居200单有效190，加起来整店是多少", "290 个包裹中 278 个有效"),
    ],
)
def test_the_pooled_figure_is_given_beside_the_groups(
    kb: KnowledgeBase, question: str, pooled: str
) -> None:
    assert pooled in reply_text(kb, question)
