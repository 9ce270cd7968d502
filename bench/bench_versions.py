"""Two checkouts side by side in one run: `vtrbot check --json` and `vtrbot ask` from each,
then the naive pandas count and the floors, so figures from a busy machine compare.

    git worktree add --detach /tmp/before 7698e31
    python bench/bench_versions.py --before /tmp/before --after . --file F.csv

Each command runs from its checkout's folder with that folder first on PYTHONPATH (same
interpreter and packages); wall time, CPU time and peak RSS of the whole process tree are
read by bench/measure.py. `vtrbot ask` runs five times each, alternating, after one run
that prepares the knowledge base in a scratch cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.measure import copy_seconds, load_average, polars_scan_seconds, run_tree_cpu

NAIVE_PANDAS = (
    "import sys, pandas as pd\nframe = pd.read_csv(sys.argv[1])\n"
    'print(frame.groupby("product-category")["tracking-number"].count().to_dict())'
)
QUESTION = "is 94.9% below the bar"


def in_checkout(tree: Path, *args: str) -> tuple[float, int, float, str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return run_tree_cpu([sys.executable, "-m", "bot", *args], cwd=tree, env=env)


def compare_check(trees: dict[str, Path], path: Path) -> None:
    size = path.stat().st_size
    rows = {label: in_checkout(tree, "check", str(path), "--json", "--as-of", "2026-11-20")[:3]
            for label, tree in trees.items()}  # fmt: skip
    rows["naive pandas"] = run_tree_cpu([sys.executable, "-c", NAIVE_PANDAS, str(path)])[:3]
    _, _, pandas_cpu = rows["naive pandas"]
    pandas_wall = rows["naive pandas"][0]
    for label, (wall, rss, cpu) in rows.items():
        print(f"{label:14} wall {wall:6.2f} s ({wall / pandas_wall:4.2f}× pandas)  "
              f"CPU {cpu:6.2f} s ({cpu / pandas_cpu:4.2f}×)  "
              f"tree peak {rss / 2**20:6.1f} MiB ({rss / size:4.2f}× the file)")  # fmt: skip
    print(f"floors: polars scan {polars_scan_seconds(path):.2f} s, copy {copy_seconds(path):.2f} s")


def compare_ask(trees: dict[str, Path], runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        for tree in trees.values():
            in_checkout(tree, "ask", QUESTION)
        times: dict[str, list[tuple[float, float]]] = {label: [] for label in trees}
        for _ in range(runs):
            for label, tree in trees.items():
                wall, _, cpu, _ = in_checkout(tree, "ask", QUESTION)
                times[label].append((wall, cpu))
    for label, pairs in times.items():
        walls, cpus = zip(*pairs, strict=True)
        print(f"vtrbot ask {label}: wall median {statistics.median(walls) * 1000:.0f} ms, "
              f"CPU median {statistics.median(cpus) * 1000:.0f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, default=Path())
    parser.add_argument("--file", type=Path, required=True, help="e.g. tests/generate.py's 1M rows")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    print(load_average())
    compare_check(trees, args.file)
    compare_ask(trees)
    print(load_average())


if __name__ == "__main__":
    main()
