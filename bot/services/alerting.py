"""The daily alert pass, with no Telegram import.

For each subscribed chat: recompute the rolling window from the stored shipments as of
today in the chat's time zone, decide with `bot.domain.alerts.decide` against the last
alert sent, and deliver the text and trend chart through a callback the adapter provides
(Telegram, or the terminal). The day is claimed in the alert history before delivery,
so a restart mid-day never sends the same day's alert twice; a failed delivery releases
the claim so a later run can retry. One chat's failure never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

from bot.domain.alerts import AlertDecision, AlertSnapshot, decide
from bot.domain.models import VtrReport
from bot.domain.shipments import ShipmentTable, stored_frame
from bot.domain.trend import daily_vtr, history_start
from bot.domain.vtr import compute_report
from bot.services.alert_text import render_alert
from bot.services.charts import chart_categories, render_trend_png
from bot.services.i18n import Lang, Translator, translator
from bot.services.replies import Document, Reply
from bot.services.store import Store, Subscription
from bot.services.text_split import split_html

log = logging.getLogger(__name__)

Outcome = Literal["sent", "quiet", "already_sent", "unreachable", "failed"]
Clock = Callable[[], datetime]


class ChatUnreachableError(Exception):
    """The chat can no longer be messaged (it blocked the bot): stop its alerts."""


class Scheduler(Protocol):
    """How an adapter runs a chat's daily alert at its local time (JobQueue for Telegram)."""

    def schedule(self, subscription: Subscription) -> None: ...

    def cancel(self, chat_id: int) -> None: ...


class NoScheduler:
    """For adapters without a clock of their own (the terminal): alerts run on request."""

    def schedule(self, subscription: Subscription) -> None:
        return None

    def cancel(self, chat_id: int) -> None:
        return None


@dataclass(frozen=True)
class AlertMessage:
    """What one chat is sent: the text (split for Telegram) and the trend chart."""

    chat_id: int
    replies: list[Reply]
    chart: Document | None


Deliver = Callable[[AlertMessage], Awaitable[None]]


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_today(now: datetime, timezone: str) -> date:
    return now.astimezone(ZoneInfo(timezone)).date()


@dataclass(frozen=True)
class _Evaluation:
    today: date
    report: VtrReport
    decision: AlertDecision
    table: ShipmentTable


class AlertService:
    """Runs the daily pass for one chat or all of them."""

    def __init__(self, store: Store, default_lang: Lang = "zh", clock: Clock = utc_now) -> None:
        self.store = store
        self.default_lang: Lang = default_lang
        self.clock = clock

    async def run_pass(self, deliver: Deliver, chat_id: int | None = None) -> dict[int, Outcome]:
        """Every subscribed chat (or one), each isolated from the others' failures."""
        if chat_id is None:
            subscriptions = await self.store.all_subscriptions()
        else:
            one = await self.store.subscription(chat_id)
            subscriptions = [one] if one else []
        return {s.chat_id: await self.run_for(s, deliver) for s in subscriptions}

    async def run_for(self, subscription: Subscription, deliver: Deliver) -> Outcome:
        chat_id = subscription.chat_id
        try:
            return await self._run(subscription, deliver)
        except ChatUnreachableError:
            log.info("chat %s: unreachable, alerts stopped", chat_id)
            await self.store.unsubscribe(chat_id)
            return "unreachable"
        except Exception as error:  # one chat's failure must not stop the pass
            log.warning("chat %s: alert failed with %s", chat_id, type(error).__name__)
            return "failed"

    async def _run(self, subscription: Subscription, deliver: Deliver) -> Outcome:
        chat_id = subscription.chat_id
        today = local_today(self.clock(), subscription.timezone)
        if await self.store.alert_sent_for(chat_id, today):
            return "already_sent"
        evaluation = await self.evaluate(subscription, today)
        if not evaluation.decision.send:
            return "quiet"
        t = translator(await self.store.get_lang(chat_id) or self.default_lang)
        message = await asyncio.to_thread(self._compose, chat_id, evaluation, t)
        decision = evaluation.decision
        claim = await self.store.claim_alert(
            chat_id, today, decision.triggers or ["digest"], decision.snapshot.model_dump_json()
        )
        if claim is None:
            return "already_sent"
        try:
            await deliver(message)
        except BaseException:
            await self.store.release_alert(chat_id, claim)
            raise
        return "sent"

    async def evaluate(self, subscription: Subscription, today: date) -> _Evaluation:
        """Today's report and decision from the stored shipments (nothing new invented)."""
        chat_id = subscription.chat_id
        table = await stored_history(self.store, chat_id, today)
        report = await asyncio.to_thread(compute_report, table, today)
        newest = await self.store.newest_ship_date(chat_id)
        previous = await self._previous_snapshot(chat_id)
        decision = decide(report, previous, newest, today, digest=subscription.digest)
        return _Evaluation(today, report, decision, table)

    async def _previous_snapshot(self, chat_id: int) -> AlertSnapshot | None:
        history = await self.store.alert_history(chat_id, limit=1)
        if not history:
            return None
        return AlertSnapshot.model_validate_json(history[0].snapshot_json)

    @staticmethod
    def _compose(chat_id: int, evaluation: _Evaluation, t: Translator) -> AlertMessage:
        """Text and chart, built in a worker thread (matplotlib is slow)."""
        report, decision = evaluation.report, evaluation.decision
        text = render_alert(decision, report, t, html=True)
        replies = [Reply(part) for part in split_html(text)]
        chart = None
        if report.overall.shipments:
            series = daily_vtr(evaluation.table, evaluation.today)
            png = render_trend_png(series, chart_categories(report, decision), t)
            chart = Document(f"vtr-{evaluation.today.isoformat()}.png", png)
        return AlertMessage(chat_id, replies, chart)


async def stored_history(store: Store, chat_id: int, end: date) -> ShipmentTable:
    """The chat's stored shipments that the report as of `end` and its trend chart count,
    built into columns batch by batch off the event loop: a chat that uploaded a million
    orders costs its columns (~0.15 KB a shipment), not a million record objects."""
    parts = [
        await asyncio.to_thread(stored_frame, rows)
        async for rows in store.shipment_rows(chat_id, since=history_start(end))
    ]
    return await asyncio.to_thread(ShipmentTable.from_stored, parts)
