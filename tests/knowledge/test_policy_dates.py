"""policy_dates.py: a start date a seller states for a rule, read in either language's way of
writing dates and set against the rule's own (domain.md §1b: the EU/UK update took effect on
15 January 2025). One case per branch, in the fast tier; the many wordings are
tests/knowledge/test_beliefs_first.py's, in the full one."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # A month and a year in English: March 2024 is not January 2025.
        (
            "The EU/UK update started in March 2024, right?",
            "Not right: The EU/UK update took effect on 15 January 2025.",
        ),
        # A day before the month: the 15th agrees, March does not.
        (
            "the EU/UK rule came into force on 15 March 2025, correct?",
            "Not right: The EU/UK update took effect on 15 January 2025.",
        ),
        # "kicked off" says the rule started, as "kicked in" does.
        (
            "so the EU/UK tracking change kicked off on 1 March 2024, yes?",
            "Not right: The EU/UK update took effect on 15 January 2025.",
        ),
        # 年 and 月: 2024年3月 is neither the year nor the month.
        ("欧盟新规是2024年3月开始执行的吧", "不对。欧盟/英国新规从 2025 年 1 月 15 日起生效。"),
    ],
)
def test_a_wrong_start_date_is_corrected_with_the_rule_s(
    kb: KnowledgeBase, question: str, first: str
) -> None:
    assert first_line(kb, question) == first


def test_a_month_in_a_why_question_is_no_date_believed(kb: KnowledgeBase) -> None:
    """ "since February …, why?" tells when something happened to the seller."""
    assert "took effect" not in first_line(kb, "Since February our EU sales fell a lot, why?")
