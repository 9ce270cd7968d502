"""Asked which of several groups has a problem when none has, the reply says so first
("Neither…", "都没问题"), then each group's figure; when one fails, no such line. Worked by
hand: 76/79 = 96.2%, 196/205 = 95.61%; 58/60 = 96.7%, 39/40 = 97.5%, 97/100 = 97.0%;
134/140 = 95.71%, 68/71 = 95.77%; 134/141 = 95.04% (above), 67/71 = 94.37% (below)."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection

# (question, what the first line says, a group's figure the reply holds after it)
NONE_FAILS = [
    (
        "home 79 shipped 76 valid, toys 205 shipped 196 valid. which one is in trouble?",
        "Neither has a problem",
        "196 valid of 205 = 95.6%",
    ),
    (
        "toys 60 shipped 58 valid, garden 40 shipped 39 valid, pets 100 shipped 97 valid. which fail?",
        "None of them has a problem",
        "97 valid of 100 = 97.0%",
    ),
    (
        "两个品类：宠物 140单有效134单，园艺 71单有效68单，哪个有问题？",
        "两个都没问题",
        "71 个里 68 个有效 = 95.8%",
    ),
    (
        "美国站200单有效196，英国站80单有效77，德国站50单有效49，哪几个不达标",
        "都没问题",
        "80 个里 77 个有效 = 96.25%",
    ),
]


@pytest.mark.parametrize(("question", "lead", "figure"), NONE_FAILS)
def test_none_failing_is_said_first(
    kb: KnowledgeBase, question: str, lead: str, figure: str
) -> None:
    first = first_line(kb, question)
    assert lead in first, first
    assert figure in reply_text(kb, question).split("\n", 1)[1]


@pytest.mark.parametrize(
    "question",
    [
        "pets 141 shipped 134 valid, garden 71 shipped 67 valid. which one has a problem?",
        "宠物 141单有效134单，园艺 71单有效67单，哪个有问题？",
    ],
)
def test_one_failing_gets_no_none_line(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert "garden" in first.lower() or "园艺" in first, first
    assert "Neither" not in first and "没问题" not in first, first
