"""Peak memory and time of one upload through the bot's core, as files grow.

    python bench/bench_upload.py [--rows 250000 1000000 4000000]

The path a Telegram upload takes once the file is on disk (`Core.handle_file`): read,
report, merge into a fresh SQLite store, render the reply and the defect file. Each size
is a fresh generated file and a fresh process; prints file size, wall time, stored
shipments, peak RSS and RSS per MiB of file.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]


async def upload_once(path: Path, folder: Path) -> int:
    """Upload `path` for one chat; the number of shipments stored."""
    from bot.bootstrap import build_services, opened
    from bot.services.replies import ChatRef
    from bot.settings import Settings

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        VTRBOT_DATA_DIR=folder,
        VTRBOT_DEFAULT_LANG="en",
        VTRBOT_MAX_UPLOAD_MB=2000,
    )
    async with opened(build_services(settings)) as services:
        await services.core.handle_file(ChatRef(1, "en"), path, path.name, caption="2026-11-20")
        return sum([len(rows) async for rows in services.store.shipment_rows(1)])


def child(path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="vtrup-") as folder:
        start = time.perf_counter()
        stored = asyncio.run(upload_once(path, Path(folder)))
        seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.2f} {stored} {peak_mib:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[250_000, 1_000_000, 4_000_000])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    from tests.generate import generate

    print(
        f"{'rows':>10} {'file MiB':>9} {'seconds':>8} {'stored':>9} {'peak MiB':>9} {'RSS/file':>9}"
    )
    with tempfile.TemporaryDirectory(prefix="vtrupbench-") as folder:
        for rows in args.rows:
            path = Path(folder) / f"{rows}.csv"
            generate(path, rows)
            size = path.stat().st_size / 2**20
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            seconds, stored, peak = out.stdout.split()
            print(
                f"{rows:>10,} {size:>9.1f} {float(seconds):>8.2f} {int(stored):>9,} "
                f"{float(peak):>9.1f} {float(peak) / size:>9.2f}"
            )
            path.unlink()


if __name__ == "__main__":
    main()
