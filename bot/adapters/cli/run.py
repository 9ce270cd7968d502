"""`vtrbot run`: the Telegram bot, by long polling (default) or by webhook (`--webhook URL`)."""

from __future__ import annotations

import argparse
import logging
import secrets
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from bot.settings import Settings


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--log-level", default="INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR")
    )
    parser.add_argument(
        "--webhook",
        metavar="URL",
        help="receive updates at this public https URL instead of polling (VTRBOT_WEBHOOK_URL)",
    )
    parser.add_argument("--listen", help="address the webhook server binds (VTRBOT_WEBHOOK_LISTEN)")
    parser.add_argument(
        "--port", type=int, help="port the webhook server binds (VTRBOT_WEBHOOK_PORT)"
    )


@dataclass(frozen=True)
class WebhookOptions:
    """What `Application.run_webhook` needs. The secret token is checked on every request:
    Telegram sends it in X-Telegram-Bot-Api-Secret-Token; anything else gets 403."""

    url: str
    listen: str
    port: int
    url_path: str
    secret_token: str


def webhook_options(settings: Settings, args: argparse.Namespace) -> WebhookOptions | None:
    from bot.settings import https_webhook, listen_address_problem

    url = args.webhook or settings.webhook_url
    if not url:
        return None
    url = https_webhook(url)
    secret = settings.webhook_secret
    listen = args.listen or settings.webhook_listen
    if problem := listen_address_problem(listen):
        raise ValueError(f"--listen / VTRBOT_WEBHOOK_LISTEN: {problem}")
    return WebhookOptions(
        url=url,
        listen=listen,
        port=args.port or settings.webhook_port,
        url_path=urlsplit(url).path.lstrip("/") or "telegram",
        # Without a configured secret, a fresh one per start: PTB registers it with Telegram.
        secret_token=secret.get_secret_value() if secret else secrets.token_urlsafe(32),
    )


def run(args: argparse.Namespace) -> int:
    from bot.adapters.cli import settings_or_report

    settings = settings_or_report("run")
    if settings is None:
        return 2
    try:
        webhook = webhook_options(settings, args)
    except ValueError as error:
        print(f"vtrbot run: invalid settings:\n{error}", file=sys.stderr)
        return 2
    if settings.telegram_bot_token is None:
        print(
            "vtrbot run: TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather and "
            "put it in the environment or in .env (try `vtrbot chat` meanwhile: no token needed).",
            file=sys.stderr,
        )
        return 2
    from bot.adapters.telegram.logs import configure_logging

    secrets = [settings.telegram_bot_token.get_secret_value()]
    if webhook is not None:
        secrets.append(webhook.secret_token)
    configure_logging(args.log_level, secrets)

    from bot.settings import data_dir_problem

    if problem := data_dir_problem(settings.data_dir):
        print(f"vtrbot run: VTRBOT_DATA_DIR {problem}", file=sys.stderr)
        return 2
    return _serve(settings, webhook)


def _serve(settings: Settings, webhook: WebhookOptions | None) -> int:
    """Run until stopped; what stops the start (Telegram refusing the token, an address
    that cannot be listened on) is one line on stderr and exit code 2, never a traceback:
    PTB's own message for a refused token quotes the token."""
    from telegram import Update
    from telegram.error import InvalidToken

    from bot.adapters.telegram.app import build_application

    application = build_application(settings)
    log = logging.getLogger(__name__)
    log.info("starting: data in %s, default language %s", settings.data_dir, settings.default_lang)
    try:
        if webhook is None:
            application.run_polling(allowed_updates=Update.ALL_TYPES)
            return 0
        log.info("webhook mode on %s:%s", webhook.listen, webhook.port)
        application.run_webhook(
            listen=webhook.listen,
            port=webhook.port,
            url_path=webhook.url_path,
            webhook_url=webhook.url,
            secret_token=webhook.secret_token,
            allowed_updates=Update.ALL_TYPES,
        )
    except InvalidToken:
        print(
            "vtrbot run: the Bot API refused the token (401/404): check TELEGRAM_BOT_TOKEN "
            f"and TELEGRAM_BASE_URL ({settings.base_url})",
            file=sys.stderr,
        )
        return 2
    except OSError as error:
        where = f"{webhook.listen}:{webhook.port}" if webhook else settings.base_url
        print(f"vtrbot run: cannot start on {where}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0
