"""A French seller's export, every field quoted, amounts written '1.234,56': its service
column ('Mode de livraison', 'Mode d'envoi') is read, so a Lettre suivie or a Correos
Carta under EUR 20 is exempt while one of EUR 1.019,00 is not, and Chronopost, a carrier
in Amazon's list handing out the French post's S10 numbers, is judged on them."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import WriteFile

pytestmark = pytest.mark.collection

AS_OF = date(2026, 11, 30)
# S10 check digits by hand (weights 8,6,4,2,3,5,9,7; 11 − sum mod 11):
# 12345678 → 204, 204 mod 11 = 6, check 5; 87654321 → 192, 192 mod 11 = 5, check 6.
LETTER_OK = "RR123456785FR"
CHRONO_OK = "EE876543216FR"
CHRONO_BAD = "XA876543215FR"
ROWS = [
    ("F1", "Amazon.fr", "La Poste", "Lettre suivie", "", "14,50"),
    ("F2", "Amazon.fr", "La Poste", "Lettre suivie", LETTER_OK, "20,00"),
    ("F3", "Amazon.es", "Correos", "Carta certificada", "", "19,99"),
    ("F4", "Amazon.fr", "Chronopost", "Chrono Classic", CHRONO_OK, "1.234,56"),
    ("F5", "Amazon.it", "Chronopost", "Chrono Express", CHRONO_BAD, "48,00"),
    ("F6", "Amazon.fr", "La Poste", "Lettre suivie", "", "1.019,00"),
]


def _quoted(cells: tuple[str, ...]) -> str:
    return ",".join(f'"{cell}"' for cell in cells)


@pytest.mark.parametrize("service", ["Mode de livraison", "Mode d'envoi"])
def test_a_quoted_french_export(write_file: WriteFile, service: str) -> None:
    """By hand: F1 and F3 letters under EUR 20, exempt; F2 a letter at EUR 20.00 and F4 a
    Chronopost parcel, valid; F5 a Chronopost number with a wrong check digit; F6 a letter
    of EUR 1,019.00 with no number, counted and missing. FR 2 of 3 valid, IT 0 of 1."""
    header = ("N° de commande", "Place de marché", "Transporteur", service)
    header += ("Numéro de suivi", "Montant total")
    lines = [_quoted((*header, "Date d'expédition", "Devise"))]
    lines += [_quoted((*row, "20/11/2026", "EUR")) for row in ROWS]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        markets = {g.name: (g.shipments, g.valid) for g in report.by_marketplace}
        assert markets == {"FR": (3, 2), "IT": (1, 0)}
        assert report.excluded["eu_letter_under_20"] == 2
        assert [(d.order_id, d.reason) for d in report.defects] == [
            ("F5", "bad_check_digit"),
            ("F6", "missing_tracking"),
        ]
        carriers = {g.name: (g.shipments, g.valid) for g in report.by_carrier}
        assert carriers == {"Chronopost": (2, 1), "La Poste": (2, 1)}
