"""The frame a belief is said in never changes its verdict (issue 21): a negated tag ("…,
isn't that right?", "isn't it true that …", "难道不是…吗") negates nothing, and who passed the
belief on ("my forwarder says", "货代说") is its source, not its subject (a forwarder's
number). The metamorphic test (test_belief_forms.py) found both: "…, isn't that right?"
turned Right into Not right, and "货代说" put the forwarder's-number claim first. Wordings
written here; verdicts from /work/shared/domain.md."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # The window is 30 days (domain.md §1): a true belief under a negated tag.
        ("the window for VTR is thirty days, isn't that correct?", "Right"),
        # Buy Shipping is not required (domain.md §2): a false belief under a negated tag.
        ("you have to use Buy Shipping or VTR fails, isn't that so?", "Not right"),
        # Cancelled orders are not in VTR (domain.md §1): the belief's own "not" is kept.
        ("isn't it the case that cancelled orders are not part of VTR?", "Right"),
        ("难道不是取消的订单也算进VTR吗？", "不对"),
        ("难道不是平台会另外收购买配送的费用吗", "不对"),
    ],
)
def test_a_negated_tag_negates_nothing(kb: KnowledgeBase, question: str, lead: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert not line.startswith("Not right" if lead == "Right" else "对"), line


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        # Tracking added after delivery is a defect (domain.md §1b): hearsay from the forwarder
        # got the forwarder's-number claim's "对" (any forwarder's number counts).
        ("我的货代跟我说包裹送达以后补上追踪号也算有效，是这样吗？", "对"),
        (
            "our freight forwarder told me tracking added after delivery is still valid, right?",
            "Right",
        ),
        # Buy Shipping costs nothing extra (domain.md §2).
        ("物流商说购买配送亚马逊不另外收钱，对吧", "不对"),
    ],
)
def test_who_passed_a_belief_on_is_not_its_subject(
    kb: KnowledgeBase, question: str, wrong: str
) -> None:
    line = first_line(kb, question)
    assert not line.startswith(wrong), line
