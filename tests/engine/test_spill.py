"""A file worked on in parts spilled to disk gives the report it gives in one piece.

The part size is shrunk so that a small file is split into many parts and its rows are
flushed to disk many times; the one-piece report (itself checked by hand elsewhere) is
the independent answer, and the hand-counted cases below must hold across parts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.domain import reading, spill
from bot.domain.engine import analyse_file
from bot.domain.shipments import ShipmentTable, SpilledShipments
from tests.engine.conftest import UPS_OK, WriteFile
from tests.engine.test_rules import HEADER, row
from tests.generate import generate

pytestmark = pytest.mark.slow

AS_OF = date(2026, 11, 20)
PARTS = 7


@pytest.fixture
def tiny_parts(monkeypatch):
    """Parts of 1/PARTS of the file each, rows flushed every 50, text read in 2 KB chunks."""

    def shrink(path: Path) -> None:
        monkeypatch.setattr(spill, "PARTITION_SOURCE_BYTES", -(-path.stat().st_size // PARTS))

    monkeypatch.setattr(spill, "FLUSH_ROWS", 50)
    monkeypatch.setattr(reading, "CHUNK_BYTES", 2048)
    return shrink


def test_generated_file_in_parts_matches_one_piece(tmp_path: Path, tiny_parts) -> None:
    path = tmp_path / "shipments.csv"
    expected = generate(path, rows=1500, seed=5)
    whole, table = analyse_file(path, as_of=AS_OF)
    tiny_parts(path)
    folder = tmp_path / "spill"
    folder.mkdir()

    parted, spilled = analyse_file(path, as_of=AS_OF, spill_folder=folder)

    assert isinstance(table, ShipmentTable)
    assert isinstance(spilled, SpilledShipments)
    assert len(spilled.paths) == PARTS
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in spilled.paths)
    assert (parted.overall.shipments, parted.overall.valid) == (expected.shipments, expected.valid)
    assert parted.model_dump() == whole.model_dump()
    stored = sorted(r for batch in spilled.record_batches(size=100) for r in batch)
    assert stored == sorted(r for batch in table.record_batches() for r in batch)


def test_orders_rules_and_warnings_hold_across_parts(
    write_file: WriteFile, tmp_path: Path, tiny_parts
) -> None:
    """Hand-counted: 40 two-item orders (one shipment each, all on UPS_OK); 20 pairs of
    orders sharing a tracking number (most pairs fall in different parts); 10 EU letters of
    12 EUR on one number, 5 with a second item (24 EUR: counted), 5 alone (exempt).
    Reused numbers: the 20, UPS_OK and the letters' number."""
    letter = dict(channel="Amazon.fr", carrier="La Poste", tracking="RR123456785FR",
                  service="Lettre suivie", price="12.00", currency="EUR")  # fmt: skip
    shared = [f"1Z999AA1012345{i:04d}" for i in range(20)]
    rows = [
        *(row(f"TWO-{i}") for i in range(40)),
        *(row(f"REUSE-{i}-{side}", tracking=shared[i]) for i in range(20) for side in "ab"),
        *(row(f"LETTER-{i}", **letter) for i in range(10)),
        *(row(f"TWO-{i}") for i in range(40)),  # second items, far from the first
        *(row(f"LETTER-{i}", **letter) for i in range(5)),
    ]
    path = write_file([HEADER, *rows], name="orders.txt")
    whole, _ = analyse_file(path, as_of=AS_OF)
    tiny_parts(path)
    parted, spilled = analyse_file(path, as_of=AS_OF, spill_folder=tmp_path)

    assert isinstance(spilled, SpilledShipments)
    assert parted.overall.shipments == 40 + 40 + 5
    assert parted.excluded["eu_letter_under_20"] == 5
    reused = [w for w in parted.warnings if w.code == "reused_tracking"]
    assert [w.count for w in reused] == [22]
    assert reused[0].detail == ", ".join(sorted([*shared, UPS_OK, "RR123456785FR"])[:5])
    assert parted.model_dump() == whole.model_dump()


def test_a_file_within_one_part_never_touches_the_disk(tmp_path: Path) -> None:
    path = tmp_path / "shipments.csv"
    generate(path, rows=300, seed=2)
    folder = tmp_path / "spill"
    folder.mkdir()
    _, table = analyse_file(path, as_of=AS_OF, spill_folder=folder)
    assert isinstance(table, ShipmentTable)
    assert list(folder.iterdir()) == []


def test_split_keeps_each_key_in_one_part_and_rows_in_order() -> None:
    import polars as pl

    frame = pl.DataFrame({"order_id": [f"O{i % 13}" for i in range(200)], "n": range(200)})
    pieces = dict(spill.split(frame, "order_id", 4))
    assert sum(p.height for p in pieces.values()) == 200
    owners = {o: k for k, p in pieces.items() for o in p.get_column("order_id")}
    assert len(owners) == 13
    for piece in pieces.values():
        assert piece.get_column("n").is_sorted()
        assert all(owners[o] == piece_key for o in piece.get_column("order_id")
                   for piece_key in [next(k for k, p in pieces.items() if p is piece)])  # fmt: skip


def test_as_of_defaults_to_the_newest_open_ship_date_of_any_part(
    write_file: WriteFile, tmp_path: Path, tiny_parts
) -> None:
    """The newest self-fulfilled shipment (11-18) is in one part only; a newer FBA one
    (11-25) does not count. Hand-set dates, so the answer is known without the engine."""
    rows = [
        *(row(f"OLD-{i}", ship="2026-11-01") for i in range(60)),
        row("NEWEST", ship="2026-11-18"),
        row("FBA", ship="2026-11-25", fulfilment="Amazon"),
    ]
    path = write_file([HEADER, *rows], name="orders.txt")
    tiny_parts(path)
    report, spilled = analyse_file(path, spill_folder=tmp_path)
    assert isinstance(spilled, SpilledShipments)
    assert (report.as_of, report.as_of_source) == (date(2026, 11, 18), "latest_ship_date")
