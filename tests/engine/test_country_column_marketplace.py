"""The marketplace read from a country column (马帮's 国家, 'Country', 國家/地區) when no
column names the site: such an export put every order under 'Unspecified', so a German
letter under EUR 20 and a Japanese order under JPY 1,000 were counted, and the figures of
each marketplace were lost. A country with no Amazon marketplace names none; a column named
for the buyer's address (收货国家, 'Ship To Country') is never read as the marketplace, and a
site column wins over a country column (docs/decisions/010)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.domain.engine import report_file
from bot.domain.models import UNSPECIFIED_MARKETPLACE, VtrReport
from bot.domain.reading import header_meanings
from bot.domain.values import country_marketplace
from tests.engine.conftest import UPS_OK, YUN_OK, WriteFile

pytestmark = pytest.mark.collection

AS_OF = date(2026, 12, 5)
ROYAL_MAIL_OK = "RR123456785GB"  # the S10 check digit of 12345678 is 5 (conftest)


def _by_market(report: VtrReport) -> dict[str, tuple[int, int]]:
    return {g.name: (g.shipments, g.valid) for g in report.by_marketplace}


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("美国", "US"),
        ("美國", "US"),
        ("美国站", "US"),
        ("德國", "DE"),
        ("義大利", "IT"),
        ("澳洲", "AU"),
        ("澳大利亞", "AU"),
        ("阿聯酋", "AE"),
        ("沙烏地阿拉伯", "SA"),
        ("荷蘭", "NL"),
        ("波蘭", "PL"),
        ("比利時", "BE"),
        ("GB", "UK"),
        ("United States", "US"),
        ("Japan", "JP"),
        ("奥地利", ""),
        ("AT", ""),
        ("Austria", ""),
    ],
)
def test_a_country_cell_as_a_marketplace(written: str, code: str) -> None:
    assert country_marketplace(written) == code


@pytest.mark.parametrize(
    ("header", "meaning"),
    [
        ("国家", "country"),
        ("國家/地區", "country"),
        ("国家(中文)", "country"),
        ("Country", "country"),
        ("销售站点", "marketplace"),
        ("平台站点", "marketplace"),
        ("站點", "marketplace"),
        ("收货国家", "ship_country"),
        ("目的国", "ship_country"),
        ("买家国家", "ship_country"),
        ("Ship To Country", "ship_country"),
        ("发货国家", None),
        ("Country of Origin", None),
    ],
)
def test_which_headers_name_the_marketplace(header: str, meaning: str | None) -> None:
    meanings = header_meanings(["订单号", header, "跟踪号"])
    named = {m for m, column in meanings.items() if column == 1}
    assert named == ({meaning} if meaning else set())


MABANG_HEADER = (
    "订单编号,店铺,国家,一级类目,发货时间,物流商,跟踪号,运输方式,订单金额,币种,履约方式,订单状态"
)


def test_a_mabang_export_in_gbk(write_file: WriteFile) -> None:
    """By hand, as of 5 Dec (window 6 Nov - 5 Dec), every ship date written 'yyyy年m月d日
    hh:mm': US 2 counted, 1 valid (one number missing); DE a letter at EUR 12.50 (exempt,
    under EUR 20) and one at EUR 25 (counted, missing); JP JPY 800 (exempt, under JPY
    1,000) and JPY 1,800 with a Japan Post number (valid); UK one valid Royal Mail parcel;
    Austria, no marketplace: Unspecified, valid. 6 counted, 4 valid; one FBA row and one
    cancelled row out."""
    lines = [
        MABANG_HEADER,
        f"111-1,小明店,美国,玩具,2026年11月20日 10:30,云途,{YUN_OK},云途专线挂号,25.5,USD,自发货,已发货",
        "111-2,小明店,美国,玩具,2026年11月21日 09:00,云途,,云途专线挂号,10,USD,自发货,已发货",
        "302-1,小明店,德国,玩具,2026年11月21日 09:00,Deutsche Post,,Brief,12.5,EUR,自发货,已发货",
        "302-2,小明店,德国,玩具,2026年11月22日 09:00,Deutsche Post,,Brief,25,EUR,自发货,已发货",
        "250-1,小红店,日本,玩具,2026年11月22日 09:00,日本邮便,,平邮,800,JPY,自发货,已发货",
        "250-2,小红店,日本,玩具,2026年11月23日 09:00,日本邮便,123456789013,小包,1800,JPY,自发货,已发货",
        f"205-1,小红店,英国,玩具,2026年11月24日 09:00,Royal Mail,{ROYAL_MAIL_OK},Tracked 48,10,GBP,自发货,已发货",
        f"403-1,小红店,奥地利,玩具,2026年11月24日 09:00,UPS,{UPS_OK},Standard,30,EUR,自发货,已发货",
        "111-3,小红店,加拿大,玩具,2026年11月23日 09:00,燕文,,平邮,10,CAD,FBA,已发货",
        "111-4,小红店,法国,玩具,2026年11月25日 09:00,4PX,,小包,10,EUR,自发货,已取消",
    ]
    path = write_file(lines, encoding="gbk", newline="\r\n")
    report = report_file(path, as_of=AS_OF)
    assert _by_market(report) == {
        "US": (2, 1),
        "DE": (1, 0),
        "JP": (1, 1),
        "UK": (1, 1),
        UNSPECIFIED_MARKETPLACE: (1, 1),
    }
    assert (report.overall.shipments, report.overall.valid) == (6, 4)
    assert report.excluded["eu_letter_under_20"] == 1
    assert report.excluded["jp_under_1000"] == 1
    assert (report.excluded["fba"], report.excluded["cancelled"]) == (1, 1)
    assert report.excluded["unreadable_date"] == 0
    assert sorted((d.order_id, d.marketplace, str(d.ship_date)) for d in report.defects) == [
        ("111-2", "US", "2026-11-21"),
        ("302-2", "DE", "2026-11-22"),
    ]


def test_an_english_workbook_with_a_country_column(tmp_path: Path) -> None:
    """By hand: a US parcel (valid); a German letter at EUR 15 (exempt) and one at EUR 30
    (counted, missing); a Japanese order at JPY 999 (exempt); an Austrian parcel (valid,
    Unspecified). 3 counted, 2 valid."""
    import xlsxwriter

    path = tmp_path / "orders.xlsx"
    header = ["Order ID", "Ship Date", "Carrier", "Tracking Number", "Category", "Country"]
    rows = [
        [*header, "Shipping Service", "Order Total", "Currency"],
        ["111-1", "2026-11-20", "UPS", UPS_OK, "Toys", "United States", "Ground", "20", "USD"],
        ["302-1", "2026-11-20", "Deutsche Post", "", "Toys", "DE", "Letter", "15", "EUR"],
        ["302-2", "2026-11-21", "Deutsche Post", "", "Toys", "Germany", "Letter", "30", "EUR"],
        ["250-1", "2026-11-21", "Japan Post", "", "Toys", "Japan", "Small Packet", "999", "JPY"],
        ["403-1", "2026-11-22", "UPS", UPS_OK, "Toys", "Austria", "Standard", "30", "EUR"],
    ]
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet()
        for row_index, row in enumerate(rows):
            for column, text in enumerate(row):
                sheet.write_string(row_index, column, text)
    report = report_file(path, as_of=AS_OF)
    assert _by_market(report) == {"US": (1, 1), "DE": (1, 0), UNSPECIFIED_MARKETPLACE: (1, 1)}
    assert (report.excluded["eu_letter_under_20"], report.excluded["jp_under_1000"]) == (1, 1)


def test_traditional_headers_and_names(write_file: WriteFile) -> None:
    """By hand: 美國 valid; 德國 letter at EUR 9.90 (exempt); 英國 missing (counted);
    日本 at JPY 1,000 (not under JPY 1,000: counted, valid). 3 counted, 2 valid."""
    lines = [
        "訂單編號,國家/地區,發貨時間,物流商,追蹤號,類目,運輸方式,訂單金額,幣種",
        f"111-1,美國,2026年11月20日 10:30,UPS,{UPS_OK},玩具,Ground,20,USD",
        "302-1,德國,2026年11月21日 09:00,Deutsche Post,,玩具,Brief,9.90,EUR",
        "205-1,英國,2026年11月22日 09:00,Royal Mail,,玩具,Tracked 48,10,GBP",
        "250-1,日本,2026年11月23日 09:00,日本郵便,123456789013,玩具,小包,1000,JPY",
    ]
    report = report_file(write_file(lines, encoding="utf-8-sig"), as_of=AS_OF)
    assert _by_market(report) == {"US": (1, 1), "UK": (1, 0), "JP": (1, 1)}
    assert report.excluded["eu_letter_under_20"] == 1
    assert report.excluded["jp_under_1000"] == 0


def test_the_site_wins_and_the_address_comes_last(write_file: WriteFile) -> None:
    """The site names the marketplace: a UK order shipped to Ireland stays the UK's; a row
    whose site is blank takes its country (德国). A file whose only country is the buyer's
    address (收货国家) has each row judged under it, and says so (docs/decisions/011)."""
    lines = [
        "订单号,站点,国家,发货时间,物流商,跟踪号,品类",
        f"205-1,英国站,爱尔兰,2026-11-20,UPS,{UPS_OK},玩具",
        f"302-1,,德国,2026-11-21,UPS,{UPS_OK},玩具",
    ]
    report = report_file(write_file(lines), as_of=AS_OF)
    assert _by_market(report) == {"UK": (1, 1), "DE": (1, 1)}
    address = [
        "订单号,收货国家,发货时间,物流商,跟踪号,品类",
        f"205-1,英国,2026-11-20,UPS,{UPS_OK},玩具",
        f"302-1,德国,2026-11-21,UPS,{UPS_OK},玩具",
    ]
    report = report_file(write_file(address, name="address.csv"), as_of=AS_OF)
    assert _by_market(report) == {"UK": (1, 1), "DE": (1, 1)}
    assert ("marketplace_by_address", 2) in [(w.code, w.count) for w in report.warnings]
