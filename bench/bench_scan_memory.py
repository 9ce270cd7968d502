"""What reading a file costs in memory, by way of reading it: polars' streaming scan of the
path, of an open file handle, and our own chunks (bot/domain/reading.py's way: 4 MB read at a
time, each parsed by polars).

    python bench/bench_scan_memory.py [--file PATH] [--rows 1000000]

Each way runs in a fresh process with the analysis worker's allocator settings, reads every
column of every row as text (summing their lengths, so every cell is parsed), and reports its
CPU, its peak RSS and, at its end, its resident pages split into anonymous and file-backed
ones. The streaming scan maps the file: the pages it has read count in its resident size,
which is why issue 26's whole-file query design holds about the file whatever else it does
(docs/performance.md, "A polars query per file, measured").
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.measure import load_average
from tests.generate import generate

WAYS = {
    "polars scan_csv(path), streaming": "pl.scan_csv(path, **options).select(lengths).collect(engine='streaming')",
    "polars scan_csv(open file), streaming": "pl.scan_csv(open(path, 'rb'), **options).select(lengths).collect(engine='streaming')",
    "our 4 MB chunks, each parsed by polars": "chunks(path)",
}
SCRIPT = """
import resource, sys, time
import bot  # the worker's allocator settings, before polars loads
import polars as pl
from bot.domain.reading import CHUNK_BYTES

path, width = sys.argv[1], int(sys.argv[2])
lengths = pl.all().str.len_bytes().sum()
options = dict(has_header=False, skip_rows=1, schema={f"c{i}": pl.String for i in range(width)})


def chunks(path):
    frames, carry = [], b""
    with open(path, "rb") as handle:
        handle.readline()
        while block := handle.read(CHUNK_BYTES):
            data = carry + block
            cut = data.rfind(b"\\n") + 1
            frame = pl.read_csv(data[:cut], **options | dict(skip_rows=0))
            frames.append(frame.select(lengths))
            carry = data[cut:]
    return pl.concat(frames).sum()


start = time.process_time()
WAY
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
kinds = [int(status[kind].split()[0]) >> 10 for kind in ("RssAnon", "RssFile")]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10
print(time.process_time() - start, peak, *kinds)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--file", type=Path, help="an existing file instead of a generated one")
    args = parser.parse_args()
    path = args.file or Path(tempfile.mkdtemp(prefix="vtrbench-")) / "shipments.csv"
    if not args.file:
        generate(path, args.rows)
    with path.open("rb") as handle:
        width = handle.readline().count(b",") + 1
    size = path.stat().st_size
    print(f"file: {path.name}, {size / 2**20:.1f} MiB, {width} columns; {load_average()}")
    env = {**os.environ, "_RJEM_MALLOC_CONF": _worker_allocator_settings()}
    for label, way in WAYS.items():
        command = [sys.executable, "-c", SCRIPT.replace("WAY", way), str(path), str(width)]
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
        cpu, peak, anonymous, mapped = done.stdout.split()
        print(
            f"{label:40s} CPU {float(cpu):5.2f} s   peak RSS {peak:>4} MiB "
            f"({int(peak) * 2**20 / size:4.2f}× the file); at its end {anonymous} MiB "
            f"anonymous, {mapped} MiB file-backed"
        )
    print(load_average())
    if not args.file:
        path.unlink()
        os.rmdir(path.parent)


def _worker_allocator_settings() -> str:
    from bot import ALLOCATOR_SETTINGS
    from bot.services.isolation import ONE_ARENA

    return f"{ALLOCATOR_SETTINGS},{ONE_ARENA}"


if __name__ == "__main__":
    main()
