"""`vtrbot alerts --now [--chat ID]`: the daily alert pass, once, for operators and tests.

With TELEGRAM_BOT_TOKEN set, alerts go to the chats on Telegram (as the daily job would
send them); with `--print`, or without a token, they are printed here and the charts saved.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI imports what a command needs only when it runs
    from bot.services.alerting import Deliver, Outcome
    from bot.settings import Settings


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--now", action="store_true", required=True, help="run the pass now")
    parser.add_argument("--chat", type=int, help="only this chat (default: every subscribed chat)")
    parser.add_argument(
        "--print", action="store_true", help="print alerts here instead of sending them"
    )
    parser.add_argument(
        "--out-dir", type=Path, default=Path("vtrbot-files"), help="where printed charts go"
    )


def run(args: argparse.Namespace) -> int:
    from bot.adapters.cli import settings_or_report

    settings = settings_or_report("alerts")
    if settings is None:
        return 2
    to_terminal = args.print or settings.telegram_bot_token is None
    from telegram.error import InvalidToken

    try:
        outcomes = asyncio.run(_pass(settings, args.chat, to_terminal, args.out_dir))
    except InvalidToken:  # its message quotes the token: never printed
        print("vtrbot alerts: Telegram rejected TELEGRAM_BOT_TOKEN", file=sys.stderr)
        return 2
    for chat_id, outcome in outcomes.items():
        print(f"chat {chat_id}: {outcome}")
    if not outcomes:
        print("no subscribed chat" + (f" with id {args.chat}" if args.chat else ""))
    return 1 if "failed" in outcomes.values() else 0


async def _pass(
    settings: Settings, chat_id: int | None, to_terminal: bool, out_dir: Path
) -> dict[int, Outcome]:
    from bot.bootstrap import build_services, opened

    async with opened(build_services(settings)) as services:
        service = services.alerts
        if to_terminal:
            return await service.run_pass(_printer(out_dir), chat_id)
        from telegram.ext import ExtBot

        from bot.adapters.telegram.jobs import telegram_delivery
        from bot.adapters.telegram.requests import bot_request, rate_limiter

        assert settings.telegram_bot_token is not None  # `to_terminal` is True without one
        token = settings.telegram_bot_token.get_secret_value()
        url = settings.database_url.get_secret_value() if settings.database_url else None
        # The running bot's limits: passes run by several replicas share one rate limit.
        async with ExtBot(
            token,
            base_url=settings.base_url,
            base_file_url=settings.base_file_url,
            request=bot_request(),
            rate_limiter=rate_limiter(database_url=url),
        ) as bot:
            return await service.run_pass(telegram_delivery(bot), chat_id)


def _printer(out_dir: Path) -> Deliver:
    from bot.adapters.cli.chat import plain, save
    from bot.services.replies import Reply

    headed: set[int] = set()

    async def deliver(chat_id: int, part: Reply) -> None:
        if chat_id not in headed:
            headed.add(chat_id)
            print(f"--- alert for chat {chat_id} ---")
        if part.image is not None:
            print(f"[chart saved: {save(part.image, out_dir)}]")
        else:
            print(plain(part.html))

    return deliver
