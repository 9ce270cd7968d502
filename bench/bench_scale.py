"""Storage at scale: a 1M-row upload merged into PostgreSQL and into SQLite.

    python bench/bench_scale.py [--rows 1000000] [--database-url postgresql://...]

Each backend runs in a fresh process: a first upload of `rows` shipments into an empty
store, then a second upload of the same orders with new tracking numbers (a seller sending
the next export, every order replaced). Prints each merge's wall time and the process's
peak RSS. Without --database-url a throwaway PostgreSQL server is started from the
installed binaries, with fsync on, like SQLite's WAL (synchronous=NORMAL) here.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

BATCH = 50_000
"""Rows per batch, as ShipmentTable.record_batches hands them to the store."""


def upload(rows: int, version: int) -> Iterator[list[tuple[object, ...]]]:
    """Shipments in RECORD_FIELDS order, `BATCH` at a time, never all at once."""
    start = date(2026, 10, 1)
    for first in range(0, rows, BATCH):
        yield [
            (f"113-{n:07d}-{n % 9973:07d}", start + timedelta(days=n % 50), "UPS",
             f"1Z{version}{n:015d}", ("Toys", "Home", "Garden")[n % 3], "Amazon.com", None)
            for n in range(first, min(first + BATCH, rows))
        ]  # fmt: skip


async def merge_twice(rows: int, folder: Path, url: str | None) -> list[float]:
    from bot.services.store import Store

    seconds = []
    async with Store(folder / "vtrbot.sqlite3", database_url=url) as store:
        for version in (1, 2):
            started = time.perf_counter()
            written = await store.merge_shipment_rows(1, upload(rows, version))
            seconds.append(time.perf_counter() - started)
            assert written == rows
        stored = sum([len(batch) async for batch in store.shipment_rows(1)])
        assert stored == rows, f"{stored} stored, expected {rows}"
    return seconds


def child(rows: int, url: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="vtrscale-") as folder:
        first, second = asyncio.run(merge_twice(rows, Path(folder), url or None))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{first:.2f} {second:.2f} {peak_mib:.1f}")


def measure(rows: int, url: str | None) -> tuple[float, float, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(rows), "--database-url", url or ""],
        check=True,
        capture_output=True,
        text=True,
    )
    first, second, peak = out.stdout.split()
    return float(first), float(second), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.database_url)
        return
    server = None
    url = args.database_url
    if url is None:
        from tests.postgres_server import PostgresServer, server_binaries

        binaries = server_binaries()
        if binaries is None:
            sys.exit("no PostgreSQL binaries: install postgresql or pass --database-url")
        server = PostgresServer.start(binaries, durable=True)
        url = server.url()
    try:
        print(f"{args.rows:,} shipments, merged twice (new, then every order replaced)")
        print(f"{'backend':<12} {'first s':>8} {'replace s':>10} {'peak RSS MiB':>13}")
        for name, backend_url in (("SQLite", None), ("PostgreSQL", url)):
            first, second, peak = measure(args.rows, backend_url)
            print(f"{name:<12} {first:>8.2f} {second:>10.2f} {peak:>13.1f}")
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
