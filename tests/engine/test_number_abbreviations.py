"""European exports abbreviate "number" before the order's or the parcel's word ('Nº pedido',
'N° de suivi', 'Nr. zamówienia') or glue it to the word's end ('Auftragsnr'): a file whose
order-ID or tracking header the bot does not read is refused outright, so the seller gets
no figure at all. The headers here are spelled by hand, none of them an alias of
columns.yaml."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.domain.engine import analyse_file
from bot.domain.reading import header_meanings
from tests.engine.conftest import CHINA_POST_OK

pytestmark = pytest.mark.collection


@pytest.mark.parametrize(
    ("order", "tracking"),
    [
        ("Núm. pedido", "Núm. de rastreo"),  # Spanish
        ("Nº de orden", "N.º envío"),  # Spanish: a shipment's number is its tracking number
        ("N.º encomenda", "N.º de rastreio"),  # Portuguese
        ("Nr. ordine", "N. tracciamento"),  # Italian
        ("No. de commande", "N° de traçage"),  # French
        ("Auftrags-Nr.", "Sendungs-Nr."),  # German, written apart
        ("Auftragsnr", "Trackingnr"),  # German, glued
        ("Ordernr.", "Zendingnummer"),  # Dutch
        ("Nr zamówienia", "Nr przesyłki"),  # Polish
        ("Beställningsnr", "Spårningsnr"),  # Swedish
    ],
)
def test_number_abbreviations_before_order_and_tracking_words_are_read(
    order: str, tracking: str
) -> None:
    meanings = header_meanings(["Datum", order, "Carrier", tracking])
    assert (meanings.get("order_id"), meanings.get("tracking")) == (1, 3)


@pytest.mark.parametrize(
    ("header", "not_meaning"),
    [
        ("Fecha del pedido", "order_id"),  # the order's date: no number word
        ("Nº de seguimiento del pedido", "order_id"),  # the order's tracking number
        ("Kundennummer", "order_id"),  # the buyer's number
        ("Nr. linea ordine", "order_id"),  # an order line, not the order
        ("Estado del seguimiento", "tracking"),  # a status, no number
        ("Fecha nº envío", "tracking"),  # a date
        ("Telefonnummer", "tracking"),
    ],
)
def test_a_number_word_alone_does_not_make_the_meaning(header: str, not_meaning: str) -> None:
    assert header_meanings(["Carrier", header]).get(not_meaning) != 1


def test_the_tracking_number_of_the_order_is_the_tracking_column() -> None:
    cells = ["Nº pedido", "Nº de seguimiento del pedido", "Transportista"]
    meanings = header_meanings(cells)
    assert (meanings["order_id"], meanings["tracking"]) == (0, 1)


def test_an_italian_export_with_abbreviated_headers_is_read(tmp_path: Path) -> None:
    """cp1252, semicolons, day-first dates, decimal commas. Counted by hand, window ending
    2026-11-20: 10 Giocattoli parcels, 9 with a valid number, 1 without: 9/10 = 90%, below,
    ⌊95 × 10 / 100⌋ + 1 − 9 = 1 fix; 2 'Lettera' letters at EUR 9,90 without tracking are
    the EU letter exemption (its service read from 'Tipo di spedizione'); a 'Lettera' at
    EUR 1.250,00 is counted and valid (a thousands dot, not EUR 1.25): 10/11 = 90.9%, still
    1 fix (⌊95 × 11 / 100⌋ + 1 − 10 = 1)."""
    header = "Nr. ordine;Data di spedizione;Corriere;N. tracciamento;Tipo di spedizione;Categoria;Importo (€);Valuta;Marketplace"  # fmt: skip
    rows = [f"171-{i:07d};{i + 1:02d}/11/2026;YunExpress;YT66{i:014d};Pacco;Giocattoli;25,00;EUR;Amazon.it" for i in range(9)]  # fmt: skip
    rows.append("171-X;13/11/2026;YunExpress;;Pacco;Giocattoli;25,00;EUR;Amazon.it")
    rows += [f"171-L{i};14/11/2026;China Post;;Lettera prioritaria;Giocattoli;9,90;EUR;Amazon.it" for i in range(2)]  # fmt: skip
    rows.append(f"171-B;15/11/2026;China Post;{CHINA_POST_OK};Lettera assicurata;Giocattoli;1.250,00;EUR;Amazon.it")  # fmt: skip
    path = tmp_path / "ordini.csv"
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("cp1252"))
    report, _ = analyse_file(path, as_of=date(2026, 11, 20))
    assert [(g.name, g.shipments, g.valid, g.needed) for g in report.by_category] == [
        ("Giocattoli", 11, 10, 1)
    ]
    assert report.excluded["eu_letter_under_20"] == 2
    assert sorted(d.order_id for d in report.defects) == ["171-X"]


def test_a_portuguese_export_header_is_read() -> None:
    cells = ["N.º encomenda", "Data de envio", "Transportadora", "Código de rastreio"]
    meanings = header_meanings(cells)
    assert [meanings.get(m) for m in ("order_id", "ship_date", "carrier", "tracking")] == [
        0,
        1,
        2,
        3,
    ]
