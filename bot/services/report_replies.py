"""A VTR report as replies: the text (bounded to a few messages) with its follow-up buttons,
then the defect file. Never built on the event loop: rendering and writing a big defect list
would otherwise stall every other chat.

The report comes as the store keeps it (JSON). A huge one (hundreds of thousands of groups
or defects) is parsed, rendered and its defect file written by a worker process under the
analysis's limits (`isolation.call_isolated`), which sends back only the messages and the
files' paths: parsing it here holds the interpreter (and so every chat) for seconds, and
building it grew the bot's own process by gigabytes. A small one is built in a thread.

Writing a workbook of 450,000 defects takes most of a minute of CPU, so the defect files
of each chat's last report are kept (in memory, up to `CACHE_BYTES` over all chats): /vtr
right after an upload sends them again instead of rebuilding them. /forget drops them.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from bot.domain.fix_marks import FixMarks, with_fix_marks
from bot.domain.models import VtrReport
from bot.services import buttons
from bot.services.defect_document import defect_files
from bot.services.i18n import Lang, Translator, translator
from bot.services.isolation import WORKER_ADDRESS_SPACE, AnalysisFailed, call_isolated
from bot.services.lines import say
from bot.services.replies import Document, Reply, pack
from bot.services.report_text import render_report

FixMarksOf = Callable[[int], Awaitable[FixMarks]]
"""A chat's fix marks (`FixService.marks`), given by the composition root."""
CACHE_BYTES = 64 << 20
"""Defect files kept for /vtr, over all chats; the least recently sent go first."""
IN_PROCESS_REPORT_CHARS = 4 << 20
"""A report whose JSON is longer than this (tens of thousands of groups or defects) is
built in a worker process; a shorter one in a thread, at once."""
REPORT_WORKER_CPU_SECONDS = 600
_Key = tuple[int, str, str]
T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReportParts:
    """A report's replies as built, maybe in a worker: the messages, and each defect file as
    its caption and the path it was written to (None: not asked for, the caller has them)."""

    text: list[Reply]
    files: list[tuple[str, Path]] | None


class ReportReplies:
    """Builds a report's replies, reusing the defect files of the chat's same last report."""

    def __init__(
        self,
        scratch_folder: Path | None,
        cache_bytes: int = CACHE_BYTES,
        in_process_chars: int = IN_PROCESS_REPORT_CHARS,
        fix_marks: FixMarksOf | None = None,
    ) -> None:
        self.scratch_folder = scratch_folder
        self.cache_bytes = cache_bytes
        self.in_process_chars = in_process_chars
        self.fix_marks = fix_marks
        """A connected store's fixes sent from the chat, marked on every report shown."""
        self._files: OrderedDict[_Key, list[Reply]] = OrderedDict()

    async def build(
        self,
        chat_id: int,
        report_json: str,
        t: Translator,
        marks: FixMarks | None = None,
    ) -> list[Reply]:
        """What a seller gets after an upload or /vtr, from the report as stored, with the
        fixes sent from the chat marked (`fix_marks`: shown, never counted; `marks` when the
        caller read them already)."""
        if marks is None:
            marks = await self.marks(chat_id)
        key = (chat_id, t.lang, await asyncio.to_thread(_fingerprint, report_json, marks))
        cached = self._files.get(key)
        parts, files = await self._built(report_json, t.lang, cached, marks)
        if parts is None:
            return say(t._("This report is too large for me to show. Export a shorter date range and send it again."))  # fmt: skip
        if cached is None:
            self._keep(key, files)
        else:
            self._files.move_to_end(key)
        return parts.text + files

    async def _built(
        self,
        report_json: str,
        lang: Lang,
        cached: list[Reply] | None,
        marks: FixMarks,
    ) -> tuple[ReportParts | None, list[Reply]]:
        """The parts and the defect files read back (or the cached ones), written in a
        folder of their own that is removed afterwards, whatever happened."""
        folder = await asyncio.to_thread(self._fresh_folder)
        try:
            parts = await asyncio.to_thread(self._parts, report_json, lang, folder, cached, marks)
            if cached is not None or parts is None:
                return parts, cached or []
            return parts, await asyncio.to_thread(_read_back, parts.files or [])
        finally:
            await asyncio.to_thread(shutil.rmtree, folder, True)

    async def marks(self, chat_id: int) -> FixMarks:
        """The chat's fix marks, as `build` shows them."""
        return await self.fix_marks(chat_id) if self.fix_marks else {}

    def forget(self, chat_id: int) -> None:
        for key in [key for key in self._files if key[0] == chat_id]:
            del self._files[key]

    def _fresh_folder(self) -> Path:
        """Where the defect files are written: in the scratch folder, like every other
        working copy of seller data (cleared at start-up after a crash)."""
        if self.scratch_folder is not None:
            self.scratch_folder.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="vtrbot-report-", dir=self.scratch_folder))

    def _parts(
        self,
        report_json: str,
        lang: Lang,
        folder: Path,
        cached: list[Reply] | None,
        marks: FixMarks,
    ) -> ReportParts | None:
        """Built here when small, else by a worker; None when even the worker failed."""
        args = (lang, folder, cached is None, marks)
        return within_bounds(report_parts, report_json, args, self.in_process_chars)

    def _keep(self, key: _Key, files: list[Reply]) -> None:
        self.forget(key[0])  # only the chat's last report is sent again
        self._files[key] = files
        while self._files and _size(self._files) > self.cache_bytes:
            self._files.popitem(last=False)


def within_bounds(
    work: Callable[..., T],
    report_json: str,
    args: tuple[Any, ...],
    in_process_chars: int | None = None,
) -> T | None:
    """`work(report_json, *args)`: here for a small report, in a worker under the analysis's
    limits for a huge one (over `IN_PROCESS_REPORT_CHARS`); None when even the worker
    failed. Blocking (call it in a thread); `work` must be importable by name."""
    limit = IN_PROCESS_REPORT_CHARS if in_process_chars is None else in_process_chars
    if len(report_json) <= limit:
        return work(report_json, *args)
    try:
        limits = (WORKER_ADDRESS_SPACE, REPORT_WORKER_CPU_SECONDS)
        return call_isolated(work, (report_json, *args), limits)
    except AnalysisFailed as failed:
        log.warning("%s: a report of %d characters: %s", work.__name__, len(report_json), failed)
        return None


def report_parts(
    report_json: str, lang: Lang, folder: Path, with_files: bool, marks: FixMarks | None = None
) -> ReportParts:
    """A stored report's messages, and its defect files written into `folder` when asked
    for: what the worker runs (it gets the language, not a translator)."""
    report = with_fix_marks(VtrReport.model_validate_json(report_json), marks or {})
    t = translator(lang)
    return ReportParts(
        _text_replies(report, t), defect_files(report, t, folder) if with_files else None
    )


def _read_back(files: list[tuple[str, Path]]) -> list[Reply]:
    return [
        Reply(caption, document=Document(path.name, path.read_bytes())) for caption, path in files
    ]


def _text_replies(report: VtrReport, t: Translator) -> list[Reply]:
    follow_up = (
        (
            buttons.button(t._("Trend chart"), buttons.ShowChart()),
            buttons.button(t._("Daily alerts"), buttons.ShowAlerts()),
        ),
    )
    return pack(render_report(report, t, html=True), follow_up)


def _fingerprint(report_json: str, marks: FixMarks) -> str:
    """The same stored report with the same fixes marked gives the same files."""
    digest = hashlib.blake2b(report_json.encode(), digest_size=16)
    digest.update(repr(sorted(marks.items())).encode())
    return digest.hexdigest()


def _size(files: OrderedDict[_Key, list[Reply]]) -> int:
    return sum(len(r.document.data) for replies in files.values() for r in replies if r.document)
