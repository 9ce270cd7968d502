"""How long until a restricted category is back, asked without naming an appeal ("被限制了之后
多久能恢复", "when do I get it back", "when will it be lifted"): Amazon publishes no fixed time
for reviewing a Plan of Action (domain.md §3), and that leads. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "被限制了之后多久能恢复",
        "my category got restricted for vtr, when do I get it back",
        pytest.param("category restricted, when will it be lifted", marks=pytest.mark.fast),
    ],
)
def test_how_long_a_restriction_lasts_leads(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert any(w in first for w in ("没有公布", "does not publish")), first
