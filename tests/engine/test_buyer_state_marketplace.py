"""A file that names no marketplace but the buyer's state ('Ship To State': a US seller's own
WMS) has its orders to US states judged under US, with the warning that the marketplace was
read from the buyer's address (docs/decisions/011); a state of no marketplace's country
stays unspecified, and a marketplace column, where there is one, still decides."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.models import UNSPECIFIED_MARKETPLACE
from bot.domain.values import state_marketplace
from tests.engine.conftest import FEDEX_OK, UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 11, 30)


def test_a_us_state_is_the_us() -> None:
    assert [state_marketplace(s) for s in ["TX", "ny", "New York", " wa "]] == ["US"] * 4
    assert [state_marketplace(s) for s in ["ON", "Bayern", "", "NSW"]] == [""] * 4


def test_a_wms_file_with_the_buyers_state_only(write_file: WriteFile) -> None:
    """By hand: W1-W3 to US states (one missing number): US 2 of 3; W4 to Ontario, no
    marketplace: Unspecified 1 of 1; the warning counts the 3 rows placed by address."""
    lines = [
        "Order Number\tShip Date \tCarrier Used\tTRACKING #\tShip To State ",
        f"W1\t11/20/2026\tUSPS Ground Advantage\t{USPS_OK}\tTX",
        f"W2\t11/21/2026\tUPS Ground\t{UPS_OK}\tCalifornia",
        "W3\t11/22/2026\tFedEx Home Delivery\t\tny",
        f"W4\t11/23/2026\tFedEx Home Delivery\t{FEDEX_OK}\tON",
    ]
    path = write_file(lines, name="wms.tsv", newline="\r\n")
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        markets = {g.name: (g.shipments, g.valid) for g in report.by_marketplace}
        assert markets == {"US": (3, 2), UNSPECIFIED_MARKETPLACE: (1, 1)}
        assert [(w.code, w.count) for w in report.warnings] == [("marketplace_by_address", 3)]


def test_the_sales_channel_still_decides(write_file: WriteFile) -> None:
    """An Amazon report's ship-state beside its sales-channel: the channel names the
    marketplace (a Canadian order to a US state stays CA), and no warning is given."""
    lines = [
        "order-id\tship-date\tsales-channel\tcarrier\ttracking-number\tship-state",
        f"C1\t2026-11-20\tAmazon.ca\tUPS\t{UPS_OK}\tWA",
        f"U1\t2026-11-21\tAmazon.com\tUSPS\t{USPS_OK}\tOR",
    ]
    report = report_file(write_file(lines, name="orders.txt"), as_of=AS_OF)
    assert {g.name: g.shipments for g in report.by_marketplace} == {"CA": 1, "US": 1}
    assert not [w for w in report.warnings if w.code == "marketplace_by_address"]
