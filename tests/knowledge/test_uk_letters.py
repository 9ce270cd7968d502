"""A letter to the UK priced in pounds, against the EU/UK exemption's EUR 20 limit (domain.md
§1b) with no exchange rate offline: worked out from the margins in marketplaces.yaml (EUR 20
was about GBP 16.6-18.4 at the 2022-2025 rates): up to GBP 15 it is under EUR 20 at any of
them, so exempt as a letter; over GBP 19 over it at any, so counted; in between the rate
decides and no yes or no is given. Every reply about an exempt or undecided one says that
the report counts UK letters (docs/vtr-rules.md §4.2: EUR values on EU marketplaces only).
Wordings written here, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        (
            "寄英国的信件订单，11英镑，计入VTR吗",
            "不计入",
            ["低于 20 欧元", "报告仍会把英国站的信件算进去"],
        ),
        (
            "a £13.50 order to amazon.co.uk sent as a large letter, does it count toward VTR?",
            "No — ",
            ["under EUR 20", "report counts UK letters"],
        ),
        ("英国站信件订单18英镑，算不算VTR", "", ["要看当时的汇率", "报告仍会把英国站的信件算进去"]),
        (
            "UK letter, £17 order: counted in VTR?",
            "",
            ["depends on the exchange rate", "report counts UK letters"],
        ),
        ("英国站平信寄的40英镑订单不算VTR吧", "不对", ["超过 20 欧元", "计入 VTR"]),
        (
            "is a £22 UK letter order exempt from VTR?",
            "No — ",
            ["over EUR 20", "counts toward VTR"],
        ),
    ],
)
def test_a_pound_letter_is_decided_by_its_margin(
    kb: KnowledgeBase, question: str, verdict: str, said: list[str]
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    if not verdict:  # near the limit: no yes or no either way
        assert not first.startswith(("Yes", "No", "算", "不算", "对", "不对")), first
    assert all(s in first for s in said), (said, first)
