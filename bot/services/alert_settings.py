"""A chat's daily-alert settings: /subscribe, /unsubscribe, /alerts (and `/alerts now`),
with their buttons. Scheduling itself belongs to the `AlertService`. No Telegram here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.alerts import Subscription
from bot.services import buttons
from bot.services.alerting import AlertService
from bot.services.dates import looks_like_clock, parse_clock
from bot.services.i18n import Translator
from bot.services.lines import esc, say
from bot.services.replies import Button, Reply
from bot.services.store import Store
from bot.services.text_split import clip

DEFAULT_TIME = time(9, 0)
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
ECHO_LIMIT = 64
"""What a user typed is quoted back at most this long (a reply must fit in one message)."""


class AlertSettings:
    """The alert settings of a chat, stored here and scheduled by the alert service."""

    def __init__(self, store: Store, alerts: AlertService, default_timezone: str) -> None:
        self.store = store
        self.alerts = alerts
        self.default_timezone = default_timezone

    async def _zone_of(self, chat_id: int) -> str:
        """The chat's stored zone, else the configured default (VTRBOT_TIMEZONE)."""
        stored = await self.store.get_timezone(chat_id)
        return stored or self.default_timezone

    # -- /subscribe ----------------------------------------------------------------------

    async def subscribe(self, chat_id: int, t: Translator, args: Sequence[str]) -> list[Reply]:
        current = await self.store.subscription(chat_id)
        at = current.at if current else DEFAULT_TIME
        zone = current.timezone if current else await self._zone_of(chat_id)
        digest = current.digest if current else False
        for arg in args:
            if looks_like_clock(arg):
                typed = parse_clock(arg)
                if typed is None:
                    return say(
                        t._(
                            "{value} is not a time of day. Use HH:MM, e.g. 09:00.",
                            value=clip(arg, ECHO_LIMIT),
                        )
                    )
                at = typed
            elif arg.lower() in DIGEST_WORDS:
                digest = True
            elif _known_zone(arg):
                zone = arg
            else:
                return say(
                    t._(
                        "I don't know the time zone {value}. Use a name like Asia/Shanghai or Europe/Berlin.",
                        value=clip(arg, ECHO_LIMIT),
                    )
                )
        return await self._save(Subscription(chat_id, at, zone, digest), t)

    async def _save(self, subscription: Subscription, t: Translator) -> list[Reply]:
        chat_id = subscription.chat_id
        await self.store.subscribe(subscription)
        await self.store.set_timezone(chat_id, subscription.timezone)
        if await self.store.get_lang(chat_id) is None:
            await self.store.set_lang(chat_id, t.lang)  # the daily job has no client language
        self.alerts.schedule(subscription)
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
        stopped = await self.alerts.stop(chat_id)
        text = t._("Daily alerts stopped.") if stopped else t._("You have no daily alert.")
        return say(text)

    async def show(self, chat_id: int, t: Translator, args: Sequence[str]) -> list[Reply]:
        if args and args[0].lower() in ("now", "现在"):
            return await self.run_now(chat_id, t)
        subscription = await self.store.subscription(chat_id)
        if subscription is None:
            text = t._("You have no daily alert. Send /subscribe to get one at 09:00.")
            return [
                Reply(
                    esc(text),
                    buttons=(
                        (
                            buttons.button(
                                t._("Subscribe at 09:00"), buttons.AlertTime(DEFAULT_TIME)
                            ),
                        ),
                    ),
                )
            ]
        return [Reply(self._describe(subscription, t), buttons=_setting_buttons(subscription, t))]

    async def on_button(
        self,
        chat_id: int,
        t: Translator,
        action: buttons.AlertTime | buttons.AlertZone | buttons.AlertDigest,
    ) -> list[Reply]:
        """A pressed setting button: time of day, time zone or digest mode."""
        current = await self.store.subscription(chat_id) or Subscription(
            chat_id, DEFAULT_TIME, await self._zone_of(chat_id)
        )
        match action:
            case buttons.AlertTime(at):
                updated = replace(current, at=at)
            case buttons.AlertZone(zone) if _known_zone(zone):
                updated = replace(current, timezone=zone)
            case buttons.AlertDigest(digest):
                updated = replace(current, digest=digest)
            case _:
                return say(t._("This button no longer works. Send /help to start again."))
        return await self._save(updated, t)

    async def run_now(self, chat_id: int, t: Translator) -> list[Reply]:
        """Today's alert pass for this chat, answered here (the terminal's daily job)."""
        subscription = await self.store.subscription(chat_id)
        if subscription is None:
            return [
                Reply(esc(t._("You have no daily alert. Send /subscribe to get one at 09:00.")))
            ]
        sent: list[Reply] = []

        async def collect(chat_id: int, part: Reply) -> None:
            sent.append(part)

        outcome = await self.alerts.run_for(subscription, collect)
        if sent:
            return sent
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


def _known_zone(name: str) -> bool:
    if "/" not in name and name.upper() != "UTC":
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _setting_buttons(subscription: Subscription, t: Translator) -> tuple[tuple[Button, ...], ...]:
    current = subscription.at.strftime("%H:%M")
    times = tuple(
        buttons.button(("✓ " if current == v else "") + v, buttons.AlertTime(_as_time(v)))
        for v in COMMON_TIMES
    )
    zones = [
        buttons.button(
            ("✓ " if subscription.timezone == z else "") + z.split("/")[-1].replace("_", " "),
            buttons.AlertZone(z),
        )
        for z in COMMON_ZONES
    ]
    digest = (
        buttons.button(t._("Only when something needs attention"), buttons.AlertDigest(False))
        if subscription.digest
        else buttons.button(t._("Every day (digest)"), buttons.AlertDigest(True))
    )
    return (times, tuple(zones[:3]), tuple(zones[3:]), (digest,))


def _as_time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))
