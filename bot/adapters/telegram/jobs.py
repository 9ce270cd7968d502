"""Daily alerts on PTB's JobQueue: one job per subscribed chat, named by its chat id, at the
chat's local time (APScheduler's cron trigger keeps the wall-clock time across DST), and a
repeating sweep that finishes any chat whose alert time passed with its day undecided."""

from __future__ import annotations

import asyncio
import logging
from zoneinfo import ZoneInfo

from telegram import Bot
from telegram.error import Forbidden, RetryAfter

from bot.adapters.telegram.context import VtrContext, VtrJobQueue
from bot.adapters.telegram.handlers import send_replies
from bot.adapters.telegram.requests import retry_after_seconds
from bot.domain.alerts import Subscription
from bot.services.alerting import ChatUnreachableError, Deliver
from bot.services.replies import Reply

log = logging.getLogger(__name__)
FIRST_SWEEP_SECONDS = 5
"""After a restart, missed alerts of the day are sent this soon (the first sweep)."""
SWEEP_JOB = "alert-sweep"


def job_name(chat_id: int) -> str:
    return f"alert:{chat_id}"


class JobQueueScheduler:
    """The core's `Scheduler` for Telegram: (re)places a chat's daily job, never doubling it."""

    def __init__(self, job_queue: VtrJobQueue) -> None:
        self.job_queue = job_queue

    def schedule(self, subscription: Subscription) -> None:
        self.cancel(subscription.chat_id)
        at = subscription.at.replace(tzinfo=ZoneInfo(subscription.timezone))
        self.job_queue.run_daily(
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
    """Send one part of an alert; a chat that blocked the bot is unreachable; flood control
    is waited out."""

    async def deliver(chat_id: int, part: Reply) -> None:
        try:
            await _send(bot, chat_id, part)
        except Forbidden as error:
            raise ChatUnreachableError(str(chat_id)) from error
        except RetryAfter as error:
            await asyncio.sleep(retry_after_seconds(error))
            await _send(bot, chat_id, part)

    return deliver


async def _send(bot: Bot, chat_id: int, part: Reply) -> None:
    await send_replies(bot, chat_id, [part])


async def daily_alert(context: VtrContext) -> None:
    """The job: today's pass for one chat."""
    assert context.job is not None
    chat_id = context.job.data
    assert isinstance(chat_id, int)  # JobQueueScheduler.schedule gives the job its chat
    outcome = await context.alerts.run_pass(telegram_delivery(context.bot), chat_id=chat_id)
    log.info("daily alert for chat %s: %s", chat_id, outcome.get(chat_id))


def schedule_sweep(job_queue: VtrJobQueue, every_seconds: float) -> None:
    """The sweep on every replica: first soon after start (a restart's catch-up), then
    every `every_seconds`. A sweep still running when the next is due makes it skip."""
    job_queue.run_repeating(
        sweep, interval=every_seconds, first=FIRST_SWEEP_SECONDS, name=SWEEP_JOB
    )


async def sweep(context: VtrContext) -> None:
    """The chats whose alert time passed today with their day undecided, finished here."""
    outcomes = await context.alerts.sweep(telegram_delivery(context.bot))
    if outcomes:
        log.info("alert sweep: %s", ", ".join(f"{c}={o}" for c, o in outcomes.items())[:2000])
