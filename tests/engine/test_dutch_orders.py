"""A Dutch order export (Bestelnummer, Productcategorie, Orderbedrag …) for Amazon.nl and
Amazon.com.be, written with classic-Mac line ends (CR only), DD-MM-YYYY dates and decimal
commas: its category and amount columns are read, and its letters under EUR 20 exempt,
letters being the services holding a letter word (brief); a letterbox parcel
(brievenbuspakje) is a parcel (docs/decisions/008-dutch-letter-services.md)."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from bot.domain.exemptions import is_letter_service
from tests.engine.conftest import UPS_OK, WriteFile

AS_OF = date(2026, 11, 30)
UPS_BAD = UPS_OK[:-1] + "8"
HEADER = (
    "Bestelnummer;Marktplaats;Productcategorie;Verzenddatum;Vervoerder;Verzendmethode;"
    "Trackingnummer;Orderbedrag;Valuta"
)
ROWS = [
    "N1;Amazon.nl;Speelgoed;14-11-2026 10:30;China Post;China Post Brief;;8,99;EUR",
    "N2;Amazon.com.be;Speelgoed;15-11-2026 11:00;PostNL;PostNL Brief internationaal;;19,95;EUR",
    "N3;Amazon.nl;Speelgoed;16-11-2026 09:10;PostNL;Aangetekende brief;;12,50;EUR",
    "N4;Amazon.nl;Speelgoed;17-11-2026 16:45;China Post;PostNL Brievenbuspakje;RR111111115CN;6,95;EUR",
    "N5;Amazon.nl;Wonen & keuken;18-11-2026 08:00;China Post;China Post Brief;RR876543216CN;20,00;EUR",
    f"N6;Amazon.nl;Wonen & keuken;21-11-2026 13:20;UPS;UPS Standard;{UPS_BAD};45,00;EUR",
]


def test_letter_words_in_dutch_services() -> None:
    letters = ["PostNL Brief internationaal", "Aangetekende brief", "Briefpost"]
    parcels = ["PostNL Brievenbuspakje", "Brievenbuspost", "PostNL Pakket", "bpost Prior"]
    assert all(is_letter_service(s) for s in letters)
    assert not any(is_letter_service(s) for s in parcels)


def test_a_dutch_export_with_cr_line_ends(write_file: WriteFile) -> None:
    """By hand: N1-N3 letters under EUR 20 (two NL, one BE), exempt; N4 a letterbox parcel,
    counted and valid; N5 a letter at exactly EUR 20, not under, counted and valid; N6 a bad
    check digit. Speelgoed on NL 1 of 1, Wonen & keuken on NL 1 of 2."""
    path = write_file([HEADER, *ROWS], newline="\r")
    assert b"\n" not in path.read_bytes()
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        cells = {
            (g.name, g.marketplace): (g.shipments, g.valid) for g in report.by_category_marketplace
        }
        assert cells == {("Speelgoed", "NL"): (1, 1), ("Wonen & keuken", "NL"): (2, 1)}
        assert report.excluded["eu_letter_under_20"] == 3
        assert [(d.order_id, d.reason) for d in report.defects] == [("N6", "bad_check_digit")]
