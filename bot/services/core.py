"""The conversation core: what the bot says to a chat, with no Telegram import.

Both adapters (the Telegram bot and `vtrbot chat`) turn what a user did into one call:
`handle_text`, `handle_command`, `handle_upload` (or `handle_file` for a local path) or
`handle_button`, and send back the `Reply`s they get. Language, storage, the knowledge
base and the VTR engine are all reached from here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from pathlib import Path

from bot.domain.engine import FileRejected, analyse_file, write_defects_csv
from bot.domain.knowledge import Answer, KnowledgeBase
from bot.domain.models import VtrReport
from bot.domain.shipments import Shipments
from bot.services.alerting import AlertService, NoScheduler, Scheduler
from bot.services.answers import render_answer
from bot.services.i18n import SUPPORTED_LANGS, Lang, Translator, normalize_lang, translator
from bot.services.replies import Button, ChatRef, Document, Progress, Reply, Upload
from bot.services.report_text import defect_file_labels, esc, render_file_error, render_report
from bot.services.store import StorageProblem, Store, storage_problem
from bot.services.subscriptions import SubscriptionCommands
from bot.services.text_split import split_html

log = logging.getLogger(__name__)

PARALLEL_ANALYSES = max(1, (os.cpu_count() or 2) // 2)
"""Uploads analysed at the same time; later ones wait their turn (and are told so)."""
ACCEPTED_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xls")
"""File types a seller may send; the engine explains what it cannot read inside them
(an old .xls gets "save it as .xlsx")."""

LANGUAGE_NAMES: dict[Lang, str] = {"zh": "中文", "en": "English"}
COMMANDS: tuple[str, ...] = (
    "start",
    "help",
    "lang",
    "vtr",
    "as_of",
    "chart",
    "subscribe",
    "unsubscribe",
    "alerts",
    "forget",
)
"""Commands the core answers; each is handled by the `Core` method named `_<command>`."""
_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def example_questions(t: Translator) -> list[str]:
    """Three questions a new user can press on /start, in their language."""
    return [
        t._("What is Valid Tracking Rate?"),
        t._("Which carriers count as valid?"),
        t._("What is Buy Shipping?"),
    ]


def command_menu(t: Translator) -> list[tuple[str, str]]:
    """The command list Telegram shows, in one language: (command, description)."""
    return [
        ("start", t._("What this bot does")),
        ("help", t._("Commands and how to send a file")),
        ("vtr", t._("Show my last VTR report again")),
        ("as_of", t._("Set the report date, e.g. /as_of 2026-11-20")),
        ("chart", t._("Daily VTR of the last 30 days as a chart")),
        ("subscribe", t._("Daily alert, e.g. /subscribe 09:00 Asia/Shanghai")),
        ("alerts", t._("Show or change my daily alert")),
        ("unsubscribe", t._("Stop the daily alert")),
        ("forget", t._("Delete everything stored about this chat")),
        ("lang", t._("Switch language: 中文 / English")),
    ]


def parse_date(text: str | None) -> date | None:
    """The first YYYY-MM-DD date in `text`, if any and valid."""
    match = _DATE.search(text or "")
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


class Core:
    """Use cases of the bot, one method per kind of user action."""

    def __init__(
        self,
        store: Store,
        kb: KnowledgeBase,
        *,
        default_lang: Lang = "zh",
        max_upload_bytes: int = 20 * 1024 * 1024,
        progress_interval: float = 4.0,
        max_parallel_analyses: int = PARALLEL_ANALYSES,
        default_timezone: str = "Asia/Shanghai",
        scheduler: Scheduler | None = None,
        alerts: AlertService | None = None,
        scratch_folder: Path | None = None,
    ) -> None:
        self.store = store
        # Downloads and a big file's spilled parts go beside the database, on the disk
        # the operator sized for data: a tmpfs /tmp would hold a 2 GB upload in RAM.
        self.scratch_folder = scratch_folder or _scratch_beside(store)
        self.kb = kb
        self.default_lang: Lang = default_lang
        self.subscriptions = SubscriptionCommands(
            store,
            scheduler or NoScheduler(),
            alerts or AlertService(store, default_lang),
            default_timezone,
        )
        self.max_upload_bytes = max_upload_bytes
        self.progress_interval = progress_interval
        self._busy: set[int] = set()
        # Analyses are CPU-bound and hold the GIL part of the time: a few at once keep the
        # machine busy; more only slow every chat's answers (measured by bench_load.py).
        self._analysis_slots = asyncio.Semaphore(max_parallel_analyses)

    # -- language ----------------------------------------------------------------------------

    async def lang_of(self, chat: ChatRef) -> Lang:
        """The chat's chosen language, else its client's, else the configured default."""
        stored = await self.store.get_lang(chat.chat_id)
        return stored or normalize_lang(chat.language_code, fallback=self.default_lang)

    async def translator_for(self, chat: ChatRef) -> Translator:
        return translator(await self.lang_of(chat))

    # -- text --------------------------------------------------------------------------------

    async def handle_text(self, chat: ChatRef, text: str) -> list[Reply]:
        """A free-text message: answered from the knowledge base."""
        t = await self.translator_for(chat)
        question = text.strip()
        if not question:
            return []
        answer = self.kb.answer(question, t.lang)
        return self._answer_replies(answer, t)

    def _answer_replies(self, answer: Answer, t: Translator) -> list[Reply]:
        body = render_answer(answer, self.kb, t, html=True)
        buttons = tuple(
            (Button(self.kb.entries[entry_id].title_for(answer.lang), f"topic:{entry_id}"),)
            for entry_id in answer.suggestions
            if entry_id in self.kb.entries
        )
        if answer.kind == "answer" and buttons:
            related = translator(answer.lang)._("Related topics:")
            body = f"{body}\n\n{esc(related)}"
        return _pack(body, buttons)

    # -- commands ----------------------------------------------------------------------------

    async def handle_command(
        self, chat: ChatRef, name: str, args: Sequence[str] = ()
    ) -> list[Reply]:
        """A /command with its arguments (`name` without the slash or @botname)."""
        name = name.lower().lstrip("/").split("@", 1)[0]
        if name not in COMMANDS:
            t = await self.translator_for(chat)
            return [Reply(esc(t._("I don't know that command. Send /help to see what I can do.")))]
        handler: Callable[[ChatRef, Sequence[str]], Awaitable[list[Reply]]]
        handler = getattr(self, f"_{name}")
        return await handler(chat, args)

    async def _start(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        t = await self.translator_for(chat)
        text = "\n\n".join(
            [
                "<b>"
                + esc(
                    t._(
                        "Hello! I help self-fulfilled Amazon sellers keep their Valid Tracking Rate above 95%."
                    )
                )
                + "</b>",
                esc(
                    t._(
                        "Send me an order or shipment file (CSV, TXT or XLSX, up to {limit} MB) "
                        "and I will compute your VTR per category, list the shipments to fix "
                        "and tell you when each category is back above the bar.",
                        limit=t.number(round(self.max_upload_bytes / 2**20, 1)),
                    )
                ),
                esc(t._("Or ask me a question about VTR, for example:")),
            ]
        )
        buttons = tuple(
            (Button(question, f"ask:{index}"),)
            for index, question in enumerate(example_questions(t))
        )
        return _pack(text, buttons)

    async def _help(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        t = await self.translator_for(chat)
        lines = [f"/{command} — {esc(description)}" for command, description in command_menu(t)]
        text = "\n".join(
            [
                "<b>" + esc(t._("What I can do")) + "</b>",
                "",
                esc(
                    t._(
                        "Send a file as a document: I reply with the VTR report and a file of the shipments to fix."
                    )
                ),
                esc(
                    t._(
                        "A date in the file's caption (YYYY-MM-DD) sets the report date for that file."
                    )
                ),
                esc(
                    t._(
                        "Type a question in Chinese or English and I answer from my knowledge base."
                    )
                ),
                "",
                *lines,
            ]
        )
        return _pack(text)

    async def _lang(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        code = args[0].lower().replace("_", "-").split("-", 1)[0] if args else ""
        if code in SUPPORTED_LANGS:
            return await self._set_lang(chat, code)  # type: ignore[arg-type]
        t = await self.translator_for(chat)
        buttons = (tuple(Button(label, f"lang:{code}") for code, label in LANGUAGE_NAMES.items()),)
        return _pack(esc(t._("Choose your language:")), buttons)

    async def _set_lang(self, chat: ChatRef, lang: Lang) -> list[Reply]:
        await self.store.set_lang(chat.chat_id, lang)
        t = translator(lang)
        return [Reply(esc(t._("I will speak English with you from now on.")))]

    async def _vtr(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        t = await self.translator_for(chat)
        report = await self.store.last_report(chat.chat_id)
        if report is None:
            return [Reply(esc(t._("No report yet. Send me an order or shipment file first.")))]
        return self._report_replies(report, t)

    async def _as_of(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        t = await self.translator_for(chat)
        if not args:
            current = await self.store.get_as_of(chat.chat_id)
            if current is None:
                text = t._(
                    "Reports end on the latest ship date in your file. "
                    "Send /as_of YYYY-MM-DD to choose a date."
                )
            else:
                text = t._(
                    "Reports end on {date}. Send /as_of clear to go back to the latest ship date.",
                    date=t.date(current),
                )
            return [Reply(esc(text))]
        if args[0].lower() in ("clear", "reset", "清除"):
            await self.store.set_as_of(chat.chat_id, None)
            return [Reply(esc(t._("Reports will end on the latest ship date in your file.")))]
        as_of = parse_date(args[0])
        if as_of is None:
            return [
                Reply(
                    esc(
                        t._("I could not read that date. Use the form YYYY-MM-DD, e.g. 2026-11-20.")
                    )
                )
            ]
        await self.store.set_as_of(chat.chat_id, as_of)
        return [Reply(esc(t._("Reports will end on {date}. Send your file.", date=t.date(as_of))))]

    async def _chart(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        return await self.subscriptions.chart(chat.chat_id, await self.translator_for(chat))

    async def _subscribe(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        t = await self.translator_for(chat)
        return await self.subscriptions.subscribe(chat.chat_id, t, args)

    async def _unsubscribe(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        return await self.subscriptions.unsubscribe(chat.chat_id, await self.translator_for(chat))

    async def _alerts(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        t = await self.translator_for(chat)
        return await self.subscriptions.show(chat.chat_id, t, args)

    async def _forget(self, chat: ChatRef, args: Sequence[str]) -> list[Reply]:
        return self.subscriptions.forget_prompt(await self.translator_for(chat))

    # -- buttons -----------------------------------------------------------------------------

    async def handle_button(self, chat: ChatRef, data: str) -> list[Reply]:
        """An inline button was pressed; `data` is what `Button.data` held."""
        kind, _, value = data.partition(":")
        if kind == "lang" and value in SUPPORTED_LANGS:
            return await self._set_lang(chat, value)  # type: ignore[arg-type]
        t = await self.translator_for(chat)
        if kind == "sub":
            return await self.subscriptions.on_button(chat.chat_id, t, data)
        if kind == "chart":
            return await self.subscriptions.chart(chat.chat_id, t)
        if kind == "alerts":
            return await self.subscriptions.show(chat.chat_id, t, ())
        if kind == "forget":
            return await self.subscriptions.forget(chat.chat_id, t, confirmed=value == "yes")
        if kind == "ask" and value.isdigit() and int(value) < len(example_questions(t)):
            return await self.handle_text(chat, example_questions(t)[int(value)])
        if kind == "topic" and value in self.kb.entries:
            answer = Answer(lang=t.lang, kind="answer", matched=value, confidence=1.0)
            related = self.kb.entries[value].related[: KnowledgeBase.MAX_SUGGESTIONS]
            return self._answer_replies(answer.model_copy(update={"suggestions": related}), t)
        return [Reply(esc(t._("This button no longer works. Send /help to start again.")))]

    # -- files -------------------------------------------------------------------------------

    async def handle_file(
        self,
        chat: ChatRef,
        path: Path,
        filename: str | None = None,
        caption: str | None = None,
        progress: Progress | None = None,
    ) -> list[Reply]:
        """A file already on this machine (the terminal's `/upload PATH`)."""
        path = Path(path)

        async def copy(dest: Path) -> None:
            await asyncio.to_thread(shutil.copyfile, path, dest)

        size = path.stat().st_size if path.is_file() else None
        upload = Upload(filename=filename or path.name, size=size, fetch=copy, caption=caption)
        return await self.handle_upload(chat, upload, progress)

    async def handle_upload(
        self, chat: ChatRef, upload: Upload, progress: Progress | None = None
    ) -> list[Reply]:
        """A document: checked, fetched, analysed off the event loop, merged, reported."""
        t = await self.translator_for(chat)
        if chat.chat_id in self._busy:
            return [
                Reply(
                    esc(t._("I am still analysing your previous file. Please wait for its report."))
                )
            ]
        if Path(upload.filename).suffix.lower() not in ACCEPTED_SUFFIXES:
            return [
                Reply(
                    esc(
                        t._(
                            "I can read CSV, TXT, TSV and XLSX files. "
                            "Export your orders or shipments in one of these formats and send it again."
                        )
                    )
                )
            ]
        if upload.size is not None and upload.size > self.max_upload_bytes:
            too_large = FileRejected("too_large", limit_mb=round(self.max_upload_bytes / 2**20, 1))
            return [Reply(render_file_error(too_large, t, html=True))]
        as_of = parse_date(upload.caption) or await self.store.get_as_of(chat.chat_id)
        self._busy.add(chat.chat_id)
        try:
            folder_for_upload = await asyncio.to_thread(_fresh_scratch, self.scratch_folder)
            with tempfile.TemporaryDirectory(
                prefix=SCRATCH_PREFIX, dir=folder_for_upload
            ) as folder:
                return await self._analyse(chat, upload, as_of, t, Path(folder), progress)
        finally:
            self._busy.discard(chat.chat_id)

    async def _analyse(
        self,
        chat: ChatRef,
        upload: Upload,
        as_of: date | None,
        t: Translator,
        folder: Path,
        progress: Progress | None,
    ) -> list[Reply]:
        say = progress or _silent
        await say(esc(t._("Analysing {filename}…", filename=upload.filename)))
        path = folder / ("upload" + Path(upload.filename).suffix.lower())
        started = time.perf_counter()
        try:
            await upload.fetch(path)
        except Exception as error:  # the network or Telegram failed, not the seller's file
            log.warning("chat %s: download failed with %s", chat.chat_id, type(error).__name__)
            if problem := storage_problem(error):
                return [Reply(esc(storage_problem_text(problem, t)))]
            return [
                Reply(
                    esc(
                        t._(
                            "I could not download {filename}. Please send it again.",
                            filename=upload.filename,
                        )
                    )
                )
            ]
        try:
            if self._analysis_slots.locked():
                await say(esc(t._("Other files are being analysed; yours is next in line…")))
            async with self._analysis_slots:
                report, table = await self._work(path, as_of, upload.filename, started, t, say)
        except FileRejected as error:
            log.info("chat %s: file rejected (%s)", chat.chat_id, error.code)
            await say(esc(t._("I could not read {filename}.", filename=upload.filename)))
            return [Reply(render_file_error(error, t, html=True))]
        except Exception as error:  # an unreadable file must not take the bot down
            log.warning("chat %s: analysis failed with %s", chat.chat_id, type(error).__name__)
            await say(esc(t._("I could not read {filename}.", filename=upload.filename)))
            if problem := storage_problem(error):  # the disk filled up with a big file's parts
                return [Reply(esc(storage_problem_text(problem, t)))]
            return [
                Reply(
                    esc(
                        t._(
                            "Something in this file stopped me from reading it. "
                            "Export it again as CSV or XLSX, or send /help."
                        )
                    )
                )
            ]
        try:
            stored = await self.store.merge_shipment_rows(chat.chat_id, table.record_batches())
            await self.store.save_report(chat.chat_id, report)
        except (sqlite3.OperationalError, OSError) as error:
            problem = storage_problem(error)
            if problem is None:
                raise
            log.error("chat %s: storage %s, upload not saved", chat.chat_id, problem)
            await say(esc(t._("I could not save {filename}.", filename=upload.filename)))
            return [Reply(esc(storage_problem_text(problem, t)))]
        log.info(
            "chat %s: analysed %s shipments in %.2f s",
            chat.chat_id,
            stored,
            time.perf_counter() - started,
        )
        await say(esc(t._("Done: {filename} analysed.", filename=upload.filename)))
        return self._report_replies(report, t)

    async def _work(
        self,
        path: Path,
        as_of: date | None,
        filename: str,
        started: float,
        t: Translator,
        say: Progress,
    ) -> tuple[VtrReport, Shipments]:
        """The analysis in a worker thread, with a progress line every few seconds. A big
        file's parts are spilled beside it, in the upload's own folder, until merged."""
        work = asyncio.ensure_future(
            asyncio.to_thread(analyse_file, path, as_of, self.max_upload_bytes, path.parent)
        )
        await say(esc(t._("Analysing {filename}…", filename=filename)))
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

    def _report_replies(self, report: VtrReport, t: Translator) -> list[Reply]:
        follow_up = (
            (
                Button(t._("Trend chart"), "chart:show"),
                Button(t._("Daily alerts"), "alerts:show"),
            ),
        )
        replies = _pack(render_report(report, t, html=True), follow_up)
        if report.defects:
            with tempfile.TemporaryDirectory(prefix="vtrbot-") as folder:
                path = Path(folder) / "defects.csv"
                write_defects_csv(report, path, defect_file_labels(t))
                data = path.read_bytes()
            filename = t._("vtr-defects-{date}.csv", date=report.as_of.isoformat())
            caption = t.ngettext(
                "{count} shipment to fix: open this file in Excel.",
                "{count} shipments to fix: open this file in Excel.",
                len(report.defects),
            )
            replies.append(Reply(esc(caption), document=Document(filename, data)))
        return replies


def storage_problem_text(problem: StorageProblem, t: Translator) -> str:
    if problem == "locked":
        return t._(
            "My database is busy right now, so nothing was saved. Please try again in a minute."
        )
    return t._(
        "My storage is full, so nothing was saved and your earlier data is unchanged. "
        "Please try again later; the bot's operator needs to free disk space."
    )


SCRATCH_PREFIX = "vtrbot-upload-"
STALE_SCRATCH_SECONDS = 24 * 3600
"""A scratch folder this old was left by a process killed mid-upload: nothing uses it."""


def _scratch_beside(store: Store) -> Path | None:
    if str(store.path) == ":memory:":
        return None  # the system's temporary folder
    return store.path.parent / "scratch"


def _fresh_scratch(folder: Path | None) -> Path | None:
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


async def _silent(text: str) -> None:
    return None


def _pack(html_text: str, buttons: tuple[tuple[Button, ...], ...] = ()) -> list[Reply]:
    """Split long HTML into messages; buttons go on the last one."""
    parts = split_html(html_text)
    replies = [Reply(part) for part in parts[:-1]]
    replies.append(Reply(parts[-1], buttons=buttons))
    return replies
