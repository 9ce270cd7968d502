"""Tracking cells an ERP writes around the number: a carrier's label ('UPS: 1Z…', 'UPS 1Z…'),
a tracking link ('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400…') or a carrier's
Chinese name ('顺丰 SF…'). Judged as written they were all invalid; the number is now read
out of them, in the one cleaning function (`normalize_tracking`) the report, answers and
Amazon sync share. Set F7's F04."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.tracking import normalized_text
from tests.engine.conftest import FEDEX_OK, UPS_OK, USPS_OK, WriteFile

pytestmark = pytest.mark.collection

AS_OF = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("written", "number"),
    [
        (f"UPS: {UPS_OK.lower()}", UPS_OK),
        (f"UPS:{UPS_OK}", UPS_OK),
        (f"UPS {UPS_OK}", UPS_OK),
        (f"Tracking No.: {UPS_OK}", UPS_OK),
        (f"单号：{UPS_OK}", UPS_OK),
        (f"https://tools.usps.com/go/TrackConfirmAction?tLabels={USPS_OK}", USPS_OK),
        (f"https://www.fedex.com/fedextrack/?trknbr={FEDEX_OK}", FEDEX_OK),
        (f"https://www.ups.com/track?loc=en_US&tracknum={UPS_OK}&requester=ST/", UPS_OK),
        (
            "https://www.royalmail.com/track-your-item#/tracking-results/RR123456785GB",
            "RR123456785GB",
        ),
        ("顺丰 SF1234567890123", "SF1234567890123"),
        ("顺丰速运SF1234567890123", "SF1234567890123"),
        # Kept as written: a two-letter name starts its carrier's own numbers; a word of no
        # carrier is no label; a link without a number has nothing to read.
        ("SF 1234567890123", "SF1234567890123"),
        ("待上传123456", "待上传123456"),
        ("https://example.com/v2/track", "HTTPS://EXAMPLE.COM/V2/TRACK"),
    ],
)
def test_the_number_is_read_out_of_its_wrapping(written: str, number: str) -> None:
    assert normalized_text(written) == number


def test_a_file_of_wrapped_cells(write_file: WriteFile) -> None:
    """By hand: five counted; the label, link and Chinese name wrap valid numbers (3 valid),
    a wrapped number with a bad check digit stays invalid, and '待上传123456' is missing."""
    bad_ups = UPS_OK[:-1] + ("8" if UPS_OK[-1] != "8" else "9")
    lines = [
        "Order ID,Ship Date,Carrier,Tracking,Category",
        f"111-1,2026-11-20,UPS,UPS: {UPS_OK.lower()},Toys",
        f"111-2,2026-11-20,USPS,https://tools.usps.com/go/TrackConfirmAction?tLabels={USPS_OK},Toys",
        "111-3,2026-11-20,SF Express,顺丰 SF1234567890123,Toys",
        f"111-4,2026-11-20,UPS,UPS: {bad_ups},Toys",
        "111-5,2026-11-20,UPS,待上传123456,Toys",
    ]
    path = write_file(lines)
    report = report_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (5, 3)
    reasons = {d.order_id: d.reason for d in report.defects}
    assert reasons == {"111-4": "bad_check_digit", "111-5": "missing_tracking"}
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert [(d.order_id, d.reason) for d in uploaded.defects] == [
        (d.order_id, d.reason) for d in report.defects
    ]
