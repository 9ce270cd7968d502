"""Daily-alert settings, the trend chart and forgetting a chat: the core's commands for
/subscribe, /unsubscribe, /alerts, /chart and /forget, with their buttons. No Telegram here.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.shipments import ShipmentTable
from bot.domain.trend import daily_vtr
from bot.domain.vtr import compute_report
from bot.services.alerting import AlertMessage, AlertService, Scheduler, stored_history
from bot.services.charts import chart_categories, render_trend_png
from bot.services.i18n import Translator
from bot.services.replies import Button, Document, Reply
from bot.services.report_text import esc
from bot.services.store import Store, Subscription

DEFAULT_TIME = time(9, 0)
CHINESE_TIMEZONE = "Asia/Shanghai"
"""Chinese-speaking chats without a stored zone get Beijing time (issue 5)."""
COMMON_TIMES = ("08:00", "09:00", "12:00", "18:00")
COMMON_ZONES = (
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
)
DIGEST_WORDS = frozenset({"digest", "daily", "摘要", "每日", "每天"})
_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})$")


class SubscriptionCommands:
    """The alert settings of a chat, stored and scheduled."""

    def __init__(
        self, store: Store, scheduler: Scheduler, alerts: AlertService, default_timezone: str
    ) -> None:
        self.store = store
        self.scheduler = scheduler
        self.alerts = alerts
        self.default_timezone = default_timezone

    async def _zone_of(self, chat_id: int, t: Translator) -> str:
        stored = await self.store.get_timezone(chat_id)
        return stored or (CHINESE_TIMEZONE if t.lang == "zh" else self.default_timezone)

    # -- /subscribe ----------------------------------------------------------------------

    async def subscribe(self, chat_id: int, t: Translator, args: Sequence[str]) -> list[Reply]:
        current = await self.store.subscription(chat_id)
        at = current.at if current else DEFAULT_TIME
        zone = current.timezone if current else await self._zone_of(chat_id, t)
        digest = current.digest if current else False
        for arg in args:
            if match := _TIME.match(arg):
                hours, minutes = int(match[1]), int(match[2])
                if hours > 23 or minutes > 59:
                    return [
                        Reply(
                            esc(
                                t._(
                                    "{value} is not a time of day. Use HH:MM, e.g. 09:00.",
                                    value=arg,
                                )
                            )
                        )
                    ]
                at = time(hours, minutes)
            elif arg.lower() in DIGEST_WORDS:
                digest = True
            elif _known_zone(arg):
                zone = arg
            else:
                return [
                    Reply(
                        esc(
                            t._(
                                "I don't know the time zone {value}. Use a name like Asia/Shanghai or Europe/Berlin.",
                                value=arg,
                            )
                        )
                    )
                ]
        return await self._save(Subscription(chat_id, at, zone, digest), t)

    async def _save(self, subscription: Subscription, t: Translator) -> list[Reply]:
        chat_id = subscription.chat_id
        await self.store.subscribe(subscription)
        await self.store.set_timezone(chat_id, subscription.timezone)
        if await self.store.get_lang(chat_id) is None:
            await self.store.set_lang(chat_id, t.lang)  # the daily job has no client language
        self.scheduler.schedule(subscription)
        return [Reply(self._describe(subscription, t), buttons=_setting_buttons(subscription, t))]

    def _describe(self, subscription: Subscription, t: Translator) -> str:
        when = t._(
            "Daily alert every day at {time} ({zone}).",
            time=subscription.at.strftime("%H:%M"),
            zone=subscription.timezone,
        )
        mode = (
            t._("You get a digest every day, even when all is well.")
            if subscription.digest
            else t._(
                "I only write when a category is below or about to fall below 95%, drops by a point or more, or your data is older than 3 days."
            )
        )
        return "\n".join(
            [
                f"<b>{esc(when)}</b>",
                esc(mode),
                esc(t._("Change it with the buttons, or /unsubscribe to stop.")),
            ]
        )

    # -- /unsubscribe, /alerts and their buttons -----------------------------------------

    async def unsubscribe(self, chat_id: int, t: Translator) -> list[Reply]:
        stopped = await self.store.unsubscribe(chat_id)
        self.scheduler.cancel(chat_id)
        text = t._("Daily alerts stopped.") if stopped else t._("You have no daily alert.")
        return [Reply(esc(text))]

    async def show(self, chat_id: int, t: Translator, args: Sequence[str]) -> list[Reply]:
        if args and args[0].lower() in ("now", "现在"):
            return await self.run_now(chat_id, t)
        subscription = await self.store.subscription(chat_id)
        if subscription is None:
            text = t._("You have no daily alert. Send /subscribe to get one at 09:00.")
            return [
                Reply(esc(text), buttons=((Button(t._("Subscribe at 09:00"), "sub:time:09:00"),),))
            ]
        return [Reply(self._describe(subscription, t), buttons=_setting_buttons(subscription, t))]

    async def on_button(self, chat_id: int, t: Translator, data: str) -> list[Reply]:
        """`sub:time:HH:MM`, `sub:tz:ZONE`, `sub:digest:0|1`."""
        _, setting, value = data.split(":", 2)
        current = await self.store.subscription(chat_id) or Subscription(
            chat_id, DEFAULT_TIME, await self._zone_of(chat_id, t)
        )
        if setting == "time" and (match := _TIME.match(value)):
            updated = replace(current, at=time(int(match[1]), int(match[2])))
        elif setting == "tz" and _known_zone(value):
            updated = replace(current, timezone=value)
        elif setting == "digest":
            updated = replace(current, digest=value == "1")
        else:
            return [Reply(esc(t._("This button no longer works. Send /help to start again.")))]
        return await self._save(updated, t)

    async def run_now(self, chat_id: int, t: Translator) -> list[Reply]:
        """Today's alert pass for this chat, answered here (the terminal's daily job)."""
        subscription = await self.store.subscription(chat_id)
        if subscription is None:
            return [
                Reply(esc(t._("You have no daily alert. Send /subscribe to get one at 09:00.")))
            ]
        sent: list[AlertMessage] = []

        async def collect(message: AlertMessage) -> None:
            sent.append(message)

        outcome = await self.alerts.run_for(subscription, collect)
        if sent:
            return alert_replies(sent[0])
        texts = {
            "quiet": t._("Nothing to report today: no category needs attention."),
            "already_sent": t._("Today's alert was already sent."),
        }
        return [
            Reply(
                esc(
                    texts.get(
                        outcome, t._("I could not check your VTR just now. Please try again later.")
                    )
                )
            )
        ]

    # -- /chart ----------------------------------------------------------------------------

    async def chart(self, chat_id: int, t: Translator) -> list[Reply]:
        newest = await self.store.newest_ship_date(chat_id)
        if newest is None:
            return [Reply(esc(t._("No report yet. Send me an order or shipment file first.")))]
        end = await self.store.last_report_as_of(chat_id) or newest
        table = await stored_history(self.store, chat_id, end)
        png = await asyncio.to_thread(_chart_png, table, end, t)
        caption = t._("Daily VTR over the 30 days to {date}, with the 95% line.", date=t.date(end))
        return [Reply(esc(caption), image=Document(f"vtr-{end.isoformat()}.png", png))]

    # -- /forget ---------------------------------------------------------------------------

    def forget_prompt(self, t: Translator) -> list[Reply]:
        text = t._(
            "This deletes your stored shipments, reports, alert settings and language. Are you sure?"
        )
        buttons = (
            (
                Button(t._("Yes, delete everything"), "forget:yes"),
                Button(t._("Cancel"), "forget:no"),
            ),
        )
        return [Reply(esc(text), buttons=buttons)]

    async def forget(self, chat_id: int, t: Translator, confirmed: bool) -> list[Reply]:
        if not confirmed:
            return [Reply(esc(t._("Nothing was deleted.")))]
        self.scheduler.cancel(chat_id)
        await self.store.forget(chat_id)
        return [Reply(esc(t._("Done: everything stored about this chat is deleted.")))]


def alert_replies(message: AlertMessage) -> list[Reply]:
    """An alert as replies: the chart (captionless) first, then the text."""
    picture = [Reply("", image=message.chart)] if message.chart else []
    return [*picture, *message.replies]


def _known_zone(name: str) -> bool:
    if "/" not in name and name.upper() != "UTC":
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _setting_buttons(subscription: Subscription, t: Translator) -> tuple[tuple[Button, ...], ...]:
    times = tuple(
        Button(("✓ " if subscription.at.strftime("%H:%M") == v else "") + v, f"sub:time:{v}")
        for v in COMMON_TIMES
    )
    zones = [
        Button(
            ("✓ " if subscription.timezone == z else "") + z.split("/")[-1].replace("_", " "),
            f"sub:tz:{z}",
        )
        for z in COMMON_ZONES
    ]
    digest = (
        Button(t._("Only when something needs attention"), "sub:digest:0")
        if subscription.digest
        else Button(t._("Every day (digest)"), "sub:digest:1")
    )
    return (times, tuple(zones[:3]), tuple(zones[3:]), (digest,))


def _chart_png(table: ShipmentTable, end: date, t: Translator) -> bytes:
    report = compute_report(table, as_of=end)
    return render_trend_png(daily_vtr(table, end), chart_categories(report), t)
