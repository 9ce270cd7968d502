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


# Amazon's amzn-base.xsd (revision 2012/03/21), element CarrierCode, copied value by value
# from the file (the YAML names where it is archived): an independent copy of the list.
AMZN_BASE_2012 = (
    "USPS", "UPS", "UPSMI", "FedEx", "DHL", "Fastway", "GLS", "GO!", "Hermes Logistik Gruppe",
    "Royal Mail", "Parcelforce", "City Link", "TNT", "Target", "SagawaExpress",
    "NipponExpress", "YamatoTransport", "DHL Global Mail", "UPS Mail Innovations",
    "FedEx SmartPost", "OSM", "OnTrac", "Streamlite", "Newgistics", "Canada Post",
    "Blue Package", "Chronopost", "Deutsche Post", "DPD", "La Poste", "Parcelnet",
    "Poste Italiane", "SDA", "Smartmail", "FEDEX_JP", "JP_EXPRESS", "NITTSU", "SAGAWA",
    "YAMATO", "BlueDart", "AFL/Fedex", "Aramex", "India Post", "Professional", "DTDC",
    "Overnite Express", "First Flight", "Delhivery", "Lasership", "Other",
)  # fmt: skip
# The codes of the current revision (release_4_1) that the 2012 one lacks and the registry
# needs, as WP-Lister for Amazon transcribes that file.
AMZN_BASE_4_1_ADDED = ("China Post", "Yun Express", "Yanwen", "4PX", "SF Express", "WanB Express")


def test_each_code_is_in_the_source_it_cites():
    codes = amazon_carrier_codes()
    cited = {source: {c for c, s in codes.codes.items() if s == source} for source in codes.sources}
    assert cited["amzn_base_2012"] <= set(AMZN_BASE_2012)
    assert cited["amzn_base_4_1"] == set(AMZN_BASE_4_1_ADDED)
    assert cited["unverified"] == {"Japan Post", "Amazon Shipping", "Purolator"}
    assert not cited["unverified"] & set(AMZN_BASE_2012 + AMZN_BASE_4_1_ADDED)


def test_a_code_without_a_source_or_a_mapping_to_an_unlisted_code_is_refused():
    import pytest
    from pydantic import ValidationError

    from bot.domain.amazon_carriers import AmazonCarrierCodes

    sources = {"xsd": "amzn-base.xsd"}
    with pytest.raises(ValidationError):
        AmazonCarrierCodes(sources=sources, codes={"UPS": "memory", OTHER: "xsd"}, from_registry={})
    with pytest.raises(ValidationError):
        AmazonCarrierCodes(sources=sources, codes={OTHER: "xsd"}, from_registry={"ups": "UPS"})
