"""The VTR engine's front door: a seller's file in, a `VtrReport` out.

Contract for callers (the CLI `check`, the conversation core, the alert pass):

- `read_shipments(path, max_bytes=None) -> ShipmentTable` reads CSV/TSV/TXT/XLSX in any
  supported encoding, maps headers, collapses order-item rows into shipments and drops
  buyer data. Raises `FileRejected` (with a machine-readable `code`) on files it cannot read.
- `ShipmentTable.to_records()` / `ShipmentTable.from_records(records)` convert to and from
  the `ShipmentRecord`s the store keeps.
- `compute_report(table, as_of=None) -> VtrReport` applies domain.md §4.
- `analyse_file(path, as_of=None, max_bytes=None) -> (VtrReport, ShipmentTable)` does both.
- `write_defects_csv(report, path)` writes the Excel-safe defect file.
"""
