"""Headers no alias of columns.yaml spells, read by the words they hold (header_words.yaml):
a file refused for its ship-date header answers none of the seller's questions.

Each file below is counted by hand (as-of 2026-11-20, every counted row shipped inside the
window): 20 rows of 玩具/Toys, 19 with a valid number and 1 without one: 19/20 = 95.0%, below
the bar, 1 fix (⌊95 × 20 / 100⌋ + 1 − 19 = 1); 10 rows of 家居/Home, all valid; plus one FBA
row and one cancelled row, never counted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bot.domain.engine import analyse_file
from bot.domain.errors import FileRejected
from bot.domain.models import VtrReport
from bot.domain.reading import header_meanings
from bot.domain.values import parse_dates
from tests.engine.conftest import CHINA_POST_OK, USPS_OK, YUN_OK

# Many small files for reading features: the first case of each test runs in the fast
# tier, the rest in the full one.
pytestmark = pytest.mark.collection

AS_OF = date(2026, 11, 20)


def _figures(report: VtrReport) -> dict[str, tuple[int, int, int]]:
    return {s.name: (s.shipments, s.valid, s.needed) for s in report.by_category}


def _dianxiaomi_lines() -> list[str]:
    """A 店小秘-style order export: none of its headers is an alias of columns.yaml."""
    header = "店铺账号,平台单号,销售站点,商品类目,发货类型,订单状态,物流服务商,货运单号,标记发货时间,订单总金额,结算币种"
    rows = [f"shop1,T{i},美国站,玩具,FBM,已发货,云途物流,YT{i:016d},2026-11-1{i % 9} 10:00:00,19.99,USD"
            for i in range(19)]  # fmt: skip
    rows.append("shop1,T-X,美国站,玩具,FBM,已发货,云途物流,,2026-11-15 09:30:00,19.99,USD")
    rows += [f"shop1,H{i},美国站,家居,FBM,已发货,云途,YT88{i:014d},2026-11-12 08:00:00,35.00,USD"
             for i in range(10)]  # fmt: skip
    rows.append("shop1,F1,美国站,家居,FBA,已发货,,,2026-11-12 08:00:00,35.00,USD")
    rows.append(f"shop1,C1,美国站,家居,FBM,已取消,USPS,{USPS_OK},2026-11-12 08:00:00,35.00,USD")
    return [header, *rows]


def test_a_dianxiaomi_export_with_a_bom_is_read_by_its_words(tmp_path: Path) -> None:
    path = tmp_path / "店小秘订单导出.csv"
    path.write_bytes(("\r\n".join(_dianxiaomi_lines()) + "\r\n").encode("utf-8-sig"))
    report, _ = analyse_file(path, as_of=AS_OF)
    assert _figures(report) == {"玩具": (20, 19, 1), "家居": (10, 10, 0)}
    assert {k: v for k, v in report.excluded.items() if v} == {"fba": 1, "cancelled": 1}


def _us_lines() -> list[str]:
    """A US-style English export, every field quoted, dates MM/DD/YYYY with a time."""
    header = (
        '"Amazon Order Number","Sales Channel Name","Product Type","Fulfilled By",'
        '"Order Status","Shipping Provider","Shipment Tracking Number","Ship Confirm Date",'
        '"Order Value","Currency Code"'
    )
    rows = [f'"111-{i:07d}","Amazon.com","Toys","Merchant","Shipped","YunExpress","{YUN_OK[:-2]}{i:02d}","11/{1 + i:02d}/2026 3:04 PM","12.00","USD"'
            for i in range(19)]  # fmt: skip
    rows.append(
        '"111-X","Amazon.com","Toys","Merchant","Shipped","YunExpress","","11/13/2026 3:04 PM","12.00","USD"'
    )
    rows += [f'"112-{i:07d}","Amazon.com","Home","Merchant","Shipped","YunExpress","YT99{i:014d}","11/0{1 + i % 9}/2026 9:00 AM","40.00","USD"'
             for i in range(10)]  # fmt: skip
    rows.append(
        '"113-F","Amazon.com","Home","Amazon","Shipped","","","11/02/2026 9:00 AM","40.00","USD"'
    )
    rows.append(
        '"113-C","Amazon.com","Home","Merchant","Canceled","YunExpress","YT9800000000000001","11/02/2026 9:00 AM","40.00","USD"'
    )
    return [header, *rows]


def test_a_quoted_us_export_is_read_by_its_words_and_its_dates_month_first(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("\r\n".join(_us_lines()) + "\r\n", encoding="utf-8")
    report, _ = analyse_file(path, as_of=AS_OF)
    # 11/13 … 11/19 have a day over 12: the column is month first, so 11/01 is November 1.
    assert _figures(report) == {"Toys": (20, 19, 1), "Home": (10, 10, 0)}
    assert {k: v for k, v in report.excluded.items() if v} == {"fba": 1, "cancelled": 1}
    assert report.window.start == date(2026, 10, 22)


@pytest.mark.parametrize(
    ("header", "meaning"),
    [
        ("Shipped Date/Time", "ship_date"),
        ("ShipDate", "ship_date"),
        ("出库日期", "ship_date"),
        ("TrackingNo", "tracking"),
        ("AWB Number", "tracking"),
        ("转单号", "tracking"),
        ("Courier Company", "carrier"),
        ("Ship Via", "carrier"),
        ("承运服务商", "carrier"),
        ("Tracking Company", "carrier"),
        ("Category Name", "category"),
        ("一级类目", "category"),
        ("Fulfillment Type", "fulfillment"),
        ("Grand Total", "order_value"),
        ("订单币种", "currency"),
    ],
)
def test_a_header_is_read_by_its_words(header: str, meaning: str) -> None:
    cells = ["Order ID", header]
    assert header_meanings(cells).get(meaning) == 1


@pytest.mark.parametrize(
    ("header", "not_meaning"),
    [
        ("Latest Ship Date", "ship_date"),  # Amazon's deadline, not the day it shipped
        ("Estimated Ship Date", "ship_date"),
        ("预计发货时间", "ship_date"),
        ("Tracking Status", "tracking"),
        ("Tracking URL", "tracking"),
        ("Category ID", "category"),
        ("Shipping Price", "order_value"),
        ("Fulfillment Center", "fulfillment"),
        ("Customer Service Note", "ship_service"),
        ("Service Provider", "ship_service"),
        ("物流服务商", "ship_service"),
    ],
)
def test_a_header_holding_a_word_it_must_not_is_not_read(header: str, not_meaning: str) -> None:
    assert not_meaning not in header_meanings(["Order ID", header])


@pytest.mark.parametrize(
    ("header", "meaning"),
    [
        ("Status/状态", "status"),
        ("状态 / Status", "status"),
        ("Amount/金额", "order_value"),
        ("Currency｜币种", "currency"),
        ("Ship Date/发货日期", "ship_date"),
    ],
)
def test_a_header_in_two_languages_is_read_by_its_halves(header: str, meaning: str) -> None:
    # 'Status/状态' folds to 'status状态', no alias: its cancelled rows, shipped with no
    # date, were all counted as not shipped.
    assert header_meanings(["Order ID", header]).get(meaning) == 1


def test_halves_naming_two_meanings_name_neither() -> None:
    meanings = header_meanings(["Order ID", "Carrier/Tracking Number"])
    assert meanings.get("carrier") != 1 or meanings.get("tracking") != 1


def test_an_alias_beats_a_header_read_by_its_words() -> None:
    # 'ship-date' is an alias; 'Label Created Date' would only be read by its words.
    meanings = header_meanings(["Label Created Date", "order-id", "ship-date"])
    assert meanings["ship_date"] == 2


def test_a_file_whose_only_date_is_the_ship_deadline_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "order-id,latest-ship-date,carrier,tracking-number\nA1,2026-11-10,UPS,\n", encoding="utf-8"
    )
    with pytest.raises(FileRejected) as refused:
        analyse_file(path, as_of=AS_OF)
    assert (refused.value.code, refused.value.missing) == ("missing_columns", ["ship_date"])


def test_cells_are_read_by_a_word_they_hold(tmp_path: Path) -> None:
    """Values no whole word of vocabulary.yaml spells: "Fulfilled by Amazon" is FBA (it was
    counted as a self-fulfilled package without tracking), "Canceled by seller" cancelled,
    "Not Yet Shipped" not shipped, "Seller Fulfilled Prime" the seller's, "US站" Amazon.com.
    Counted: 10 Toys rows, all valid: 10/10."""
    header = "order-id,ship-date,fulfillment-channel,order-status,sales-channel,product-category,carrier,tracking-number"
    rows = [f"T{i},2026-11-10,Seller Fulfilled Prime,Shipped,US站,Toys,YunExpress,YT77{i:014d}"
            for i in range(10)]  # fmt: skip
    rows += [
        "F1,2026-11-10,Fulfilled by Amazon,Shipped,Amazon United States,Toys,,",
        "C1,2026-11-10,Fulfilled by Merchant,Canceled by seller,US,Toys,UPS,",
        "P1,,Fulfilled by Merchant,Not Yet Shipped,US,Toys,,",
    ]
    path = tmp_path / "orders.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    report, _ = analyse_file(path, as_of=AS_OF)
    assert _figures(report) == {"Toys": (10, 10, 0)}
    assert {k: v for k, v in report.excluded.items() if v} == {
        "fba": 1,
        "cancelled": 1,
        "not_shipped": 1,
    }
    assert [s.name for s in report.by_marketplace] == ["US"]


@pytest.mark.parametrize(
    ("texts", "days"),
    [
        # Excel's US short date: two-digit years after slashes are this century's.
        (["11/5/26", "11/15/26 3:04 PM"], ["2026-11-05", "2026-11-15"]),
        (["05.11.26", "20.11.26"], ["2026-11-05", "2026-11-20"]),  # German short dates
        # Named months however they are cut, with or without a weekday.
        (["5-Nov-2026", "05/Nov/2026", "Nov-05-2026"], ["2026-11-05"] * 3),
        (["Thu Nov 05 2026", "Thursday, November 5, 2026"], ["2026-11-05"] * 2),
        (["26-11-20"], [None]),  # dashed with two-digit years: 2026? 2020? still not guessed
    ],
)
def test_dates_sellers_write_are_read(texts: list[str], days: list[str | None]) -> None:
    parsed = parse_dates(pl.Series(texts), today=date(2026, 12, 6))
    assert [str(d) if d else None for d in parsed.dates.to_list()] == days


def test_a_german_export_with_letters_is_read(tmp_path: Path) -> None:
    """German headers, semicolons, windows-1252, DD.MM.YYYY, comma decimals: 3 Deutsche Post
    'Brief' letters at EUR 12,50 are the EU letter exemption; 10 DHL parcels with valid
    numbers are counted (10/10); one 'Storniert' order is cancelled."""
    header = "Bestellnummer;Versanddatum;Versanddienstleister;Sendungsnummer;Kategorie;Marktplatz;Versandart;Bestellwert;Währung;Bestellstatus"
    rows = [f"302-{i};0{i + 1}.11.2026;Deutsche Post;;Spielzeug;Amazon.de;Brief;12,50;EUR;Versandt" for i in range(3)]  # fmt: skip
    rows += [f"302-9{i};{i + 10}.11.2026;YunExpress;YT55{i:014d};Spielzeug;Amazon.de;Paket;25,00;EUR;Versandt" for i in range(10)]  # fmt: skip
    rows.append("302-C;12.11.2026;DHL;;Spielzeug;Amazon.de;Paket;25,00;EUR;Storniert")
    path = tmp_path / "bestellungen.csv"
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("cp1252"))
    report, _ = analyse_file(path, as_of=AS_OF)
    assert _figures(report) == {"Spielzeug": (10, 10, 0)}
    assert {k: v for k, v in report.excluded.items() if v} == {
        "eu_letter_under_20": 3,
        "cancelled": 1,
    }


def test_dates_with_no_day_over_12_are_read_the_way_that_keeps_them_together(
    tmp_path: Path,
) -> None:
    """01/11/2026 … 10/11/2026 (a French export): day first they are ten days of November,
    month first ten months; the file covers a stretch of days, so they are November's and
    all ten count in the window ending 2026-11-20."""
    header = "Numéro de commande;Date d'expédition;Transporteur;Numéro de suivi;Catégorie;Place de marché"
    rows = [f"403-{i};{i + 1:02d}/11/2026;YunExpress;YT44{i:014d};Jouets;Amazon.fr" for i in range(10)]  # fmt: skip
    path = tmp_path / "commandes.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    report, _ = analyse_file(path, as_of=AS_OF)
    assert _figures(report) == {"Jouets": (10, 10, 0)}
    assert [s.name for s in report.by_marketplace] == ["FR"]


def test_month_first_dates_stay_month_first_when_they_keep_together() -> None:
    # 11/01 … 11/10: month first they are ten days of November, day first ten months.
    texts = [f"11/{day:02d}/2026" for day in range(1, 11)]
    parsed = parse_dates(pl.Series(texts), today=date(2026, 12, 6))
    assert {d.month for d in parsed.dates.to_list()} == {11}


def test_the_service_provider_is_the_carrier_beside_a_logistics_channel(tmp_path: Path) -> None:
    """服务商 names the company that carries the parcel; 物流渠道 beside it names the service
    (标准挂号, registered mail). Reading the carrier from the service would make every
    number's carrier unknown: here 3 valid numbers under their carriers, 1 empty."""
    header = "平台订单号,站点,商品类目,物流渠道,服务商,物流跟踪号,发货日期,订单状态,发货方式"
    rows = [
        f"A1,德国站,工具,标准挂号,中国邮政,{CHINA_POST_OK},2026-11-10,已发货,自发货",
        f"A2,德国站,工具,标准挂号,USPS,{USPS_OK},2026-11-11,已发货,自发货",
        f"A3,德国站,工具,标准挂号,云途物流,{YUN_OK},2026-11-12,已发货,自发货",
        "A4,德国站,工具,标准挂号,中国邮政,,2026-11-13,已发货,自发货",
    ]
    assert header_meanings(header.split(","))["carrier"] == 4
    path = tmp_path / "通途.csv"
    path.write_bytes(("\n".join([header, *rows]) + "\n").encode("gbk"))
    report, _ = analyse_file(path, as_of=AS_OF)
    assert _figures(report) == {"工具": (4, 3, 1)}


def _gestion_lines(channel: str, amazon: str) -> list[str]:
    header = "Numéro de commande;Plateforme;Date d'expédition;Transporteur;Numéro de suivi;Catégorie;Gestion"
    rows = [
        f"F1;Amazon;10/11/2026;China Post;{CHINA_POST_OK};Jardin;{channel}",
        f"F2;Amazon;11/11/2026;USPS;{USPS_OK};Jardin;{channel}",
        f"F3;Amazon;12/11/2026;YunExpress;{YUN_OK};Jardin;{channel}",
        f"F4;Amazon;13/11/2026;China Post;;Jardin;{channel}",
        f"F5;Amazon;14/11/2026;;;Jardin;{amazon}",
        f"F6;Amazon;15/11/2026;;;Jardin;{amazon}",
    ]
    return [header, *rows]


def test_a_column_of_fulfilment_words_is_the_channel_whatever_its_header(tmp_path: Path) -> None:
    """'Gestion' names nothing, but its cells say who ships: the 2 Amazon rows leave the
    count (4 counted, 3 valid); 'Plateforme' (Amazon on every row) is not the channel."""
    path = tmp_path / "export.csv"
    lines = _gestion_lines("Expédié par le vendeur", "Expédié par Amazon")
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8-sig"))
    report, _ = analyse_file(path, as_of=AS_OF)
    assert _figures(report) == {"Jardin": (4, 3, 1)}
    assert report.excluded["fba"] == 2


def test_a_column_without_a_seller_word_is_not_taken_for_the_channel(tmp_path: Path) -> None:
    """Cells that are all 'Amazon' may be the platform: no channel column, all 6 counted."""
    path = tmp_path / "export.csv"
    path.write_text("\n".join(_gestion_lines("Amazon", "Amazon")) + "\n", encoding="utf-8")
    report, _ = analyse_file(path, as_of=AS_OF)
    assert _figures(report)["Jardin"][0] == 6
