"""Who ships a package, in the words of European and Japanese exports.

A fulfilment column the reader does not know leaves every Amazon-fulfilled row counted as
the seller's: an FBA row has no tracking, so each one became a defect (a German export
with "Versand durch: Amazon" and a Japanese one with "出荷元: Amazon" were read that way).
Each file below holds, hand-counted: 10 rows the seller shipped with valid YunExpress
numbers (counted, 10/10 valid), 2 rows Amazon shipped without tracking (FBA, excluded),
one cancelled row and one row not shipped yet. Then the dates and country names of the
same exports.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bot.domain.engine import analyse_file
from bot.domain.reading import header_meanings
from bot.domain.values import marketplace_code, parse_dates

# Many small files for reading features: the first case of each test runs in the fast
# tier, the rest in the full one.
pytestmark = pytest.mark.collection

AS_OF = date(2026, 11, 20)

# (header of: order, ship date, carrier, tracking, category, fulfilment, status),
# fulfilment (seller, Amazon), status (shipped, cancelled, not shipped), date of day d, encoding.
_EXPORTS = {
    "german": (
        "Bestell-Nr.;Versandt am;Paketdienst;Trackingnummer;Produktkategorie;Versandt durch;Bestellstatus",
        ("Verkäufer", "Versand durch Amazon"),
        ("Versandt", "Storniert", "Ausstehend"),
        "{d:02d}.11.2026",
        "cp1252",
    ),
    "french": (
        "N° de commande;Date d'expédition;Transporteur;Numéro de suivi;Catégorie;Expédié par;Statut",
        ("Vendeur", "Amazon"),
        ("Expédiée", "Annulée", "En attente"),
        "{d:02d}/11/2026",
        "cp1252",
    ),
    "italian": (
        "Numero ordine;Data di spedizione;Corriere;Numero di tracciamento;Categoria;Gestito da;Stato ordine",
        ("Venditore", "Logistica di Amazon"),
        ("Spedito", "Annullato", "In attesa"),
        "{d:02d}/11/2026",
        "utf-8",
    ),
    "spanish": (
        "Número de pedido;Fecha de envío;Transportista;Número de seguimiento;Categoría;Enviado por;Estado del pedido",
        ("Vendedor", "Amazon"),
        ("Enviado", "Anulado", "Pendiente"),
        "{d:02d}/11/2026",
        "utf-8",
    ),
    "dutch": (
        "Bestelnummer;Verzenddatum;Vervoerder;Track & Trace;Categorie;Verzonden door;Bestelstatus",
        ("Verkoper", "Amazon"),
        ("Verzonden", "Geannuleerd", "In afwachting"),
        "{d:02d}-11-2026",
        "cp1252",
    ),
    "polish": (
        "Numer zamówienia;Data wysyłki;Przewoźnik;Numer przesyłki;Kategoria;Realizacja przez;Status zamówienia",
        ("Sprzedawca", "Amazon"),
        ("Wysłane", "Anulowane", "Oczekujące"),
        "{d:02d}.11.2026",
        "utf-8",
    ),
    "swedish": (
        "Ordernummer;Skickat datum;Transportör;Spårningsnummer;Kategori;Skickas av;Orderstatus",
        ("Säljare", "Amazon"),
        ("Skickad", "Avbruten", "Väntande"),
        "2026-11-{d:02d}",
        "utf-8",
    ),
    "japanese": (
        "注文番号,出荷日,配送業者,追跡番号,カテゴリー,発送元,注文ステータス",
        ("出品者", "Amazon"),
        ("出荷済み", "キャンセル", "未発送"),
        "2026/11/{d:02d}",
        "cp932",
    ),
}


def _export(kind: str, path: Path) -> Path:
    header, (seller, amazon), (shipped, cancelled, waiting), day, encoding = _EXPORTS[kind]
    sep = "," if "," in header else ";"
    rows = [
        [f"O{i}", day.format(d=10 + i), "YunExpress", f"YT66{i:014d}", "K", seller, shipped]
        for i in range(10)
    ]
    rows += [[f"A{i}", day.format(d=12), "", "", "K", amazon, shipped] for i in range(2)]
    rows.append(["C1", day.format(d=12), "YunExpress", "", "K", seller, cancelled])
    rows.append(["W1", day.format(d=12), "", "", "K", seller, waiting])
    lines = [header, *(sep.join(row) for row in rows)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize("kind", sorted(_EXPORTS))
def test_amazon_fulfilled_rows_are_left_out_in_every_language(tmp_path: Path, kind: str) -> None:
    report, _ = analyse_file(_export(kind, tmp_path / f"{kind}.csv"), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (10, 10)
    assert report.defects == []
    assert {k: v for k, v in report.excluded.items() if v} == {
        "fba": 2,
        "cancelled": 1,
        "not_shipped": 1,
    }


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("20 novembre 2026", "2026-11-20"),  # French / Italian
        ("mardi 20 novembre 2026", "2026-11-20"),
        ("sábado, 5 de diciembre de 2026", "2026-12-05"),  # Spanish, weekday and "de"
        ("Donnerstag, 5. November 2026", "2026-11-05"),
        ("3. März 2026", "2026-03-03"),
        ("5 déc. 2026", "2026-12-05"),
        ("1 août 2026", "2026-08-01"),
        ("20 listopada 2026", "2026-11-20"),  # Polish genitive
        ("Thursday, November 5, 2026", "2026-11-05"),  # English as before
        ("20 brumaire 2026", None),  # no month of any calendar we read
    ],
)
def test_month_names_of_european_exports_are_read(text: str, day: str | None) -> None:
    parsed = parse_dates(pl.Series([text]), today=date(2026, 12, 6))
    (got,) = parsed.dates.to_list()
    assert (str(got) if got else None) == day


@pytest.mark.parametrize(
    ("written", "code"),
    [("Deutschland", "DE"), ("Allemagne", "DE"), ("ドイツ", "DE"), ("España", "ES"),
     ("Royaume-Uni", "UK"), ("États-Unis", "US"), ("Pays-Bas", "NL"), ("Polska", "PL")],
)  # fmt: skip
def test_countries_named_in_the_sellers_language_are_marketplaces(written: str, code: str) -> None:
    assert marketplace_code(written) == code


@pytest.mark.parametrize(
    ("header", "fulfilment"),
    [
        ("出荷元区分", True),  # who ships, in words no alias spells
        ("Versand erfolgt durch", True),
        ("出荷元住所", False),  # the ship-from address, not who ships
        ("フルフィルメントセンター", False),  # Amazon's warehouse, not who ships
    ],
)
def test_who_ships_is_read_from_the_words_of_a_header(header: str, fulfilment: bool) -> None:
    found = header_meanings(["注文番号", "出荷日", "配送業者", "追跡番号", header])
    assert ("fulfillment" in found) is fulfilment
