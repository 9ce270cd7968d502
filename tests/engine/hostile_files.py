"""A corpus of hostile seller files, made at test time (nothing binary is committed).

Each maker returns the file's bytes. XLSX files are zipped by hand, so that their XML
can be written every way a reader accepts: attribute order, quoting, namespace prefixes,
cells placed by position, sheets stored anywhere in the zip.
"""

from __future__ import annotations

import codecs
import random
import zipfile
from collections.abc import Callable
from io import BytesIO

from tests.engine.conftest import UPS_OK

HEAD = "order-id,ship-date,carrier,tracking-number"
GOOD = f"1,2026-11-20,UPS,{UPS_OK}"

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADER_ROW = (
    '<row r="1">'
    + "".join(
        f'<c r="{column}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for column, name in zip("ABCD", HEAD.split(","), strict=True)
    )
    + "</row>"
)


def xlsx(sheets: list[str], targets: list[str] | None = None, dimension: str = "") -> bytes:
    """A workbook whose sheets have these `<sheetData>` contents (XML, as written)."""
    targets = targets or [f"worksheets/sheet{i + 1}.xml" for i in range(len(sheets))]
    sheet_list = "".join(
        f'<sheet name="S{i + 1}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i in range(len(sheets))
    )
    relations = "".join(
        f'<Relationship Id="rId{i + 1}" Type="{_DOC}/worksheet" Target="{target}"/>'
        for i, target in enumerate(targets)
    )
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
            f'Type="{_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC}"><sheets>{sheet_list}</sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{_RELS}">{relations}</Relationships>',
        )
        for data, target in zip(sheets, targets, strict=True):
            archive.writestr(
                "xl/" + target,
                f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}">{dimension}'
                f"<sheetData>{data}</sheetData></worksheet>",
            )
    return buffer.getvalue()


def _far(cell: str, row: str = '<row r="1048576">') -> bytes:
    return xlsx([_HEADER_ROW + row + cell + "</row>"])


HOSTILE_XLSX: dict[str, Callable[[], bytes]] = {
    # The far corner, written every way calamine reads a cell reference.
    "attribute_order.xlsx": lambda: _far('<c t="n" r="XFD1048576"><v>1</v></c>'),
    "single_quotes.xlsx": lambda: _far("<c r='XFD1048576'><v>1</v></c>", "<row r='1048576'>"),
    "spaced_equals.xlsx": lambda: _far('<c r = "XFD1048576" ><v>1</v></c>'),
    "lower_case.xlsx": lambda: _far('<c r="xfd1048576"><v>1</v></c>'),
    "newline_before_r.xlsx": lambda: _far('<c\nr="XFD1048576"><v>1</v></c>'),
    "r_after_a_value_with_r.xlsx": lambda: _far('<c foo=" r=\'A1\'" r="XFD1048576"><v>1</v></c>'),
    "gt_in_a_value.xlsx": lambda: _far('<c foo=">" r="XFD1048576"><v>1</v></c>'),
    "prefixed.xlsx": lambda: _far(
        f'<x:c xmlns:x="{_MAIN}" r="XFD1048576"><x:v>1</x:v></x:c>',
        f'<x:row xmlns:x="{_MAIN}" r="1048576">',
    ).replace(b"</row>", b"</x:row>"),
    "eight_digit_row.xlsx": lambda: _far('<c r="A99999999"><v>1</v></c>', '<row r="99999999">'),
    "ten_million_rows.xlsx": lambda: _far('<c r="A10000000"><v>1</v></c>', '<row r="10000000">'),
    "four_letters.xlsx": lambda: _far('<c r="AAAA2"><v>1</v></c>', '<row r="2">'),
    # Cells with no reference, placed one after the other.
    "positional_wide.xlsx": lambda: xlsx(
        [_HEADER_ROW + "<row>" + "<c><v>1</v></c>" * 20_000 + '</row><row r="100000"><c/></row>']
    ),
    "positional_far_row.xlsx": lambda: xlsx(
        [_HEADER_ROW + '<row r="1048576">' + "<c><v>1</v></c>" * 100 + "</row>"]
    ),
    "positional_after_far_cell.xlsx": lambda: xlsx(
        [_HEADER_ROW + '<row r="1048576"><c r="XFC1048576"/>' + "<c/>" * 3 + "</row>"]
    ),
    # A sheet stored where no guard looking only in xl/worksheets/ would see it.
    "sheet_elsewhere.xlsx": lambda: xlsx(
        [_HEADER_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'],
        targets=["media/image1.png"],
    ),
    # Many sheets, each with a used range that alone would be allowed.
    "many_sheets.xlsx": lambda: xlsx(
        ['<row r="1"><c r="A1"/></row><row r="200000"><c r="Z200000"><v>1</v></c></row>'] * 100
    ),
    "unparsable_reference.xlsx": lambda: _far('<c r="&#88;FD1048576"><v>1</v></c>'),
}
"""Every one of these asks calamine for a grid it cannot or should not allocate."""


def forged_dimension() -> bytes:
    """A sheet claiming the whole grid in `<dimension>`, with four cells: calamine does
    not allocate from the claim, so the file is read."""
    rows = _HEADER_ROW + '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr">'
    rows += '<is><t>2026-11-20</t></is></c><c r="C2" t="inlineStr"><is><t>UPS</t></is></c>'
    rows += f'<c r="D2" t="inlineStr"><is><t>{UPS_OK}</t></is></c></row>'
    return xlsx([rows], dimension='<dimension ref="A1:XFD1048576"/>')


def _zip_bomb() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (200 << 20))
    return buffer.getvalue()


def _fuzzed_csv(seed: int) -> bytes:
    """A good file with random bytes flipped, inserted and deleted."""
    rng = random.Random(seed)
    data = bytearray((HEAD + ",category,order-value\n" + f"{GOOD},Toys,12.5\n" * 200).encode())
    for _ in range(rng.randint(1, 60)):
        at = rng.randrange(len(data))
        action = rng.choice(("flip", "insert", "delete"))
        if action == "flip":
            data[at] = rng.randrange(256)
        elif action == "insert":
            data[at:at] = bytes(rng.choice(b'",;\t\r\n\x00\xff"') for _ in range(rng.randint(1, 9)))
        else:
            del data[at : at + rng.randint(1, 30)]
    return bytes(data)


def _mixed_line_ends() -> bytes:
    """Excel for Mac's CR between rows pasted into a CRLF file."""
    second, third = GOOD.replace("1,", "2,", 1), GOOD.replace("1,", "3,", 1)
    return f"{HEAD}\r\n{GOOD}\r{second}\r\n{third}\r".encode()


def _lines(*rows: str, newline: str = "\n") -> bytes:
    return newline.join([HEAD, *rows]).encode() + newline.encode()


OTHER_HOSTILE: dict[str, Callable[[], bytes]] = {
    "zip_bomb.xlsx": _zip_bomb,
    "forged_dimension.xlsx": forged_dimension,
    "cr_only.csv": lambda: _lines(GOOD, GOOD.replace("1,", "2,", 1), newline="\r"),
    "mixed_cr_crlf.csv": _mixed_line_ends,
    "utf16_no_bom.csv": lambda: _lines(GOOD).decode().encode("utf-16-le"),
    "utf16_bom.csv": lambda: codecs.BOM_UTF16_BE + _lines(GOOD).decode().encode("utf-16-be"),
    "shift_jis.csv": lambda: f"注文番号,出荷日,配送業者,追跡番号\n{GOOD}\n".encode("cp932"),
    "huge_field.csv": lambda: _lines(f"{GOOD},{'x' * 8_000_000}"),
    "open_quote.csv": lambda: _lines('"' + GOOD, *[GOOD] * 1000),
    "wide.csv": lambda: _lines(GOOD).replace(b"\n", b",x" * 200_000 + b"\n", 1),
    "dates_out_of_range.csv": lambda: _lines(
        f"1,0000-01-01,UPS,{UPS_OK}", f"2,0001-01-01,UPS,{UPS_OK}", f"3,9999-12-31,UPS,{UPS_OK}"
    ),
    "two_digit_years.csv": lambda: _lines(f"1,26-11-20,UPS,{UPS_OK}", GOOD),
    "many_categories.csv": lambda: _lines(
        *(f"{i},2026-11-20,UPS,{UPS_OK},c{i}" for i in range(20_000))
    ).replace(b"number\n", b"number,category\n", 1),
    "nul_flood.csv": lambda: _lines(GOOD) + b"\x00" * 1_000_000,
    "only_quotes.csv": lambda: b'"' * 1_000_000,
    "only_newlines.csv": lambda: HEAD.encode() + b"\n" * 1_000_000,
    "only_cr.csv": lambda: HEAD.encode() + b"\r" * 1_000_000,
    "bom_then_binary.csv": lambda: codecs.BOM_UTF8 + bytes(range(256)) * 100,
    **{f"fuzzed_{seed}.csv": (lambda seed=seed: _fuzzed_csv(seed)) for seed in range(40)},
}
"""Files every reader must answer, with a report or a refusal."""
