"""The bad-input corpus: each nasty file gets a clear refusal or a correct partial report.

Files are made at test time (nothing binary is committed). Expected answers are by hand.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter

from bot.domain.engine import FileRejected, analyse_file
from bot.domain.models import VtrReport
from tests.engine.conftest import CHINA_POST_OK, FEDEX_OK, UPS_OK

HEAD = "order-id,ship-date,carrier,tracking-number"
GOOD = f"1,2026-11-20,UPS,{UPS_OK}"


def _xlsx(path: Path, fill: Callable[[xlsxwriter.worksheet.Worksheet], None]) -> None:
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, HEAD.split(","))
    fill(sheet)
    workbook.close()


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (200 << 20))


def _far_corner(path: Path) -> None:
    _xlsx(path, lambda s: (s.write_row(1, 0, GOOD.split(",")), s.write(1_048_575, 16_383, "x")))


def _formulas(path: Path) -> None:
    def fill(sheet: xlsxwriter.worksheet.Worksheet) -> None:
        sheet.write_row(1, 0, GOOD.split(","))
        sheet.write_formula(2, 0, "=1+1", None, 2)
        sheet.write_row(2, 1, ["2026-11-20", "FedEx"])
        sheet.write_formula(2, 3, f'="{FEDEX_OK}"', None, FEDEX_OK)
        sheet.write_formula(3, 0, '=WEBSERVICE("http://x")', None, "3")
        sheet.write_row(3, 1, ["2026-11-20", "UPS", '=cmd|"/c calc"!A1'])

    _xlsx(path, fill)


TEXT_FILES: dict[str, bytes] = {
    "zero.csv": b"",
    "random.bin": bytes((i * 7919 + 13) % 256 for i in range(50_000)),
    "png.csv": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
    "pdf.csv": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 20,
    "not_a_zip.xlsx": b"PK\x03\x04" + b"\x00" * 100,
    "legacy.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000,
    "only_headers.csv": (HEAD + "\r\n").encode(),
    "prose.txt": "这不是表格，只是一段话。\nJust some words, nothing more.\n".encode(),
    "wide.csv": (
        HEAD + "," + ",".join(f"c{i}" for i in range(100_000)) + "\n" + GOOD + "," * 100_000 + "\n"
    ).encode(),
    "nul_bytes.csv": f"{HEAD}\n{GOOD}\n2,2026-11-20\x00,UPS,{UPS_OK}\n3,2026-11-20,U\x00PS,\n".encode(),
    "mixed_encodings.csv": f"订单号,发货日期,承运商,跟踪号\n{GOOD}\n".encode()
    + f"2,2026-11-20,中国邮政,{CHINA_POST_OK}\n".encode("gbk")
    + f"3,2026-11-20,联邦快递,{FEDEX_OK}\n".encode(),
    "markup.csv": (
        f"{HEAD},category\n<b>1</b>,2026-11-20,<i>x</i>,{UPS_OK},<script>alert(1)</script>\n"
        "2,2026-11-20,UPS,,&lt;a href=x&gt;\n"
    ).encode(),
    "long_line.csv": f"{HEAD},note\n{GOOD},{'x' * 5_000_000}\n".encode(),
    "five_date_formats.csv": (
        f"{HEAD}\n1,2026-11-20,UPS,{UPS_OK}\n2,2026/11/19,UPS,{UPS_OK}\n3,19.11.2026,UPS,{UPS_OK}\n"
        f'4,"Nov 18, 2026",UPS,{UPS_OK}\n5,2026年11月17日,UPS,{UPS_OK}\n6,someday,UPS,{UPS_OK}\n'
    ).encode(),
    "ragged_rows.csv": f"{HEAD}\n{GOOD}\n2,2026-11-20\n3,2026-11-20,UPS,{UPS_OK},extra,cells\n".encode(),
    "blank_lines.csv": f"\n\n{HEAD}\n\n{GOOD}\n\n\n".encode(),
    "no_order_ids.csv": f"{HEAD}\n,2026-11-20,UPS,{UPS_OK}\n{GOOD}\n".encode(),
    "utf16_no_bom.csv": f"{HEAD}\n{GOOD}\n".encode("utf-16-le"),
    "bom_only.csv": b"\xef\xbb\xbf",
    "quotes_everywhere.csv": f'"order-id","ship-date","carrier","tracking-number"\n"1","2026-11-20","UPS","{UPS_OK}"\n"2","2026-11-20","UPS","a""b"\n'.encode(),
}
BUILT_FILES: dict[str, Callable[[Path], None]] = {
    "zip_bomb.xlsx": _zip_bomb,
    "far_corner.xlsx": _far_corner,
    "formulas.xlsx": _formulas,
}

# name → refusal code, or (shipments, valid, {exclusion: count}) of the partial report.
EXPECTED: dict[str, str | tuple[int, int, dict[str, int]]] = {
    "zero.csv": "empty",
    "random.bin": "not_a_table",
    "png.csv": "not_a_table",
    "pdf.csv": "not_a_table",
    "not_a_zip.xlsx": "bad_xlsx",
    "legacy.xls": "legacy_xls",
    "only_headers.csv": "no_rows",
    "prose.txt": "no_header",
    "bom_only.csv": "not_a_table",
    "zip_bomb.xlsx": "sheet_too_large",  # inflates past what a sheet may hold
    "far_corner.xlsx": "sheet_too_large",
    "wide.csv": (1, 1, {}),
    "nul_bytes.csv": (3, 2, {}),  # NULs dropped: row 3 has carrier UPS but no number
    "mixed_encodings.csv": (3, 3, {}),
    "markup.csv": (2, 0, {}),  # unknown carrier "<i>x</i>", missing tracking
    "long_line.csv": (1, 1, {}),
    "five_date_formats.csv": (5, 5, {"unreadable_date": 1}),
    "ragged_rows.csv": (3, 2, {"not_shipped": 0}),  # the short row has no tracking
    "blank_lines.csv": (1, 1, {}),
    "no_order_ids.csv": (1, 1, {}),
    "utf16_no_bom.csv": (1, 1, {}),
    "quotes_everywhere.csv": (2, 1, {}),
    "formulas.xlsx": (3, 2, {}),  # cached values are read; the '=cmd' text is a bad number
}


def make(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    if name in TEXT_FILES:
        path.write_bytes(TEXT_FILES[name])
    else:
        BUILT_FILES[name](path)
    return path


def test_corpus_is_big_enough() -> None:
    assert len(EXPECTED) >= 20
    assert set(EXPECTED) == set(TEXT_FILES) | set(BUILT_FILES)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_nasty_file(tmp_path: Path, name: str) -> None:
    expected = EXPECTED[name]
    path = make(tmp_path, name)
    if isinstance(expected, str):
        with pytest.raises(FileRejected) as caught:
            analyse_file(path)
        assert caught.value.code == expected
        return
    report: VtrReport = analyse_file(path)[0]
    shipments, valid, excluded = expected
    assert (report.overall.shipments, report.overall.valid) == (shipments, valid)
    for reason, count in excluded.items():
        assert report.excluded[reason] == count
    if name == "no_order_ids.csv":
        assert report.rows_skipped == 1
