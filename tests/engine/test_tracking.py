"""Tracking-number checks against independent known-good and known-bad numbers."""

from __future__ import annotations

import pytest

from bot.domain.tracking import check_tracking, resolve_carrier

pytestmark = pytest.mark.collection

# (carrier as a seller writes it, number, expected reason or None for valid)
CASES = [
    # UPS: jkeen test numbers; the last differs from a valid one only in its check digit.
    ("UPS", "1Z5R89390357567127", None),
    ("UPS Ground", "1Z879E930346834440", None),
    ("ups", "1z410e7w0392751591", None),  # case is ignored
    ("UPS", "1Z 410E 7W03 9275 1591", None),  # inner spaces ignored
    ("UPS", "1Z5R89390357567128", "bad_check_digit"),
    ("UPS", "1Z5R8939035756712", "bad_format"),
    # USPS IMpb and S10.
    ("USPS", "9400 1112 0108 0805 4830 16", None),
    ("USPS", "9361-2898-7870-0317-6337-95", None),  # dashes ignored
    # A whole number a spreadsheet wrote as a float: '.0' is no part of any carrier's number.
    ("USPS", "9400111201080805483016.0", None),
    ("FedEx", "986578788855.00", None),
    ("USPS", "9400111201080805483016.5", "bad_format"),  # a fraction is not an artefact
    ("China Post", "RR123456785CN.0", "bad_format"),  # only a plain digit run was a float
    ("DHL", "'0029282330", None),  # leading zeros kept as text (DHL mod 7: 002928233 → 0)
    ("USPS", "7196 9010 7560 0307 7385", None),  # 20-digit serial, checked with "91" in front
    ("USPS", "0307 1790 0005 2348 3742", "bad_check_digit"),
    ("USPS", "9200000000000000000000", "bad_check_digit"),
    pytest.param(
        "USPS", "420 22153 9101026837331000039521", None, marks=pytest.mark.fast
    ),  # routing prefix
    ("USPS", "RB123456785US", None),
    ("USPS", "RB123456786US", "bad_check_digit"),
    # FedEx 12-digit: 3,1,7 weights, mod 11, mod 10.
    ("FedEx", "986578788855", None),
    ("Fed Ex", "799531274483", None),
    ("FedEx", "996578788855", "bad_check_digit"),
    ("联邦快递", "12345", "bad_format"),
    ("FedEx", "123456789012345", None),  # 15 digits: no check digit rule
    # DHL Express: first digits mod 7.
    ("DHL", "3318810025", None),
    ("DHL Express", "8487135506", None),
    ("DHL", "3318810034", "bad_check_digit"),
    # "DHL" in Germany is also DHL Paket, which delivers Deutsche Post's S10 items (…DE);
    # another post's S10 under DHL is that post's number entered under the wrong carrier.
    ("DHL", "RR123456785DE", None),
    ("DHL", "RR123456785CN", "bad_format"),  # China Post's
    ("DHL", "RB123456785GB", "bad_format"),  # Royal Mail's
    # UPU S10 posts, hand-computed: RR12345678 → 204 mod 11 = 6, 11 − 6 = 5.
    ("China Post", "RR123456785CN", None),
    ("中国邮政", "RR123456784CN", "bad_check_digit"),
    ("China Post", "RR123456785GB", "bad_format"),  # China Post numbers end in CN
    ("Royal Mail", "RB123456785GB", None),
    # 47312482 → 200 mod 11 = 2, 11 − 2 = 9.
    ("Royal Mail", "AA473124829GB", None),
    ("Royal Mail", "AA473124828GB", "bad_check_digit"),
    # S10 edge cases: 11 − 0 = 11 → 5; 11 − 1 = 10 → 0.
    ("China Post", "LX000000005CN", None),  # sum 0 → 11 → 5
    ("China Post", "LX000000080CN", None),  # 8·7 = 56, 56 mod 11 = 1 → 10 → 0
    ("China Post", "LX000000081CN", "bad_check_digit"),
    # YunExpress: format only.
    ("云途物流", "YT1234567890123456", None),
    ("Yun Express", "YT123", "bad_format"),
    # Known carriers without a rule count valid (unverified), if the value can be a number.
    ("4PX", "4PX123-456-789", None),
    ("燕文", "UG123456789CN", None),
    # Placeholders and junk are missing tracking, whatever the carrier (issue 22).
    ("4PX", "anything-at-all", "missing_tracking"),  # no digit: no carrier's number
    ("4PX", "待上传", "missing_tracking"),
    ("燕文", "无", "missing_tracking"),
    ("燕文", "暂无", "missing_tracking"),
    ("Yanwen", "n/a", "missing_tracking"),
    ("4PX", "TBD", "missing_tracking"),
    ("4PX", "0", "missing_tracking"),
    ("UPS", "-", "missing_tracking"),
    ("SF Express", "0000000000", "missing_tracking"),  # one character repeated
    ("SF Express", "1111111111111", "missing_tracking"),
    ("Cainiao", "12", "missing_tracking"),  # shorter than any carrier's number
    ("4PX", "待上传123456", "missing_tracking"),  # Chinese letters: not a number
    ("Yanwen", "なし", "missing_tracking"),
    ("Pigeon Post", "待上传", "missing_tracking"),  # missing comes before unknown carrier
    ("USPS", "n/a", "missing_tracking"),  # before bad format too
    # A number only another carrier hands out, under a carrier without a rule: wrong carrier.
    ("4PX", "YT1234567890123456", "bad_format"),  # YunExpress
    ("燕文", "1Z5R89390357567127", "bad_format"),  # UPS, check digit right
    ("燕文", "1Z5R89390357567128", None),  # check digit wrong: not surely UPS's
    ("4PX", "AA473124829GB", "bad_format"),  # Royal Mail S10, check digit right
    ("4PX", "AA473124828GB", None),  # wrong check digit: could be 4PX's own
    ("DPD", "RR123456785CN", "bad_format"),  # China Post's, not DPD's
    # China forwarders book China Post lines: a CN S10 can be their own.
    ("4PX", "RR123456785CN", None),
    ("燕文", "RR123456785CN", None),
    # Plain digit runs fit many carriers' numbers: never called another's.
    ("燕文", "9400111201080805483016", None),
    ("Yanwen", "986578788855", None),
    # Missing number, unknown carrier.
    ("UPS", "", "missing_tracking"),
    ("UPS", "   ", "missing_tracking"),
    ("", "1Z5R89390357567127", "unknown_carrier"),
    ("Speedy Parcel Co", "123", "unknown_carrier"),
    ("", "", "missing_tracking"),
]


@pytest.mark.parametrize(("carrier", "number", "reason"), CASES)
def test_tracking_verdicts(carrier: str, number: str, reason: str | None) -> None:
    assert check_tracking(carrier, number).reason == reason


def test_unverified_marks_carriers_without_rules() -> None:
    assert check_tracking("4PX", "4PX123").unverified
    assert not check_tracking("UPS", "1Z5R89390357567127").unverified


@pytest.mark.parametrize(
    ("written", "carrier_id"),
    [
        ("UPS", "ups"),
        ("UPS Ground", "ups"),
        ("usps", "usps"),
        ("USPS First Class", "usps"),
        ("Fed Ex", "fedex"),
        ("FEDEX HOME DELIVERY", "fedex"),
        ("联邦快递", "fedex"),
        ("云途物流", "yunexpress"),
        ("YunExpress", "yunexpress"),
        ("Yun-Express", "yunexpress"),
        ("中国邮政", "china_post"),
        ("邮政挂号小包", "china_post"),
        ("China Post", "china_post"),
        ("E邮宝", "china_ems"),
        ("Royal mail", "royal_mail"),
        ("DHL Paket", "dhl_paket"),
        ("顺丰速运", "sf_express"),
        ("groups", None),  # "ups" inside a word is not UPS
        ("", None),
        ("Speedy Parcel Co", None),
    ],
)
def test_carrier_aliases(written: str, carrier_id: str | None) -> None:
    assert resolve_carrier(written) == carrier_id
