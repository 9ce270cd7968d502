"""The upload flow, from a seller's file to the report: checked, fetched into the scratch
folder, analysed off the event loop, merged into the store, reported.

Every way an upload can be turned down (wrong type, too large, busy, download failed,
unreadable, storage full, forgotten meanwhile) raises `UploadRefused` on its way, and
`UploadService.handle` turns it into the one reply the seller sees.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

from bot.domain.engine import FileRejected
from bot.domain.models import ReportJson, VtrReport
from bot.domain.shipments import Shipments
from bot.services.dates import parse_date
from bot.services.i18n import Translator
from bot.services.isolation import analyse_upload_isolated
from bot.services.lines import esc
from bot.services.replies import Progress, Reply, Upload
from bot.services.report_replies import FixMarksOf, ReportReplies
from bot.services.report_text import render_file_error
from bot.services.store import Store, storage_problem, storage_problem_text
from bot.services.upload_queue import QueueFull, UploadQueue

log = logging.getLogger(__name__)

PARALLEL_ANALYSES = max(1, (os.cpu_count() or 2) // 2)
"""Uploads analysed at the same time; later ones wait their turn (and are told so).
Analyses are CPU-bound and hold the GIL part of the time: more only slow every chat's
answers (measured by bench_load.py)."""
UPLOADS_AT_ONCE = 2 * PARALLEL_ANALYSES
"""Uploads a process works on at once (download, analysis, merge): twice the analyses, so
one file downloads or merges while another is analysed. Each needs at most one database
connection at a time, which is what the store's pool is sized from (`store_connections`)."""
UPLOADS_WAITING = 40
"""Uploads that may wait in one process's line; a file beyond them is turned away at once
("send it again in a few minutes") rather than left waiting without end."""
ACCEPTED_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls")
"""File types a seller may send; the engine explains what it cannot read inside them
(an old .xls gets "save it as .xlsx")."""
SCRATCH_PREFIX = "vtrbot-upload-"
Analyse = Callable[
    [Path, date | None, int | None, Path | None], tuple[VtrReport | ReportJson, Shipments]
]
"""The engine's `analyse_file` contract: (path, as_of, max_bytes, spill_folder); the report
may come as JSON, unparsed (`analyse_upload_isolated`)."""


class UploadRefused(Exception):
    """An upload ends here; `html` is what the seller is told, `status` what the status
    line says (if anything)."""

    def __init__(self, html: str, status: str | None = None) -> None:
        super().__init__("upload refused")
        self.html = html
        self.status = status


class UploadService:
    """One upload at a time per chat, a few at a time overall."""

    def __init__(
        self,
        store: Store,
        *,
        max_upload_bytes: int,
        scratch_folder: Path | None,
        progress_interval: float = 4.0,
        max_parallel_analyses: int = PARALLEL_ANALYSES,
        uploads_at_once: int = UPLOADS_AT_ONCE,
        uploads_waiting: int = UPLOADS_WAITING,
        analyse: Analyse = analyse_upload_isolated,
        fix_marks: FixMarksOf | None = None,
    ) -> None:
        self.store = store
        # In a worker process by default: no file can take the bot down with it.
        self.analyse = analyse
        self.max_upload_bytes = max_upload_bytes
        # Downloads and a big file's spilled parts go beside the database, on the disk the
        # operator sized for data: a tmpfs /tmp would hold a 2 GB upload in RAM.
        self.scratch_folder = scratch_folder
        self.reports = ReportReplies(scratch_folder, fix_marks=fix_marks)
        self.progress_interval = progress_interval
        self._busy: set[int] = set()
        self._slots = asyncio.Semaphore(max_parallel_analyses)
        self.queue = UploadQueue(uploads_at_once, uploads_waiting)

    @property
    def limit_mb(self) -> float:
        return round(self.max_upload_bytes / 2**20, 1)

    async def handle(
        self,
        chat_id: int,
        upload: Upload,
        translate: Awaitable[Translator],
        progress: Progress | None = None,
    ) -> list[Reply]:
        """A document, answered with the report or the reason it was turned down.

        The chat is marked busy before the first `await`, so two files sent together can
        never both be analysed: the chat's uploads apply in the order they were sent. Other
        processes sharing the database see the chat busy through the store's named lock."""
        first = chat_id not in self._busy
        self._busy.add(chat_id)
        try:
            t = await translate
            async with self.store.hold(f"analysis:{chat_id}") as mine:
                if not first or not mine:
                    return [
                        Reply(
                            esc(
                                t._(
                                    "I am still analysing your previous file. Please wait for its report."
                                )
                            )
                        )
                    ]
                return await self._refusals_as_replies(chat_id, upload, t, progress)
        finally:
            if first:
                self._busy.discard(chat_id)

    async def _refusals_as_replies(
        self, chat_id: int, upload: Upload, t: Translator, progress: Progress | None
    ) -> list[Reply]:
        say = _quiet(progress)
        try:
            replies = await self._process(chat_id, upload, t, say)
        except UploadRefused as refusal:
            if refusal.status:
                await say(refusal.status)
            return [Reply(refusal.html)]
        await say(esc(t._("Done: {filename} analysed.", filename=upload.filename)))
        return await replies

    async def _process(
        self, chat_id: int, upload: Upload, t: Translator, say: Progress
    ) -> asyncio.Future[list[Reply]]:
        """The replies to the stored upload, being built (see `_work_on`)."""
        self._check_name_and_size(upload, t)
        try:
            claim = await self.store.claim_upload(chat_id)
        except Exception as error:  # a busy or full database: told now, before any work
            self._refuse_storage(chat_id, error, upload.filename, t)
        stored = False
        try:
            async with self.queue.turn(lambda ahead: say(files_ahead_text(ahead, t))):
                replies = await self._work_on(chat_id, claim, upload, t, say)
                stored = True
                return replies
        except QueueFull as full:
            log.warning("upload line full (%s files ahead): a file turned away", full.ahead)
            text = t._(
                "Too many files are waiting to be analysed right now. "
                "Please send {filename} again in a few minutes.",
                filename=upload.filename,
            )
            raise UploadRefused(esc(text)) from None
        finally:
            if not stored:
                await self._drop_claim(chat_id, claim)

    async def _drop_claim(self, chat_id: int, claim: str) -> None:
        """An upload not stored lets go of its claim. A stored one consumed it in its own
        transaction, so nothing is asked of the store then: on SQLite this delete waited for
        the write lock behind the stored upload's checkpoint, on the way to the replies.
        One left behind by a failure here is harmless: the chat's next upload replaces it."""
        try:
            await self.store.drop_upload_claim(chat_id, claim)
        except Exception as error:
            log.warning("chat %s: upload claim not dropped (%s)", chat_id, type(error).__name__)

    async def _work_on(
        self, chat_id: int, claim: str, upload: Upload, t: Translator, say: Progress
    ) -> asyncio.Future[list[Reply]]:
        """The upload's turn: fetched, analysed, merged; the replies to its report, being
        built while the shipments are merged (`_store_while_replying`)."""
        as_of = parse_date(upload.caption) or await self.store.get_as_of(chat_id)
        folder_for_upload = await asyncio.to_thread(fresh_scratch, self.scratch_folder)
        with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=folder_for_upload) as folder:
            path = Path(folder) / ("upload" + Path(upload.filename).suffix.lower())
            started = time.perf_counter()
            await say(esc(t._("Analysing {filename}…", filename=upload.filename)))
            await self._fetch(chat_id, upload, path, t)
            report, table = await self._analyse(chat_id, upload.filename, path, as_of, t, say)
            if isinstance(report, VtrReport):  # analysed in this process
                text = await asyncio.to_thread(report.model_dump_json)
                report = ReportJson(text, report.as_of)
            replies = await self._store_while_replying(chat_id, claim, upload, report, table, t)
        log.info("chat %s: analysed in %.2f s", chat_id, time.perf_counter() - started)
        return replies

    async def _store_while_replying(
        self,
        chat_id: int,
        claim: str,
        upload: Upload,
        report: ReportJson,
        table: Shipments,
        t: Translator,
    ) -> asyncio.Future[list[Reply]]:
        """The merge and the replies (the report's messages and defect workbook) need only
        the analysis, not each other: they run at once, on two cores, and the replies are
        handed on only once the upload is stored. The merge is SQL and Arrow, which let go
        of the interpreter, so the replies take a thread beside it, not a worker process
        (which cost more CPU than the workbook it wrote: docs/performance.md); a huge
        report's still go to a worker (`ReportReplies`).
        When the merge fails, the replies are waited for (bounded: a thread's short work, or
        a worker under the analysis's limits) and dropped, cached files included: nothing is
        left behind, and no report of an upload that was not stored is ever sent."""
        # Read before the merge takes its connection: an upload holds one at a time, which
        # is what the store's pool is sized from (`bootstrap.store_connections`).
        marks = await self.reports.marks(chat_id)
        replies = asyncio.ensure_future(self.reports.build(chat_id, report.text, t, marks=marks))
        try:
            await self._store(chat_id, claim, upload.filename, report, table, t)
        except BaseException:
            await asyncio.wait({replies})
            if not replies.cancelled():
                replies.exception()  # retrieved: the merge's error is the one told
            self.reports.forget(chat_id)
            raise
        return replies

    def _check_name_and_size(self, upload: Upload, t: Translator) -> None:
        if Path(upload.filename).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise UploadRefused(
                esc(
                    t._(
                        "I can read CSV, TXT, TSV and XLSX files. "
                        "Export your orders or shipments in one of these formats and send it again."
                    )
                )
            )
        if upload.size is not None and upload.size > self.max_upload_bytes:
            too_large = FileRejected("too_large", limit_mb=self.limit_mb)
            raise UploadRefused(render_file_error(too_large, t, html=True))

    async def _fetch(self, chat_id: int, upload: Upload, path: Path, t: Translator) -> None:
        try:
            await upload.fetch(path)
        except Exception as error:  # the network or Telegram failed, not the seller's file
            log.warning("chat %s: download failed with %s", chat_id, type(error).__name__)
            if problem := storage_problem(error):
                raise UploadRefused(esc(storage_problem_text(problem, t))) from error
            text = t._(
                "I could not download {filename}. Please send it again.", filename=upload.filename
            )
            raise UploadRefused(esc(text)) from error

    async def _analyse(
        self,
        chat_id: int,
        filename: str,
        path: Path,
        as_of: date | None,
        t: Translator,
        say: Progress,
    ) -> tuple[VtrReport | ReportJson, Shipments]:
        unreadable = esc(t._("I could not read {filename}.", filename=filename))
        try:
            if self._slots.locked():
                await say(esc(t._("Other files are being analysed; yours is next in line…")))
            async with self._slots:
                return await self._analyse_with_progress(path, as_of, filename, t, say)
        except FileRejected as error:
            log.info("chat %s: file rejected (%s)", chat_id, error.code)
            raise UploadRefused(render_file_error(error, t, html=True), unreadable) from error
        except Exception as error:  # an unreadable file must not take the bot down
            log.warning("chat %s: analysis failed with %s", chat_id, type(error).__name__)
            if problem := storage_problem(error):  # the disk filled up with a big file's parts
                raise UploadRefused(esc(storage_problem_text(problem, t)), unreadable) from error
            text = t._(
                "Something in this file stopped me from reading it. "
                "Export it again as CSV or XLSX, or send /help."
            )
            raise UploadRefused(esc(text), unreadable) from error

    async def _analyse_with_progress(
        self, path: Path, as_of: date | None, filename: str, t: Translator, say: Progress
    ) -> tuple[VtrReport | ReportJson, Shipments]:
        """The analysis in a worker thread, with a progress line every few seconds. A big
        file's parts are spilled beside it, in the upload's own folder, until merged."""
        started = time.perf_counter()
        work = asyncio.ensure_future(
            asyncio.to_thread(self.analyse, path, as_of, self.max_upload_bytes, path.parent)
        )
        while True:
            done, _ = await asyncio.wait({work}, timeout=self.progress_interval)
            if done:
                return work.result()
            seconds = t.number(round(time.perf_counter() - started))
            await say(
                esc(
                    t._(
                        "Still analysing {filename}… {seconds} s",
                        filename=filename,
                        seconds=seconds,
                    )
                )
            )

    async def _store(
        self,
        chat_id: int,
        claim: str,
        filename: str,
        report: ReportJson,
        table: Shipments,
        t: Translator,
    ) -> None:
        """Merged with its report in one transaction, unless the chat was forgotten since the
        upload began, on whichever process (the store's claim tells)."""
        try:
            frames = table.stored_frames()
            stored = await self.store.store_upload(
                chat_id, claim, frames, report, scratch=self.scratch_folder
            )
        except Exception as error:
            self._refuse_storage(chat_id, error, filename, t)
        if stored is None:
            text = t._(
                "I did not keep {filename}: this chat's data was deleted while I was reading it. "
                "Send it again if you want a report.",
                filename=filename,
            )
            raise UploadRefused(esc(text))

    @staticmethod
    def _refuse_storage(chat_id: int, error: Exception, filename: str, t: Translator) -> NoReturn:
        problem = storage_problem(error)
        if problem is None:
            raise error
        log.error("chat %s: storage %s, upload not saved", chat_id, problem)
        unsaved = esc(t._("I could not save {filename}.", filename=filename))
        raise UploadRefused(esc(storage_problem_text(problem, t)), unsaved) from error

    def clear_scratch(self) -> None:
        """At start-up nothing is being analysed: whatever a killed process left (raw
        uploads hold buyer names and addresses) goes now, not a day later."""
        if self.scratch_folder is None or not self.scratch_folder.is_dir():
            return
        for left in self.scratch_folder.iterdir():
            if left.is_dir():
                shutil.rmtree(left, ignore_errors=True)
            else:
                left.unlink(missing_ok=True)


def files_ahead_text(ahead: int, t: Translator) -> str:
    """What a file waiting in line is told: how many are ahead of it."""
    return esc(
        t.ngettext(
            "{count} file is ahead of yours; I start on yours as soon as it is done.",
            "{count} files are ahead of yours; I start on yours as soon as they are done.",
            ahead,
        )
    )


STALE_SCRATCH_SECONDS = 24 * 3600
"""A scratch folder this old was left by a process killed mid-upload: nothing uses it."""


def fresh_scratch(folder: Path | None) -> Path | None:
    """The scratch folder, created if need be and cleared of folders left by a crash."""
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - STALE_SCRATCH_SECONDS
    for left in folder.glob(SCRATCH_PREFIX + "*"):
        with contextlib.suppress(FileNotFoundError):  # another upload just finished with it
            if left.stat().st_mtime < cutoff:
                shutil.rmtree(left, ignore_errors=True)
    return folder


def _quiet(progress: Progress | None) -> Progress:
    """A status line that can never fail the upload: Telegram refusing an edit (429, a
    deleted message) is Telegram's problem, not the seller's file."""

    async def say(text: str) -> None:
        if progress is None:
            return
        try:
            await progress(text)
        except Exception as error:
            log.debug("status update failed: %s", type(error).__name__)

    return say
