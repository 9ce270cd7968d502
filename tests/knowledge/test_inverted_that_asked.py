"""'vtr exactly 95 is that passing', sent without a question mark, was read as a statement to
confirm ('Not right: …') rather than a question ('No — …'): 'is that …' after a rate asks,
as 'can i …' does. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("vtr exactly 95 is that passing", "No —"), ("vtr at 96.2 is that ok", "Yes —")],
)
def test_is_that_asks(kb: KnowledgeBase, question: str, verdict: str) -> None:
    assert first_line(kb, question).startswith(verdict)
