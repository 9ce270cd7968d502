"""What the check's analysis costs with larger batches and freed pages kept: the price of the
memory limit, and so what any rearrangement of the same per-row work could save at most.

    python bench/bench_batch_bound.py [--file PATH] [--rounds 2]

Each variant runs `report_file` and the report's JSON in a fresh interpreter, as the
analysis worker does (its allocator settings and glibc threshold unless the variant says
otherwise), the variants alternating round after round. Printed per run: the CPU seconds
(user + system) and minor page faults of the analysis alone (after the imports), the
process's peak RSS, and a digest of the JSON, which must be the same for every variant.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.measure import load_average

KEEP_PAGES = "dirty_decay_ms:-1,muzzy_decay_ms:-1,narenas:1"
"""polars' jemalloc never handing freed pages back."""
VARIANTS = [(4, "worker"), (4, KEEP_PAGES), (16, "worker"), (16, KEEP_PAGES), (64, KEEP_PAGES)]
"""(chunk MiB, allocator): "worker" is the analysis worker's settings, the check's today."""

CHILD = """
import ctypes, hashlib, os, resource, sys
from datetime import date
path, chunk_mb, allocator = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if allocator != "worker":
    os.environ["_RJEM_MALLOC_CONF"] = allocator
else:
    from bot import ALLOCATOR_SETTINGS
    from bot.services.isolation import worker_allocator_settings
    os.environ["_RJEM_MALLOC_CONF"] = worker_allocator_settings(ALLOCATOR_SETTINGS)
from bot.services.isolation import _map_large_blocks_alone
_map_large_blocks_alone()
import bot.domain.reading as reading
reading.CHUNK_BYTES = chunk_mb << 20
from bot.domain.engine import report_file
before = resource.getrusage(resource.RUSAGE_SELF)
report = report_file(path, as_of=date(2026, 11, 20)).model_dump_json()
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
digest = hashlib.md5(report.encode()).hexdigest()[:8]
print(f"{cpu:.2f} {after.ru_minflt - before.ru_minflt} {after.ru_maxrss >> 10} {digest}")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=Path("/tmp/bench/1m.csv"))
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    size = args.file.stat().st_size
    print(f"file: {args.file.name}, {size / 2**20:.1f} MiB; {load_average()}")
    env = {key: value for key, value in os.environ.items() if key != "_RJEM_MALLOC_CONF"}
    for _ in range(args.rounds):
        for chunk_mb, allocator in VARIANTS:
            command = [sys.executable, "-c", CHILD, str(args.file), str(chunk_mb), allocator]
            out = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            cpu, faults, peak_mib, digest = out.stdout.split()
            label = "worker's" if allocator == "worker" else allocator
            print(
                f"chunks {chunk_mb:3d} MiB, allocator {label:40s} CPU {cpu} s  "
                f"faults {int(faults):8,}  peak RSS {peak_mib} MiB  report {digest}"
            )
    print(load_average())


if __name__ == "__main__":
    main()
