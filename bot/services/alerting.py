"""The daily alert pass, with no Telegram import.

For each subscribed chat: recompute the rolling window from the stored shipments as of
today in the chat's time zone, decide with `bot.domain.alerts.decide` against the last
alert sent, and deliver the trend chart and the text, part by part, through a callback the
adapter provides (Telegram, or the terminal). The day is claimed in the alert history,
with the parts it will be sent as, before any delivery; each part is marked "sending"
before its send and "sent" after. So whichever process finishes the day (a restart, or
another replica's sweep) sends only the parts never started, and no message twice
(docs/vtr-rules.md §7). One chat's failure never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal, Protocol
from zoneinfo import ZoneInfo

from bot.domain.alerts import AlertDecision, AlertSnapshot, Subscription, Trigger, decide
from bot.domain.amazon_alerts import OfficialTrigger
from bot.domain.models import VtrReport
from bot.domain.shipments import ShipmentTable
from bot.services.alert_text import render_alert
from bot.services.amazon.alert_part import AmazonAlertPart, amazon_alert_part
from bot.services.amazon.repository import AmazonRepository
from bot.services.charts import trend_chart
from bot.services.i18n import Lang, Translator, chat_lang, translator
from bot.services.replies import Document, Reply
from bot.services.store import Store
from bot.services.store.store import AlertPart
from bot.services.stored_report import stored_report
from bot.services.text_split import split_html

log = logging.getLogger(__name__)

Outcome = Literal["sent", "quiet", "already_sent", "unreachable", "failed"]
SentBecause = Trigger | OfficialTrigger | Literal["digest"]
"""Why a day's message was sent, as the alert history records it: what fired, or "digest"
when nothing fired but the chat asked for a message every day."""
Clock = Callable[[], datetime]
SEND_TRIES = 3
"""Tries of one alert part whose send fails (one per sweep, minutes apart): a network or
Telegram outage is ridden out, while a chat Telegram keeps refusing does not cost a send and
a slot of the bot's 30 messages a second at every sweep all day."""


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

    def as_replies(self) -> list[Reply]:
        """The chart (captionless) first, then the text."""
        picture = [Reply("", image=self.chart)] if self.chart else []
        return [*picture, *self.replies]

    def as_parts(self) -> list[AlertPart]:
        """The replies as the parts stored with the day's claim, in sending order."""
        parts = []
        for index, reply in enumerate(self.as_replies()):
            image = reply.image
            filename, data = (image.filename, image.data) if image else (None, None)
            parts.append(AlertPart(index, reply.html, filename, data))
        return parts


def part_reply(part: AlertPart) -> Reply:
    """A stored part as the reply to send."""
    if part.image is None:
        return Reply(part.html)
    return Reply(part.html, image=Document(part.filename or "vtr.png", part.image))


Deliver = Callable[[int, Reply], Awaitable[None]]
"""Send one part of a chat's alert (the chart, or one text part) to the chat."""


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
    """The one owner of daily alerts: schedules each chat's job, stops it, runs the pass."""

    def __init__(
        self,
        store: Store,
        default_lang: Lang,
        *,
        scheduler: Scheduler | None = None,
        clock: Clock = utc_now,
        allowed_chats: frozenset[int] = frozenset(),
        amazon: AmazonRepository | None = None,
    ) -> None:
        self.store = store
        self.amazon = amazon
        """A connected store's official figures join the alert (docs/vtr-rules.md §8)."""
        self.default_lang: Lang = default_lang
        self.scheduler: Scheduler = scheduler or NoScheduler()
        self.clock = clock
        self.allowed_chats = allowed_chats
        """Private deployments: alerts reach only these chats, like every other message."""

    def may_alert(self, chat_id: int) -> bool:
        return not self.allowed_chats or chat_id in self.allowed_chats

    def schedule(self, subscription: Subscription) -> None:
        """(Re)place the chat's daily job at its local time."""
        if self.may_alert(subscription.chat_id):
            self.scheduler.schedule(subscription)

    async def schedule_all(self) -> int:
        """At start-up: every stored subscription gets its job back."""
        subscriptions = await self._subscriptions()
        for subscription in subscriptions:
            self.scheduler.schedule(subscription)
        return len(subscriptions)

    async def stop(self, chat_id: int) -> bool:
        """No more alerts for this chat: its subscription and its job are both gone."""
        self.scheduler.cancel(chat_id)
        return await self.store.unsubscribe(chat_id)

    async def run_pass(self, deliver: Deliver, chat_id: int | None = None) -> dict[int, Outcome]:
        """Every subscribed chat (or one), each isolated from the others' failures."""
        if chat_id is None:
            subscriptions = await self._subscriptions()
        else:
            one = await self.store.subscription(chat_id)
            subscriptions = [one] if one and self.may_alert(chat_id) else []
        return {s.chat_id: await self.run_for(s, deliver) for s in subscriptions}

    async def sweep(self, deliver: Deliver) -> dict[int, Outcome]:
        """The chats whose alert time has passed today and whose day is still undecided:
        after a restart, after a replica died mid-pass (its locks died with it), or after a
        failed delivery. One query finds them all; a chat another process holds is skipped
        (that process is on it), so every replica may sweep at once."""
        now = self.clock()
        # Every zone's local date is the UTC date or the day either side of it.
        days = [now.astimezone(UTC).date() + timedelta(days=shift) for shift in (-1, 0, 1)]
        due = []
        for subscription, decided in await self.store.subscriptions_with_decided_days(days):
            local = now.astimezone(ZoneInfo(subscription.timezone))
            if (
                local.time() >= subscription.at
                and local.date() not in decided
                and self.may_alert(subscription.chat_id)
            ):
                due.append(subscription)
        return {s.chat_id: await self.run_for(s, deliver) for s in due}

    async def _subscriptions(self) -> list[Subscription]:
        return [s for s in await self.store.all_subscriptions() if self.may_alert(s.chat_id)]

    async def run_for(self, subscription: Subscription, deliver: Deliver) -> Outcome:
        chat_id = subscription.chat_id
        try:
            return await self._run(subscription, deliver)
        except ChatUnreachableError:
            log.info("chat %s: unreachable, alerts stopped", chat_id)
            await self.stop(chat_id)
            return "unreachable"
        except Exception as error:  # one chat's failure must not stop the pass
            log.warning("chat %s: alert failed with %s", chat_id, type(error).__name__)
            return "failed"

    async def _run(self, subscription: Subscription, deliver: Deliver) -> Outcome:
        """One process at a time per chat and day, whichever process's job fired: the
        others skip it, and if the holder dies its lock is freed for the next pass."""
        chat_id = subscription.chat_id
        today = local_today(self.clock(), subscription.timezone)
        async with self.store.hold(f"alert:{chat_id}:{today.isoformat()}") as mine:
            if not mine:
                return "already_sent"  # another process is running this chat's day now
            return await self._run_day(subscription, today, deliver)

    async def _run_day(self, subscription: Subscription, today: date, deliver: Deliver) -> Outcome:
        chat_id = subscription.chat_id
        decided = await self.store.day_decided(chat_id, today)
        if decided == "quiet":
            return "quiet"
        if decided is not None:
            return "already_sent"
        if await self.store.alert_sent_for(chat_id, today):
            # Claimed by a process that died or failed mid-delivery: finish what it planned.
            return await self._deliver_parts(chat_id, today, deliver, claim=None)
        evaluation = await self.evaluate(subscription, today)
        t = translator(chat_lang(await self.store.get_lang(chat_id), None, self.default_lang))
        official = await self._official(chat_id, evaluation, t)
        if not (evaluation.decision.send or official.triggers):
            await self.store.decide_day(chat_id, today, "quiet")
            return "quiet"
        message = await asyncio.to_thread(self._compose, chat_id, evaluation, t, official.text)
        decision = evaluation.decision
        triggers: list[SentBecause] = [*decision.triggers, *official.triggers] or ["digest"]
        claim = await self.store.claim_alert(
            chat_id, today, triggers, decision.snapshot.model_dump_json(), message.as_parts()
        )
        if claim is None:
            return "already_sent"
        return await self._deliver_parts(chat_id, today, deliver, claim)

    async def _deliver_parts(
        self, chat_id: int, today: date, deliver: Deliver, claim: int | None
    ) -> Outcome:
        """Send the day's parts never started, each marked before and after its send, then
        decide the day. A part whose send failed is left for the next sweep to try again
        (at most `SEND_TRIES` tries), and the day stays undecided meanwhile; a chat that
        blocked the bot before any part reached it has the claim released."""
        sent = 0
        for part in await self.store.alert_parts(chat_id, today):
            if part.state != "pending" or not await self.store.start_part(
                chat_id, today, part.index
            ):
                continue
            try:
                await deliver(chat_id, part_reply(part))
            except Exception as error:
                await self.store.part_failed(chat_id, today, part.index, SEND_TRIES)
                blocked = isinstance(error, ChatUnreachableError)
                if blocked and claim is not None and part.index == 0:  # nothing reached it
                    await self.store.release_alert(chat_id, claim)
                raise
            await self.store.part_sent(chat_id, today, part.index)
            sent += 1
        await self.store.decide_day(chat_id, today, "sent")
        return "sent" if sent else "already_sent"

    async def evaluate(self, subscription: Subscription, today: date) -> _Evaluation:
        """Today's report and decision from the stored shipments (nothing new invented)."""
        chat_id = subscription.chat_id
        report, table = await stored_report(self.store, chat_id, today, self.amazon)
        newest = await self.store.newest_ship_date(chat_id)
        previous = await self._previous_snapshot(chat_id)
        decision = decide(report, previous, newest, today, digest=subscription.digest)
        return _Evaluation(today, report, decision, table)

    async def _previous_snapshot(self, chat_id: int) -> AlertSnapshot | None:
        history = await self.store.alert_history(chat_id, limit=1)
        if not history:
            return None
        return AlertSnapshot.model_validate_json(history[0].snapshot_json)

    async def _official(
        self, chat_id: int, evaluation: _Evaluation, t: Translator
    ) -> AmazonAlertPart:
        """Amazon's own rate per marketplace, for a chat whose store is connected."""
        if self.amazon is None:
            return AmazonAlertPart()
        return await amazon_alert_part(
            self.amazon, chat_id, evaluation.report, evaluation.today, t, html=True
        )

    @staticmethod
    def _compose(
        chat_id: int, evaluation: _Evaluation, t: Translator, official: str = ""
    ) -> AlertMessage:
        """Text and chart, built in a worker thread (matplotlib is slow)."""
        report, decision = evaluation.report, evaluation.decision
        text = render_alert(decision, report, t, html=True)
        if official:
            text = f"{text}\n\n{official}"
        replies = [Reply(part) for part in split_html(text)]
        chart = None
        if report.overall.shipments:
            png = trend_chart(evaluation.table, evaluation.today, t, report, decision)
            chart = Document(f"vtr-{evaluation.today.isoformat()}.png", png)
        return AlertMessage(chat_id, replies, chart)
