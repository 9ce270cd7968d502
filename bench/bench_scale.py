"""Many sellers: storage, the daily pass, the shared rate limit and questions on replicas.

    python bench/bench_scale.py [--only merge,pass,rate,questions] [--rows 1000000]
        [--chats 10000] [--shipments 300] [--messages 3000] [--rate 50] [--seconds 20]

- merge: a 1M-row upload merged into SQLite and into PostgreSQL, each in a fresh process: a
  first upload of `rows` shipments into an empty store, then the same orders with new
  tracking numbers (a seller sending the next export, every order replaced). Order IDs in
  random order, as in a seller's file, handed over as the upload path does
  (`record_batches`); wall time, the process's CPU time, peak RSS, and SQLite's floors for
  the same rows: the `sqlite3` shell's `.import`, and a bare `INSERT … SELECT`.
- pass: `chats` subscribed chats of `shipments` shipments each; the daily pass run by 1, then
  by 3 concurrent `vtrbot alerts --now` processes, every chat evaluated and decided (quiet:
  the compute side, nothing sent); wall time and speed-up.
- rate: `messages` queued at once over three replica processes sharing the rate limit in
  PostgreSQL, sent to the fake Bot API enforcing 30/s; the busiest second and any 429.
- questions: questions from distinct chats at `rate`/s for `seconds`, POSTed round-robin to
  1, then 3 `vtrbot run --webhook` replicas with the rate limiter off; answer latency p95.
  Then the same 3 replicas behind Caddy running deploy/Caddyfile (compose.scale.yaml's
  proxy; needs the `caddy` binary), every question POSTed to the proxy's one URL: latency
  and each replica's share.

A throwaway PostgreSQL server is started from the installed binaries, with fsync on, like
SQLite's WAL (synchronous=NORMAL) here (or pass --database-url for the merge).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from typing import TYPE_CHECKING

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from bench.bench_load import TimedBotApi, percentile, questions  # noqa: E402
from tests.loopback import busiest_second, free_port, wait_until_listening  # noqa: E402

if TYPE_CHECKING:
    import polars as pl

    from tests.postgres_server import PostgresServer

BATCH = 50_000
"""Rows per batch, as ShipmentTable.record_batches hands them to the store."""
STAGED_COLUMNS = (
    "order_id TEXT, ship_date TEXT, carrier TEXT, tracking TEXT, category TEXT, "
    "marketplace TEXT, excluded TEXT, shop TEXT"
)


def shipments(rows: int, version: int) -> pl.DataFrame:
    """A seller's export as the engine holds it: order IDs in random order (a file is never
    sorted by them), `version` in every tracking number so a second upload replaces each."""
    import polars as pl

    n = pl.int_range(0, rows, eager=True).sample(fraction=1.0, shuffle=True, seed=26)
    digits = pl.col("n").cast(pl.String).str.zfill
    return pl.DataFrame({"n": n}).select(
        order_id=pl.format("113-{}-{}", digits(7), (pl.col("n") % 9973).cast(pl.String).str.zfill(7)),
        ship_date=pl.date(2026, 10, 1) + pl.duration(days=pl.col("n") % 50),
        carrier=pl.lit("UPS"),
        tracking=pl.format("1Z{}{}", pl.lit(version), digits(15)),
        category=pl.col("n").mod(3).replace_strict({0: "Toys", 1: "Home", 2: "Garden"}),
        marketplace=pl.lit("Amazon.com"),
        excluded=pl.lit(None, dtype=pl.String),
        shop=pl.lit(""),
    )  # fmt: skip


async def merge_twice(rows: int, folder: Path, url: str | None) -> list[float]:
    """Each upload timed from the engine's table to the committed merge, as the upload
    path stores it (`Store.store_upload` of `stored_frames`, in order ID order; a report
    of a few bytes beside it)."""
    from datetime import date

    from bot.domain.models import ReportJson
    from bot.domain.shipments import ShipmentTable
    from bot.services.store import Store

    seconds, cpu = [], 0.0
    report = ReportJson('{"as_of":"2026-11-20"}', date(2026, 11, 20))
    async with Store(folder / "vtrbot.sqlite3", database_url=url) as store:
        for version in (1, 2):
            table = ShipmentTable(frame=shipments(rows, version))
            claim = await store.claim_upload(1)
            started, cpu_started = time.perf_counter(), time.process_time()
            frames = table.stored_frames(BATCH)
            written = await store.store_upload(1, claim, frames, report, scratch=folder)
            seconds.append(time.perf_counter() - started)
            cpu += time.process_time() - cpu_started  # the bot's process, not PostgreSQL's
            assert written == rows
        stored = sum([len(batch) async for batch in store.shipment_rows(1)])
        assert stored == rows, f"{stored} stored, expected {rows}"
    return [*seconds, cpu]


def sqlite_floors(rows: int, folder: Path) -> tuple[float, float]:
    """What SQLite itself takes for the same rows, with no Python between: the `sqlite3`
    shell's `.import` of them as CSV into a table without indexes, and a bare `INSERT …
    SELECT` of them, already in a table in order ID order, into the store's shipments
    table (its indexes, nothing to replace)."""
    import sqlite3

    from bot.domain.shipments import ShipmentTable
    from bot.services.store.schema import MIGRATIONS, SCHEMA_VERSION

    csv = folder / "floor.csv"
    ShipmentTable(frame=shipments(rows, 1)).frame.write_csv(csv, include_header=False)
    script = f"CREATE TABLE staged ({STAGED_COLUMNS});\n.mode csv\n.import {csv} staged\n"
    started = time.perf_counter()
    subprocess.run(["sqlite3", str(folder / "floor.sqlite3")], input=script, text=True, check=True)
    imported = time.perf_counter() - started
    connection = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    for number in range(SCHEMA_VERSION):
        connection.executescript(f"BEGIN;\n{MIGRATIONS[number]['sqlite']}\nCOMMIT;")
    connection.execute("CREATE TABLE sorted AS SELECT * FROM staged ORDER BY order_id")
    started = time.perf_counter()
    connection.execute("BEGIN")
    connection.execute("INSERT INTO shipments SELECT 1, * FROM sorted")
    connection.execute("COMMIT")
    inserted = time.perf_counter() - started
    connection.close()
    return imported, inserted


def child(rows: int, url: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="vtrscale-") as folder:
        first, second, cpu = asyncio.run(merge_twice(rows, Path(folder), url or None))
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        floors = sqlite_floors(rows, Path(folder)) if not url else (0.0, 0.0)
    print(f"{first:.2f} {second:.2f} {cpu:.2f} {peak_mib:.1f} {floors[0]:.2f} {floors[1]:.2f}")


def measure(rows: int, url: str | None) -> list[float]:
    """First and replacing merge (wall s), the process's CPU s over both, its peak RSS
    (MiB), and for SQLite the two floors (s)."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(rows), "--database-url", url or ""],
        check=True,
        capture_output=True,
        text=True,
    )
    return [float(value) for value in out.stdout.split()]


# -- the daily pass: deciding every chat's alert, on 1 and on 3 replicas ---------------------


def quiet_history(chat: int, shipments: int, today: date) -> list[tuple[object, ...]]:
    """`shipments` over the 30 days before today, 1 in 150 without tracking (99%+ VTR: the
    chat is evaluated in full and decided quiet, so the pass measures deciding, not sending)."""
    return [
        (f"{chat}-{n}", today - timedelta(days=1 + n % 30), "云途",
         "" if n % 150 == 0 else "YT2611000000000001", ("玩具", "家居")[n % 2], "Amazon.com",
         None)
        for n in range(shipments)
    ]  # fmt: skip


async def seed_chats(url: str, chats: int, shipments: int, folder: Path) -> None:
    from bot.domain.alerts import Subscription
    from bot.services.store import Store

    today = datetime.now(UTC).date()
    async with Store(folder / "seed.sqlite3", database_url=url) as store:

        async def one(chat: int) -> None:
            await store.merge_shipment_rows(chat, iter([quiet_history(chat, shipments, today)]))
            await store.subscribe(Subscription(chat, dt_time(0), "UTC"))

        for first in range(1, chats + 1, 8):
            await asyncio.gather(*(one(c) for c in range(first, min(first + 8, chats + 1))))


def run_replicas(count: int, env: dict[str, str], folder: Path) -> tuple[float, Counter[str]]:
    """`count` concurrent `vtrbot alerts --now` processes: wall seconds, and each chat's
    outcome as the replica that decided it printed it (the others print it skipped)."""
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "alerts", "--now"],
            cwd=folder, env=env | {"VTRBOT_DATA_DIR": str(folder / f"r{n}")},
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        for n in range(count)
    ]  # fmt: skip
    outputs = [process.communicate()[0] for process in processes]
    seconds = time.perf_counter() - started
    outcomes: Counter[str] = Counter()
    for output in outputs:
        outcomes.update(line.rsplit(": ", 1)[-1] for line in output.splitlines() if ": " in line)
    return seconds, outcomes


async def forget_decisions(url: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        await connection.execute("DELETE FROM alert_days")
    finally:
        await connection.close()


def bench_pass(server: PostgresServer, chats: int, shipments: int) -> None:
    url = fresh_database(server, "bench_pass")
    with tempfile.TemporaryDirectory(prefix="vtrscale-") as name:
        folder = Path(name)
        started = time.perf_counter()
        asyncio.run(seed_chats(url, chats, shipments, folder))
        print(f"\ndaily pass: {chats:,} subscribed chats x {shipments} shipments "
              f"(seeded in {time.perf_counter() - started:.0f} s), every alert decided, none sent")  # fmt: skip
        env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
        env |= {"VTRBOT_DATABASE_URL": url, "VTRBOT_DEFAULT_LANG": "en"}
        times = {}
        for replicas in (1, 3):
            asyncio.run(forget_decisions(url))
            times[replicas], outcomes = run_replicas(replicas, env, folder)
            print(f"  {replicas} replica(s): {times[replicas]:.1f} s "
                  f"({chats / times[replicas]:.0f} chats/s); outcomes {dict(outcomes)}")  # fmt: skip
        print(f"  speed-up with 3 replicas: {times[1] / times[3]:.2f}x on {os.cpu_count()} cores")


# -- one rate limit: 3,000 messages from three replicas ---------------------------------------


async def send_from_replicas(url: str, messages: int, replicas: int, folder: Path) -> None:
    from tests.bot.fake_bot_api import FakeBotApi

    api = FakeBotApi(flood_limit=30)
    await api.start()
    env = os.environ | {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_BASE_URL": api.base_url,
                        "VTRBOT_DATA_DIR": str(folder), "VTRBOT_DATABASE_URL": url}  # fmt: skip
    share = messages // replicas
    started = time.perf_counter()
    try:
        processes = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-m", "tests.scale.sender", str(1 + n * share), str(share),
                cwd=ROOT, env=env,
            )
            for n in range(replicas)
        ]  # fmt: skip
        codes = [await process.wait() for process in processes]
    finally:
        await api.stop()
    seconds = time.perf_counter() - started
    attempts = api.attempts("sendMessage")
    refused = sum(call.status == 429 for call in attempts)
    print(f"\nrate limit: {share * replicas:,} messages queued at once over {replicas} replicas "
          f"(exit codes {codes})")  # fmt: skip
    print(f"  answered {len(api.sent('sendMessage')):,}, 429s {refused}, busiest second "
          f"{busiest_second([c.at for c in attempts])}; {seconds:.1f} s with start-up, "
          f"{(len(attempts) - 1) / (attempts[-1].at - attempts[0].at):.1f} messages/s "
          "from first to last")  # fmt: skip


def bench_rate(server: PostgresServer, messages: int) -> None:
    url = fresh_database(server, "bench_rate")
    with tempfile.TemporaryDirectory(prefix="vtrscale-") as folder:
        asyncio.run(send_from_replicas(url, messages, 3, Path(folder)))


# -- questions at 50/s: p95 on 1 and on 3 webhook replicas ------------------------------------

PUBLIC_URL = "https://bot.example.com/telegram"
SECRET = "bench-secret"


def replica(port: int) -> int:
    """One `vtrbot run --webhook` replica with the rate limiter off (50 answers a second
    would otherwise queue behind Telegram's 30)."""
    from telegram.ext import AIORateLimiter

    import bot.adapters.telegram.app as app_module
    from bot.cli import main as cli

    app_module.rate_limiter = lambda **_: AIORateLimiter(0, 0, 0, 0)  # type: ignore[assignment]
    return cli(["run", "--webhook", PUBLIC_URL, "--listen", "127.0.0.1", "--port", str(port)])


async def ask_at_rate(
    api: TimedBotApi, urls: list[str], rate: float, seconds: float
) -> list[float]:
    """Questions from distinct chats, one every 1/rate s, round-robin over `urls`; the time
    from each POST to the first answer the fake receives."""
    asks = questions()
    count = int(rate * seconds)
    latencies: list[float] = []

    async def one(n: int, http: aiohttp.ClientSession) -> None:
        chat = 100_000 + n
        text, lang = asks[n % len(asks)]
        answered = api.expect(chat, "sendMessage")
        api.user_sends(chat, text, lang=lang)
        update = api._updates.get_nowait()
        started = time.perf_counter()
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with http.post(urls[n % len(urls)], json=update, headers=headers) as response:
            assert response.status == 200, response.status
        call = await asyncio.wait_for(answered, timeout=60)
        latencies.append(call.at - started)

    async with aiohttp.ClientSession() as http:
        begin = time.perf_counter()
        tasks = []
        for n in range(count):
            await asyncio.sleep(max(0.0, begin + n / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(one(n, http)))
        await asyncio.gather(*tasks)
    return latencies


async def start_proxy(ports: list[int], folder: Path) -> tuple[asyncio.subprocess.Process, str]:
    """Caddy running deploy/Caddyfile in front of `ports`, started as tests/scale/test_proxy.py
    starts it; the process and the webhook URL on it."""
    from tests.scale.test_proxy import start_proxy as start_caddy

    port = free_port()
    process = await start_caddy("caddy", folder, port, ports)
    await wait_until_listening(f"http://127.0.0.1:{port}/")
    return process, f"http://127.0.0.1:{port}/telegram"


async def questions_on(
    url: str, replicas: int, rate: float, seconds: float, folder: Path, proxied: bool = False
) -> tuple[list[float], Counter[str]]:
    """Answer latencies, and how many answers each replica sent (after the warm-up)."""
    api = TimedBotApi()
    await api.start()
    env = os.environ | {"TELEGRAM_BOT_TOKEN": api.token, "VTRBOT_DATABASE_URL": url,
                        "TELEGRAM_BASE_FILE_URL": api.base_file_url,
                        "VTRBOT_WEBHOOK_SECRET": SECRET, "VTRBOT_DEFAULT_LANG": "en"}  # fmt: skip
    ports = [free_port() for _ in range(replicas)]
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--replica", str(port), cwd=ROOT,
            env=env | {"VTRBOT_DATA_DIR": str(folder / f"r{port}"),
                       "TELEGRAM_BASE_URL": api.base_url_via(f"replica{n + 1}")},
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )
        for n, port in enumerate(ports)
    ]  # fmt: skip
    urls = [f"http://127.0.0.1:{port}/telegram" for port in ports]
    try:
        for address in urls:
            await wait_until_listening(address)
        if proxied:
            proxy, proxy_url = await start_proxy(ports, folder)
            processes.append(proxy)
            urls = [proxy_url]
        await ask_at_rate(api, urls, rate, 2)  # warm-up: first answers load the knowledge
        warm = len(api.calls)
        latencies = await ask_at_rate(api, urls, rate, seconds)
        return latencies, Counter(c.via for c in api.calls[warm:] if c.method == "sendMessage")
    finally:
        for process in processes:
            process.terminate()
            await process.wait()
        await api.stop()


def bench_questions(server: PostgresServer, rate: float, seconds: float) -> None:
    print(f"\nquestions: {rate:.0f}/s for {seconds:.0f} s over webhook replicas, rate limiter off")
    for replicas, proxied in ((1, False), (3, False), (3, True)):
        url = fresh_database(server, f"bench_questions_{replicas}_{int(proxied)}")
        with tempfile.TemporaryDirectory(prefix="vtrscale-") as folder:
            latencies, shares = asyncio.run(
                questions_on(url, replicas, rate, seconds, Path(folder), proxied)
            )
        how = "behind Caddy" if proxied else "round-robin from the client"
        print(f"  {replicas} replica(s), {how}: {len(latencies)} answered, median "
              f"{percentile(latencies, 0.5) * 1000:.0f} ms, p95 "
              f"{percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
              f"answers per replica {dict(sorted(shares.items()))}")  # fmt: skip


def fresh_database(server: PostgresServer, name: str) -> str:
    import asyncpg

    async def create() -> None:
        connection = await asyncpg.connect(server.url())
        try:
            await connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            await connection.execute(f"CREATE DATABASE {name}")
        finally:
            await connection.close()

    asyncio.run(create())
    return server.url(name)


def bench_merge(rows: int, url: str) -> None:
    from bench.measure import load_average

    print(f"{rows:,} shipments, order IDs shuffled, merged twice (new, then every order")
    print(f"replaced), from the engine's table to the commit; {load_average()}")
    print(f"{'backend':<12} {'first s':>8} {'replace s':>10} {'CPU s':>7} {'peak RSS MiB':>13}")
    for name, backend_url in (("SQLite", None), ("PostgreSQL", url)):
        first, second, cpu, peak, imported, inserted = measure(rows, backend_url)
        print(f"{name:<12} {first:>8.2f} {second:>10.2f} {cpu:>7.2f} {peak:>13.1f}")
        if backend_url is None:
            print(
                f"  floors: sqlite3 .import of the same rows (CSV, no index) {imported:.2f} s;"
                f" bare INSERT … SELECT into shipments {inserted:.2f} s; first upload"
                f" {first / inserted:.1f}× the latter, replacing {second / inserted:.1f}×"
            )
    print(load_average())


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="merge,pass,rate,questions")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--shipments", type=int, default=300)
    parser.add_argument("--messages", type=int, default=3_000)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--replica", type=int, help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> None:
    args = arguments()
    if args.child:
        child(args.child, args.database_url)
        return
    if args.replica:
        sys.exit(replica(args.replica))
    from tests.postgres_server import PostgresServer, server_binaries

    binaries = server_binaries()
    if binaries is None:
        sys.exit("no PostgreSQL binaries: install postgresql")
    server = PostgresServer.start(binaries, durable=True)
    sections = set(args.only.split(","))
    try:
        if "merge" in sections:
            bench_merge(args.rows, args.database_url or server.url())
        if "pass" in sections:
            bench_pass(server, args.chats, args.shipments)
        if "rate" in sections:
            bench_rate(server, args.messages)
        if "questions" in sections:
            bench_questions(server, args.rate, args.seconds)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
