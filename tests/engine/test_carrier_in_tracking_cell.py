"""A seller's own sheet with no carrier column, the carrier written in the tracking cell
before the number ('UPS: 1Z…', 'DHL-312…', 'Royal Mail - AA…', 'FedEx 9865…'; set F10's F02):
the name is the carrier the seller gave Amazon, the rest the number. Such a file was refused
for a missing carrier. A name alone is a missing number, a valid number of another carrier
behind a name is that name's bad format, as Amazon would find it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.tracking import leading_carrier
from tests.engine.conftest import FEDEX_OK, UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
ROYAL_MAIL_OK = "AA473124829GB"  # set F10's README: a published Royal Mail number
DHL_OK = "3318810025"  # likewise: 331881002 mod 7 = 5


@pytest.mark.parametrize(
    ("cell", "carrier"),
    [
        (f"UPS: {UPS_OK}", "UPS"),
        (f"dhl-{DHL_OK}", "dhl"),
        (f"Royal Mail - {ROYAL_MAIL_OK}", "Royal Mail"),
        (f"Fed Ex {FEDEX_OK}", "Fed Ex"),
        (f"顺丰SF{FEDEX_OK}", "顺丰"),
        ("USPS", "USPS"),
        (UPS_OK, None),
        (f"Tracking: {UPS_OK}", None),
        ("pending", None),
    ],
)
def test_the_carrier_a_cell_opens_with(cell: str, carrier: str | None) -> None:
    assert leading_carrier(cell) == carrier


def test_carrier_and_number_in_one_cell(write_file: WriteFile) -> None:
    """By hand, Amazon.com unless said: A 'UPS: <valid>', B 'dhl-<valid>', C 'Fed Ex
    <valid>', D 'USPS 9400 …' spaced (valid), E Amazon.co.uk 'Royal Mail - <valid>', all
    valid; F 'USPS' alone (missing), G 'USPS <valid UPS number>' (bad format: wrong
    carrier). The store column names Amazon's sites ('Amazon US'): the marketplace.
    7 counted, 5 valid; US 6 / 4, UK 1 / 1."""
    usps_spaced = " ".join(USPS_OK[i : i + 4] for i in range(0, len(USPS_OK), 4))
    lines = [
        "Order No,Store,Shipped on,Shipment (carrier / tracking),Item total",
        f'A,Amazon US,"Nov 20, 2026",UPS: {UPS_OK},$30.00',
        f'B,Amazon US,"Nov 20, 2026",dhl-{DHL_OK},$30.00',
        f'C,Amazon US,"Nov 21, 2026",Fed Ex {FEDEX_OK},$30.00',
        f'D,Amazon US,"Nov 21, 2026",USPS {usps_spaced},$30.00',
        f'E,Amazon UK,"Nov 22, 2026",Royal Mail - {ROYAL_MAIL_OK},£30.00',
        'F,Amazon US,"Nov 22, 2026",USPS,$30.00',
        f'G,Amazon US,"Nov 23, 2026",USPS {UPS_OK},$30.00',
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (7, 5)
        assert {g.name: (g.shipments, g.valid) for g in report.by_marketplace} == {
            "US": (6, 4),
            "UK": (1, 1),
        }
        assert [(d.order_id, d.reason) for d in report.defects] == [
            ("F", "missing_tracking"),
            ("G", "bad_format"),
        ]
        assert not [w for w in report.warnings if w.code == "carrier_from_service"]
