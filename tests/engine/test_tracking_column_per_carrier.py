"""A seller's sheet with one tracking column per carrier ('UPS #', 'FedEx Tracking No.',
'Royal Mail Number', '云途单号') and no carrier or tracking column of its own was refused for
a missing tracking column (set F12's F10). The carrier of a number is the column it sits in,
as the seller would pick it in Amazon's list: a valid UPS number in the FedEx column is
FedEx's bad format; a row with every such cell empty has no number."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.reading import tracking_by_carrier_columns
from tests.engine.conftest import FEDEX_OK, UPS_OK, YUN_OK, WriteFile

AS_OF = date(2026, 12, 5)
ROYAL_MAIL_OK = "AA473124829GB"  # the UPU's published example


@pytest.mark.parametrize(
    ("headers", "carriers"),
    [
        (["Order", "UPS #", "FedEx No.", "Notes"], {"UPS": 1, "FedEx": 2}),
        (["订单号", "云途单号", "DHL Tracking Number"], {"云途": 1, "DHL": 2}),
        (["Order", "UPS", "Order #", "FedEx account"], {}),
        (["Order", "Tracking", "UPS #", "DHL #"], {}),  # a tracking column of its own: as before
        (["Order", "UPS #", "Service"], {}),  # one: no column per carrier
    ],
)
def test_headers_naming_a_carrier_s_numbers(headers: list[str], carriers: dict[str, int]) -> None:
    meanings = {"order_id": 0} | ({"tracking": 1} if "Tracking" in headers else {})
    found = tracking_by_carrier_columns(headers, meanings)
    assert {k.removeprefix("tracking_of:"): v for k, v in found.items() if ":" in k} == carriers


def test_the_column_names_the_carrier(write_file: WriteFile) -> None:
    """By hand, Amazon.com unless said: A valid UPS in 'UPS #'; B valid FedEx in 'FedEx
    Tracking No.'; C a valid UPS number in the FedEx column (bad format); D every column
    empty (missing); E (Amazon.co.uk) valid Royal Mail; F a YunExpress number in '云途单号'
    (valid, no check digit); G 'N/A' in 'UPS #' (missing). 7 counted, 4 valid."""
    lines = [
        "Order ID,Site,Ship Date,UPS #,FedEx Tracking No.,Royal Mail Number,云途单号,Service",
        f"A,US,2026-11-20,{UPS_OK},,,,UPS Worldwide Saver",
        f"B,US,2026-11-20,,{FEDEX_OK},,,FedEx International Priority",
        f"C,US,2026-11-21,,{UPS_OK},,,FedEx International Priority",
        "D,US,2026-11-21,,,,,UPS Worldwide Saver",
        f"E,UK,2026-11-22,,,{ROYAL_MAIL_OK},,Royal Mail Tracked 48",
        f"F,US,2026-11-22,,,,{YUN_OK},云途全球专线挂号",
        "G,US,2026-11-23,N/A,,,,UPS Worldwide Saver",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (7, 4)
        reasons = {d.order_id: d.reason for d in report.defects}
        assert reasons == {"C": "bad_format", "D": "missing_tracking", "G": "missing_tracking"}
        assert {g.name: (g.shipments, g.valid) for g in report.by_marketplace} == {
            "US": (6, 3),
            "UK": (1, 1),
        }
