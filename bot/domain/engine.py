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
  Shipments)` does both.
- `bot.domain.defects_file.write_defects(report, path, labels)` writes the Excel-safe defect
  file (XLSX only); not imported here, so an analysis never loads xlsxwriter.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.domain.errors import FileRejected
from bot.domain.models import VtrReport
from bot.domain.reading import read_table
from bot.domain.shipments import Shipments, ShipmentTable, build_shipments
from bot.domain.vtr import compute_report

__all__ = [
    "FileRejected",
    "ShipmentTable",
    "Shipments",
    "analyse_file",
    "compute_report",
    "read_shipments",
]


def read_shipments(
    path: Path, max_bytes: int | None = None, spill_folder: Path | None = None
) -> Shipments:
    table = read_table(Path(path), max_bytes=max_bytes, scratch=spill_folder)
    return build_shipments(table, spill_folder)


def analyse_file(
    path: Path,
    as_of: date | None = None,
    max_bytes: int | None = None,
    spill_folder: Path | None = None,
) -> tuple[VtrReport, Shipments]:
    table = read_shipments(path, max_bytes=max_bytes, spill_folder=spill_folder)
    return compute_report(table, as_of=as_of), table
