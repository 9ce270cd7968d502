"""`vtrbot check FILE`: the VTR report for a seller file, in the terminal."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.domain.models import VtrReport
    from bot.services.i18n import Translator

DEFAULT_MAX_MB = 2048
"""As large as a local Bot API server lets the bot receive (2,000 MB): what the bot can be
sent, `check` can read. About 0.17 KB of memory per row at that size (bench_memory)."""


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from error


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="order or shipment file (CSV, TXT/TSV, XLSX)")
    parser.add_argument(
        "--as-of", type=_iso_date, help="last day of the 30-day window (YYYY-MM-DD)"
    )
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="report language")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--defects",
        type=Path,
        metavar="OUT.xlsx",
        help="write the defect file here, as XLSX (text cells keep long numbers whole)",
    )
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_MB, help="refuse larger files")


def run(args: argparse.Namespace) -> int:
    here = _only_job(args)
    code = _checked(args, here)
    if here:  # the analysis's heap is this process's: end without tearing it down
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def _checked(args: argparse.Namespace, here: bool) -> int:
    """The check, printed; its exit code. Analysed `here`, or in a worker."""
    # Only what the chosen output needs: not bot.domain.engine (polars and numpy are the
    # analysis's alone: here, or the worker's), and for --json not even the report's models.
    # The translations are loaded only for words to print: --json that works needs none,
    # and what this process holds while its analysis runs counts in the same tree.
    from bot.domain.errors import FileRejected
    from bot.services.isolation import AnalysisFailed, report_json_here, report_json_isolated

    if refusal := _refusal(args):
        print(refusal, file=sys.stderr)
        return 2
    try:
        # A big file is worked on in parts kept on disk (bot/domain/spill.py): in this
        # process when the analysis is its one job, else in a worker process that a
        # hostile file can kill without killing this one.
        analyse = report_json_here if here else report_json_isolated
        with tempfile.TemporaryDirectory(prefix="vtrbot-check-") as spill_folder:
            report_json = analyse(
                args.file,
                as_of=args.as_of,
                max_bytes=int(args.max_mb * 2**20),
                spill_folder=Path(spill_folder),
            )
    except FileRejected as error:
        from bot.services.report_text import render_file_error

        print(render_file_error(error, _translator(args)), file=sys.stderr)
        return 2
    except AnalysisFailed:
        t = _translator(args)
        message = t._(
            "Something in this file stopped me from reading it. "
            "Export it again as CSV or XLSX, or send /help."
        )
        print(message, file=sys.stderr)
        return 2
    # --json prints the worker's text as it is: no report object is built for it alone.
    if args.json and not args.defects:
        print(report_json)
        return 0
    t = _translator(args)
    report = _with_defect_file(report_json, args, t)
    print(report_json if args.json else _as_text(report, t))
    return 0


def _only_job(args: argparse.Namespace) -> bool:
    """Whether this process is the command itself (`vtrbot check` run from a shell, not
    `main([...])` called by a program or a test) and has not loaded polars: its analysis then
    runs here under the worker's caps, for the rest of this process's life, and the process
    ends at once once it has printed, as a worker does (`isolation.serve_one`): tearing down
    an analysis's objects one by one costs a large check time for nothing
    (docs/decisions/013-check-in-its-own-process.md, docs/performance.md)."""
    return bool(getattr(args, "as_program", False)) and "polars" not in sys.modules


def _translator(args: argparse.Namespace) -> Translator:
    from bot.services.i18n import translator

    return translator(args.lang)


def _refusal(args: argparse.Namespace) -> str | None:
    """Why the command will not start, if it will not."""
    if not args.file.is_file():
        t = _translator(args)
        return t._("No such file: {path}", path=args.file)
    if args.defects and args.defects.suffix.lower() != ".xlsx":
        t = _translator(args)
        return t._(
            "The defect file is XLSX only: Excel and WPS turn a CSV's long tracking numbers into 9.40056E+21. Use --defects {path}",
            path=args.defects.with_suffix(".xlsx"),
        )
    return None


def _as_text(report: VtrReport, t: Translator) -> str:
    from bot.services.report_text import render_report

    return render_report(report, t)


def _with_defect_file(report_json: str, args: argparse.Namespace, t: Translator) -> VtrReport:
    """The report, its defect file written if asked for."""
    from bot.domain.models import VtrReport

    report = VtrReport.model_validate_json(report_json)
    if args.defects:
        from bot.domain.defects_file import write_defects
        from bot.services.defect_document import defect_file_labels

        write_defects(report, args.defects, defect_file_labels(t))
    return report
