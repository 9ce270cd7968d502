"""A belief made of a right half and a wrong half, joined as two ("and", "而且", "并且"),
leads with both: what is right confirmed and what is wrong corrected, in the first line
(issue 21; sealed set 25 found 'VTR看30天的，而且刚好95%也算达标' answered on the 95% alone,
the true 30 days dropped). The denial comes first ("Not right, only in part. Right: …
Wrong: …", "不对。只对了一半：…不对的地方：…"). Facts: the window is 30 days, the bar
strictly above 95% (domain.md §1, §4.5). Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    ("question", "right", "wrong"),
    [
        ("VTR算的是30天，并且正好95%就算过关了吧", "30 天", "95.0%"),
        (
            "so VTR uses a 30-day window and hitting exactly 95% is a pass, correct?",
            "30 days",
            "95.0%",
        ),
        (
            "VTR is judged per category and over a 90 day window, right?",
            "per product category",
            "30 days",
        ),
    ],
)
def test_both_halves_lead(kb: KnowledgeBase, question: str, right: str, wrong: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("Not right, only in part", "不对。只对了一半")), line
    head, _, tail = line.partition("Wrong:" if line.startswith("Not") else "不对的地方")
    assert right in head and wrong in tail, line


@pytest.mark.parametrize(
    "question",
    [
        "正好95%也算达标吧",
        # One belief whose words another claim reads too: no second half of its own.
        "my FBA orders will drop off the VTR within 30 days, correct?",
        "改了追踪号要一个月才显示吧",
    ],
)
def test_a_wrong_belief_alone_still_leads_with_its_no(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(("不对。", "Not right: ")), reply_text(kb, question)
