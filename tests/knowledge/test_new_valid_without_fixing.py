"""New all-valid packages asked, with nothing fixed (set 29's numeric miss: "…if I don't fix
anything…, how many more all-valid shipments until it's above 95?" got the fixes instead).
The fewest x with (valid + x) / (shipments + x) above 95%, worked out by hand."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # 180 + x > 0.95 (190 + x) ⇔ x > 10: 11, 191 of 201.
        (
            "home is 180 valid of 190, how many more clean orders to get above 95 if I won't "
            "fix anything?",
            "191 valid of 201",
        ),
        # 270 + x > 0.95 (290 + x) ⇔ x > 110: 111, 381 of 401.
        (
            "garden: 290 shipped, 270 valid. we never fix anything — how many more fully valid "
            "packages to pass?",
            "381 valid of 401",
        ),
    ],
)
def test_new_valid_packages_asked_without_fixing(
    kb: KnowledgeBase, question: str, figure: str
) -> None:
    assert figure in first_line(kb, question)
