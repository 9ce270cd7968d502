"""What a file with many groups costs: the report, its messages and the defect file.

A file can multiply categories (one per row if it likes). This prints, for files of
50,000 and 330,000 categories (2 packages each, every third category with one untracked),
the seconds to read it, compute the report (groups, projection, fix plan), render it,
the messages it makes, and the defect workbook's size and time.

    python bench/bench_report.py [--categories 50000 330000]
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--categories", type=int, nargs="+", default=[50_000, 330_000])
    args = parser.parse_args()
    for count in args.categories:
        with tempfile.TemporaryDirectory() as folder:
            measure(count, Path(folder), Translator("zh"))


if __name__ == "__main__":
    main()
