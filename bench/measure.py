"""What the benchmarks share: a process tree's wall time and peak memory, and the floors a
figure is compared with (polars' own scan of the file, and copying it).

The bot analyses a file in a worker process forked from a forkserver, so the parent's own
peak RSS misses most of the memory an analysis takes: `run_tree` polls the resident size
of the command's whole process tree and keeps the largest sum seen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

POLL_SECONDS = 0.01
"""How often the tree is sampled: a worker's peak lasts far longer than this."""

POLARS_SCAN = """
import sys, polars as pl
frame = pl.scan_csv(sys.argv[1], infer_schema=False)
counts = frame.group_by("product-category").agg(pl.col("tracking-number").count())
print(counts.collect(engine="streaming").height)
"""
"""The floor for reading the file: polars' streaming scan of it, counted by category, in a
fresh process (imports included) as `vtrbot check` runs."""


def tree_rss(
    process: psutil.Process,
    cpu: dict[int, float] | None = None,
    peaks: dict[str, int] | None = None,
) -> int:
    """Resident bytes of a process and all its descendants, now; `cpu` gets each one's CPU
    seconds so far, by process id; `peaks` each one's largest resident size, by role."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            rss = member.memory_info().rss
            total += rss
            if cpu is not None:
                times = member.cpu_times()
                cpu[member.pid] = times.user + times.system
            if peaks is not None:
                role = _role(process, member)
                peaks[role] = max(peaks.get(role, 0), rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


def _role(top: psutil.Process, member: psutil.Process) -> str:
    """What a process of the tree is: the command, multiprocessing's resource tracker or
    forkserver, or a worker (forked from the latter, or a fresh interpreter)."""
    if member.pid == top.pid:
        return "command"
    command = " ".join(member.cmdline())
    if "resource_tracker" in command:
        return "resource tracker"
    return "forkserver" if "forkserver" in command else f"worker {member.pid}"


def run_tree(command: list[str], **popen: object) -> tuple[float, int, str]:
    """(wall seconds, peak RSS of the command's process tree in bytes, its stdout)."""
    elapsed, peak, _, out = run_tree_cpu(command, **popen)
    return elapsed, peak, out


def run_tree_cpu(
    command: list[str], peaks: dict[str, int] | None = None, **popen: object
) -> tuple[float, int, float, str]:
    """(wall seconds, peak tree RSS, CPU seconds of the tree, stdout). The CPU time is
    what load on a shared machine moves least; each process's is its last reading, at
    most POLL_SECONDS before it ended. `peaks` gets each process's own peak, by role."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, **popen)  # type: ignore[call-overload]
    watched = psutil.Process(child.pid)
    peak, cpu = 0, {}
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.append(child.stdout.read()), daemon=True)
    reader.start()
    while child.poll() is None:
        try:
            peak = max(peak, tree_rss(watched, cpu, peaks))
        except psutil.NoSuchProcess:
            break
        time.sleep(POLL_SECONDS)
    child.wait()
    elapsed = time.perf_counter() - start
    reader.join()
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, command)
    return elapsed, peak, sum(cpu.values()), "".join(out)


def polars_scan_seconds(path: Path) -> float:
    return polars_scan(path)[0]


def polars_scan(path: Path) -> tuple[float, int]:
    """(wall seconds, peak RSS in bytes) of `POLARS_SCAN`: the floor for reading the file,
    and what polars' own streaming scan holds meanwhile (it maps the file, and the file's
    pages it has read count in its resident size)."""
    seconds, peak, _ = run_tree([sys.executable, "-c", POLARS_SCAN, str(path)])
    return seconds, peak


def copy_seconds(path: Path) -> float:
    """Time to copy the file beside itself (read + write through the page cache)."""
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as target:
        start = time.perf_counter()
        shutil.copyfile(path, target.name)
        elapsed = time.perf_counter() - start
    os.unlink(target.name)
    return elapsed


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"
