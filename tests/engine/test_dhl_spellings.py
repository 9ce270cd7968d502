"""DHL's spellings and number families (carriers.yaml): "DHL Express" is judged on DHL
Express's formats, "DHL Paket"/"DHL Parcel" on the parcel network's, bare "DHL" on both
(it is DHL Paket in Germany, DHL Express elsewhere). Every number here is worked by hand."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bot.domain.amazon_carriers import AmazonCarrier, amazon_carrier, check_fix
from bot.domain.engine import analyse_file, report_file
from bot.domain.tracking import check_tracking, likely_carriers, resolve_carrier
from tests.engine.conftest import WriteFile

pytestmark = pytest.mark.collection

# DHL Express waybill, mod 7 of the digits before the last:
# 123456789 = 7 × 17636684 + 1, so the check digit is 1.
WAYBILL = "1234567891"
WAYBILL_WRONG_DIGIT = "1234567890"
# 11 digits: 1000000000 mod 7 = 10^9 mod 7 = (10^6 mod 7)(10^3 mod 7) mod 7 = 1 × 6 = 6.
WAYBILL_11 = "10000000006"
# FedEx 12-digit: 1,2,3,4,5,6,7,8,9,0,1 weighted 3,1,7,… = 3+2+21+12+5+42+21+8+63+0+1 = 178;
# 178 mod 11 = 2, mod 10 = 2.
FEDEX_12 = "123456789012"
# A 20-digit parcel number (DHL Paket's shape; no check rule kept for it) that is no USPS
# number: mod 10 with weights 3,1 from the right over its first 19 digits gives 7 (9 with
# USPS's "91" in front), not its last digit 8.
PAKET_20 = "00340434161094042558"
# A Deutsche Post S10 item, which DHL Paket delivers:
# CX87654321 → 8·8+7·6+6·4+5·2+4·3+3·5+2·9+1·7 = 192, 192 mod 11 = 5, 11 − 5 = 6.
POST_S10_DE = "CX876543216DE"
PIECE_ID = "JJD0001234567890123456"


@pytest.mark.parametrize(
    ("written", "carrier_id"),
    [
        ("DHL", "dhl"),
        ("dhl ", "dhl"),
        ("DHL eCommerce", "dhl"),
        ("DHL Express", "dhl_express"),
        ("DHL-Express", "dhl_express"),
        ("DHL Express Worldwide", "dhl_express"),
        ("DHL Paket", "dhl_paket"),
        ("DHL Parcel", "dhl_paket"),
        ("DHL Paket International", "dhl_paket"),
    ],
)
def test_each_spelling_names_its_family(written: str, carrier_id: str) -> None:
    assert resolve_carrier(written) == carrier_id


@pytest.mark.parametrize(
    ("number", "bare", "express", "paket"),
    [
        (WAYBILL, None, None, "bad_format"),
        (WAYBILL_11, None, None, "bad_format"),
        (WAYBILL_WRONG_DIGIT, "bad_check_digit", "bad_check_digit", "bad_format"),
        (FEDEX_12, None, "bad_format", None),  # 12 digits: a DHL Paket shape, never Express
        (PAKET_20, None, "bad_format", None),
        (POST_S10_DE, None, "bad_format", None),
        (PIECE_ID, None, None, None),  # both families hand out JJD piece numbers
        ("", "missing_tracking", "missing_tracking", "missing_tracking"),
    ],
)
def test_each_spelling_is_judged_on_its_familys_formats(
    number: str, bare: str | None, express: str | None, paket: str | None
) -> None:
    verdicts = [check_tracking(c, number).reason for c in ("DHL", "DHL Express", "DHL Paket")]
    assert verdicts == [bare, express, paket]


def test_a_number_under_the_wrong_dhl_names_its_carrier() -> None:
    entered = pl.Series(["dhl_express", "dhl_paket", "ups", "dhl_express"])
    numbers = pl.Series([FEDEX_12, WAYBILL, WAYBILL, PAKET_20])
    # FedEx's number under DHL Express is FedEx's; a waybill under DHL Paket or UPS is a DHL
    # number (DHL Express's shapes are all bare DHL's: one carrier named, not two); a bare
    # digit run names nobody.
    assert likely_carriers(entered, numbers).to_list() == ["fedex", "dhl", "dhl", None]


def test_every_dhl_spelling_is_sent_to_amazon_as_dhl() -> None:
    for carrier_id in ("dhl", "dhl_express", "dhl_paket"):
        assert amazon_carrier(carrier_id) == AmazonCarrier("DHL")


def test_a_fix_judged_under_dhl_express_is_checked_on_its_formats() -> None:
    assert check_fix("dhl_express", WAYBILL).sendable
    moved = check_fix("dhl_express", FEDEX_12)  # FedEx's number: proposed under FedEx
    assert (moved.carrier_id, moved.problem) == ("fedex", None)
    assert check_fix("dhl_express", PAKET_20).problem == "bad_format"
    assert check_fix("dhl", PAKET_20).problem is None


def test_a_bare_dhl_is_the_dhl_its_service_names(write_file: WriteFile) -> None:
    """'DHL' in the carrier column with 'DHL Express Worldwide' as the service is DHL
    Express: its 12-digit FedEx number (no DHL Express waybill) is a wrong-carrier defect
    (bad format); with 'DHL Paket' or no DHL service, a 12-digit number is a parcel number
    and valid. By hand: D1 and D3 valid, D2 bad format, D4 valid; 3 of 4."""
    lines = [
        "order-id,ship-date,sales-channel,carrier-code,ship-method,tracking-number",
        f"D1,2026-11-20,Amazon.fr,DHL,DHL Express Worldwide,{WAYBILL}",
        f"D2,2026-11-21,Amazon.fr,DHL,DHL Express Worldwide,{FEDEX_12}",
        f"D3,2026-11-22,Amazon.de,dhl,DHL Paket International,{FEDEX_12}",
        f"D4,2026-11-23,Amazon.de,DHL,Standard,{FEDEX_12}",
    ]
    path = write_file(lines)
    as_of = date(2026, 11, 30)
    for report in (report_file(path, as_of=as_of), analyse_file(path, as_of=as_of)[0]):
        assert (report.overall.shipments, report.overall.valid) == (4, 3)
        assert [(d.order_id, d.reason) for d in report.defects] == [("D2", "bad_format")]
