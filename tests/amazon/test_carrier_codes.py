"""Amazon's carrier codes and the offline check of a fix: one list, the report's rules."""

from __future__ import annotations

from bot.domain.amazon_carriers import (
    OTHER,
    AmazonCarrier,
    amazon_carrier,
    amazon_carrier_codes,
    check_fix,
)
from bot.domain.reference import carrier_by_id

UPS_NUMBER = "1Z5R89390357567127"  # UPS mod-10 check digit 7, computed by hand


def test_every_mapping_is_a_registry_carrier_and_one_of_amazons_codes():
    codes = amazon_carrier_codes()
    assert set(codes.from_registry) <= set(carrier_by_id())
    assert set(codes.from_registry.values()) <= set(codes.codes)
    assert OTHER in codes.codes


def test_a_listed_carrier_is_its_code_and_an_unlisted_one_other_with_its_name():
    assert amazon_carrier("ups") == AmazonCarrier("UPS")
    assert amazon_carrier("cne") == AmazonCarrier(OTHER, carrier_by_id()["cne"].name)


def test_a_ups_number_under_usps_is_proposed_as_ups():
    fix = check_fix("usps", UPS_NUMBER)
    assert (fix.carrier_id, fix.problem, fix.sendable) == ("ups", None, True)


def test_a_typed_number_is_normalized_and_its_check_digit_tested():
    assert check_fix("ups", " 1z5r 8939-0357567127 ").tracking == UPS_NUMBER
    wrong_digit = check_fix("ups", UPS_NUMBER[:-1] + "8")
    assert (wrong_digit.problem, wrong_digit.sendable) == ("bad_check_digit", False)


def test_no_carrier_and_no_owner_is_unknown_and_an_empty_number_missing():
    assert check_fix(None, "XQ12345678").problem == "unknown_carrier"
    assert check_fix("ups", "").problem == "missing_tracking"
