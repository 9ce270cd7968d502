"""Time and peak memory of one upload through the bot's core, on SQLite and PostgreSQL.

    python bench/bench_upload.py [--rows 130000] [--file PATH] [--backends sqlite postgres]

The path a Telegram upload takes once the file is on disk (`Core.handle_file`): read,
report, merge into a fresh store, render the reply and the defect file. Each upload is a
fresh process; its time is counted from the file on disk to the reply (imports and the
store's opening excluded, as in a running bot), and the peak RSS is that of its whole
process tree (the bot and its analysis worker, bench/measure.py). Beside the figures, in
the same run: a naive pandas count of the same file, polars' own scan of it and the time to
copy it. The default 130,000 rows make a 19.7 MiB file, just under Telegram's 20 MB.
Targets (issue 26): ≤ 1.0 s, ≤ 1.5× the naive pandas count, peak RSS ≤ 4× the file.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from bench.measure import (  # noqa: E402
    copy_seconds,
    load_average,
    polars_scan_seconds,
    run_tree,
    run_tree_cpu,
    tree_rss,
)

NAIVE_PANDAS = """
import sys, time, pandas as pd
start, cpu = time.perf_counter(), time.process_time()
frame = pd.read_csv(sys.argv[1])
frame.groupby("product-category")["tracking-number"].count().to_dict()
print(time.perf_counter() - start, time.process_time() - cpu)
"""
"""Timed from the file to the count, imports excluded, as the upload is."""


async def upload_once(
    path: Path, folder: Path, url: str | None
) -> tuple[float, float, int, int, int]:
    """Upload `path` for one chat: (seconds from the file to the reply, the tree's CPU
    seconds meanwhile, shipments stored, the tree's resident and proportional bytes before
    the upload, worker server started)."""
    from bot.bootstrap import build_services, opened
    from bot.services.isolation import WORKER_ADDRESS_SPACE, call_isolated
    from bot.services.replies import ChatRef
    from bot.settings import Settings

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        VTRBOT_DATA_DIR=folder,
        VTRBOT_DEFAULT_LANG="en",
        VTRBOT_MAX_UPLOAD_MB=2000,
        VTRBOT_DATABASE_URL=url,
    )
    async with opened(build_services(settings)) as services:  # starts the worker server
        # The server imports the engine in the background (about a second): a running bot's
        # has long done so when a file arrives, so the upload is timed from then.
        await asyncio.to_thread(call_isolated, int, (), (WORKER_ADDRESS_SPACE, 60))
        idle, idle_pss = tree_rss(psutil.Process()), tree_pss(psutil.Process())
        start, cpu = time.perf_counter(), tree_cpu(psutil.Process())
        await services.core.handle_file(ChatRef(1, "en"), path, path.name, caption="2026-11-20")
        seconds, cpu = time.perf_counter() - start, tree_cpu(psutil.Process()) - cpu
        # Counted by the database: reading the rows back into this process would add its
        # own peak to the upload's (the tree is polled until this process ends).
        rows = await services.store.backend.fetch(
            "SELECT COUNT(*) FROM shipments WHERE chat_id = ?", (1,)
        )
        return seconds, cpu, int(rows[0][0]), idle, idle_pss


def child(path: Path, url: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="vtrup-") as folder:
        seconds, cpu, stored, idle, idle_pss = asyncio.run(upload_once(path, Path(folder), url))
    print(f"{seconds:.3f} {cpu:.3f} {stored} {idle} {idle_pss}")


def tree_cpu(process: psutil.Process) -> float:
    """CPU seconds of a process and its descendants so far, with those of the children
    each has reaped (the workers, reaped by the forkserver): what load moves least."""
    total = 0.0
    for member in [process, *process.children(recursive=True)]:
        try:
            times = member.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def tree_pss(process: psutil.Process) -> int:
    """Proportional set size of a process and its descendants, now: a page shared by n
    processes counts 1/n in each (from /proc/PID/smaps_rollup), so the tree's sum is what it
    takes from the machine, where summed RSS counts a forked worker's shared pages again."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            with open(f"/proc/{member.pid}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration):
            continue
    return total * 1024


class PeakPss:
    """The largest `tree_pss` of this process's descendants, polled from a thread."""

    def __init__(self) -> None:
        self.peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> PeakPss:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._done.set()
        self._thread.join()

    def _poll(self) -> None:
        me = psutil.Process()
        while not self._done.wait(0.02):
            children = me.children()
            self.peak = max(self.peak, sum(tree_pss(child) for child in children))


def measure(path: Path, url: str | None) -> tuple[float, float, int, int, int, dict[str, int]]:
    """(seconds, tree CPU seconds, shipments stored, tree peak RSS, tree RSS before the
    upload, each process's own peak by role) of one upload in a fresh process."""
    command = [sys.executable, __file__, "--child", str(path), "--database-url", url or ""]
    peaks: dict[str, int] = {}
    with PeakPss() as pss:
        _, peak, _, out = run_tree_cpu(command, peaks)
    seconds, cpu, stored, idle, idle_pss = out.split()
    peaks["tree PSS"], peaks["idle tree PSS"] = pss.peak, int(idle_pss)
    return float(seconds), float(cpu), int(stored), peak, int(idle), peaks


def fresh_database(server: object, name: str) -> str:
    from bench.bench_scale import fresh_database as create

    return create(server, name)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=130_000)
    parser.add_argument("--file", type=Path, help="an existing file instead of a generated one")
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgres"])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--database-url", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.database_url or None)
        return
    with tempfile.TemporaryDirectory(prefix="vtrupbench-") as folder:
        path = args.file or Path(folder) / f"{args.rows}.csv"
        if not args.file:
            from tests.generate import generate

            generate(path, args.rows)
        report(path, args.backends)


def report(path: Path, backends: list[str]) -> None:
    size = path.stat().st_size
    print(f"file: {path.name}, {size / 2**20:.1f} MiB; {load_average()}")
    out = run_tree([sys.executable, "-c", NAIVE_PANDAS, str(path)])[2]
    naive, naive_cpu = map(float, out.split())
    scan, copy = polars_scan_seconds(path), copy_seconds(path)
    print(f"naive pandas count (no imports) {naive:.2f} s, CPU {naive_cpu:.2f} s; floors: "
          f"polars scan {scan:.2f} s (imports included), copy {copy:.2f} s")  # fmt: skip
    print(f"{'backend':<11} {'seconds':>8} {'/pandas':>8} {'/scan':>6} {'CPU s':>6} "
          f"{'/pandas':>8} {'stored':>9} {'tree MiB':>9} {'RSS/file':>9} {'idle MiB':>9} "
          f"{'added/file':>10}")  # fmt: skip
    for backend in backends:
        seconds, cpu, stored, peak, idle, peaks = run_backend(path, backend)
        print(f"{backend:<11} {seconds:>8.2f} {seconds / naive:>8.2f} {seconds / scan:>6.2f} "
              f"{cpu:>6.2f} {cpu / naive_cpu:>8.2f} {stored:>9,} {peak / 2**20:>9.1f} "
              f"{peak / size:>9.2f} {idle / 2**20:>9.1f} {(peak - idle) / size:>10.2f}")  # fmt: skip
        pss, idle_pss = peaks.pop("tree PSS"), peaks.pop("idle tree PSS")
        print("  each process's own peak, MiB: " + ", ".join(
            f"{role} {rss / 2**20:.0f}" for role, rss in sorted(peaks.items())))  # fmt: skip
        print(f"  tree PSS: peak {pss / 2**20:.1f} MiB, idle {idle_pss / 2**20:.1f} MiB, "
              f"added {(pss - idle_pss) / 2**20:.1f} MiB = {(pss - idle_pss) / size:.2f}× the file")  # fmt: skip
    print("idle: the tree once the bot has started, before the upload; added: peak - idle")
    print("RSS summed per process counts a forked worker's pages shared with the forkserver")
    print("(the engine's imports, about 70 MiB) again; PSS counts each page once in all")
    print("targets: ≤ 1.0 s, ≤ 1.5× pandas, RSS/file ≤ 4;", load_average())


def run_backend(path: Path, backend: str) -> tuple[float, float, int, int, int, dict[str, int]]:
    if backend == "sqlite":
        return measure(path, None)
    from tests.postgres_server import PostgresServer, server_binaries

    binaries = server_binaries()
    if binaries is None:
        sys.exit("no PostgreSQL binaries: install postgresql")
    server = PostgresServer.start(binaries, durable=True)
    try:
        return measure(path, fresh_database(server, "upload_bench"))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
