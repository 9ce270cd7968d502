"""The VTR engine's front door: a seller's file in, a `VtrReport` out.

Contract for callers (the CLI `check`, the conversation core, the alert pass):

- `read_shipments(path, max_bytes=None, spill_folder=None) -> Shipments` reads CSV/TSV/TXT/
  XLSX in any supported encoding, maps headers, collapses order-item rows into shipments and
  drops buyer data. Raises `FileRejected` (with a machine-readable `code`) on files it cannot
  read. Given a folder, a file bigger than one part (spill.py) is worked on part by part,
  its parts kept there as files (`SpilledShipments`), so memory stays bounded; otherwise,
  and always without a folder, the result is one in-memory `ShipmentTable`.
- `ShipmentTable.from_records(records)` builds a table from `ShipmentRecord`s (tests, small
  data); `.record_batches()` gives the stored fields as tuples, part by part.
- `compute_report(table, as_of=None) -> VtrReport` applies docs/vtr-rules.md §4.
- `analyse_file(path, as_of=None, max_bytes=None, spill_folder=None) -> (VtrReport,
  Shipments)` does both; `report_file(...)` with the same arguments gives the same report
  without keeping the shipments.
- `bot.domain.defects_file.write_defects(report, path, labels)` writes the Excel-safe defect
  file (XLSX only); not imported here, so an analysis never loads its writer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.domain.errors import FileRejected
from bot.domain.models import VtrReport
from bot.domain.reading import read_table
from bot.domain.shipments import Shipments, ShipmentTable, build_shipments
from bot.domain.spill import partition_count
from bot.domain.tallies import HashCollision, file_report
from bot.domain.vtr import compute_report

__all__ = [
    "FileRejected",
    "ShipmentTable",
    "Shipments",
    "analyse_file",
    "compute_report",
    "read_shipments",
    "report_file",
]


def read_shipments(
    path: Path, max_bytes: int | None = None, spill_folder: Path | None = None
) -> Shipments:
    table = read_table(Path(path), max_bytes=max_bytes, scratch=spill_folder)
    return build_shipments(table, spill_folder)


def report_file(
    path: Path,
    as_of: date | None = None,
    max_bytes: int | None = None,
    spill_folder: Path | None = None,
) -> VtrReport:
    """`analyse_file`'s report alone, for callers that store no shipments (`vtrbot check`):
    the batches are reduced to tallies as they are read (tallies.py), so memory never holds
    the shipments. A file bigger than one part (spill.py) is worked on part by part as
    `analyse_file` does."""
    path = Path(path)
    table = read_table(path, max_bytes=max_bytes, scratch=spill_folder)
    if spill_folder is not None and partition_count(table.source_bytes) > 1:
        return compute_report(build_shipments(table, spill_folder), as_of=as_of)
    try:
        return file_report(table, as_of=as_of)
    except HashCollision:
        return compute_report(build_shipments(table), as_of=as_of)


def analyse_file(
    path: Path,
    as_of: date | None = None,
    max_bytes: int | None = None,
    spill_folder: Path | None = None,
) -> tuple[VtrReport, Shipments]:
    table = read_shipments(path, max_bytes=max_bytes, spill_folder=spill_folder)
    return compute_report(table, as_of=as_of), table
