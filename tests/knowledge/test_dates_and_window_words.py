"""Dates and the window said in words. A month's short name after a shipping verb ('shipped
Nov 2', 'sent Sept 3') was read as a carrier the sources never name ('The sources do not
name Nov'); an as-of day named before its words at English length ('with Nov 30 as the
as-of day', 'taking Dec 12 as the as of date') was not found (only 8 characters were
looked at after the day), so the ship day was not judged; the window said by its length
('inside the 30 days', 'within the 30 days', '在30天内', '30天以内') asked nothing of it, so
the bare window's 'Yes' answered a package 40 days old; '在不在30天之内' was read as 'not in'.

Worked out by hand (domain.md §4.3, the as-of day and the 29 before it): Nov 30 − 29 = Nov 1;
Dec 12 − 29 = Nov 13; Oct 31 − 29 = Oct 2. Wordings written here."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.case.age import names_a_day
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    "question",
    [
        "with Nov 30 as the as-of day, does a package shipped Nov 2 still count for VTR?",
        "does a package sent Sept 3 still count for vtr?",
        "orders shipped Sunday, do they count?",
        "we mailed Dec 1, does it count in vtr with Dec 10 as the as of date?",
    ],
)
def test_a_day_after_a_shipping_verb_is_no_carrier(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.decision is None or answer.decision.code != "carrier_unnamed", answer
    first = first_line(kb, question)
    assert "do not name" not in first and "没有提到" not in first, first


@pytest.mark.parametrize(
    "word", ["Nov", "nov.", "November", "Sept", "May", "Mar", "Thu", "Thurs", "Sunday"]
)
def test_months_and_weekdays_are_day_names(word: str) -> None:
    assert names_a_day(word)


@pytest.mark.parametrize("word", ["Aramex", "Novus", "Marathon", "Sunyou", "Yodel", "Evri"])
def test_carrier_like_names_are_no_day_names(word: str) -> None:
    assert not names_a_day(word)


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        ("with Nov 30 as the as-of day, is a package shipped Nov 2 counted?", "Yes", "shipped Nov 2 is inside"),
        ("with Nov 30 as the as-of day, is a package shipped on Oct 28 inside the window?", "No", "shipped Oct 28 is before"),
        ("taking Dec 12 as the as of date, is an order shipped Nov 10 in the 30-day window?", "No", "Nov 13"),
        ("with Oct 31 as the as of date, does an order shipped Oct 2 still count?", "Yes", "shipped Oct 2 is inside"),
    ],
)  # fmt: skip
def test_an_as_of_day_named_before_its_words_is_found(
    kb: KnowledgeBase, question: str, verdict: str, said: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and said in first, first


@pytest.mark.parametrize(
    ("question", "inside"),
    [
        ("a package I shipped 40 days ago, is it inside the 30 days?", False),
        ("shipped 20 days ago, is that parcel within the 30 days?", True),
        ("the order we sent 33 days ago is in the last 30 days, right?", False),
        ("40天前发的包裹在30天内吗", False),
        ("发了35天的单子在30天以内吗", False),
        ("25天前寄的那单在不在30天之内", True),
        ("12天前发的货是在30天内的吧", True),
    ],
)
def test_the_window_said_by_its_length_is_asked(
    kb: KnowledgeBase, question: str, inside: bool
) -> None:
    answer = kb.answer(question)
    assert answer.decision is not None and answer.decision.code == "shipment_age", answer
    assert answer.decision.agrees is inside, answer.decision
    first = first_line(kb, question)
    no = ("No", "Not right", "不", "没")
    assert first.startswith(no) is not inside, first
