"""Found by probing: '从德国海外仓发德国站算VTR吗' got the EU update's cross-border opener
(a warehouse in Germany shipping to Amazon.de is domestic: German domestic orders count over
EUR 15 and the sources say nothing below, domain.md §1b), and 'uk domestic letter 10 pounds
need tracking?' got 'exempt': the under-EUR 20 letter exception is stated for cross-border
shipments, and within the UK only untracked Royal Mail stamps bought through Buy Shipping
are exempt (domain.md §1b), so no exemption is given for a UK domestic letter. Where the
sources are silent (French domestic orders) the reply says so. Wordings written for these
tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    "question",
    [
        "我们在德国有海外仓，直接发德国站的买家，这些单要算VTR吗",
        "shipping from my own warehouse in Germany to amazon.de buyers — counted in VTR?",
    ],
)
def test_german_warehouse_to_germany_is_domestic(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "15" in line, line
    assert "跨境" not in line and "cross-border" not in line, line


@pytest.mark.parametrize(
    ("question", "silent"),
    [
        ("从法国本地仓发法国站的订单算不算VTR", "没有说明"),
        (
            "from our warehouse in France to amazon.fr customers, does VTR count those?",
            "say nothing",
        ),
    ],
)
def test_other_domestic_routes_said_silent(kb: KnowledgeBase, question: str, silent: str) -> None:
    line = first_line(kb, question)
    assert silent in line, line
    assert not line.startswith(("Yes", "No", "是", "不", "算")), line


@pytest.mark.parametrize(
    "question",
    [
        "posting a £9 letter within the UK, is it exempt from VTR?",
        "英国境内用平信寄12英镑的单，可以不要追踪吗",
        "UK to UK buyers, small letters around 6 GBP, do I still need tracking",
    ],
)
def test_uk_domestic_letter_given_no_exemption(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert not line.startswith(("Yes", "No", "不用", "可以", "不需要")), line
    assert ("Royal Mail" in line and "Buy Shipping" in line) or "购买配送" in line, line
    assert "is exempt from VTR if sent as a letter" not in line, line


def test_letter_to_the_uk_from_abroad_keeps_the_letter_rule(kb: KnowledgeBase) -> None:
    line = first_line(kb, "a £7 letter from Germany to a UK buyer, is it exempt?")
    assert line.startswith("Yes"), line
    assert "EUR 20" in line, line
