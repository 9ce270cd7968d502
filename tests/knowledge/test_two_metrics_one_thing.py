"""Two metrics asked whether they are one ("LSR和VTR算一个指标吗", "ODR is basically VTR,
right?", "is PFCR another word for VTR") are never one: the reply leads with No / 不是, then
each one's target and window; said or asked to be different ("不是一回事吧", "are they
different metrics?"), they are confirmed. Number words that count metrics, names or questions ("两个指标",
"另一种说法", "同一个", "two questions") are no packages, so no figures are worked out of them;
figures of packages beside them still are. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead", "target"),
    [("LSR和VTR算一个指标吗", "不是", "4%"), ("迟发率和有效追踪率是同一种东西吗", "不是", "4%"),
     ("订单缺陷率是有效追踪率的别名吧，这两个是同一个", "不对", "1%"),
     ("ODR是VTR换个叫法而已，对吧", "不对", "1%"), ("取消率跟VTR是一码事吗", "不是", "2.5%"),
     ("ODR is basically VTR, right?", "Not right", "1%"),
     ("are LSR and VTR interchangeable?", "No", "4%"),
     ("is PFCR another word for VTR", "No", "2.5%")],
)  # fmt: skip
def test_two_metrics_are_never_one(
    kb: KnowledgeBase, question: str, lead: str, target: str
) -> None:
    text = reply_text(kb, question)
    assert text.startswith(lead), text
    assert target in text and "95%" in text, text


@pytest.mark.parametrize(
    "question",
    ["ODR和VTR两个是同一个东西吧", "这两种说法是一个意思吗：迟发率和有效追踪率",
     "有两个问题：ODR跟VTR是一回事吗", "the two are the same metric, ODR and VTR?"],
)  # fmt: skip
def test_metrics_counted_are_no_packages(kb: KnowledgeBase, question: str) -> None:
    assert kb.case(question).counts is None
    line = first_line(kb, question)
    assert "%" not in line.split("：")[0] and " of " not in line, line


def test_packages_beside_them_are_still_counted(kb: KnowledgeBase) -> None:
    case = kb.case("有两个问题：发了100个包裹，96个有效，达标吗")
    assert case.counts is not None and (case.counts.shipments, case.counts.valid) == (100, 96)
    case = kb.case("两个包裹，一个有单号，另一个没有")
    assert case.counts is not None and (case.counts.shipments, case.counts.valid) == (2, 1)


@pytest.mark.parametrize(
    ("question", "lead"),
    [("准时送达率跟有效追踪率不是一回事吧", "对"), ("ODR和VTR是不同的指标，对吧", "对"),
     ("VTR and ODR aren't the same thing, right?", "Right"),
     ("are LSR and VTR different metrics?", "Yes"), ("LSR和VTR是不是一回事", "不是")],
)  # fmt: skip
def test_two_metrics_said_different_are_confirmed(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    text = reply_text(kb, question)
    assert text.startswith(lead) and not text.startswith("不对"), text
    assert "95%" in text, text
