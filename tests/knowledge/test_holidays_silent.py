"""Issue 21: "do holidays pause the VTR window" got the window's text and "chinese new year,
carriers closed" a carrier-list entry, as if the sources spoke of holidays. They do not
(domain.md is silent): the reply says Amazon's help documents no pause, then what the rules
do say (30 days of confirmed shipments, valid = one carrier scan, confirm when the carrier
can scan, Buy Shipping), never a yes or no. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("question", "silent"),
    [
        ("is valid tracking rate frozen during the lunar new year break", "does not say"),
        ("golden week, couriers not picking up - does amazon extend the 30 days?", "does not say"),
        ("春节放假快递停发，有效追踪率会冻结吗", "没有说"),
        ("國慶長假期間VTR會不會順延", "没有说"),
    ],
)
def test_holiday_questions_say_the_sources_are_silent(
    kb: KnowledgeBase, question: str, silent: str
) -> None:
    line = first_line(kb, question)
    assert silent in line, line
    assert not line.startswith(("Yes", "No", "是", "不", "会", "Right", "Not right")), line
    reply = reply_text(kb, question)
    assert "scan" in reply or "扫描" in reply, reply


def test_figures_over_a_holiday_are_still_worked_out(kb: KnowledgeBase) -> None:
    line = first_line(kb, "过年那30天发了100单，有效的97单，VTR达标吗")
    assert line.startswith("达标"), line


def test_another_metric_over_a_holiday_is_that_metric(kb: KnowledgeBase) -> None:
    line = first_line(kb, "holiday rush: what is the late shipment rate target")
    assert "4%" in line, line
