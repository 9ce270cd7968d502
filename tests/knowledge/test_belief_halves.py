"""A belief found right as a whole, with another belief joined to it ("and", "而且") that is
wrong on its own, is not right (issue 21: every part of a compound with its decision).
'Buy Shipping is free and works for Australia, right?' got "Right" on main: Buy Shipping is
free (domain.md §2), but from China it serves 12 marketplaces, Australia not among them.
The wrong half now leads, the right one beside it; two right halves stay right. Wordings
written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("buy shipping is free and works for Australia, right?", "AU"),
        ("购买配送免费，而且澳洲站也能用，对吧", "澳洲站"),
    ],
)
def test_the_wrong_half_is_not_right(kb: KnowledgeBase, question: str, wrong: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("Only partly right", "只对了一半")), line
    assert wrong in line, line


@pytest.mark.parametrize(
    "question",
    ["购买配送免费，而且日本站也能用，对吧", "buy shipping is free and protects my VTR, right?"],
)
def test_two_right_halves_stay_right(kb: KnowledgeBase, question: str) -> None:
    assert first_line(kb, question).startswith(("Right", "对")), first_line(kb, question)
