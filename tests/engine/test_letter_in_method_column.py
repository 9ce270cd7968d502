"""Of two ship-service columns beside a carrier column ('ship-service-level' always 'Standard'
beside 'ship-method' naming the service: 'Lettre prioritaire', 'Colissimo'), the letter rule
reads the one whose values say the most: a level column never names the letter a method
column does. Held-out set 35's Amazon-style order report counted its five French letters
under EUR 20 (its Beauté/FR 20/25 for the writer's 19/20)."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import CHINA_POST_OK, UPS_OK, WriteFile

AS_OF = date(2026, 11, 30)
HEADER = "order-id\tship-date\tsales-channel\tship-service-level\tship-method\tcarrier\ttracking-number\titem-price\tshipping-price\tcurrency"


def test_the_method_column_names_the_letter(write_file: WriteFile) -> None:
    """By hand: 403-1 (EUR 9.99 + 2.50 = 12.49, 'Lettre prioritaire', no tracking) is exempt;
    403-2 (EUR 18.50 + 3.90 = 22.40, a letter over EUR 20, no tracking) counts, a defect;
    403-3 a Colissimo parcel with a valid number; 111-4 a US parcel: 2 valid of 3. Read from
    the level column, 403-1 counted too: 2 valid of 4."""
    lines = [
        HEADER,
        "403-1\t2026-11-05\tAmazon.fr\tStandard\tLettre prioritaire\tChina Post\t\t9.99\t2.50\tEUR",
        "403-2\t2026-11-18\tAmazon.fr\tStandard\tLettre prioritaire\tChina Post\t\t18.50\t3.90\tEUR",
        f"403-3\t2026-11-22\tAmazon.fr\tStandard\tColissimo\tChina Post\t{CHINA_POST_OK}\t42.40\t3.90\tEUR",
        f"111-4\t2026-11-23\tAmazon.com\tStandard\tUPS Ground\tUPS\t{UPS_OK}\t20.00\t0\tUSD",
    ]
    path = write_file(lines, name="orders.txt")
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (3, 2)
        assert report.excluded["eu_letter_under_20"] == 1
        assert [d.order_id for d in report.defects] == ["403-2"]


def test_a_level_column_that_varies_less_stays_beside_a_plain_method(write_file: WriteFile) -> None:
    """Both columns as varied: the aliases' choice (the level) stays; 'Letter' in it exempts
    the DE letter of EUR 12: 1 valid of 1."""
    lines = [
        HEADER,
        "302-1\t2026-11-05\tAmazon.de\tLetter\tStandard\tChina Post\t\t12.00\t0\tEUR",
        f"302-2\t2026-11-06\tAmazon.de\tStandard\tExpress\tChina Post\t{CHINA_POST_OK}\t30.00\t0\tEUR",
    ]
    report = report_file(write_file(lines, name="orders.txt"), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (1, 1)
