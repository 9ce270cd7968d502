"""Peak memory and time of the work done on a chat's *stored* shipments: the daily alert
pass and /chart, for a chat that has uploaded a big file.

    python bench/bench_stored.py [--rows 250000 1000000]

For each size: a generated file is uploaded through the core into a fresh SQLite store
(one process), then a fresh process opens the store and evaluates the chat's alert, then
another draws its chart. Prints wall time and peak RSS of each of those two processes.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import subprocess
import sys
import tempfile
import time as clock
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.services.i18n import Translator

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

AS_OF = "2026-11-20"


async def fill(path: Path, database: Path) -> None:
    from bot.bootstrap import build_services, opened
    from bot.services.replies import ChatRef
    from bot.services.store import Store

    services = build_services(_settings(database), store=Store(database))
    async with opened(services):
        await services.core.handle_file(ChatRef(1, "en"), path, path.name, caption=AS_OF)


async def alert(database: Path) -> None:
    from bot.domain.alerts import Subscription
    from bot.services.alerting import AlertService
    from bot.services.store import Store

    async with Store(database) as store:
        service = AlertService(
            store, "en", clock=lambda: datetime.fromisoformat(AS_OF + "T12:00+00:00")
        )
        subscription = Subscription(chat_id=1, at=time(9), timezone="UTC", digest=True)
        today = datetime.fromisoformat(AS_OF).replace(tzinfo=UTC).date()
        evaluation = await service.evaluate(subscription, today)
        service._compose(1, evaluation, _translator())


async def chart(database: Path) -> None:
    from bot.services.charts import chart_replies
    from bot.services.store import Store

    async with Store(database) as store:
        await chart_replies(store, 1, _translator())


def _settings(database: Path):  # type: ignore[no-untyped-def]
    from bot.settings import Settings

    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        VTRBOT_DATA_DIR=database.parent,
        VTRBOT_DEFAULT_LANG="en",
        VTRBOT_MAX_UPLOAD_MB=2000,
    )


def _translator() -> Translator:
    from bot.services.i18n import translator

    return translator("en")


def child(step: str, database: Path, path: Path | None) -> None:
    start = clock.perf_counter()
    if step == "fill":
        asyncio.run(fill(path, database))  # type: ignore[arg-type]
    else:
        asyncio.run({"alert": alert, "chart": chart}[step](database))
    seconds = clock.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{seconds:.2f} {peak_mib:.1f}")


def _run_child(*args: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True
    )
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[250_000, 1_000_000])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, database, *rest = args.child
        child(step, Path(database), Path(rest[0]) if rest else None)
        return
    from tests.generate import generate

    print(f"{'rows':>10} {'step':>6} {'seconds':>8} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory(prefix="vtrstored-") as folder:
        for rows in args.rows:
            path, database = Path(folder) / f"{rows}.csv", Path(folder) / f"{rows}.sqlite3"
            generate(path, rows)
            _run_child("fill", str(database), str(path))
            path.unlink()
            for step in ("alert", "chart"):
                seconds, peak = _run_child(step, str(database))
                print(f"{rows:>10,} {step:>6} {seconds:>8.2f} {peak:>9.1f}")


if __name__ == "__main__":
    main()
