"""Connected Amazon stores synced on PTB's JobQueue, every VTRBOT_SPAPI_SYNC_MINUTES.

Incremental syncs are cheap (one `searchOrders` call when nothing changed; the performance
report once a day), so an hourly pass keeps every chat's data at most an hour old whenever
its daily alert runs. A chat whose authorization was just revoked is told at once.

Every replica runs the job; each chat is synced by one of them per interval (see
`AmazonSync`), and only the replica that synced it tells the chat to reconnect.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram.error import TelegramError

from bot.adapters.telegram.context import VtrContext, VtrJobQueue
from bot.adapters.telegram.handlers import send_replies
from bot.bootstrap import Services
from bot.services.amazon.text import sync_notice
from bot.services.i18n import chat_lang, translator
from bot.services.lines import say

log = logging.getLogger(__name__)
JOB_NAME = "amazon-sync"


def schedule_amazon_sync(job_queue: VtrJobQueue, services: Services) -> bool:
    """One repeating job for every connected store; none when Amazon is not configured."""
    if services.amazon.sync is None:
        return False
    interval = services.settings.amazon.sync_minutes * 60
    job_queue.run_repeating(amazon_sync, interval=interval, first=interval, name=JOB_NAME)
    return True


async def amazon_sync(context: VtrContext) -> None:
    services = context.bot_data.services
    every = timedelta(minutes=services.settings.amazon.sync_minutes)
    outcomes = await services.amazon.sync_now(every=every)
    for outcome in outcomes:
        if outcome.status == "revoked":  # "key_changed" is the operator's to fix
            await _tell_to_reconnect(context, services, outcome.chat_id)
    log.info("Amazon sync: %s", ", ".join(f"{o.chat_id}={o.status}" for o in outcomes) or "none")


async def _tell_to_reconnect(context: VtrContext, services: Services, chat_id: int) -> None:
    stored = await services.store.get_lang(chat_id)
    t = translator(chat_lang(stored, None, services.settings.default_lang))
    try:
        await send_replies(context.bot, chat_id, say(sync_notice("revoked", None, None, t)))
    except TelegramError as error:
        log.info(
            "chat %s: could not say Amazon needs a reconnect: %s", chat_id, type(error).__name__
        )
