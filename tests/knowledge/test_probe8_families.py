"""Issue 21, found by probing: a rate with a decimal comma ('vtr 94,5% ok?') was read as
5%; 'UK letter 10 pounds untracked ok?' got 'No —' above a sentence saying it is exempt
('untracked … ok' asks whether it may go untracked, i.e. whether it is exempt: domain.md
§1b, under EUR 20 as a letter). Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "verdict", "figure"),
    [("my VTR is 95,3% - fine?", "Yes", "95.3%"), ("is 93,9 % ok", "No", "93.9%")],
)
def test_decimal_comma_rate(kb: KnowledgeBase, question: str, verdict: str, figure: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict) and figure in line, (question, line)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("sending a 9 EUR letter to Italy untracked, is that fine?", "Yes"),
        ("8 pound letter to the UK untracked ok?", "Only if"),  # docs/decisions/018
        ("40 pound letter to the UK untracked ok?", "No"),
    ],
)
def test_untracked_letter_asked_fine(kb: KnowledgeBase, question: str, verdict: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(verdict), (question, line)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("vtr 98, lsr 4.5 - both fine?", "Late Shipment Rate (LSR) at 4.5%"),
        ("pfcr 1.5 ok?", "Pre-fulfillment Cancel Rate"),
        ("vtr 97 and odr 1.4 and lsr 1, all ok?", "Order Defect Rate (ODR) at 1.4%"),
    ],
)
def test_other_metric_rate_without_sign(kb: KnowledgeBase, question: str, lead: str) -> None:
    """Another metric's rate told without % after its short name is judged against its
    own target (metrics.yaml), not dropped."""
    line = first_line(kb, question)
    assert lead in line, (question, line)


def test_other_metric_choice_of_days_stays_a_window(kb: KnowledgeBase) -> None:
    line = first_line(kb, "odr 30 or 60 days?")
    assert "60 days" in line and "%:" not in line.split("target")[0], line


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("VTR統計幾天？30天還是90天？", "VTR 看最近 30 天，不是 90 天"),
        ("whats the VTR bar? 97 or 95?", "Above 95%, not 97%"),
    ],
)
def test_choice_leads_after_its_plain_question(kb: KnowledgeBase, question: str, lead: str) -> None:
    """The plain question and the choice after it ask one thing: the choice, named, leads."""
    assert first_line(kb, question).startswith(lead), question


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("a 700 yen order to amazon.co.jp, exempt?", "Yes"), ("JP 2500 yen order exempt?", "No")],
)
def test_japan_amount_asked_exempt(kb: KnowledgeBase, question: str, verdict: str) -> None:
    """The JPY 1,000 rule worked out on the seller's amount is the answer; the claim that
    Japan exempts everything is no part of the question (700 yen got 'No —')."""
    line = first_line(kb, question)
    assert line.startswith(verdict), (question, line)


def test_bare_figure_follow_up(kb: KnowledgeBase) -> None:
    """ "…? and $6?": a figure alone asks the first part again with it."""
    reply = reply_text(kb, "China to US, $3 order, is one scan enough? and $6?")
    firsts = [line for line in reply.splitlines() if line.startswith(("Yes", "No"))]
    assert firsts[0].startswith("Yes") and "USD 3" in firsts[0], reply
    assert any(x.startswith("No") and "USD 6" in x for x in firsts), reply
