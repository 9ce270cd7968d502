"""Issue 21: a seller pastes a tracking number and asks whether it is right. The number is
checked with the report's own validation (domain.md §4.4, §6) and the verdict leads: right
for the carrier named (or which carriers it could be), wrong check digit, wrong format, or
another carrier's number than the one named; then that a right format is not yet valid
tracking (the carrier's scan decides, which the bot cannot see). Wordings written here.

The numbers' check digits are worked out by hand below and again by `_s10`, `_ups` and
`_usps`, written here from domain.md §6 alone (not the engine's code):
- S10 LX123456785CN, RR123456785GB: 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 204;
  204 mod 11 = 6; 11 − 6 = 5. So …785CN is right and LX123456786CN is wrong.
- UPS 1Z999AA10123456784: after 1Z, 999AA1012345678 with A = (65 − 63) mod 10 = 2; odd
  positions 9+9+2+0+2+4+6+8 = 40, even positions (9+2+1+1+3+5+7)·2 = 56; 96 → check
  (10 − 6) mod 10 = 4. So …784 is right, …785 wrong.
- USPS 9400111899223344556677: body 940011189922334455667 from the right, ×3: 7+6+5+4+3+2+
  9+1+1+0+9 = 47 → 141, ×1: 6+5+4+3+2+9+8+1+0+4 = 42; 183 → check 7: right.
- USPS 94001118992233445566: body 9400111899223344556 from the right, ×3: 6+5+4+3+2+9+1+1+
  0+9 = 40 → 120, ×1: 5+4+3+2+9+8+1+0+4 = 36; 156 → check 4, not 6: wrong.
- FedEx 12 digits 71290947878?: 7·3+1·1+2·7+9·3+0·1+9·7+4·3+7·1+8·7+7·3+8·1 = 230;
  230 mod 11 = 10; 10 mod 10 = 0. So 712909478780 is right, 712909478785 wrong.
"""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text

pytestmark = pytest.mark.collection


def _s10(body8: str) -> int:
    total = sum(int(d) * w for d, w in zip(body8, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def _ups(after_1z: str) -> int:
    values = [int(c) if c.isdigit() else (ord(c) - 63) % 10 for c in after_1z]
    total = sum(v * (1 if i % 2 == 0 else 2) for i, v in enumerate(values))
    return (10 - total % 10) % 10


def _usps(body: str) -> int:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def _fedex12(body11: str) -> int:
    total = sum(int(d) * (3, 1, 7)[i % 3] for i, d in enumerate(body11))
    return total % 11 % 10


def test_the_numbers_below_are_what_the_hand_count_says() -> None:
    assert _s10("12345678") == 5
    assert _ups("999AA1012345678") == 4
    assert _usps("940011189922334455667") == 7
    assert _usps("9400111899223344556") == 4
    assert _fedex12("71290947878") == 0


@pytest.mark.parametrize(
    ("question", "lead", "says"),
    [
        # No carrier named: which carriers it could be; "valid?" gets no yes (scans decide).
        ("is LX123456785CN a valid tracking number", "LX123456785CN:", "China Post or China EMS"),
        ("check this tracking: 9400111899223344556677", "9400111899223344556677:", "USPS"),
        ("what carrier does RR123456785GB belong to", "RR123456785GB:", "Royal Mail"),
        ("FedEx number 712909478780, correct?", "Right: 712909478780:", "right for FedEx"),
        ("帮我查下这个号码 RR123456785GB", "RR123456785GB：", "Royal Mail的单号"),
        ("1Z999AA10123456784 是UPS的对吗", "对。1Z999AA10123456784：", "格式和校验位都对"),
        pytest.param(
            "YT2412345678901234 云途单号对吗",
            "对。YT2412345678901234：",
            "没有校验位",
            marks=pytest.mark.fast,
        ),
    ],
)
def test_a_right_number_says_for_which_carrier_then_that_the_scan_decides(
    kb: KnowledgeBase, question: str, lead: str, says: str
) -> None:
    reply = reply_text(kb, question)
    first = reply.split("\n", 1)[0]
    assert first.startswith(lead) and says in first, first
    assert "cannot see" in reply or "看不到" in reply, reply


@pytest.mark.parametrize(
    ("question", "lead", "says"),
    [
        ("is 1Z999AA10123456785 right?", "Not right", "wrong check digit"),
        pytest.param(
            "712909478785 is my FedEx tracking, is it ok",
            "No",
            "wrong check digit for FedEx",
            marks=pytest.mark.fast,
        ),
        ("LX123456786CN 这个单号格式对吗", "不对", "校验位不对"),
        pytest.param(
            "USPS单号 1Z999AA1012345678 对吗",
            "不对",
            "不符合USPS的单号格式",
            marks=pytest.mark.fast,
        ),
        ("my USPS number 94001118992233445566 right?", "Not right", "wrong check digit for USPS"),
        pytest.param(
            "is AB12345678 a tracking number",
            "AB12345678 fits none",
            "formats I can check",
            marks=pytest.mark.fast,
        ),
    ],
)
def test_a_wrong_number_says_what_is_wrong_first(
    kb: KnowledgeBase, question: str, lead: str, says: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead) and says in first, first


@pytest.mark.parametrize(
    ("question", "lead", "says"),
    [
        ("I put 1Z999AA10123456784 under USPS, fine?", "No", "a UPS number, not USPS"),
        ("单号9400111899223344556677 是UPS的吗", "不是", "看起来是USPS的单号，不是UPS的"),
        ("我选的USPS，单号是1Z999AA10123456784，有问题吗", "有", "改选UPS"),
        pytest.param(
            "is 1Z999AA10123456784 a USPS or a UPS number",
            "1Z999AA10123456784 looks",
            "Pick UPS",
            marks=pytest.mark.fast,
        ),
    ],
)
def test_another_carrier_s_number_names_the_carrier_to_pick(
    kb: KnowledgeBase, question: str, lead: str, says: str
) -> None:
    reply = reply_text(kb, question)
    first = reply.split("\n", 1)[0]
    assert first.startswith(lead) and says in first, first
    assert "unconfirmed" in reply or "未确认" in reply, reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("is 9400 1118 9922 3344 5566 77 a usps number", "Yes — 9400111899223344556677:"),
        ("UPS单号 1Z 999 AA1 01 2345 6784 对吗", "对。1Z999AA10123456784："),
    ],
)
def test_a_number_typed_in_groups_as_its_label_prints_it(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    assert first_line(kb, question).startswith(lead)


def test_figures_in_a_row_are_no_number(kb: KnowledgeBase) -> None:
    # 120115200190 5048: no carrier's marks name it, check digit included.
    decision = kb.answer("categories: 120 115 200 190 50 48, which is below?").decision
    assert decision is None or decision.code != "tracking_number", decision


@pytest.mark.parametrize(
    "question", ["is this a real tracking number LX123456785CN", "LX123456785CN 是真实单号吗"]
)
def test_a_right_format_is_no_yes_to_real_or_valid(kb: KnowledgeBase, question: str) -> None:
    # Whether the number exists and was scanned is the carrier's to say, not its format's.
    first = first_line(kb, question)
    assert first.startswith("LX123456785CN"), first


def test_unconfirmed_asked_beside_a_number_gets_the_mismatch_entry(kb: KnowledgeBase) -> None:
    reply = reply_text(kb, "my tracking 1Z999AA10123456784 shows unconfirmed on amazon, why")
    assert reply.startswith("1Z999AA10123456784: format and check digit right for a UPS"), reply
    assert "when the carrier and the number do not match" in reply, reply


def test_a_carrier_without_a_format_gets_no_yes(kb: KnowledgeBase) -> None:
    # 4PX publishes no format (carriers.yaml): the report counts its numbers unverified.
    first = first_line(kb, "递四方的单号4PX1234567890CN对不对")
    assert first.startswith("4PX1234567890CN：4PX没有公开"), first


def test_several_numbers_each_get_their_verdict(kb: KnowledgeBase) -> None:
    # One right, one wrong: each line says its own, and no yes or no leads the two.
    reply = reply_text(kb, "are these ok: RR123456785GB, RR123456786GB")
    lines = reply.split("\n")
    assert lines[0].startswith("RR123456785GB: format and check digit right"), reply
    assert lines[1].startswith("RR123456786GB: wrong check digit"), reply


@pytest.mark.parametrize(
    "question",
    [
        "order 111-6102708-1329348 has no tracking yet, does it count?",
        "I shipped 200 packages, 12 had no valid tracking, am I ok?",
        "ASIN B07XYZ1234 is in Toys, is Toys judged on its own?",
        # Figures told beside a number: the seller's case is the figures (19/20 = 95.0%).
        "in Toys 19 of 20 valid, the bad one is LX123456786CN, am I ok?",
    ],
)
def test_no_tracking_number_no_number_check(kb: KnowledgeBase, question: str) -> None:
    decision = kb.answer(question).decision
    assert decision is None or decision.code != "tracking_number", decision
