"""Daily alerts at scale: the chart's cost, a sweep over 10,000 chats, 500 alerts on replicas.

    python bench/bench_alerts.py [--only chart,sweep,replicas] [--chats 500] [--sweep-chats 10000]

- chart: CPU milliseconds per trend chart (`render_trend_png`, 30 days, one and four lines,
  Chinese and English), and the PNG's size.
- sweep: `sweep-chats` subscribed chats whose day is already decided, on SQLite and on
  PostgreSQL: CPU and wall time of one sweep (what every replica does every few minutes).
- replicas: `chats` chats below the bar, alerted by three `vtrbot run --webhook` replicas on
  one PostgreSQL through the fake Bot API (as tests/scale/test_alert_replicas.py does):
  wall time until every day is decided, CPU of the replicas per chat, and what the fake
  Bot API received. Then again with the replica sending the middle chart SIGKILLed.

CPU is user + system time, so the figures hold whatever else runs on the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import signal
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


# -- the chart ------------------------------------------------------------------------------


def bench_chart() -> None:
    from bot.domain.trend import OVERALL
    from bot.services.chart_drawing import render_trend_png
    from bot.services.i18n import Translator
    from tests.alerts.test_charts import series

    data = series()  # 30 days to 2026-11-30: a category with a dip, one at 100%, the account
    print("trend chart (render_trend_png, 1000 x 560 px, 30 days):")
    for lang in ("zh", "en"):
        for lines in (["家居用品"], ["家居用品", "Toys & Games", OVERALL]):
            t = Translator(lang)
            png = render_trend_png(data, lines, t)  # the first loads the fonts
            runs = 30
            started = cpu_seconds()
            for _ in range(runs):
                png = render_trend_png(data, lines, t)
            per_chart = (cpu_seconds() - started) / runs * 1000
            print(
                f"  {lang}, {len(lines)} line(s): {per_chart:.0f} ms CPU, {len(png) / 1024:.0f} KB"
            )


# -- one sweep over many decided chats ------------------------------------------------------


async def seed_decided(url: str | None, folder: Path, chats: int, today: date) -> None:
    """`chats` subscriptions at 00:00 UTC with today decided: written in bulk, not through
    the pass, since only the sweep's read is measured."""
    from bot.services.store import Store

    store = Store(folder / "sweep.sqlite3", database_url=url)
    async with store, store.backend.transaction(0) as transaction:
        for chat in range(1, chats + 1):
            await transaction.execute(
                "INSERT INTO subscriptions (chat_id, at_time, timezone, digest, created_at, "
                "updated_at) VALUES (?, '00:00', 'UTC', 0, '', '')",
                (chat,),
            )
            await transaction.execute(
                "INSERT INTO alert_days (chat_id, day, outcome, decided_at) "
                "VALUES (?, ?, 'quiet', '')",
                (chat, today.isoformat()),
            )


async def one_sweep(url: str | None, folder: Path) -> tuple[float, float, int]:
    from bot.services.alerting import AlertService
    from bot.services.store import Store

    async def deliver(chat_id: int, part: object) -> None:
        raise AssertionError("every day is decided: nothing to send")

    async with Store(folder / "sweep.sqlite3", database_url=url) as store:
        service = AlertService(store, "en")
        await service.sweep(deliver)  # warm: connections, statement cache
        cpu, wall = cpu_seconds(), time.perf_counter()
        outcomes = await service.sweep(deliver)
        return cpu_seconds() - cpu, time.perf_counter() - wall, len(outcomes)


def bench_sweep(server, chats: int) -> None:  # type: ignore[no-untyped-def]
    from bench.bench_scale import fresh_database

    today = datetime.now(UTC).date()
    print(f"\none sweep over {chats:,} subscribed chats, every day decided:")
    for name, url in (("SQLite", None), ("PostgreSQL", fresh_database(server, "bench_sweep"))):
        with tempfile.TemporaryDirectory(prefix="vtrsweep-") as folder:
            asyncio.run(seed_decided(url, Path(folder), chats, today))
            cpu, wall, finished = asyncio.run(one_sweep(url, Path(folder)))
        print(f"  {name}: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU, {finished} finished")


# -- 500 alerts over three replicas ----------------------------------------------------------


async def alerts_on_replicas(url: str, folder: Path, chats: int, kill: bool) -> None:
    from tests.bot.fake_bot_api import FakeBotApi
    from tests.scale import test_alert_replicas as scale

    await scale.seed(url, folder, chats)
    api = FakeBotApi()
    await api.start()
    gate = api.hold_answer("sendPhoto", nth=chats // 2) if kill else None
    children_cpu, started = cpu_seconds(resource.RUSAGE_CHILDREN), time.perf_counter()
    replicas = await scale.run_replicas(api, url, folder)
    try:
        if gate is not None:
            held = await gate.reached(timeout=900)
            replicas[int(held.via.removeprefix("r"))].send_signal(signal.SIGKILL)
            gate.release()
        await scale.wait_until_every_day_is_decided(url, folder, 900, chats)
        seconds = time.perf_counter() - started
    finally:
        await scale.stop(replicas)
        await api.stop()
    replicas_cpu = cpu_seconds(resource.RUSAGE_CHILDREN) - children_cpu
    photos, texts = (Counter(c.chat_id for c in api.sent(m)) for m in ("sendPhoto", "sendMessage"))
    first = min(c.at for c in api.sent("sendPhoto"))
    last = max(c.at for c in api.sent("sendMessage"))
    label = "one replica SIGKILLed at the middle chart" if kill else "no failure"
    print(f"  {label}: every day decided {seconds:.0f} s after start; messages from "
          f"{last - first:.0f} s; replicas' CPU {replicas_cpu:.0f} s "
          f"({replicas_cpu / chats * 1000:.0f} ms a chat, start-up included); "
          f"charts {len(photos)} chats x {set(photos.values())}, "
          f"texts {len(texts)} chats x {set(texts.values())}")  # fmt: skip


def bench_replicas(server, chats: int) -> None:  # type: ignore[no-untyped-def]
    from bench.bench_scale import fresh_database

    print(f"\n{chats} chats below the bar, alerted by 3 `vtrbot run --webhook` replicas "
          "(sweep every 2 s, shared limit of 25 messages/s):")  # fmt: skip
    for kill in (False, True):
        url = fresh_database(server, "bench_alerts")
        with tempfile.TemporaryDirectory(prefix="vtralerts-") as folder:
            asyncio.run(alerts_on_replicas(url, Path(folder), chats, kill))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="chart,sweep,replicas")
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--sweep-chats", type=int, default=10_000)
    args = parser.parse_args()
    sections = set(args.only.split(","))
    if "chart" in sections:
        bench_chart()
    if not sections & {"sweep", "replicas"}:
        return
    from tests.postgres_server import PostgresServer, server_binaries

    binaries = server_binaries()
    if binaries is None:
        sys.exit("no PostgreSQL binaries: install postgresql")
    server = PostgresServer.start(binaries, durable=True)
    try:
        if "sweep" in sections:
            bench_sweep(server, args.sweep_chats)
        if "replicas" in sections:
            bench_replicas(server, args.chats)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
