"""Load: 50 chats asking questions while 10 chats upload 5 MB files, against the real bot.

    python bench/bench_load.py [--askers 50] [--questions 10] [--think 5.0]
                               [--uploaders 10] [--rows 35000]

The real `Application` (app.py's `build_application`, the production request, retries and
rate limiter) polls the fake Bot API server of the end-to-end tests over 127.0.0.1. The
server and the simulated users run in a thread with their own event loop, so the bot's loop
does only the bot's work, as in production.

Each asking chat sends its questions one at a time (mixed zh/en, from the knowledge eval
set), waiting for the answer and then `--think` seconds (±50 %, seeded) before the next. All
uploads start with the first question. The default, 50 chats asking every 5 s (≈10/s) beside
the uploads, stays within Telegram's 30 messages/s; `--think 1` offers ≈50/s, which no bot
can send, so it measures the rate limiter's queue (add `--no-rate-limit` for the bot's own
latency at that rate). A question's latency runs from the update entering
the server's getUpdates queue to the bot's first sendMessage to that chat; an upload's from
its update to the defect file (the report's last message).

Prints question latency (median, p95, p99, max per chat), answers per second, upload
completion times, and how late the bot's event loop woke up (a blocked loop delays every
chat). Target: p95 ≤ 300 ms for questions while uploads run, and no chat starved.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from tests.bot.fake_bot_api import Call, FakeBotApi  # noqa: E402
from tests.bot.harness import settings_for, started  # noqa: E402
from tests.generate import generate  # noqa: E402

T = TypeVar("T")
FIRST_ASKER, FIRST_UPLOADER = 10_000, 20_000
UPLOAD_TIMEOUT = 60.0
"""Seconds an upload may take before it counts as failed (its chat got an error instead)."""


class TimedBotApi(FakeBotApi):
    """The test server, plus a future per chat resolved by the bot's next call to it."""

    def __init__(self) -> None:
        super().__init__()
        self._waiting: dict[tuple[int, str], asyncio.Future[Call]] = {}

    def expect(self, chat_id: int, method: str) -> asyncio.Future[Call]:
        future: asyncio.Future[Call] = asyncio.get_running_loop().create_future()
        self._waiting[chat_id, method] = future
        return future

    async def _record(self, call: Call) -> None:
        self.calls.append(call)  # no Condition: nobody here polls the whole list
        if call.status == 200 and call.chat_id is not None:
            future = self._waiting.pop((call.chat_id, call.method), None)
            if future is not None and not future.done():
                future.set_result(call)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def questions() -> list[tuple[str, str]]:
    """(question, lang) pairs from the knowledge eval set."""
    data = yaml.safe_load((ROOT / "tests/knowledge/eval_questions.yaml").read_text("utf-8"))
    pairs = []
    for item in data["questions"]:
        text = item["q"]
        lang = "zh" if any("\u4e00" <= char <= "\u9fff" for char in text) else "en"
        pairs.append((text, lang))
    return pairs


async def asker(
    api: TimedBotApi, chat_id: int, asks: list[tuple[str, str]], think: float, seed: int
) -> list[float]:
    rng = random.Random(seed)
    latencies = []
    for text, lang in asks:
        answered = api.expect(chat_id, "sendMessage")
        update_id = api.user_sends(chat_id, text, lang=lang)
        call = await asyncio.wait_for(answered, timeout=60)
        latencies.append(call.at - api.pushed_at[update_id])
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))
    return latencies


async def uploader(api: TimedBotApi, chat_id: int, data: bytes) -> tuple[float, float | None]:
    """(seconds to the first reply, seconds to the defect file or None if it never came)."""
    first = api.expect(chat_id, "sendMessage")
    done = api.expect(chat_id, "sendDocument")
    update_id = api.user_sends_document(
        chat_id, data, "orders.csv", caption="2026-11-20", lang="en"
    )
    pushed = api.pushed_at[update_id]
    first_call = await asyncio.wait_for(first, timeout=60)
    try:
        done_call = await asyncio.wait_for(done, timeout=UPLOAD_TIMEOUT)
    except TimeoutError:
        return first_call.at - pushed, None
    return first_call.at - pushed, done_call.at - pushed


async def drive(
    api: TimedBotApi, args: argparse.Namespace, data: bytes
) -> tuple[dict[int, list[float]], list[tuple[float, float]], float]:
    pool = questions()
    rng = random.Random(7)
    started = time.perf_counter()
    asking = {
        FIRST_ASKER + n: asyncio.create_task(
            asker(
                api,
                FIRST_ASKER + n,
                rng.sample(pool, args.questions),
                args.think,
                seed=n,
            )
        )
        for n in range(args.askers)
    }
    uploading = [
        asyncio.create_task(uploader(api, FIRST_UPLOADER + n, data)) for n in range(args.uploaders)
    ]
    uploads = await asyncio.gather(*uploading)
    latencies = {chat: await task for chat, task in asking.items()}
    return latencies, uploads, time.perf_counter() - started


class ServerThread:
    """The fake server and the simulated users, on their own event loop."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    async def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(coroutine, self.loop))

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join()
        self.loop.close()


async def watch_loop(lags: list[float], stop: asyncio.Event, tick: float = 0.005) -> None:
    """How late each short sleep of the bot's event loop wakes: the loop's blocked time."""
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(tick)
        lags.append(time.perf_counter() - before - tick)


async def main_async(args: argparse.Namespace, data: bytes, data_dir: Path) -> None:
    from bot.adapters.telegram.app import build_application
    from bot.domain.knowledge import KnowledgeBase

    if args.no_rate_limit:  # the bot's own capacity, Telegram's flood limits aside
        from telegram.ext import AIORateLimiter

        import bot.adapters.telegram.app as app_module

        app_module.rate_limiter = lambda **_: AIORateLimiter(  # type: ignore[assignment]
            overall_max_rate=0, group_max_rate=0, max_retries=3
        )
    server = ServerThread()
    api = TimedBotApi()
    await server.run(api.start())
    settings = settings_for(api, data_dir)
    application = build_application(settings, KnowledgeBase.load())
    lags: list[float] = []
    stop = asyncio.Event()
    try:
        async with started(application):
            watcher = asyncio.create_task(watch_loop(lags, stop))
            try:
                latencies, uploads, elapsed = await server.run(drive(api, args, data))
            finally:
                stop.set()
                await watcher
    finally:
        await server.run(api.stop())
        server.close()
    report(args, latencies, uploads, elapsed, lags, api)


TELEGRAM_MESSAGES_PER_SECOND = 30
"""PTB's AIORateLimiter default, after Telegram's advice for bots."""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def report(
    args: argparse.Namespace,
    latencies: dict[int, list[float]],
    uploads: list[tuple[float, float]],
    elapsed: float,
    lags: list[float],
    api: TimedBotApi,
) -> None:
    every = [value for values in latencies.values() for value in values]
    worst = sorted(max(values) for values in latencies.values())
    retried = [c for c in api.calls if c.status != 200]
    limiter = "none (429 only)" if args.no_rate_limit else "30 messages/s (production)"
    print(f"questions: {len(every)} from {args.askers} chats, think {args.think} s ±50 %")
    print(f"  offered ≈ {args.askers / args.think:.0f} questions/s; rate limiter: {limiter}")
    if args.askers / args.think > TELEGRAM_MESSAGES_PER_SECOND * 0.8 and not args.no_rate_limit:
        print("  (near or above Telegram's 30 messages/s: answers queue in the rate limiter)")
    print(f"  median   {ms(statistics.median(every))}")
    print(f"  p95      {ms(percentile(every, 0.95))}   (target ≤ 300 ms)")
    print(f"  p99      {ms(percentile(every, 0.99))}")
    print(f"  max      {ms(max(every))}")
    # Every chat's first question is sent at the same instant: a burst of `askers` messages
    # that Telegram's 30/s must spread; the later ones arrive at the offered rate.
    burst = [values[0] for values in latencies.values()]
    later = [value for values in latencies.values() for value in values[1:]]
    print(f"  p95 of the {len(burst)} first questions (sent at once) {ms(percentile(burst, 0.95))}")
    if later:
        print(f"  p95 of the {len(later)} later questions          {ms(percentile(later, 0.95))}")
    print(
        f"  slowest answer per chat: median {ms(statistics.median(worst))}, "
        f"worst chat {ms(worst[-1])}"
    )
    print(f"  answers per second: {len(every) / elapsed:6.1f} over {elapsed:.1f} s")
    size = len(next(iter(api.files.values()))) if api.files else 0
    print(f"uploads: {len(uploads)} × {size / 2**20:.1f} MiB")
    firsts = [first for first, _ in uploads]
    dones = sorted(done for _, done in uploads if done is not None)
    print(f"  first reply   median {ms(statistics.median(firsts))}, max {ms(max(firsts))}")
    if dones:
        print(
            f"  defect file   first {dones[0]:5.1f} s, median {statistics.median(dones):5.1f} s, "
            f"last {dones[-1]:5.1f} s"
        )
    if len(dones) < len(uploads):
        failed = len(uploads) - len(dones)
        print(f"  FAILED: {failed} of {len(uploads)} uploads got no report (see the bot's log)")
    print(f"bot event loop woke late by: p99 {ms(percentile(lags, 0.99))}, max {ms(max(lags))}")
    print(f"Bot API calls: {len(api.calls)}, not answered 200: {len(retried)}")
    print(
        f"POLARS_MAX_THREADS={os.environ.get('POLARS_MAX_THREADS', '(unset)')}, cores: {os.cpu_count()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--askers", type=int, default=50)
    parser.add_argument("--questions", type=int, default=10, help="per asking chat")
    parser.add_argument("--think", type=float, default=5.0, help="seconds between questions")
    parser.add_argument("--uploaders", type=int, default=10)
    parser.add_argument("--rows", type=int, default=35_000, help="rows per file (≈150 B each)")
    parser.add_argument(
        "--no-rate-limit",
        action="store_true",
        help="drop the 30 messages/s limiter (429s still waited out): the bot's own capacity",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vtrbench-") as folder:
        path = Path(folder) / "orders.csv"
        generate(path, args.rows)
        data = path.read_bytes()
        asyncio.run(main_async(args, data, Path(folder) / "data"))


if __name__ == "__main__":
    main()
