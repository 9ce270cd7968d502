"""The conversation core: what a user did, routed to the flow that answers it. No Telegram.

Both adapters (the Telegram bot and `vtrbot chat`) turn an update into one call —
`handle_text`, `handle_command`, `handle_button`, `handle_upload` (or `handle_file` for a
local path) — and send back the `Reply`s they get. The language of the reply is decided
here, once per update; the flows themselves live in their own modules:

- questions: `bot.services.questions`
- uploads and the report: `bot.services.uploads`, `bot.services.report_replies`
- alert settings: `bot.services.alert_settings` (the jobs: `bot.services.alerting`)
- the trend chart: `bot.services.charts`; deleting a chat's data: `bot.services.forgetting`
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.services import buttons
from bot.services.alert_settings import AlertSettings
from bot.services.amazon.conversation import ConnectConversation
from bot.services.amazon.fix_conversation import FixConversation
from bot.services.amazon.repository import AmazonRepository
from bot.services.amazon.tokens import holds_secret
from bot.services.charts import chart_replies
from bot.services.dates import parse_date
from bot.services.forgetting import Forgetting
from bot.services.i18n import Lang, Translator, chat_lang, spoken_lang, translator
from bot.services.lines import esc, say
from bot.services.questions import QuestionService, example_questions
from bot.services.replies import ChatRef, Progress, Reply, Upload, pack
from bot.services.store import Store
from bot.services.uploads import UploadService

LANGUAGE_NAMES: dict[Lang, str] = {"zh": "中文", "en": "English"}


class Core:
    """Routes each user action to its flow, in the chat's language."""

    def __init__(
        self,
        store: Store,
        *,
        questions: QuestionService,
        uploads: UploadService,
        alert_settings: AlertSettings,
        forgetting: Forgetting,
        connect: ConnectConversation,
        amazon: AmazonRepository | None = None,
        fixes: FixConversation | None = None,
        default_lang: Lang,
    ) -> None:
        self.store = store
        self.questions = questions
        self.uploads = uploads
        self.alert_settings = alert_settings
        self.forgetting = forgetting
        self.connect = connect
        self.amazon = amazon
        """A connected store's daily official figures, drawn on /chart."""
        self.fixes = fixes
        """Fixing a connected store's packages from the chat (/fix, /fixes, its buttons)."""
        self.default_lang: Lang = default_lang

    # -- language ----------------------------------------------------------------------------

    async def lang_of(self, chat: ChatRef) -> Lang:
        """The chat's chosen language, else its client's, else the configured default."""
        stored = await self.store.get_lang(chat.chat_id)
        return chat_lang(stored, chat.language_code, self.default_lang)

    async def translator_for(self, chat: ChatRef) -> Translator:
        return translator(await self.lang_of(chat))

    # -- entry points ------------------------------------------------------------------------

    async def handle_text(self, chat: ChatRef, text: str) -> list[Reply]:
        """A free-text message: an answer to /connect's question, else a question for the
        knowledge base."""
        t = await self.translator_for(chat)
        answered = await self.connect.on_text(chat, t, text)
        if answered is not None:
            return answered
        if holds_secret(text):
            return say(t._("I deleted your message: it held what looks like an Amazon token. "
                           "Never post one in a chat; to connect your store, send /connect "
                           "in a private chat with me."))  # fmt: skip
        if self.fixes is not None and await self.fixes.awaiting_number(chat.chat_id):
            return await self.fixes.on_text(chat, t, text)
        return await self.questions.ask_in_chat(chat.chat_id, text, t)

    async def handle_caption(self, chat: ChatRef, caption: str) -> list[Reply]:
        """A photo's caption: the number a fix waits for (no OCR: the caption is enough);
        any other photo gets no answer."""
        if self.fixes is None or not await self.fixes.awaiting_number(chat.chat_id):
            return []
        return await self.fixes.on_text(chat, await self.translator_for(chat), caption)

    async def wants_secret(self, chat_id: int, text: str = "") -> bool:
        """The message must not stay in the chat: it holds something token-shaped, or it
        is the chat's answer to /connect's token question. The adapter deletes it as soon
        as it has read it."""
        return holds_secret(text) or await self.connect.wants_secret(chat_id)

    async def handle_command(
        self, chat: ChatRef, name: str, args: Sequence[str] = ()
    ) -> list[Reply]:
        """A /command with its arguments (`name` without the slash or @botname)."""
        t = await self.translator_for(chat)
        command = _BY_NAME.get(name.lower().lstrip("/").split("@", 1)[0])
        if command is None:
            return say(t._("I don't know that command. Send /help to see what I can do."))
        return await command.run(self, chat, t, args)

    async def handle_button(self, chat: ChatRef, data: str) -> list[Reply]:
        """An inline button was pressed; `data` is what `Button.data` held (maybe forged)."""
        action = buttons.decode(data)
        if isinstance(action, buttons.ChooseLang):
            return await self._set_lang(chat, action.lang)
        t = await self.translator_for(chat)
        if isinstance(
            action, buttons.FixPackage | buttons.FixConfirm | buttons.FixCancel | buttons.FixList
        ):
            fixed = await self.fixes.on_button(chat, t, action) if self.fixes else None
            return fixed or say(t._("This button no longer works. Send /help to start again."))
        replies = await self._on_button(chat.chat_id, t, action)
        if replies is None:
            return say(t._("This button no longer works. Send /help to start again."))
        return replies

    async def _on_button(
        self, chat_id: int, t: Translator, action: buttons.Action | None
    ) -> list[Reply] | None:
        match action:
            case buttons.AlertTime() | buttons.AlertZone() | buttons.AlertDigest():
                return await self.alert_settings.on_button(chat_id, t, action)
            case buttons.ShowChart():
                return await chart_replies(self.store, chat_id, t, self.amazon)
            case buttons.ShowAlerts():
                return await self.alert_settings.show(chat_id, t, ())
            case buttons.Forget(confirmed):
                return await self.forgetting.forget(chat_id, t, confirmed)
            case buttons.AskExample(index):
                return self.questions.example(index, t)
            case buttons.ShowTopic(entry_id):
                return self.questions.topic(entry_id, t)
        return None

    async def handle_upload(
        self, chat: ChatRef, upload: Upload, progress: Progress | None = None
    ) -> list[Reply]:
        """A document: the defect file sent back with fixes filled in (see
        `FixConversation`), else an order or shipment file for `UploadService.handle`."""
        if self.fixes is not None:
            handled = await self.fixes.defect_file_or_upload(
                chat, await self.translator_for(chat), upload
            )
            if not isinstance(handled, Upload):
                return handled
            upload = handled
        return await self.uploads.handle(chat.chat_id, upload, self.translator_for(chat), progress)

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

    # -- commands ----------------------------------------------------------------------------

    async def _start(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        hello = t._(
            "Hello! I help self-fulfilled Amazon sellers keep their Valid Tracking Rate above 95%."
        )
        offer = t._(
            "Send me an order or shipment file (CSV, TXT or XLSX, up to {limit} MB) "
            "and I will compute your VTR per category, list the shipments to fix "
            "and tell you when each category is back above the bar.",
            limit=t.number(self.uploads.limit_mb),
        )
        text = "\n\n".join(
            [
                f"<b>{esc(hello)}</b>",
                esc(offer),
                esc(t._("Or ask me a question about VTR, for example:")),
            ]
        )
        examples = tuple(
            (buttons.button(question, buttons.AskExample(index)),)
            for index, question in enumerate(example_questions(t))
        )
        return pack(text, examples)

    async def _help(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        lines = [f"/{command} — {esc(description)}" for command, description in command_menu(t)]
        how = [
            t._(
                "Send a file as a document: I reply with the VTR report and a file of the shipments to fix."
            ),
            t._("A date in the file's caption (YYYY-MM-DD) sets the report date for that file."),
            t._("Type a question in Chinese or English and I answer from my knowledge base."),
        ]
        text = "\n".join(
            ["<b>" + esc(t._("What I can do")) + "</b>", "", *map(esc, how), "", *lines]
        )
        return pack(text)

    async def _lang(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        chosen = spoken_lang(args[0]) if args else None
        if chosen is not None:
            return await self._set_lang(chat, chosen)
        choices = (
            tuple(
                buttons.button(label, buttons.ChooseLang(code))
                for code, label in LANGUAGE_NAMES.items()
            ),
        )
        return pack(esc(t._("Choose your language:")), choices)

    async def _set_lang(self, chat: ChatRef, lang: Lang) -> list[Reply]:
        await self.store.set_lang(chat.chat_id, lang)
        return say(translator(lang)._("I will speak English with you from now on."))

    async def _vtr(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        report = await self.store.last_report_json(chat.chat_id)  # parsed where it is built
        if report is None and self.amazon and await self.amazon.connection(chat.chat_id):
            text = t._(
                "Your Amazon store is connected, but its first sync has not finished yet. "
                "Send /vtr again in a few minutes."
            )
            return [Reply(esc(text))]
        if report is None:
            return say(t._("No report yet. Send me an order or shipment file first."))
        replies = await self.uploads.reports.build(chat.chat_id, report, t)
        if self.fixes is not None:
            replies += await self.fixes.offer_after_report(chat, t)
        return replies

    async def _as_of(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        if not args:
            return say(await self._current_as_of(chat.chat_id, t))
        if args[0].lower() in ("clear", "reset", "清除"):
            await self.store.set_as_of(chat.chat_id, None)
            return say(t._("Reports will end on the latest ship date in your file."))
        as_of = parse_date(args[0])
        if as_of is None:
            text = t._("I could not read that date. Use the form YYYY-MM-DD, e.g. 2026-11-20.")
            return say(text)
        await self.store.set_as_of(chat.chat_id, as_of)
        return say(t._("Reports will end on {date}. Send your file.", date=t.date(as_of)))

    async def _current_as_of(self, chat_id: int, t: Translator) -> str:
        current = await self.store.get_as_of(chat_id)
        if current is None:
            return t._(
                "Reports end on the latest ship date in your file. "
                "Send /as_of YYYY-MM-DD to choose a date."
            )
        return t._(
            "Reports end on {date}. Send /as_of clear to go back to the latest ship date.",
            date=t.date(current),
        )

    async def _forget(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        return self.forgetting.prompt(t)

    async def _fix(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        if self.fixes is None:
            return say(
                t._("Fixing from the chat works for a connected store: send /connect first.")
            )
        return await self.fixes.list_fixable(chat, t, args)

    async def _fixes(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        if self.fixes is None:
            return say(t._("No fix has been sent from this chat."))
        return await self.fixes.history(chat, t, args)


@dataclass(frozen=True)
class Command:
    """One /command: its name, the line Telegram's menu shows for it, and what runs it."""

    name: str
    describe: Callable[[Translator], str]
    run: Callable[[Core, ChatRef, Translator, Sequence[str]], Awaitable[list[Reply]]]


COMMAND_TABLE: tuple[Command, ...] = (
    Command("start", lambda t: t._("What this bot does"), Core._start),
    Command("help", lambda t: t._("Commands and how to send a file"), Core._help),
    Command("vtr", lambda t: t._("Show my last VTR report again"), Core._vtr),
    Command("as_of", lambda t: t._("Set the report date, e.g. /as_of 2026-11-20"), Core._as_of),
    Command(
        "chart",
        lambda t: t._("Daily VTR of the last 30 days as a chart"),
        lambda core, chat, t, args: chart_replies(core.store, chat.chat_id, t, core.amazon),
    ),
    Command(
        "subscribe",
        lambda t: t._("Daily alert, e.g. /subscribe 09:00 Asia/Shanghai"),
        lambda core, chat, t, args: core.alert_settings.subscribe(chat.chat_id, t, args),
    ),
    Command(
        "alerts",
        lambda t: t._("Show or change my daily alert"),
        lambda core, chat, t, args: core.alert_settings.show(chat.chat_id, t, args),
    ),
    Command(
        "unsubscribe",
        lambda t: t._("Stop the daily alert"),
        lambda core, chat, t, args: core.alert_settings.unsubscribe(chat.chat_id, t),
    ),
    Command(
        "connect",
        lambda t: t._("Connect my Amazon store: data arrives daily by itself"),
        lambda core, chat, t, args: core.connect.start(chat, t, args),
    ),
    Command(
        "disconnect",
        lambda t: t._("Disconnect my Amazon store"),
        lambda core, chat, t, args: core.connect.disconnect(chat, t, args),
    ),
    Command(
        "categories",
        lambda t: t._("Amazon's categories or my own for synced orders"),
        lambda core, chat, t, args: core.connect.categories(chat, t, args),
    ),
    Command(
        "fix",
        lambda t: t._("Fix a connected store's package: sent to Amazon after you confirm"),
        lambda core, chat, t, args: core._fix(chat, t, args),
    ),
    Command(
        "fixes",
        lambda t: t._("The fixes sent to Amazon from this chat"),
        lambda core, chat, t, args: core._fixes(chat, t, args),
    ),
    Command("forget", lambda t: t._("Delete everything stored about this chat"), Core._forget),
    Command("lang", lambda t: t._("Switch language: 中文 / English"), Core._lang),
)
"""Every command, in the order Telegram's menu and /help list them: the menu, the dispatch
and the adapters' registration all read this one table."""

_BY_NAME = {command.name: command for command in COMMAND_TABLE}
COMMANDS: tuple[str, ...] = tuple(_BY_NAME)
"""Every command the core answers (the Telegram adapter registers these)."""


def command_menu(t: Translator) -> list[tuple[str, str]]:
    """The command list Telegram shows, in one language: (command, description)."""
    return [(command.name, command.describe(t)) for command in COMMAND_TABLE]
