"""A VTR report as replies: the text (bounded to a few messages) with its follow-up buttons,
then the defect file. Built in a worker thread: rendering and writing a big defect list
would otherwise stall every other chat.

Writing a workbook of 450,000 defects takes most of a minute of CPU, so the defect files
of each chat's last report are kept (in memory, up to `CACHE_BYTES` over all chats): /vtr
right after an upload sends them again instead of rebuilding them. /forget drops them.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import OrderedDict
from pathlib import Path

from bot.domain.models import VtrReport
from bot.services import buttons
from bot.services.defect_document import defect_replies
from bot.services.i18n import Lang, Translator, translator
from bot.services.isolation import WORKER_ADDRESS_SPACE, AnalysisFailed, call_isolated
from bot.services.replies import Reply, pack
from bot.services.report_text import render_report

CACHE_BYTES = 64 << 20
"""Defect files kept for /vtr, over all chats; the least recently sent go first."""
IN_PROCESS_DEFECTS = 20_000
"""A defect file of more defects than this is built in a worker process under the
analysis's limits (`isolation.call_isolated`): writing hundreds of thousands of rows would
otherwise grow the bot's own process by gigabytes. Fewer are built in a thread, at once."""
DEFECT_FILE_CPU_SECONDS = 600
_Key = tuple[int, str, str]
log = logging.getLogger(__name__)


class ReportReplies:
    """Builds a report's replies, reusing the defect files of the chat's same last report."""

    def __init__(self, scratch_folder: Path | None, cache_bytes: int = CACHE_BYTES) -> None:
        self.scratch_folder = scratch_folder
        self.cache_bytes = cache_bytes
        self._files: OrderedDict[_Key, list[Reply]] = OrderedDict()

    async def build(self, chat_id: int, report: VtrReport, t: Translator) -> list[Reply]:
        """What a seller gets after an upload or /vtr, rendered off the event loop."""
        key = (chat_id, t.lang, await asyncio.to_thread(_fingerprint, report))
        text = await asyncio.to_thread(_text_replies, report, t)
        files = self._files.get(key)
        if files is None:
            files = await asyncio.to_thread(self._defect_files, report, t)
            self._keep(key, files)
        elif key in self._files:
            self._files.move_to_end(key)
        return text + files

    def forget(self, chat_id: int) -> None:
        for key in [key for key in self._files if key[0] == chat_id]:
            del self._files[key]

    def _defect_files(self, report: VtrReport, t: Translator) -> list[Reply]:
        """Built in the scratch folder, like every other working copy of seller data; a
        huge one in a worker process (none when even that fails: the text still goes)."""
        if self.scratch_folder is not None:
            self.scratch_folder.mkdir(parents=True, exist_ok=True)
        if len(report.defects) <= IN_PROCESS_DEFECTS:
            return defect_replies(report, t, self.scratch_folder)
        limits = (WORKER_ADDRESS_SPACE, DEFECT_FILE_CPU_SECONDS)
        try:
            return call_isolated(
                defect_replies_in_lang, (report, t.lang, self.scratch_folder), limits
            )
        except AnalysisFailed as failed:
            log.warning("defect file of %d defects not built: %s", len(report.defects), failed)
            return []

    def _keep(self, key: _Key, files: list[Reply]) -> None:
        self.forget(key[0])  # only the chat's last report is sent again
        self._files[key] = files
        while self._files and _size(self._files) > self.cache_bytes:
            self._files.popitem(last=False)


def defect_replies_in_lang(report: VtrReport, lang: Lang, folder: Path | None) -> list[Reply]:
    """`defect_replies` for a worker process, which gets the language, not a translator."""
    return defect_replies(report, translator(lang), folder)


def _text_replies(report: VtrReport, t: Translator) -> list[Reply]:
    follow_up = (
        (
            buttons.button(t._("Trend chart"), buttons.ShowChart()),
            buttons.button(t._("Daily alerts"), buttons.ShowAlerts()),
        ),
    )
    return pack(render_report(report, t, html=True), follow_up)


def _fingerprint(report: VtrReport) -> str:
    """The same stored report gives the same files: its date, counts and defects."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{report.as_of}|{report.overall.shipments}|{report.overall.valid}".encode())
    for defect in report.defects:
        digest.update(f"{defect.order_id}\x1f{defect.tracking}\x1f{defect.reason}\x1e".encode())
    return digest.hexdigest()


def _size(files: OrderedDict[_Key, list[Reply]]) -> int:
    return sum(len(r.document.data) for replies in files.values() for r in replies if r.document)
