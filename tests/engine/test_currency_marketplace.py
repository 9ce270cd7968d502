"""A file naming no marketplace, country or buyer's country, whose currency is used on one
Amazon marketplace alone: its rows are that marketplace's (GBP or '£12.99' → UK, JPY or
'980円' → JP, USD → US), with a warning; EUR, '$' and '¥' name none, and a file with a
marketplace column is read by it alone (docs/decisions/014). Set F9's F04, a UK seller's
tab-delimited export with '£' amounts and no marketplace column, was one 'Unspecified'
group."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from bot.domain.engine import analyse_file, report_file
from bot.domain.values import currency_marketplace
from tests.engine.conftest import UPS_OK, USPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
ROYAL_MAIL_OK = "RR123456785GB"  # S10: weights over 12345678 give 204; 11 − 204 mod 11 = 5


@pytest.mark.parametrize(
    ("written", "market"),
    [
        ("GBP", "UK"),
        ("£12.99", "UK"),
        ("12,99 gbp", "UK"),
        ("英镑", "UK"),
        ("JPY", "JP"),
        ("980円", "JP"),
        ("usd", "US"),
        ("US$5.00", "US"),
        ("PLN", "PL"),
        ("EUR", None),
        ("€12,50", None),
        ("$5.00", None),
        ("¥980", None),
        ("CNY", None),
        ("12.99", None),
    ],
)
def test_a_currency_of_one_marketplace_names_it(written: str, market: str | None) -> None:
    frame = pl.DataFrame({"text": [written]})
    assert frame.select(currency_marketplace(pl.col("text"))).item() == market


def test_pounds_name_the_uk(write_file: WriteFile) -> None:
    """By hand: three counted UK orders in pounds, one of them untracked; a fourth row in
    euros names no marketplace."""
    lines = [
        "Order Number\tDispatch Date\tCourier\tTracking Number\tCategory\tOrder Total",
        f"203-1\t20/11/2026\tRoyal Mail\t{ROYAL_MAIL_OK}\tBeauty\t£12.99",
        f"203-2\t21/11/2026\tUPS\t{UPS_OK}\tBeauty\t£45.00",
        "203-3\t22/11/2026\tRoyal Mail\t\tBeauty\t£3.50",
        f"303-4\t23/11/2026\tUPS\t{UPS_OK[:-1]}5\tBeauty\t€30,00",
    ]
    path = write_file(lines, name="uk.csv")
    report = report_file(path, as_of=AS_OF)
    markets = {g.name: (g.shipments, g.valid) for g in report.by_marketplace}
    assert markets == {"UK": (3, 2), "Unspecified": (1, 0)}
    assert ("marketplace_by_currency", 3) in [(w.code, w.count) for w in report.warnings]
    uploaded, _ = analyse_file(path, as_of=AS_OF)
    assert {g.name: (g.shipments, g.valid) for g in uploaded.by_marketplace} == markets


def test_yen_make_an_order_under_1000_exempt(write_file: WriteFile) -> None:
    """A currency column of JPY names Japan, whose orders under JPY 1,000 are exempt
    (domain.md §1b): the 980 one is not counted, the 1,200 one is."""
    lines = [
        "Order ID,Ship Date,Carrier,Tracking,Category,Amount,Currency",
        "503-1,2026-11-20,Japan Post,,Toys,980,JPY",
        f"503-2,2026-11-21,UPS,{UPS_OK},Toys,1200,JPY",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert {g.name: (g.shipments, g.valid) for g in report.by_marketplace} == {"JP": (1, 1)}
    assert report.excluded.get("jp_under_1000") == 1


def test_a_site_or_a_state_comes_first(write_file: WriteFile) -> None:
    """A marketplace column is read alone: its blank cell is no currency's. A buyer's state
    names the US before the currency's UK."""
    with_site = [
        "Order ID,Ship Date,Carrier,Tracking,Marketplace,Currency",
        f"111-1,2026-11-20,USPS,{USPS_OK},US,GBP",
        f"111-2,2026-11-21,USPS,{USPS_OK[:-1]}0,,GBP",
    ]
    report = report_file(write_file(with_site, name="site.csv"), as_of=AS_OF)
    assert sorted(g.name for g in report.by_marketplace) == ["US", "Unspecified"]
    assert not [w for w in report.warnings if w.code == "marketplace_by_currency"]
    with_state = [
        "Order ID,Ship Date,Carrier,Tracking,Ship To State,Order Total",
        f"111-3,2026-11-20,USPS,{USPS_OK},TX,£20.00",
        f"203-4,2026-11-21,UPS,{UPS_OK},,£20.00",
    ]
    report = report_file(write_file(with_state, name="state.csv"), as_of=AS_OF)
    assert sorted(g.name for g in report.by_marketplace) == ["UK", "US"]
    codes = [(w.code, w.count) for w in report.warnings]
    assert ("marketplace_by_currency", 1) in codes and ("marketplace_by_address", 1) in codes
