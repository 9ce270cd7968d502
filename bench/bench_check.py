"""Time the full `vtrbot check --json` against a naive pandas count on the same file.

Two pandas baselines run: the naive script as the issue describes it (read_csv with its
defaults, then a count of non-empty tracking per category) and a stricter one that reads
every column as text, skipping type inference as the engine does.

    python bench/bench_check.py [--rows 1000000] [--keep]

Both run as fresh subprocesses (imports included), one after the other, in the same
run; each is timed by wall clock and its peak RSS read from the OS. Prints both times,
their ratio and the peak RSS relative to the file size. Targets: ratio ≤ 1.0 and
peak RSS ≤ 2× the file size.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
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


def timed(command: list[str]) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the max over all children so far: measure in order of size.
    return elapsed, max(peak_kib, before) * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="vtrbench-"))
    path = folder / "shipments.csv"
    generate(path, args.rows)
    size = path.stat().st_size
    print(f"file: {args.rows:,} rows, 15 columns, {size / 2**20:.1f} MiB")
    vtrbot = [sys.executable, "-m", "bot", "check", str(path), "--json", "--as-of", "2026-11-20"]
    # The engine runs first so the children's max RSS reading is its own.
    engine_s, engine_rss = timed(vtrbot)
    print(f"vtrbot check --json: {engine_s:6.2f} s   peak RSS {engine_rss / 2**20:7.1f} MiB")
    for label, options in BASELINES.items():
        script = NAIVE_PANDAS.format(options=options)
        pandas_s, _ = timed([sys.executable, "-c", script, str(path)])
        print(f"{label}: {pandas_s:6.2f} s   ratio engine/pandas {engine_s / pandas_s:5.2f}")
    print("target: ratio ≤ 1.0 against the naive count")
    print(f"peak RSS / file size: {engine_rss / size:6.2f}   (target ≤ 2.0)")
    if not args.keep:
        path.unlink()
        os.rmdir(folder)


if __name__ == "__main__":
    main()
