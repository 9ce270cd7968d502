"""Issue 21: the bar stated as the rule says it ("must be above 95%") confirmed, and a belief
that sets one side aside ("per store rather than per category") judged by the side it keeps.
Wordings written for these tests; each expectation checked by hand against
/work/shared/domain.md (the bar is strictly above 95%, judged per product category)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

NOT_RIGHT = ("Not right", "No —", "不对", "不是")
RIGHT = ("Right", "Yes —", "对。", "是的")

CASES = [
    # The bar is strictly above 95%: saying so is right, with or without "strictly".
    ("VTR has to stay over 95 percent, correct?", RIGHT),
    ("valid tracking rate should be higher than 95%, yes?", RIGHT),
    ("VTR必须超过95%是吧", RIGHT),
    # Its negation, and "at least", are not: 95.0% is below the bar.
    ("VTR doesn't need to be above 95%, right?", NOT_RIGHT),
    pytest.param("VTR has to be at least 95 percent, correct?", NOT_RIGHT, marks=pytest.mark.fast),
    # Per category: the side set aside by "rather than" / "instead of" / 而不是 is no belief.
    ("VTR is judged for the whole account instead of each category, correct?", NOT_RIGHT),
    ("VTR是按整个账号算的，而不是按类目算吧", NOT_RIGHT),
    ("VTR is measured per category, not for the whole shop, right?", RIGHT),
    ("VTR按商品分类考核，而不是整个店铺一个数，对吧", RIGHT),
]


@pytest.mark.parametrize(("question", "verdict"), CASES)
def test_verdict_first(kb: KnowledgeBase, question: str, verdict: tuple[str, ...]) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), (question, line)
    assert "95" in line or "categor" in line or "分类" in line, (question, line)


def test_only_the_overall_figure_believed_to_count(kb: KnowledgeBase) -> None:
    """Each category is judged alone: Garden's 47 of 50 = 94.0% fails though the total's
    144 of 150 = 96.0% passes; one more valid (48/50 = 96.0%) gets it above."""
    line = first_line(
        kb,
        "Kitchen 100 packages 97 valid, Garden 50 packages 47 valid, overall 144/150. Amazon "
        "only looks at the overall figure, right?",
    )
    assert line.startswith("Not right: Garden: 47 valid of 50 = 94.0%: below the bar"), line
    assert "Fix 1 package" in line, line


def test_a_belief_about_a_difference_is_not_asked_whether_two_bars_differ(
    kb: KnowledgeBase,
) -> None:
    """ "makes no difference" is a belief about Buy Shipping, which uploads the tracking
    (domain.md §2), not a question whether the bar differs between places."""
    line = first_line(kb, "Using Buy Shipping or not makes no difference for VTR, right?")
    assert line.startswith("Not right: Buy Shipping does help VTR"), line
