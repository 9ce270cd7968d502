"""Daily alerts on PTB's JobQueue: one job per subscribed chat, named by its chat id, at the
chat's local time (APScheduler's cron trigger keeps the wall-clock time across DST)."""

from __future__ import annotations

import asyncio
import logging
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.error import Forbidden, RetryAfter
from telegram.ext import Job, JobQueue

from bot.adapters.telegram.context import VtrContext
from bot.adapters.telegram.handlers import send_replies
from bot.domain.alerts import Subscription
from bot.services.alerting import AlertMessage, ChatUnreachableError, Deliver

log = logging.getLogger(__name__)
CATCH_UP_DELAY_SECONDS = 5
"""After a restart, missed alerts of the day are sent this soon (once the bot is up)."""


def job_name(chat_id: int) -> str:
    return f"alert:{chat_id}"


class JobQueueScheduler:
    """The core's `Scheduler` for Telegram: (re)places a chat's daily job, never doubling it."""

    def __init__(self, job_queue: JobQueue) -> None:  # type: ignore[type-arg]
        self.job_queue = job_queue

    def schedule(self, subscription: Subscription) -> Job:  # type: ignore[type-arg]
        self.cancel(subscription.chat_id)
        at = subscription.at.replace(tzinfo=ZoneInfo(subscription.timezone))
        return self.job_queue.run_daily(
            daily_alert,
            time=at,
            name=job_name(subscription.chat_id),
            chat_id=subscription.chat_id,
            data=subscription.chat_id,
        )

    def cancel(self, chat_id: int) -> None:
        for job in self.job_queue.get_jobs_by_name(job_name(chat_id)):
            job.schedule_removal()


def telegram_delivery(bot: Bot) -> Deliver:
    """Send an alert; a chat that blocked the bot is unreachable; flood control is waited out."""

    async def deliver(message: AlertMessage) -> None:
        try:
            await _send(bot, message)
        except Forbidden as error:
            raise ChatUnreachableError(str(message.chat_id)) from error
        except RetryAfter as error:
            await asyncio.sleep(_seconds(error.retry_after))
            await _send(bot, message)

    return deliver


async def _send(bot: Bot, message: AlertMessage) -> None:
    await send_replies(bot, message.chat_id, message.as_replies())


def _seconds(retry_after: object) -> float:
    return float(getattr(retry_after, "total_seconds", lambda: retry_after)())  # type: ignore[arg-type]


async def daily_alert(context: VtrContext) -> None:
    """The job: today's pass for one chat."""
    assert context.job is not None
    chat_id = context.job.data
    outcome = await context.alerts.run_pass(telegram_delivery(context.bot), chat_id=chat_id)  # type: ignore[arg-type]
    log.info("daily alert for chat %s: %s", chat_id, outcome.get(chat_id))  # type: ignore[call-overload]


async def catch_up(context: VtrContext) -> None:
    """After a restart: the alerts whose time already passed today."""
    await context.alerts.catch_up(telegram_delivery(context.bot))
