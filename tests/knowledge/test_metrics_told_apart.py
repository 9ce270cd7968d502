"""Two metrics asked whether they are one, written with a symbol or a word of equality
("is VTR = LSR?", "vtr＝迟发率？", "VTR 等于 准时交货率吗", "is vtr equal to otdr"), are two:
the reply leads with No / 不是, then each metric's target and what it counts (domain.md §1,
§3), not one metric's rule about untracked orders. A figure's "=" ("57/60=95%") equates no
metrics. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "lead", "counts"),
    [("is VTR = LSR?", "No", "expected ship date"),
     ("is vtr equal to otdr", "No", "estimated date"),
     ("vtr＝迟发率？", "不是", "预计发货日期"),
     ("VTR 等于 准时交货率吗", "不是", "预计送达日期"),
     ("ODR相当于VTR吗", "不是", "差评"),
     ("are VTR and PFCR equivalent?", "No", "cancelled")],
)  # fmt: skip
def test_two_metrics_equated_are_told_apart(
    kb: KnowledgeBase, question: str, lead: str, counts: str
) -> None:
    text = reply_text(kb, question)
    first_lines = "\n".join(text.split("\n")[:3])
    assert text.startswith(lead), text
    assert "95%" in first_lines and counts in first_lines, text


def test_a_figures_equals_sign_equates_no_metrics(kb: KnowledgeBase) -> None:
    text = reply_text(kb, "57/60=95% vtr ok?")
    assert "57" in text.split("\n")[0], text


@pytest.mark.parametrize(("question", "lead"), [("ODR=VTR?", "No"), ("lsr≠vtr?", "Yes")])
def test_a_symbol_alone_asks_whether_they_are_one(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    text = reply_text(kb, question)
    assert text.startswith(lead) and "two different metrics" in text, text
