"""Reading in batches gives the same answer as reading at once, wherever the cuts fall."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain import reading
from bot.domain.engine import analyse_file
from tests.engine.conftest import UPS_OK, WriteFile
from tests.generate import generate

pytestmark = [pytest.mark.slow, pytest.mark.long]


def summary(path: Path) -> tuple:
    report, table = analyse_file(path, as_of=date(2026, 11, 20))
    groups = [(g.name, g.shipments, g.valid) for g in report.by_category + report.by_carrier]
    return (
        report.overall.shipments,
        report.overall.valid,
        report.excluded,
        groups,
        table.frame.height,
    )


@pytest.mark.parametrize(("chunk_bytes", "rows"), [(1, 500), (97, 500), (4096, 3000)])
def test_generated_file_in_small_chunks(
    tmp_path: Path, monkeypatch, chunk_bytes: int, rows: int
) -> None:
    """Tiny chunks cut after every row or two: 500 rows are as many cuts as they need
    (each batch costs ~8 ms, and 3,000 one-row batches took 26 s of the suite)."""
    path = tmp_path / "shipments.csv"
    generate(path, rows=rows, seed=5)
    whole = summary(path)
    monkeypatch.setattr(reading, "CHUNK_BYTES", chunk_bytes)
    assert summary(path) == whole


def test_a_tab_file_parsed_for_its_needed_columns_reads_as_the_comma_file(
    tmp_path: Path, monkeypatch
) -> None:
    """The generated rows, written tab-delimited (quoting off: each chunk is parsed for its
    needed columns only), give the report and shipments of the comma file, whose quoted
    addresses put a quote in every chunk (each parsed whole, then the columns selected)."""
    commas, tabs = tmp_path / "shipments.csv", tmp_path / "shipments.txt"
    generate(commas, rows=3000, seed=11)
    rows = list(csv.reader(commas.read_text(encoding="utf-8").splitlines()))
    with tabs.open("w", newline="", encoding="utf-8") as target:
        csv.writer(target, delimiter="\t", quoting=csv.QUOTE_NONE).writerows(rows)
    assert b'"' in commas.read_bytes() and b'"' not in tabs.read_bytes()
    monkeypatch.setattr(reading, "CHUNK_BYTES", 16 << 10)  # about 30 chunks each
    whole_report, whole = analyse_file(commas, as_of=date(2026, 11, 20))
    needed_report, needed = analyse_file(tabs, as_of=date(2026, 11, 20))
    assert needed_report == whole_report
    assert needed.frame.equals(whole.frame)
    assert whole.frame.height == 3000


def test_quoted_line_breaks_never_split_a_row(write_file: WriteFile, monkeypatch) -> None:
    lines = ["order-id,ship-date,carrier,tracking-number,note"]
    lines += [
        f'Q{i},2026-11-20,UPS,{UPS_OK},"line one\nline two, still the note"' for i in range(200)
    ]
    path = write_file(lines)
    monkeypatch.setattr(reading, "CHUNK_BYTES", 50)
    report, _ = analyse_file(path, as_of=date(2026, 11, 20))
    assert (report.overall.shipments, report.overall.valid) == (200, 200)
    assert report.rows_read == 200


def test_date_order_evidence_in_a_later_batch_is_used_from_then_on(
    write_file: WriteFile, monkeypatch
) -> None:
    """03/11/2026 alone is ambiguous (guessed US: March 11); 20/11/2026 later proves DD/MM."""
    lines = ["order-id,ship-date,carrier,tracking-number"]
    lines += [f"A{i},03/11/2026,UPS,{UPS_OK}" for i in range(50)]
    lines += [f"B{i},20/11/2026,UPS,{UPS_OK}" for i in range(50)]
    monkeypatch.setattr(reading, "CHUNK_BYTES", 400)  # the first chunks hold only A rows
    report, table = analyse_file(write_file(lines), as_of=date(2026, 11, 20))
    later = table.frame.filter(table.frame["order_id"].str.starts_with("B"))
    assert set(later["ship_date"].to_list()) == {date(2026, 11, 20)}
    assert any(w.code == "ambiguous_date_order" for w in report.warnings)


def test_a_quote_that_never_closes_spoils_one_chunk_not_the_file(
    write_file: WriteFile, monkeypatch
) -> None:
    """Polars refuses a chunk with an unclosed quote, and without the cut-off everything
    after the quote would be one cell: the quote's row alone is read leniently."""
    lines = ["order-id,ship-date,note,carrier,tracking-number,more"]
    lines += [f"S{i},2026-11-20,ok,UPS,{UPS_OK},fine" for i in range(1000)]
    lines[4] = f'S3,2026-11-20,"a stray quote,UPS,{UPS_OK},fine'
    monkeypatch.setattr(reading, "CHUNK_BYTES", 500)
    monkeypatch.setattr(reading, "MAX_QUOTED_BYTES", 2000)
    report, table = analyse_file(write_file(lines), as_of=date(2026, 11, 20))
    assert table.frame["order_id"].to_list() == [f"S{i}" for i in range(1000)]
    assert (report.overall.shipments, report.overall.valid) == (1000, 1000)


def test_a_quote_inside_a_cell_is_text(write_file: WriteFile) -> None:
    """Polars rejects `15.6" screen` in an unquoted cell; the lenient reader keeps it."""
    lines = ["order-id,ship-date,carrier,tracking-number,product-name"]
    lines += [f'I{i},2026-11-20,UPS,{UPS_OK},Monitor 15.6" wide' for i in range(3)]
    lines += [f'J{i},2026-11-20,UPS,,"Desk, oak"' for i in range(2)]
    report, table = analyse_file(write_file(lines), as_of=date(2026, 11, 20))
    assert table.frame["order_id"].to_list() == ["I0", "I1", "I2", "J0", "J1"]
    assert (report.overall.shipments, report.overall.valid) == (5, 3)


@pytest.mark.parametrize(
    ("data", "quote", "expected"),
    [
        (b"a,b\nc,d\ne", b'"', 8),  # the last complete line
        (b'a,"x\ny",b\nc', b'"', 10),  # the break inside quotes is not an end
        (b'a,"x\ny', b'"', 0),  # no record has ended yet
        (b'a,"x\nb\nc\n', b'"', 0),  # maybe a long cell: wait for more text
        (b'a,"x""y",b\nc', b'"', 11),  # an escaped quote counts twice
        (b'a\t"x\ny\n', None, 7),  # tab files are read without quoting
    ],
)
def test_record_end(data: bytes, quote: bytes | None, expected: int) -> None:
    assert reading._record_end(data, quote) == expected


def test_an_unclosed_quote_at_the_end_is_cut_off_alone() -> None:
    assert reading._record_end(b'a,"x\nb\nc\n', b'"', at_end=True) == 5


@given(
    body=st.binary(max_size=400).map(
        lambda raw: bytes(b'ab,"\n'[byte % 5] for byte in raw)  # few kinds of bytes
    ),
    chunk_bytes=st.sampled_from([1, 7, 30, 200]),
    quoted=st.booleans(),
)
@settings(max_examples=150, deadline=None)
def test_chunks_cover_the_text_and_end_at_record_ends(
    tmp_path_factory: pytest.TempPathFactory, body: bytes, chunk_bytes: int, quoted: bool
) -> None:
    """Whatever the cut (in one block, or over blocks joined): the chunks are the text
    after the header in order, each ends a line, and each holds whole quoted cells (an
    even number of quotes) unless it is a line cut off alone for a quote that never
    closes. Checked by the chunks' own bytes, independently of how they were cut."""
    path = tmp_path_factory.mktemp("chunks") / "f.csv"
    path.write_bytes(b"h1,h2\n" + body)
    layout = reading._TextLayout("," if quoted else "\t", 0, {"a": 0}, 2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "CHUNK_BYTES", chunk_bytes)
        patch.setattr(reading, "MAX_QUOTED_BYTES", 60)
        chunks = list(reading._record_chunks(path, layout))
    text = body if not body or body.endswith(b"\n") else body + b"\n"
    assert b"".join(chunks) == text
    for chunk in chunks:
        assert chunk.endswith(b"\n")
        one_line = chunk.count(b"\n") == 1
        assert not quoted or chunk.count(b'"') % 2 == 0 or one_line
