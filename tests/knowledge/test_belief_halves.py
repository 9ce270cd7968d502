"""Two beliefs joined ("and", "而且"), one right and one wrong on its own, get both verdicts,
the wrong one leading (issue 21: every part of a compound with its decision).
'Buy Shipping is free and works for Australia, right?' got "Right" on main: Buy Shipping is
free (domain.md §2), but from China it serves 12 marketplaces, Australia not among them.
'FBA doesn't count and exactly 95% is fine' got "Not right: FBA … not in VTR", the right
half's fact under the wrong half's verdict. The wrong half now leads, the right one beside
it; two right halves stay right. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("buy shipping is free and works for Australia, right?", "AU"),
        ("购买配送免费，而且澳洲站也能用，对吧", "澳洲站"),
        # The whole found wrong with the right half's words ("Not right: FBA is not in VTR").
        ("FBA orders don't count and hitting exactly 95% is fine, right?", "95.0%"),
        ("FBA不算VTR，而且正好95%也算达标，对吧", "95.0%"),
    ],
)
def test_the_wrong_half_is_not_right(kb: KnowledgeBase, question: str, wrong: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("Not right, only in part", "不对。只对了一半")), line
    assert wrong in line, line


@pytest.mark.parametrize(
    "question",
    ["购买配送免费，而且日本站也能用，对吧", "buy shipping is free and protects my VTR, right?"],
)
def test_two_right_halves_stay_right(kb: KnowledgeBase, question: str) -> None:
    assert first_line(kb, question).startswith(("Right", "对")), first_line(kb, question)
