"""Composition root of the Telegram bot: settings in, a ready `Application` out.

The store is opened in `post_init` (inside the bot's event loop) and closed in
`post_shutdown`; command menus are set per language there too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    ApplicationBuilder,
    ApplicationHandlerStop,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.adapters.telegram.amazon_jobs import schedule_amazon_sync
from bot.adapters.telegram.context import BotData, VtrApplication, VtrContext
from bot.adapters.telegram.errors import on_error
from bot.adapters.telegram.handlers import (
    on_button,
    on_command,
    on_document,
    on_photo,
    on_text,
)
from bot.adapters.telegram.jobs import JobQueueScheduler, schedule_sweep
from bot.adapters.telegram.requests import bot_request, rate_limiter
from bot.adapters.telegram.updates import PerChatUpdates, within_deadline
from bot.adapters.telegram.webhook import harden_webhook_server
from bot.bootstrap import build_services
from bot.domain.knowledge import KnowledgeBase
from bot.healthcheck import HEARTBEAT_SECONDS, beat, beat_if_store_answers
from bot.services.alerting import Clock, utc_now
from bot.services.core import COMMANDS, command_menu
from bot.services.i18n import SUPPORTED_LANGS, translator
from bot.settings import Settings

log = logging.getLogger(__name__)


class MissingTokenError(RuntimeError):
    """`vtrbot run` needs TELEGRAM_BOT_TOKEN."""


NEW_MESSAGES = filters.UpdateType.MESSAGE


def handlers() -> list[BaseHandler[Any, VtrContext, Any]]:
    """Every handler, in the order they are tried (all in group 0: the first match wins)."""
    return [
        # The core's commands first, then any other /command (the core answers unknown ones).
        # Edited messages are not new requests: an edited caption must not re-run an analysis.
        CommandHandler(list(COMMANDS), within_deadline(on_command), filters=NEW_MESSAGES),
        MessageHandler(NEW_MESSAGES & filters.COMMAND, within_deadline(on_command)),
        # Files run off the update (block=False): the chat's next message is answered meanwhile.
        MessageHandler(NEW_MESSAGES & filters.Document.ALL, on_document, block=False),
        MessageHandler(NEW_MESSAGES & filters.TEXT & ~filters.COMMAND, within_deadline(on_text)),
        MessageHandler(NEW_MESSAGES & filters.PHOTO & filters.CAPTION, within_deadline(on_photo)),
        CallbackQueryHandler(within_deadline(on_button)),
    ]


async def _heartbeat(context: VtrContext) -> None:
    """Touch the heartbeat file the container's health check reads, once the store answered."""
    assert context.job is not None
    data_dir = context.job.data
    assert isinstance(data_dir, Path)  # _post_init gives the job the data folder
    await beat_if_store_answers(data_dir, context.bot_data.services.store.ping)


async def _post_init(application: VtrApplication) -> None:
    services = application.bot_data.services
    await services.open()
    data_dir = services.settings.data_dir
    beat(data_dir)  # healthy from the start; jobs added before start() first run one interval on
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        _heartbeat, interval=HEARTBEAT_SECONDS, name="heartbeat", data=data_dir
    )
    scheduled = await services.alerts.schedule_all()
    log.info("daily alerts scheduled for %s chats", scheduled)
    schedule_sweep(application.job_queue, services.settings.scale_out.alert_sweep_seconds)
    if schedule_amazon_sync(application.job_queue, services):
        log.info("Amazon sync every %s minutes", services.settings.amazon.sync_minutes)
    for lang in SUPPORTED_LANGS:
        await application.bot.set_my_commands(
            commands=command_menu(translator(lang)), language_code=lang
        )
    # Users whose client language we do not speak get the default language's menu.
    await application.bot.set_my_commands(
        commands=command_menu(translator(services.settings.default_lang))
    )


async def _post_shutdown(application: VtrApplication) -> None:
    services = application.bot_data.services
    await services.close()


def _only_chats(
    allowed: frozenset[int],
) -> Callable[[Update, VtrContext], Coroutine[Any, Any, None]]:
    """Private deployments: updates from other chats stop here, before any handler."""

    async def guard(update: Update, context: VtrContext) -> None:
        chat = update.effective_chat
        if chat is None or chat.id not in allowed:
            raise ApplicationHandlerStop

    return guard


def build_application(
    settings: Settings, kb: KnowledgeBase | None = None, clock: Clock = utc_now
) -> VtrApplication:
    """The bot, wired: handlers, error handler, store and core; not yet started."""
    telegram, shared = settings.telegram, settings.scale_out.database_url
    if telegram.token is None:
        raise MissingTokenError("TELEGRAM_BOT_TOKEN is not set")
    harden_webhook_server()  # before any webhook server is made: see webhook.py
    database_url = shared.get_secret_value() if shared else None
    application = (
        ApplicationBuilder()
        .token(telegram.token.get_secret_value())
        .base_url(telegram.base_url)
        .base_file_url(telegram.base_file_url)
        .local_mode(telegram.local_mode)
        # 5xx, timeouts and dropped connections retried with backoff; 429s waited out.
        .request(bot_request())
        # With PostgreSQL, one limit for the token shared by every replica.
        .rate_limiter(rate_limiter(database_url=database_url))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .context_types(ContextTypes(context=VtrContext, bot_data=BotData))
        # Chats at the same time, each chat's updates in order: no chat waits for another.
        .concurrent_updates(PerChatUpdates())
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .build()
    )
    assert application.job_queue is not None
    application.bot_data.services = build_services(
        settings, kb=kb, scheduler=JobQueueScheduler(application.job_queue), clock=clock
    )
    if settings.telegram.allowed_chats:
        guard: TypeHandler[Update, VtrContext, None] = TypeHandler(
            Update, _only_chats(settings.telegram.allowed_chats)
        )
        application.add_handler(guard, group=-1)
    application.add_handlers(handlers())
    application.add_error_handler(on_error)
    return application
