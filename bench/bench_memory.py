"""Peak memory of `vtrbot check` as files grow: does memory follow the file or the batch?

    python bench/bench_memory.py [--rows 250000 1000000 4000000]

Each size is a fresh generated file (15 columns, buyer data included) and a fresh process;
prints file size, wall time, peak RSS and RSS per MiB of file.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.generate import generate

MEASURE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_rss_kib(command: list[str]) -> tuple[float, int]:
    """Run `command` under a fresh parent so RUSAGE_CHILDREN is its peak alone."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - start, int(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[250_000, 1_000_000, 4_000_000])
    args = parser.parse_args()
    print(f"{'rows':>10} {'file MiB':>9} {'seconds':>8} {'peak MiB':>9} {'RSS/file':>9}")
    with tempfile.TemporaryDirectory(prefix="vtrmem-") as folder:
        for rows in args.rows:
            path = Path(folder) / f"{rows}.csv"
            generate(path, rows)
            size = path.stat().st_size / 2**20
            command = [
                sys.executable,
                "-m",
                "bot",
                "check",
                str(path),
                "--json",
                "--as-of",
                "2026-11-20",
            ]
            seconds, peak = peak_rss_kib(command)
            print(
                f"{rows:>10,} {size:>9.1f} {seconds:>8.2f} {peak / 1024:>9.1f} {peak / 1024 / size:>9.2f}"
            )
            path.unlink()


if __name__ == "__main__":
    main()
