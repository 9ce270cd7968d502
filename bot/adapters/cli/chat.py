"""`vtrbot chat`: the bot in a terminal, over the same conversation core, no token needed.

Type a question, a /command, or `/upload PATH [YYYY-MM-DD]`; buttons are listed with numbers
and pressed by typing the number; `/quit` or `/exit` leaves. Reads stdin until EOF, so it can
be driven by a pipe. The language is `--lang`, else the terminal's locale (LC_ALL, LC_MESSAGES,
LANG), else the bot's default.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import re
import shlex
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from bot.services.core import Core
    from bot.services.replies import Button, ChatRef, Document, Reply
    from bot.settings import Settings

TERMINAL_CHAT_ID = 1
_TAG = re.compile(r"<[^>]+>")
LEAVE_COMMANDS = frozenset({"/quit", "/exit"})


def locale_lang(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """zh or en from the terminal's locale (zh_CN.UTF-8 → zh), as POSIX orders the variables."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").lower()
        if value and value not in ("c", "posix", "c.utf-8"):
            return "zh" if value.startswith("zh") else "en" if value.startswith("en") else None
    return None


def configure(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--data-dir", type=Path, help="keep chat data here (default: forgotten on exit)"
    )
    where.add_argument(
        "--persist",
        action="store_true",
        help="keep chat data where the bot keeps it (VTRBOT_DATA_DIR or the user data folder)",
    )
    parser.add_argument(
        "--lang", choices=("zh", "en"), help="your language (default: VTRBOT_DEFAULT_LANG)"
    )
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=Path("vtrbot-files"),
        help="where files the bot sends are saved (default: ./vtrbot-files)",
    )


def save(attachment: Document, out_dir: Path) -> Path:
    """A file the bot sent (defect CSV, chart PNG), written where the user can open it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / attachment.filename
    target.write_bytes(attachment.data)
    return target


def plain(html_text: str) -> str:
    """HTML as terminal text: tags dropped, entities decoded."""
    return html.unescape(_TAG.sub("", html_text))


def run(args: argparse.Namespace) -> int:
    from bot.adapters.cli import settings_or_report

    settings = settings_or_report("chat")
    if settings is None:
        return 2
    with tempfile.TemporaryDirectory(prefix="vtrbot-chat-") as scratch:
        data_dir = settings.data_dir if args.persist else args.data_dir or Path(scratch)
        chosen = {
            "data_dir": data_dir,
            "default_lang": args.lang or locale_lang() or settings.default_lang,
        }
        return asyncio.run(
            _session(settings.model_copy(update=chosen), args.out_dir, sys.stdin, sys.stdout)
        )


async def _session(settings: Settings, out_dir: Path, stdin: TextIO, stdout: TextIO) -> int:
    from bot.bootstrap import build_services, opened
    from bot.domain.knowledge import KnowledgeBase
    from bot.services.replies import ChatRef

    kb = await asyncio.to_thread(KnowledgeBase.load)
    async with opened(build_services(settings, kb=kb)) as services:
        core = services.core
        chat = ChatRef(TERMINAL_CHAT_ID, settings.default_lang, user_id=TERMINAL_CHAT_ID)
        session = _Terminal(core, chat, out_dir, stdout)
        await session.handle("/start")
        interactive = stdin.isatty()
        while True:
            if interactive:
                stdout.write("> ")
                stdout.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line or line.strip().lower() in LEAVE_COMMANDS:
                return 0
            await session.handle(line.strip())


class _Terminal:
    """One terminal conversation: turns typed lines into core calls and prints replies."""

    def __init__(self, core: Core, chat: ChatRef, out_dir: Path, stdout: TextIO) -> None:
        self.core = core
        self.chat = chat
        self.out_dir = out_dir
        self.stdout = stdout
        self.buttons: list[Button] = []

    def print(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    async def handle(self, line: str) -> None:
        if not line:
            return
        if line.isdigit() and 1 <= int(line) <= len(self.buttons):
            await self.show(
                await self.core.handle_button(self.chat, self.buttons[int(line) - 1].data)
            )
            return
        if not line.startswith("/"):
            await self.show(await self.core.handle_text(self.chat, line))
            return
        try:
            name, *args = shlex.split(line[1:])
        except ValueError:
            name, *args = line[1:].split()
        if name == "upload":
            await self.upload(args)
            return
        await self.show(await self.core.handle_command(self.chat, name, args))
        if name in ("help", "start"):
            t = await self.core.translator_for(self.chat)
            self.print(
                t._(
                    "In this terminal: /upload PATH [YYYY-MM-DD] sends a file, "
                    "/quit or /exit leaves."
                )
            )

    async def upload(self, args: list[str]) -> None:
        t = await self.core.translator_for(self.chat)
        if not args:
            self.print(t._("Usage: /upload PATH [YYYY-MM-DD]"))
            return
        path = Path(args[0]).expanduser()
        if not path.is_file():
            self.print(t._("No such file: {path}", path=str(path)))
            return

        async def progress(text: str) -> None:
            self.print(f"… {plain(text)}")

        caption = " ".join(args[1:]) or None
        await self.show(await self.core.handle_file(self.chat, path, path.name, caption, progress))

    async def show(self, replies: list[Reply]) -> None:
        t = await self.core.translator_for(self.chat)
        self.buttons = []
        for reply in replies:
            if reply.html:
                self.print(plain(reply.html))
            for attachment in (reply.image, reply.document):
                if attachment is not None:
                    saved = save(attachment, self.out_dir)
                    self.print("[" + t._("File saved: {path}", path=str(saved)) + "]")
            for row in reply.buttons:
                for button in row:
                    self.buttons.append(button)
                    self.print(f"  [{len(self.buttons)}] {button.label}")
        self.print()
