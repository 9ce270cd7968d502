"""Time the full `vtrbot check --json` against a naive pandas count on the same file.

Two pandas baselines run: the naive script as the issue describes it (read_csv with its
defaults, then a count of non-empty tracking per category) and a stricter one that reads
every column as text, skipping type inference as the engine does.

    python bench/bench_check.py [--rows 1000000] [--file PATH] [--keep]

Every command runs as a fresh subprocess (imports included), one after the other, in the
same run; each is timed by wall clock, and the peak RSS of its whole process tree (the bot
and its analysis worker) is polled (bench/measure.py). Beside the figures: the floors, the
time polars' own streaming scan takes to count the same file, and the time to copy it.
Targets (issue 26): engine/naive pandas ≤ 0.5, tree peak RSS ≤ 1.5× the file. The scan's own
peak RSS is printed beside it: polars maps the file it scans, so that design holds about
the file whatever else it does (docs/performance.md).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.measure import copy_seconds, load_average, polars_scan, run_tree_cpu
from tests.generate import generate

NAIVE_PANDAS = """
import sys, pandas as pd
frame = pd.read_csv(sys.argv[1]{options})
print(frame.groupby("product-category")["tracking-number"].count().to_dict())
"""
BASELINES = {
    # The baseline, as a naive script is written: read_csv with its defaults.
    "naive pandas count (read_csv defaults)": "",
    # Stricter: no type inference, every column read as text (what the engine does).
    "pandas count, dtype=str": ", dtype=str",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--file", type=Path, help="an existing file instead of a generated one")
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    args = parser.parse_args()
    path = args.file or Path(tempfile.mkdtemp(prefix="vtrbench-")) / "shipments.csv"
    if not args.file:
        generate(path, args.rows)
    size = path.stat().st_size
    print(f"file: {path.name}, {size / 2**20:.1f} MiB; {load_average()}")
    vtrbot = [sys.executable, "-m", "bot", "check", str(path), "--json", "--as-of", "2026-11-20"]
    peaks: dict[str, int] = {}
    engine_s, engine_rss, engine_cpu, _ = run_tree_cpu(vtrbot, peaks)
    print(
        f"vtrbot check --json: {engine_s:6.2f} s (CPU {engine_cpu:5.2f} s)   "
        f"tree peak RSS {engine_rss / 2**20:7.1f} MiB"
    )
    print("  each process's own peak: " + ", ".join(
        f"{role} {rss / 2**20:.0f} MiB" for role, rss in peaks.items()))  # fmt: skip
    naive_s = naive_cpu = 0.0
    for label, options in BASELINES.items():
        script = NAIVE_PANDAS.format(options=options)
        pandas_s, _, pandas_cpu, _ = run_tree_cpu([sys.executable, "-c", script, str(path)])
        naive_s, naive_cpu = naive_s or pandas_s, naive_cpu or pandas_cpu
        print(
            f"{label}: {pandas_s:6.2f} s (CPU {pandas_cpu:5.2f} s)   "
            f"ratio engine/pandas {engine_s / pandas_s:5.2f} (CPU {engine_cpu / pandas_cpu:5.2f})"
        )
    (scan_s, scan_rss), copy_s = polars_scan(path), copy_seconds(path)
    print(
        f"floor, polars streaming scan + count: {scan_s:6.2f} s   engine is {engine_s / scan_s:5.2f}×"
        f"   (its peak RSS {scan_rss / 2**20:.1f} MiB = {scan_rss / size:.2f}× the file)"
    )
    print(
        f"floor, copying the file:              {copy_s:6.2f} s   engine is {engine_s / copy_s:5.1f}×"
    )
    print(
        f"ratio engine / naive pandas: {engine_s / naive_s:5.2f}, "
        f"in CPU time {engine_cpu / naive_cpu:5.2f}   (target ≤ 0.5)"
    )
    print(f"tree peak RSS / file size:   {engine_rss / size:5.2f}   (target ≤ 1.5)")
    print(load_average())
    if args.keep or args.file:
        return
    path.unlink()
    os.rmdir(path.parent)


if __name__ == "__main__":
    main()
