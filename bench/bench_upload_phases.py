"""Where one upload's wall time goes, phase by phase, through the bot's core.

    python bench/bench_upload_phases.py [--file PATH] [--rows 130000]
                                        [--backend sqlite|postgres] [--runs 3]

The path `bench_upload.py` times (`Core.handle_file`: the file on disk to the replies),
in one process with the workers' server started, after another chat's small upload: each
phase's start and end are marked as seconds since the upload began, so what runs at once
(the merge beside the replies) and what waits shows. Each
run is a new chat of the same bot. No figure is asserted; the figures go to
docs/performance.md with the load they ran under.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from bench.measure import load_average  # noqa: E402
from tests.generate import generate  # noqa: E402

_marks: list[tuple[float, str]] = []
_started = [0.0]


def _mark(name: str) -> None:
    _marks.append((time.perf_counter() - _started[0], name))


def _timed(owner: Any, attribute: str, label: str) -> None:
    """Mark `owner.attribute`'s start and end (a coroutine function or a plain one)."""
    function: Callable[..., Any] = getattr(owner, attribute)
    if asyncio.iscoroutinefunction(function):

        @functools.wraps(function)
        async def marked_coroutine(*args: Any, **kwargs: Any) -> Any:
            _mark(f"{label} start")
            try:
                return await function(*args, **kwargs)
            finally:
                _mark(f"{label} end")

        setattr(owner, attribute, marked_coroutine)
        return

    @functools.wraps(function)
    def marked(*args: Any, **kwargs: Any) -> Any:
        _mark(f"{label} start")
        try:
            return function(*args, **kwargs)
        finally:
            _mark(f"{label} end")

    setattr(owner, attribute, marked)


def _mark_phases() -> None:
    from bot.services import isolation, report_replies, uploads
    from bot.services.store import postgres, sqlite, store

    _timed(uploads.UploadService, "_fetch", "fetch")
    _timed(uploads.UploadService, "_analyse", "analysis")
    _timed(uploads.UploadService, "_store", "store")
    _timed(report_replies.ReportReplies, "build", "replies")
    _timed(sqlite, "stage", "sqlite staging")
    _timed(sqlite._SqliteTransaction, "merge_upload", "sqlite merge SQL")
    _timed(postgres._PostgresTransaction, "merge_upload", "postgres copy")
    _timed(store, "_report_row", "report row")
    _timed(isolation, "_fresh_round_trip", "fresh worker")


async def _uploads(path: Path, url: str | None, runs: int) -> None:
    from bot.bootstrap import build_services, opened
    from bot.services.isolation import WORKER_ADDRESS_SPACE, call_isolated
    from bot.services.replies import ChatRef
    from bot.settings import Settings

    with tempfile.TemporaryDirectory(prefix="vtrphases-") as folder:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            VTRBOT_DATA_DIR=Path(folder),
            VTRBOT_DEFAULT_LANG="en",
            VTRBOT_MAX_UPLOAD_MB=2000,
            VTRBOT_DATABASE_URL=url,
        )
        async with opened(build_services(settings)) as services:
            await asyncio.to_thread(call_isolated, int, (), (WORKER_ADDRESS_SPACE, 60))
            small = Path(folder) / "warm-up.csv"
            await asyncio.to_thread(generate, small, 2_000)
            await services.core.handle_file(ChatRef(2, "en"), small, small.name, "2026-11-20")
            _mark_phases()
            for run in range(runs):
                _marks.clear()
                _started[0] = time.perf_counter()
                await services.core.handle_file(
                    ChatRef(100 + run, "en"), path, path.name, caption="2026-11-20"
                )
                _mark("replies handed over")
                print(f"run {run + 1}; {load_average()}")
                for seconds, name in _marks:
                    print(f"  {seconds:6.3f} s  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=130_000)
    parser.add_argument("--file", type=Path, help="an existing file instead of a generated one")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # The workers' forkserver imports `bot` from the folder it starts in (Python 3.11 ignores
    # its parent's `sys.path`): this checkout's, whatever folder the bench was started from.
    path = args.file.resolve() if args.file else None
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory(prefix="vtrphases-file-") as folder:
        path = path or Path(folder) / f"{args.rows}.csv"
        if not args.file:
            generate(path, args.rows)
        if args.backend == "sqlite":
            asyncio.run(_uploads(path, None, args.runs))
            return
        from bench.bench_scale import fresh_database
        from tests.postgres_server import PostgresServer, server_binaries

        binaries = server_binaries()
        if binaries is None:
            sys.exit("no PostgreSQL binaries: install postgresql")
        server = PostgresServer.start(binaries, durable=True)
        try:
            asyncio.run(_uploads(path, fresh_database(server, "phases_bench"), args.runs))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
