"""An Amazon.ae / Amazon.sa seller's export with Arabic headers (رقم الطلب, تاريخ الشحن, شركة
الشحن, رقم التتبع …), Arabic fulfilment and status words (التاجر / أمازون, ملغى, قيد الانتظار),
and the Gulf's carriers was refused for having no header (set F12's F07). AE and SA are
marketplaces of the 95% bar (domain.md §1); Emirates Post and Saudi Post give UPU S10 numbers
(…AE, …SA, check digit checked); Aramex and SMSA Express have no published rule, so they count
valid and unverified (domain.md §6, "others"), never unknown carriers."""

from __future__ import annotations

from datetime import date

from bot.domain.engine import analyse_file, report_file
from tests.engine.conftest import UPS_OK, WriteFile

AS_OF = date(2026, 12, 5)
EMIRATES_OK = "EE123456785AE"  # 1·8+2·6+3·4+4·2+5·3+6·5+7·9+8·7 = 204; 11 − 204 mod 11 = 5
SAUDI_OK = "RR876543216SA"  # 8·8+7·6+6·4+5·2+4·3+3·5+2·9+1·7 = 192; 11 − 192 mod 11 = 6
SAUDI_BAD = "RR876543219SA"  # check digit 9, not 6


def test_a_gulf_seller_s_export(write_file: WriteFile) -> None:
    """By hand: A Aramex (valid, unverified), B SMSA Express (valid, unverified), C Emirates
    Post valid, D Saudi Post valid, E Saudi Post bad check digit, F UPS with 'لا يوجد' (no
    number), all shipped by the seller; G أمازون (FBA), H ملغى (cancelled, no date), I قيد
    الانتظار (not shipped). Dates day first (25/11/2026). Counted 6, valid 4; AE 3/3 (A, C,
    F… no: F is AE) — AE: A, C, F = 3 counted, 2 valid; SA: B, D, E = 3 counted, 2 valid."""
    lines = [
        "رقم الطلب,تاريخ الشحن,السوق,الفئة,قناة التنفيذ,حالة الطلب,شركة الشحن,رقم التتبع,"
        "إجمالي الطلب,العملة",
        "A,20/11/2026,Amazon.ae,الإلكترونيات,التاجر,تم الشحن,Aramex,28655818673,120.00,AED",
        "B,21/11/2026,Amazon.sa,الإلكترونيات,التاجر,تم الشحن,SMSA Express,290112233445,95.00,SAR",
        f"C,22/11/2026,Amazon.ae,الإلكترونيات,التاجر,تم الشحن,Emirates Post,{EMIRATES_OK},80.00,AED",
        f"D,23/11/2026,Amazon.sa,الإلكترونيات,التاجر,تم الشحن,Saudi Post (SPL),{SAUDI_OK},70.00,SAR",
        f"E,24/11/2026,Amazon.sa,الإلكترونيات,التاجر,تم الشحن,Saudi Post (SPL),{SAUDI_BAD},70.00,SAR",
        "F,25/11/2026,Amazon.ae,الإلكترونيات,التاجر,تم الشحن,UPS,لا يوجد,60.00,AED",
        f"G,25/11/2026,Amazon.ae,الإلكترونيات,أمازون,تم الشحن,Amazon,{UPS_OK},60.00,AED",
        "H,,Amazon.ae,الإلكترونيات,التاجر,ملغى,,,60.00,AED",
        "I,,Amazon.sa,الإلكترونيات,التاجر,قيد الانتظار,,,60.00,SAR",
    ]
    path = write_file(lines)
    for report in (report_file(path, as_of=AS_OF), analyse_file(path, as_of=AS_OF)[0]):
        assert (report.overall.shipments, report.overall.valid) == (6, 4)
        assert {g.name: (g.shipments, g.valid) for g in report.by_marketplace} == {
            "AE": (3, 2),
            "SA": (3, 2),
        }
        assert {d.order_id: d.reason for d in report.defects} == {
            "E": "bad_check_digit",
            "F": "missing_tracking",
        }
        assert {k: v for k, v in report.excluded.items() if v} == {
            "fba": 1,
            "cancelled": 1,
            "not_shipped": 1,
        }
