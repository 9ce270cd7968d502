"""Whose numbers start or end with the letters told is decided from the carriers' published
formats, the table the report validates with (carriers.yaml; domain.md §6): before,
'1Z开头的单号是UPS的吗' and "does a number starting with 92 mean USPS?" got the "unconfirmed"
entry's opening, which reads as if they did not match. A start only one carrier's formats
take names it (yes for it, no for another named, with that one's formats); a start a
carrier's numbers usually take (USPS: 92–95) is likely only, no yes; a carrier named whose
formats cannot start so is a no. Wordings written for these tests."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line


@pytest.mark.parametrize(
    ("question", "lead", "owner"),
    [("以1Z打头的追踪号是不是UPS的", "是", "UPS"),
     ("tracking numbers that begin with YT are yunexpress right?", "Right", "YunExpress"),
     ("is a number starting with 1Z a fedex number?", "No", "UPS"),
     ("YT开头的单号是燕文的吗", "不是", "YunExpress"),
     ("以CN结尾的单号是哪家的", "以 CN 结尾", "China Post"),
     ("which carrier gives tracking numbers starting with LP", "A number starting with LP", "Cainiao")],
)  # fmt: skip
def test_a_start_one_carrier_takes_names_it(
    kb: KnowledgeBase, question: str, lead: str, owner: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead), line
    assert owner in line and "+" in line, line


@pytest.mark.parametrize(
    "question",
    ["does a tracking number beginning with 94 mean it's USPS?", "92开头的单号是USPS的吗"],
)
def test_a_usual_start_is_likely_only(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert not line.startswith(("Yes", "No", "是", "不是")), line
    assert "92, 93, 94, 95" in line and ("prove" in line or "不能确定" in line), line


@pytest.mark.parametrize(
    ("question", "lead"),
    [("does a UPS tracking number start with 92?", "No"), ("UPS的单号是93开头的吗", "不是")],
)
def test_a_carrier_whose_formats_cannot_start_so_is_a_no(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead) and "1Z" in line, line


@pytest.mark.parametrize(
    ("question", "code"),
    [("我用的是UPS，单号是1Z开头的", "carrier_match"),
     ("1Z开头的单号录成了USPS有影响吗", "carrier_mismatch")],
)  # fmt: skip
def test_a_carrier_picked_is_still_the_carrier_rules(
    kb: KnowledgeBase, question: str, code: str
) -> None:
    answer = kb.answer(question)
    assert answer.decision is not None and answer.decision.code == code


def test_a_format_asked_lists_every_format(kb: KnowledgeBase) -> None:
    line = first_line(kb, "what does a DHL eCommerce tracking number look like")
    assert "GM + 16–20" in line, line


@pytest.mark.parametrize(
    ("question", "lead"),
    [("is a fedex tracking number 12 digits long?", "Yes"),
     ("UPS的单号是18位的吧", "对"),
     ("YunExpress numbers have 12 characters, right?", "Not right"),
     ("USPS单号是21位吗", "是")],
)  # fmt: skip
def test_a_length_told_is_checked_against_the_formats(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(lead) and ("digit" in line or "位" in line), line
