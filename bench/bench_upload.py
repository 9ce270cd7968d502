"""Time and peak memory of one upload through the bot's core, on SQLite and PostgreSQL.

    python bench/bench_upload.py [--rows 130000] [--file PATH] [--backends sqlite postgres]
                                 [--cold]

The path a Telegram upload takes once the file is on disk (`Core.handle_file`): read,
report, merge into a fresh store, render the reply and the defect file. Each upload is a
fresh process; its time is counted from the file on disk to the reply (imports and the
store's opening excluded, as in a running bot), and the peak RSS is that of its whole
process tree (the bot and its analysis worker, bench/measure.py). Each backend's upload
runs twice, in fresh processes and stores: once timed with nothing beside it, once with
the tree's memory polled (the pollers scan every process of the machine every 10–20 ms,
about a third of one core, which the 2-core upload then shares: docs/performance.md);
the time printed first is the unpolled run's, the polled run's follows its memory.
Another chat's small upload goes first, as in a bot that has handled uploads before
(`--cold` leaves it out).
Beside the figures, in the same run: a naive pandas count of the same file, polars' own
scan of it and the time to copy it. The default 130,000 rows make a 19.7 MiB file, just under Telegram's 20 MB.
Targets (issue 26): ≤ 1.0 s, ≤ 1.5× the naive pandas count, peak RSS ≤ 4× the file.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

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
from tests.generate import generate  # noqa: E402

WARM_UP_ROWS = 2_000
"""The warm-up upload's rows (`upload_once`): a few hundred KB."""

NAIVE_PANDAS = """
import sys, time, pandas as pd
start, cpu = time.perf_counter(), time.process_time()
frame = pd.read_csv(sys.argv[1])
frame.groupby("product-category")["tracking-number"].count().to_dict()
print(time.perf_counter() - start, time.process_time() - cpu)
"""
"""Timed from the file to the count, imports excluded, as the upload is."""


async def upload_once(
    path: Path, folder: Path, url: str | None, warm: bool
) -> tuple[float, float, int, int, tuple[int, int, int]]:
    """Upload `path` for one chat: (seconds from the file to the reply, the tree's CPU
    seconds meanwhile, shipments stored, the tree's resident bytes before the upload and
    its proportional ones with their parts, `tree_pss_parts`). With `warm`, another chat's
    small upload goes first, as in a bot that has handled uploads before: the libraries'
    code the upload runs in the bot's process (the merge's, the replies') is then mapped
    already, and the measured upload adds its data."""
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
        if warm:
            small = folder / "warm-up.csv"
            await asyncio.to_thread(generate, small, WARM_UP_ROWS)
            await services.core.handle_file(
                ChatRef(2, "en"), small, small.name, caption="2026-11-20"
            )
            small.unlink()
        idle, idle_pss = tree_rss(psutil.Process()), tree_pss_parts(psutil.Process())
        start, cpu = time.perf_counter(), tree_cpu(psutil.Process())
        await services.core.handle_file(ChatRef(1, "en"), path, path.name, caption="2026-11-20")
        seconds, cpu = time.perf_counter() - start, tree_cpu(psutil.Process()) - cpu
        # Counted by the database: reading the rows back into this process would add its
        # own peak to the upload's (the tree is polled until this process ends).
        rows = await services.store.backend.fetch(
            "SELECT COUNT(*) FROM shipments WHERE chat_id = ?", (1,)
        )
        return seconds, cpu, int(rows[0][0]), idle, idle_pss


def child(path: Path, url: str | None, warm: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="vtrup-") as folder:
        seconds, cpu, stored, idle, idle_pss = asyncio.run(
            upload_once(path, Path(folder), url, warm)
        )
    print(f"{seconds:.3f} {cpu:.3f} {stored} {idle}", *idle_pss)


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


def tree_pss_parts(process: psutil.Process) -> tuple[int, int, int]:
    """Proportional set size of a process and its descendants, now, and its two parts:
    (all, anonymous, file-backed). A page shared by n processes counts 1/n in each (from
    /proc/PID/smaps_rollup), so the tree's sum is what it takes from the machine, where
    summed RSS counts a forked worker's shared pages again. The anonymous pages are the
    data; the file-backed ones mostly the libraries' code, mapped as it first runs."""
    totals = {"Pss:": 0, "Pss_Anon:": 0, "Pss_File:": 0}
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:  # ended while being looked at
        return 0, 0, 0
    for member in members:
        try:
            with open(f"/proc/{member.pid}/smaps_rollup") as rollup:
                for line in rollup:
                    name, value = line.split()[:2]
                    if name in totals:
                        totals[name] += int(value)
        except (OSError, ValueError):
            continue
    return totals["Pss:"] * 1024, totals["Pss_Anon:"] * 1024, totals["Pss_File:"] * 1024


class PeakPss:
    """The largest `tree_pss_parts` of this process's descendants, polled from a thread, with its
    anonymous and file-backed parts at that moment."""

    def __init__(self) -> None:
        self.peak = (0, 0, 0)
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
            try:
                children = me.children()
            except psutil.Error:
                continue
            parts = [tree_pss_parts(child) for child in children]
            now = tuple(sum(values) for values in zip(*parts, strict=True)) if parts else (0, 0, 0)
            self.peak = max(self.peak, now)


class Measured(NamedTuple):
    """One upload in a fresh process."""

    seconds: float
    cpu: float
    stored: int
    peak_rss: int
    idle_rss: int
    peaks: dict[str, int]
    """Each process's own peak RSS, by role."""
    peak_pss: tuple[int, int, int]
    idle_pss: tuple[int, int, int]
    """The tree's PSS with its anonymous and file-backed parts (`tree_pss_parts`)."""


def measure(path: Path, url: str | None, warm: bool) -> Measured:
    """One upload in a fresh process started in this checkout's folder: its workers come
    from a forkserver, which in Python 3.11 imports `bot` from the folder it starts in
    (it ignores its parent's `sys.path`), so a bench of another checkout run from here would
    otherwise time that checkout's bot with this folder's workers."""
    command = [sys.executable, __file__, "--child", str(path.resolve())]
    command += ["--database-url", url or "", *([] if warm else ["--cold"])]
    peaks: dict[str, int] = {}
    with PeakPss() as pss:
        _, peak, _, out = run_tree_cpu(command, peaks, cwd=ROOT)
    seconds, cpu, stored, idle, *idle_pss = out.split()
    return Measured(
        float(seconds), float(cpu), int(stored), peak, int(idle), peaks, pss.peak,
        (int(idle_pss[0]), int(idle_pss[1]), int(idle_pss[2])),
    )  # fmt: skip


class Timed(NamedTuple):
    """One upload in a fresh process with no poller beside it."""

    seconds: float
    cpu: float
    stored: int


def timed(path: Path, url: str | None, warm: bool) -> Timed:
    """`measure`'s upload with nothing polling its tree: the wall and CPU time alone."""
    command = [sys.executable, __file__, "--child", str(path.resolve())]
    command += ["--database-url", url or "", *([] if warm else ["--cold"])]
    out = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    seconds, cpu, stored, *_ = out.split()
    return Timed(float(seconds), float(cpu), int(stored))


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
    parser.add_argument(
        "--cold", action="store_true", help="no warm-up upload first (a bot's first upload)"
    )
    args = parser.parse_args()
    if args.child:
        child(args.child, args.database_url or None, not args.cold)
        return
    with tempfile.TemporaryDirectory(prefix="vtrupbench-") as folder:
        path = args.file or Path(folder) / f"{args.rows}.csv"
        if not args.file:
            generate(path, args.rows)
        report(path, args.backends, not args.cold)


def report(path: Path, backends: list[str], warm: bool) -> None:
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
        t, m = run_backend(path, backend, warm)
        print(f"{backend:<11} {t.seconds:>8.2f} {t.seconds / naive:>8.2f} {t.seconds / scan:>6.2f} "
              f"{t.cpu:>6.2f} {t.cpu / naive_cpu:>8.2f} {t.stored:>9,} {m.peak_rss / 2**20:>9.1f} "
              f"{m.peak_rss / size:>9.2f} {m.idle_rss / 2**20:>9.1f} "
              f"{(m.peak_rss - m.idle_rss) / size:>10.2f}")  # fmt: skip
        print("  each process's own peak, MiB: " + ", ".join(
            f"{role} {rss / 2**20:.0f}" for role, rss in sorted(m.peaks.items())))  # fmt: skip
        (pss, anon, mapped), (idle_pss, idle_anon, idle_mapped) = m.peak_pss, m.idle_pss
        print(f"  tree PSS: peak {pss / 2**20:.1f} MiB, idle {idle_pss / 2**20:.1f} MiB, "
              f"added {(pss - idle_pss) / 2**20:.1f} MiB = {(pss - idle_pss) / size:.2f}× the file"
              f" (anonymous {(anon - idle_anon) / 2**20:.1f}, file-backed "
              f"{(mapped - idle_mapped) / 2**20:.1f})")  # fmt: skip
        print(f"  the polled run: {m.seconds:.2f} s, CPU {m.cpu:.2f} s, {m.stored:,} stored")
    print("seconds, CPU s: the run with nothing polling it; MiB and PSS: the polled run")
    print("warm: another chat's small upload first, as in a running bot" if warm else
          "cold: the bot's first upload (its libraries' code mapped as it first runs)")  # fmt: skip
    print("idle: the tree once the bot has started, before the upload; added: peak - idle")
    print("RSS summed per process counts a forked worker's pages shared with the forkserver")
    print("(the engine's imports, about 70 MiB) again; PSS counts each page once in all")
    print("targets: ≤ 1.0 s, ≤ 1.5× pandas, RSS/file ≤ 4;", load_average())


def run_backend(path: Path, backend: str, warm: bool) -> tuple[Timed, Measured]:
    """The timed run, then the polled one, each into a store of its own."""
    if backend == "sqlite":
        return timed(path, None, warm), measure(path, None, warm)
    from tests.postgres_server import PostgresServer, server_binaries

    binaries = server_binaries()
    if binaries is None:
        sys.exit("no PostgreSQL binaries: install postgresql")
    server = PostgresServer.start(binaries, durable=True)
    try:
        return (
            timed(path, fresh_database(server, "upload_bench_timed"), warm),
            measure(path, fresh_database(server, "upload_bench"), warm),
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
