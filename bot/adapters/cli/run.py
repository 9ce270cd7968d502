"""`vtrbot run`: the Telegram bot, polling for updates until stopped (Ctrl-C)."""

from __future__ import annotations

import argparse
import logging
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--log-level", default="INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR")
    )


def run(args: argparse.Namespace) -> int:
    from bot.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"vtrbot run: invalid settings:\n{error}", file=sys.stderr)
        return 2
    if settings.telegram_bot_token is None:
        print(
            "vtrbot run: TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather and "
            "put it in the environment or in .env (try `vtrbot chat` meanwhile: no token needed).",
            file=sys.stderr,
        )
        return 2
    logging.basicConfig(
        level=args.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # httpx logs every request URL, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)

    from telegram import Update

    from bot.adapters.telegram.app import build_application

    application = build_application(settings)
    logging.getLogger(__name__).info(
        "starting: data in %s, default language %s", settings.data_dir, settings.default_lang
    )
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
