"""Every supported format, encoding, delimiter and header language reads to the same answer;
every unreadable file is refused with a reason."""

from __future__ import annotations

import codecs
import zipfile
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest
import xlsxwriter

from bot.domain import reading
from bot.domain.engine import FileRejected, analyse_file
from bot.domain.models import UNSPECIFIED_MARKETPLACE
from bot.domain.reading import read_table
from tests.engine.conftest import CHINA_POST_OK, FEDEX_OK, UPS_OK, WriteFile

pytestmark = pytest.mark.collection

AS_OF = date(2026, 11, 20)

CHINESE = [
    "订单号,发货日期,承运商,跟踪号,品类,站点,发货渠道,订单状态,收件人,收件地址",
    f"A1,2026-11-20,联邦快递,{FEDEX_OK},玩具,美国站,FBM,已发货,张三,北京市朝阳区1号",
    f"A2,2026/11/19,中国邮政,{CHINA_POST_OK},玩具,德国站,自发货,已发货,李四,上海市浦东新区2号",
    "A3,2026-11-18,云途物流,,家居,美国站,FBM,已发货,王五,广州市天河区3号",
    f"A4,2026-11-18,UPS,{UPS_OK},家居,美国站,FBA,已发货,赵六,深圳市南山区4号",
    f"A5,2026-11-17,UPS,{UPS_OK},家居,美国站,FBM,已取消,钱七,杭州市西湖区5号",
]
# Counted: A1, A2 (valid), A3 (missing tracking). Excluded: A4 FBA, A5 cancelled.


def check_chinese_answer(path: Path) -> None:
    report, table = analyse_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (3, 2)
    assert {c.name: (c.shipments, c.valid) for c in report.by_category} == {
        "玩具": (2, 2),
        "家居": (1, 0),
    }
    assert {m.name for m in report.by_marketplace} == {"US", "DE"}
    assert report.excluded["fba"] == 1 and report.excluded["cancelled"] == 1
    assert [d.order_id for d in report.defects] == ["A3"]
    # Buyer names and addresses never reach the table.
    assert "张三" not in str(table.frame.to_dicts())
    assert "北京" not in str(table.frame.to_dicts())


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le"]
)
def test_chinese_headers_in_every_encoding(write_file: WriteFile, encoding: str) -> None:
    check_chinese_answer(write_file(CHINESE, encoding=encoding))


@pytest.mark.parametrize("delimiter", ["\t", ";", ","])
def test_delimiters(write_file: WriteFile, delimiter: str) -> None:
    lines = [line.replace(",", delimiter) for line in CHINESE]
    check_chinese_answer(write_file(lines, name="export.txt", encoding="gbk"))


def test_windows_line_endings(write_file: WriteFile) -> None:
    check_chinese_answer(write_file(CHINESE, encoding="gb18030", newline="\r\n"))


def test_shift_jis_japanese_report_with_preamble(write_file: WriteFile) -> None:
    """Japanese headers, Shift-JIS, title lines above the header (as in JP downloads).
    Yamato's 123412341231: 12341234123 = 7 × 1763033446 + 1, its check digit 1."""
    lines = [
        "注文レポート",
        "期間: 2026/10/21-2026/11/20",
        "",
        "注文番号\t出荷日\t配送業者\tお問い合わせ伝票番号\tカテゴリー\t購入者名",
        "J1\t2026/11/20\tJapan Post\tRR123456785JP\tホーム\t山田太郎",
        "J2\t2026/11/19\tヤマト運輸\t123412341231\tホーム\t佐藤花子",
        "J3\t2026/11/19\t佐川急便\t\tホーム\t鈴木一郎",
    ]
    report, _ = analyse_file(write_file(lines, name="jp.txt", encoding="shift_jis"), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (3, 2)
    assert report.by_category[0].name == "ホーム"


def test_amazon_tab_report_with_stray_quotes(write_file: WriteFile) -> None:
    """A lone '"' inside a tab-delimited field must not swallow the following rows."""
    lines = [
        "order-id\tship-date\tcarrier-code\ttracking-number\tproduct-name",
        f'Q1\t2026-11-20\tUPS\t{UPS_OK}\t12" pizza stone',
        f"Q2\t2026-11-20\tFedEx\t{FEDEX_OK}\tplain",
        "Q3\t2026-11-20\tUPS\t\tplain",
    ]
    report, _ = analyse_file(write_file(lines, name="amazon.txt", encoding="cp1252"), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (3, 2)


def test_amazon_template_other_carrier_uses_carrier_name(write_file: WriteFile) -> None:
    lines = [
        "order-id,order-item-id,quantity,ship-date,carrier-code,carrier-name,tracking-number,ship-method",
        "S1,1,1,2026-11-20,Other,YunExpress,YT1234567890123456,Standard",
        "S2,1,1,2026-11-20,Other,,YT1234567890123456,Standard",
    ]
    report, _ = analyse_file(write_file(lines), as_of=AS_OF)
    assert {d.order_id: d.reason for d in report.defects} == {"S2": "unknown_carrier"}


def test_header_variants_fold_case_spaces_and_suffixes(write_file: WriteFile) -> None:
    lines = [
        "Order ID,Ship Date,Carrier,Tracking Number,Category(品类)",
        f"H1,11/20/2026,UPS,{UPS_OK},Toys",
        f"H2,11/19/2026,UPS,{UPS_OK.lower()},Toys",
    ]
    report, _ = analyse_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 2)


@pytest.mark.parametrize(
    "header",
    [
        "Order Number,Shipped At,Carrier,Tracking No.,Category",  # a Shopify-style ERP
        "Order #,Fulfilled at,Carrier,Tracking #,Category",
        "order no,Dispatched on,Carrier,Waybill number,Category",
    ],
)
def test_english_erp_headers_name_the_ship_date_and_the_number(
    write_file: WriteFile, header: str
) -> None:
    """Headers English ERPs and shop systems write, with day-first dates (20/11 can only be
    the 20th of November): both rows are read, one valid and one without a number."""
    lines = [header, f"E1,20/11/2026,UPS,{UPS_OK},Toys", "E2,19/11/2026,UPS,,Toys"]
    report, _ = analyse_file(write_file(lines), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 1)
    assert {d.order_id: d.reason for d in report.defects} == {"E2": "missing_tracking"}


def test_only_the_numbers_that_need_folding_are_folded_each_in_its_row(
    write_file: WriteFile,
) -> None:
    """Clean numbers are kept as they are and the others folded (case, spaces, dashes,
    Excel's quote) in their own rows, whatever lies between them."""
    ups_written = f" '{UPS_OK[:6].lower()} {UPS_OK[6:12]}-{UPS_OK[12:]} "
    lines = [
        "order-id,ship-date,carrier-code,tracking-number",
        f"F1,2026-11-20,FedEx,{FEDEX_OK}",
        f"F2,2026-11-20,UPS,{ups_written}",
        f"F3,2026-11-20,UPS,{UPS_OK}",
        f"F4,2026-11-20,FedEx,{FEDEX_OK[:4]} {FEDEX_OK[4:]}",
    ]
    report, table = analyse_file(write_file(lines), as_of=AS_OF)
    numbers = dict(table.frame.select("order_id", "tracking").iter_rows())
    assert numbers == {"F1": FEDEX_OK, "F2": UPS_OK, "F3": UPS_OK, "F4": FEDEX_OK}
    assert (report.overall.shipments, report.overall.valid) == (4, 4)


def test_ship_method_stands_in_for_a_missing_carrier_column(write_file: WriteFile) -> None:
    lines = ["订单号,发货日期,物流方式,运单号", "M1,2026-11-20,云途全球专线挂号,YT1234567890123456"]
    report, _ = analyse_file(write_file(lines), as_of=AS_OF)
    assert report.overall.valid == 1


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("订单")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if isinstance(value, datetime | date):
                sheet.write_datetime(r, c, value, date_format)
            elif isinstance(value, str) and value.startswith("="):
                sheet.write_formula(r, c, value, None, "cached")
            else:
                sheet.write(r, c, value)
    workbook.close()
    return path


def test_xlsx_with_dates_numbers_and_formulas(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["订单号", "发货日期", "承运商", "追踪号", "分类", "买家姓名"],
        [
            "X1",
            datetime(2026, 11, 20, 9, 30),
            "FedEx",
            int(FEDEX_OK),
            "Toys",
            "Alice",
        ],  # number cell
        ["X2", date(2026, 11, 19), "UPS", UPS_OK, "Toys", "Bob"],
        ["X3", 46345, "UPS", '=HYPERLINK("http://evil")', "Toys", "Eve"],  # Excel serial date
        ["X4", "2026-11-18", "USPS", 9.4001112010808e21, "Toys", "Mallory"],  # Excel ate the digits
    ]
    report, _ = analyse_file(write_xlsx(tmp_path / "orders.xlsx", rows), as_of=AS_OF)
    # X4's number, eaten by Excel, fits no USPS format: a defect (domain.md §4.4).
    assert (report.overall.shipments, report.overall.valid) == (4, 2)
    reasons = {d.order_id: d.reason for d in report.defects}
    # A formula's text has no digit: it is no tracking number at all (issue 22).
    assert reasons == {"X3": "missing_tracking", "X4": "bad_format"}
    assert any(w.code == "scientific_notation_tracking" and w.count == 1 for w in report.warnings)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty"),
        pytest.param(bytes(range(256)) * 64, "not_a_table", marks=pytest.mark.fast),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            "legacy_xls",
            marks=pytest.mark.fast,
        ),
        pytest.param(b"PK\x03\x04 definitely not a zip", "bad_xlsx", marks=pytest.mark.fast),
        ("订单号,金额\n1,2\n".encode("gbk"), "no_header"),
        (b"hello world\nthis is prose, not a table\n", "no_header"),
        (b"order-id,ship-date,carrier,tracking-number\n", "no_rows"),
        pytest.param(
            b"order-id,ship-date,carrier,tracking-number\n\n\n", "no_rows", marks=pytest.mark.fast
        ),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    tmp_path: Path, content: bytes, code: str
) -> None:
    path = tmp_path / "upload.csv"
    path.write_bytes(content)
    with pytest.raises(FileRejected) as caught:
        analyse_file(path)
    assert caught.value.code == code


def test_missing_columns_are_named_with_the_headers_found(write_file: WriteFile) -> None:
    path = write_file(["order-id,purchase-date,buyer-name,carrier", "1,2026-11-20,A,UPS"])
    with pytest.raises(FileRejected) as caught:
        analyse_file(path)
    assert caught.value.code == "missing_columns"
    assert caught.value.missing == ["ship_date", "tracking"]
    assert caught.value.found == ["order-id", "purchase-date", "buyer-name", "carrier"]


def test_too_large_is_refused_before_reading(write_file: WriteFile) -> None:
    path = write_file(
        ["order-id,ship-date,carrier,tracking-number", *["1,2026-11-20,UPS,x"] * 1000]
    )
    with pytest.raises(FileRejected) as caught:
        analyse_file(path, max_bytes=1000)
    assert caught.value.code == "too_large"


@pytest.mark.slow
def test_zip_bomb_disguised_as_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (80 << 20))
    assert path.stat().st_size < 1 << 20
    with pytest.raises(FileRejected) as caught:
        analyse_file(path)
    # Not "too large (limit 0 MB)": the upload limit is not what a zip bomb breaks.
    assert caught.value.code == "sheet_too_large"
    from bot.services.i18n import translator
    from bot.services.report_text import render_file_error

    assert "0 MB" not in render_file_error(caught.value, translator("en"))


def test_unreadable_dates_are_counted_not_fatal(write_file: WriteFile) -> None:
    lines = ["order-id,ship-date,carrier,tracking-number"]
    lines += [
        f"D{i},{d},UPS,{UPS_OK}"
        for i, d in enumerate(["2026-11-20", "tomorrow", "2026-13-45", "20/11/2026"])
    ]
    report, _ = analyse_file(write_file(lines), as_of=AS_OF)
    assert report.excluded["unreadable_date"] == 2
    assert report.overall.shipments == 2


def test_reading_keeps_only_needed_columns(write_file: WriteFile) -> None:
    raw = read_table(write_file(CHINESE))
    assert set(raw.frame.columns) == {
        "order_id",
        "ship_date",
        "carrier",
        "tracking",
        "category",
        "marketplace",
        "fulfillment",
        "status",
    }


@pytest.mark.parametrize("delimiter", ["\t", ","])
def test_a_chunk_no_quote_can_open_reads_its_needed_columns_alone(delimiter: str) -> None:
    """A tab-delimited chunk (quoting off) or a comma one with no quote in it is parsed for
    its needed columns only: the rows are those a plain split of each line gives, short,
    blank and over-long lines and undecodable text in a skipped column included."""
    lines = [
        ["A1", "2026-11-20", 'Anna 12" stone' if delimiter == "\t" else "Anna", "UPS", UPS_OK],
        ["A2", "2026-11-19"],
        [],
        ["A3", "2026-11-18", "\udcff\udcfe", "DHL", "123", "extra"],
        ['"A4' if delimiter == "\t" else "A4", "2026-11-17", "Bo", "FedEx", FEDEX_OK],
    ]
    chunk = b"".join(
        delimiter.join(cells).encode("utf-8", "surrogateescape") + b"\r\n" for cells in lines
    )
    layout = reading._TextLayout(delimiter, 0, {"order_id": 0, "carrier": 3, "tracking": 4}, 5)
    named = [pl.col(f"c{i}").alias(meaning) for meaning, i in layout.meanings.items()]
    frame = reading._parse_chunk(chunk, layout, named)
    assert frame.rows() == [
        ("A1", "UPS", UPS_OK),
        ("A2", None, None),
        (None, None, None),
        ("A3", "DHL", "123"),
        ('"A4' if delimiter == "\t" else "A4", "FedEx", FEDEX_OK),
    ]
    assert frame.columns == ["order_id", "carrier", "tracking"]
    # The same rows as parsing every column first (the way of a chunk with quotes in it).
    assert frame.equals(reading._scan_chunk(chunk, layout, "utf8-lossy").collect().select(named))


@pytest.mark.parametrize("quoted", [False, True])
def test_a_needed_cell_not_in_utf8_reads_with_replacement_characters(
    quoted: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chunk is parsed as UTF-8 first; one holding bytes that are not UTF-8 is parsed
    again replacing them (U+FFFD), the other rows as they are: never refused, and never
    handed to the slower reader meant for misplaced quotes."""
    name = b'"Anna, B."' if quoted else b"Anna"
    chunk = b"\n".join(
        [
            b"A1," + name + b",UPS\xff\xfe," + UPS_OK.encode(),
            b"A2," + name + b",DHL,123",
            b"",
        ]
    )
    layout = reading._TextLayout(",", 0, {"order_id": 0, "carrier": 2, "tracking": 3}, 4)
    named = [pl.col(f"c{i}").alias(meaning) for meaning, i in layout.meanings.items()]

    def refused(*_: object) -> None:
        raise AssertionError("read by the fallback reader")

    monkeypatch.setattr(reading, "_parse_leniently", refused)
    frame = reading._parse_chunk(chunk, layout, named)
    assert frame.rows() == [("A1", "UPS\ufffd\ufffd", UPS_OK), ("A2", "DHL", "123")]


def test_utf16_without_bom_is_detected(write_file: WriteFile) -> None:
    path = write_file(CHINESE, encoding="utf-16-le")
    assert not path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    check_chinese_answer(path)


def _sheets_workbook(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, values in enumerate(rows):
            sheet.write_row(r, 0, values)
    workbook.close()
    return path


def test_every_order_sheet_is_read_and_a_sheet_named_for_a_marketplace_is_one(
    tmp_path: Path,
) -> None:
    """Two sheets with the same header and no marketplace column: 美国站 holds 2 counted
    rows (1 valid), 英国站 3 (3 valid); a notes sheet without that header is not read."""
    header = ["订单号", "发货日期", "承运商", "跟踪号", "品类"]
    us = [
        header,
        ["U1", "2026-11-10", "UPS", UPS_OK, "玩具"],
        ["U2", "2026-11-11", "UPS", "", "玩具"],
    ]
    uk = [header] + [[f"K{i}", "2026-11-12", "China Post", CHINA_POST_OK, "玩具"] for i in range(3)]
    path = _sheets_workbook(
        tmp_path / "orders.xlsx", {"美国站": us, "英国站": uk, "说明": [["备注"], ["导出说明"]]}
    )
    report, _ = analyse_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (5, 4)
    markets = {s.name: (s.shipments, s.valid) for s in report.by_marketplace}
    assert markets == {"US": (2, 1), "UK": (3, 3)}
    # The notes sheet is named as unread: the seller sees what was left out.
    unread = [w.detail for w in report.warnings if w.code == "unread_sheets"]
    assert unread == ["说明"]


def test_a_sheet_of_other_columns_is_named_and_an_empty_one_is_not(tmp_path: Path) -> None:
    """Orders on 订单 (2 counted, 1 valid); 退货 holds a table of other columns (returns:
    order, date, reason), not read and named; Sheet3 is empty (Excel's default), not named."""
    orders = [
        ["订单号", "发货日期", "承运商", "跟踪号", "品类"],
        ["U1", "2026-11-10", "UPS", UPS_OK, "玩具"],
        ["U2", "2026-11-11", "UPS", "", "玩具"],
    ]
    returns = [["订单号", "退货日期", "原因"], ["U9", "2026-11-12", "破损"]]
    path = _sheets_workbook(
        tmp_path / "orders.xlsx", {"订单": orders, "退货": returns, "Sheet3": []}
    )
    report, _ = analyse_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 1)
    assert [(w.code, w.count, w.detail) for w in report.warnings] == [("unread_sheets", 1, "退货")]


@pytest.mark.parametrize("label", ["合计 / Total", "Total", "Summe:", "总计"])
def test_a_totals_row_under_the_orders_is_no_order(tmp_path: Path, label: str) -> None:
    """CHINESE's 5 orders and a totals row without a ship date or status: still 3 counted,
    1 FBA, 1 cancelled, and nothing 'not shipped' (the totals row is skipped, not an order)."""
    path = tmp_path / "orders.csv"
    path.write_text("\n".join([*CHINESE, "", f"{label},,,,,,,,,"]) + "\n", encoding="utf-8")
    report, _ = analyse_file(path, as_of=AS_OF)
    assert report.overall.shipments == 3
    assert {k: v for k, v in report.excluded.items() if v} == {"fba": 1, "cancelled": 1}
    # Recognised as totals, it is no order missing its ID: no warning asks the seller to
    # fill one in.
    assert "missing_order_id" not in {w.code for w in report.warnings}


@pytest.mark.parametrize(
    "header_again",
    [
        CHINESE[0],
        "Order ID,Ship Date,Carrier,Tracking,Category,Site,,,,",
        " 订单 号 ,发货日期,,,,,,,,",
    ],
)
def test_the_header_repeated_under_the_orders_is_no_order(
    tmp_path: Path, header_again: str
) -> None:
    """Two exports pasted one under the other: the header line again between CHINESE's orders
    (as written, in English, spaced) is no order: still 3 counted, 1 FBA, 1 cancelled, and
    no ship date '发货日期' reported unreadable, no order reported missing its ID."""
    path = tmp_path / "orders.csv"
    path.write_text("\n".join([*CHINESE[:3], header_again, *CHINESE[3:]]) + "\n", encoding="utf-8")
    report, _ = analyse_file(path, as_of=AS_OF)
    assert report.overall.shipments == 3
    assert {k: v for k, v in report.excluded.items() if v} == {"fba": 1, "cancelled": 1}
    assert report.warnings == []


def test_the_header_repeated_on_a_sheet_is_no_order(tmp_path: Path) -> None:
    header = ["订单号", "发货日期", "承运商", "跟踪号", "品类"]
    rows = [header, ["U1", "2026-11-10", "UPS", UPS_OK, "玩具"], header]
    rows.append(["U2", "2026-11-11", "UPS", "", "玩具"])
    report, _ = analyse_file(_sheets_workbook(tmp_path / "o.xlsx", {"订单": rows}), as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 1)
    assert not any(report.excluded.values()) and report.warnings == []


def test_a_totals_row_labelled_in_a_column_not_read_is_no_order(tmp_path: Path) -> None:
    """'合计' under 收件人 (a column VTR does not read), the amounts beside it: no order ID,
    ship date or tracking number, so no order and no warning; an order row that only lacks
    its ID is still warned of."""
    totals = ",,,,,,,,合计,5 单"
    orderless = f",2026-11-16,UPS,{UPS_OK},家居,美国站,FBM,已发货,孙八,南京市6号"
    path = tmp_path / "orders.csv"
    path.write_text("\n".join([*CHINESE, totals]) + "\n", encoding="utf-8")
    report, _ = analyse_file(path, as_of=AS_OF)
    assert report.overall.shipments == 3
    assert "missing_order_id" not in {w.code for w in report.warnings}
    path.write_text("\n".join([*CHINESE, orderless, totals]) + "\n", encoding="utf-8")
    report, _ = analyse_file(path, as_of=AS_OF)
    assert [(w.code, w.count) for w in report.warnings if w.code == "missing_order_id"] == [
        ("missing_order_id", 1)
    ]


def test_a_file_naming_no_marketplace_reports_one_named_group(tmp_path: Path) -> None:
    """No marketplace column: CHINESE without its 站点 column still counts 3, in one group
    named 'Unspecified' (as a file without categories gets 'Uncategorized'), never ''."""
    lines = [",".join(c for i, c in enumerate(line.split(",")) if i != 5) for line in CHINESE]
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, _ = analyse_file(path, as_of=AS_OF)
    assert {s.name: s.shipments for s in report.by_marketplace} == {UNSPECIFIED_MARKETPLACE: 3}
    assert all(d.marketplace == UNSPECIFIED_MARKETPLACE for d in report.defects)


# A 店小秘-style two-row header: group names over the fields, and 订单号 / 站点 / 订单状态
# merged down both rows, so only the upper row names them.
TWO_ROW_HEADER = [
    ["订单号", "站点", "物流信息", "", "", "订单状态", "买家信息"],
    ["", "", "承运商", "跟踪号", "发货日期", "", "收件人"],
    ["A1", "US", "UPS", UPS_OK, "2026-11-20", "已发货", "张三"],
    ["A2", "DE", "联邦快递", FEDEX_OK, "2026-11-19", "已取消", "李四"],
    ["A3", "DE", "云途物流", "", "2026-11-18", "已发货", "王五"],
]


def check_two_row_header(path: Path) -> None:
    report, _ = analyse_file(path, as_of=AS_OF)
    assert (report.overall.shipments, report.overall.valid) == (2, 1)
    assert {m.name: (m.shipments, m.valid) for m in report.by_marketplace} == {
        "US": (1, 1),
        "DE": (1, 0),
    }
    assert report.excluded["cancelled"] == 1
    assert [d.order_id for d in report.defects] == ["A3"]


def test_a_two_row_header_reads_names_merged_down_from_the_upper_row(tmp_path: Path) -> None:
    check_two_row_header(write_xlsx(tmp_path / "dianxiaomi.xlsx", TWO_ROW_HEADER))


def test_a_two_row_header_in_a_csv_too(write_file: WriteFile) -> None:
    check_two_row_header(write_file([",".join(row) for row in TWO_ROW_HEADER]))


def test_a_title_row_above_the_header_names_nothing_the_header_names() -> None:
    """The upper row only fills the header's blank cells: a title over a full header, or a
    name above a column the header already names, changes no column."""
    rows = [["订单号 导出", "跟踪号"], ["订单号", "发货日期", "承运商", "跟踪号"]]
    line, meanings = reading.best_header(rows) or (None, {})
    assert line == 1
    assert meanings["tracking"] == 3 and meanings["order_id"] == 0
