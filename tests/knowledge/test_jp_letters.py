"""Issue 21: a letter on Amazon.co.jp with no amount ("日本站小件用平邮，没单号，算不算") got the EU
rule (letters under EUR 20). Japan's rule is the amount (domain.md §1b): under JPY 1,000
exempt, otherwise counted, whatever the service; with no amount said, both cases and no yes or
no. With an amount in yen the amount decides; a letter to the US or another non-EU
marketplace counts (the letter exemption is the EU/UK update's). Wordings written for these
tests, none taken from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

pytestmark = pytest.mark.collection

NO_AMOUNT = [
    "日本站小东西走平信，没有单号，算VTR吗",
    "发日本站的信件小包没追踪，会不会计入有效追踪率",
    "Japan marketplace, small items by letter post, no tracking. does it count in vtr?",
    "do untracked letters to amazon.co.jp hurt my valid tracking rate",
]


@pytest.mark.parametrize("question", NO_AMOUNT)
def test_jp_letter_without_amount_gets_both_cases(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert "1,000" in line, line
    assert "20" not in line.replace("1,000", ""), line  # never the EU letter limit
    assert not line.startswith(("Yes", "No", "算", "不算", "计入", "不计入")), line


WITH_AMOUNT = [
    # JPY 800 is under JPY 1,000: exempt, letter or not.
    ("日本站800日元的订单用平邮寄，算VTR吗", "不"),
    # JPY 2,500 is not under JPY 1,000: it counts, letter or not.
    ("a 2500 yen order on amazon japan sent as a letter, does it count toward VTR?", "Yes"),
]


@pytest.mark.parametrize(("question", "lead"), WITH_AMOUNT)
def test_jp_letter_with_amount_is_decided_by_it(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert "1,000" in line, line


# No letter exemption outside the EU/UK: a letter to the US or Canada counts.
@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("美国站的小件走平邮没单号，算不算VTR", "算"),
        ("untracked letter mail to amazon.ca customers - counts for vtr?", "Yes"),
    ],
)
def test_letters_outside_the_eu_count(kb: KnowledgeBase, question: str, lead: str) -> None:
    assert first_line(kb, question).startswith(lead)
