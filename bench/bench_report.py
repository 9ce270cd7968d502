"""What a file with many groups costs: the report, its messages and the defect file.

A file can multiply categories (one per row if it likes). This prints, for files of
50,000 and 330,000 categories (2 packages each, every third category with one untracked),
the seconds to read it, compute the report (groups, projection, fix plan), render it,
the messages it makes, and the defect workbook's size and time.

With `--bot`, the same file goes through the bot's core instead, as a seller's upload and
then `/vtr`: the analysis and the report's replies in their worker, as `vtrbot run` does.
It prints what the bot's own process paid (its peak RSS and CPU, which exclude the
workers') and the longest the event loop went without running a ticker task (what every
other chat waited).

    python bench/bench_report.py [--categories 50000 330000] [--bot]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.domain.engine import compute_report, read_shipments
from bot.services.defect_document import defect_replies
from bot.services.i18n import Translator
from bot.services.report_text import render_report
from bot.services.text_split import split_html

AS_OF = date(2026, 11, 20)
UPS_OK = "1Z5R89390357567127"


def write_file(path: Path, categories: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("order-id,ship-date,carrier-code,tracking-number,product-category\n")
        for i in range(categories):
            name = f"Category {i:06d} with a long name"
            tracking = "" if i % 3 == 0 else UPS_OK
            day = 1 + i % 20
            out.write(f"A{i},2026-11-{day:02d},UPS,{tracking},{name}\n")
            out.write(f"B{i},2026-11-{day:02d},UPS,{UPS_OK},{name}\n")
    return path


def timed(label: str, work):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    print(
        f"  {label:<22} {time.perf_counter() - wall:6.2f} s wall"
        f" {time.process_time() - cpu:6.2f} s CPU"
    )
    return result


def measure(count: int, folder: Path, t: Translator) -> None:
    path = write_file(folder / "many.csv", count)
    print(f"{count:,} categories, {path.stat().st_size / 2**20:.1f} MiB file")
    table = timed("read", lambda: read_shipments(path))
    report = timed("compute_report", lambda: compute_report(table, as_of=AS_OF))
    messages = timed("render + split", lambda: split_html(render_report(report, t, True)))
    files = timed("defect workbook", lambda: defect_replies(report, t, folder))
    sizes = [len(r.document.data) for r in files if r.document]
    print(
        f"  {len(messages)} messages ({max(len(m) for m in messages)} chars at most),"
        f" {len(report.defects):,} defects in {len(sizes)} file(s) of"
        f" {max(sizes) / 2**20:.1f} MiB at most,"
        f" peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


class LoopWatch:
    """The longest gap between two runs of a task that only sleeps 10 ms: how long the
    event loop was held by something else."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            self.longest = max(self.longest, now - last - 0.01)
            last = now

    def start(self) -> None:
        self.longest = 0.0
        self._task = asyncio.get_running_loop().create_task(self._tick())

    def stop(self) -> float:
        assert self._task is not None
        self._task.cancel()
        return self.longest


async def measure_bot(count: int, folder: Path) -> None:
    """The file as an upload, then /vtr, through the core `vtrbot run` builds."""
    import psutil

    from bot.bootstrap import build_services
    from bot.services.replies import ChatRef
    from bot.settings import Settings

    path = write_file(folder / "many.csv", count)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        VTRBOT_DATA_DIR=folder / "data",
        VTRBOT_DEFAULT_LANG="zh",
        VTRBOT_MAX_UPLOAD_MB=200,
    )
    services = build_services(settings)
    await services.open()
    me = psutil.Process()
    print(f"{count:,} categories, {path.stat().st_size / 2**20:.1f} MiB file, through the bot")
    print(f"  bot process at start: {me.memory_info().rss / 2**20:.0f} MiB RSS")
    chat, watch = ChatRef(1, "zh"), LoopWatch()
    try:
        for label, work in (
            ("upload", lambda: services.core.handle_file(chat, path)),
            ("/vtr", lambda: services.core.handle_command(chat, "vtr")),
        ):
            wall, cpu = time.perf_counter(), time.process_time()
            watch.start()
            replies = await work()
            longest = watch.stop()
            files = [r.document for r in replies if r.document]
            print(
                f"  {label:<7} {time.perf_counter() - wall:6.2f} s wall,"
                f" bot process {time.process_time() - cpu:6.2f} s CPU,"
                f" event loop held {longest:.2f} s at most;"
                f" {len(replies) - len(files)} messages,"
                f" {sum(len(d.data) for d in files) / 2**20:.1f} MiB in {len(files)} file(s);"
                f" bot RSS now {me.memory_info().rss / 2**20:.0f} MiB"
            )
    finally:
        await services.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  bot process peak RSS {peak:.0f} MiB (its workers not counted)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--categories", type=int, nargs="+", default=[50_000, 330_000])
    parser.add_argument("--bot", action="store_true", help="through the bot's core")
    args = parser.parse_args()
    for count in args.categories:
        with tempfile.TemporaryDirectory() as folder:
            if args.bot:
                asyncio.run(measure_bot(count, Path(folder)))
            else:
                measure(count, Path(folder), Translator("zh"))


if __name__ == "__main__":
    main()
