"""/connect and /disconnect: a seller connects a store from a private chat.

Three questions, one per message: the region (NA, EU, FE), the marketplaces, then the
refresh token from Seller Central (Apps and Services → Develop Apps → Authorize). The
token is checked with one cheap call, stored encrypted, and the message carrying it is
deleted by the adapter (`wants_secret` tells it which message that is; any message holding
something token-shaped is deleted too, in every step and outside /connect, and no reply
ever quotes one: `bot.services.amazon.tokens`). `/connect EU UK DE`
answers the first two questions at once. A token is never accepted in a group: anyone
there could read it. Telegram gives private chats the user's (positive) ID and groups
negative IDs, which is how a private chat is told apart here.

Entry points for the core: `start` (/connect), `disconnect` (/disconnect), `categories`
(/categories: whose categories win for synced orders), `active` and `on_text` (the answers),
`wants_secret` (for the adapter). The step waiting for an answer is kept in the store
(`connect_steps`), so each answer may reach another replica; /forget deletes it with the
chat's data.

A bot whose operator has not set up the connection says so in plain words: the seller
cannot set it and needs no setting's name (the log names them for the operator).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import SecretStr

from bot.domain.amazon_regions import REGIONS, Region, amazon_regions
from bot.services.amazon.repository import CategoryPreference, ConnectStep
from bot.services.amazon.service import AmazonService, ConnectResult
from bot.services.amazon.tokens import is_refresh_token, without_secrets
from bot.services.i18n import Translator
from bot.services.lines import say
from bot.services.replies import ChatRef, Reply

log = logging.getLogger(__name__)

ANSWER_WITHIN_S = 600
"""A half-finished /connect is dropped after ten minutes: a later message is a question."""
_CANCEL_WORDS = {"cancel", "/cancel", "stop", "取消", "算了"}
_MINE_WORDS = {"mine", "upload", "uploads", "own", "我的", "自己", "上传"}
_AMAZON_WORDS = {"amazon", "亚马逊"}
_SEPARATORS = re.compile(r"[\s,，、;；]+")


@dataclass
class ConnectConversation:
    """The conversation's step lives in the store (`connect_steps`), not in this process:
    with several replicas, each answer may reach a different one."""

    amazon: AmazonService
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    _tasks: set[asyncio.Task[Any]] = field(default_factory=set)

    # -- for the core and the adapter ----------------------------------------------------

    async def pending(self, chat_id: int) -> ConnectStep | None:
        """The chat's /connect waiting for an answer, None when there is none (or it was
        left unanswered for ANSWER_WITHIN_S)."""
        step = await self.amazon.repo.connect_step(chat_id)
        if step is None or step.updated_at is None:
            return None
        if (self.clock() - step.updated_at).total_seconds() > ANSWER_WITHIN_S:
            await self.cancel(chat_id)
            return None
        return step

    async def active(self, chat_id: int) -> bool:
        return await self.pending(chat_id) is not None

    async def wants_secret(self, chat_id: int) -> bool:
        """The chat's next text is a refresh token: the adapter deletes that message."""
        step = await self.pending(chat_id)
        return step is not None and step.step == "token"

    async def cancel(self, chat_id: int) -> None:
        await self.amazon.repo.drop_connect_step(chat_id)

    async def _save(self, chat_id: int, step: ConnectStep) -> None:
        """The step as it is now, answered just now: the ten minutes start again."""
        await self.amazon.repo.save_connect_step(chat_id, step, self.clock())

    # -- /connect --------------------------------------------------------------------------

    async def start(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        if chat.chat_id <= 0:
            return say(t._("For your store's safety, connect it in a private chat with me, "
                            "never in a group: open a chat with me and send /connect there."))  # fmt: skip
        missing = self.amazon.missing_settings()
        if missing:
            log.warning("/connect refused: the operator has not set %s", ", ".join(missing))
            return say(not_enabled_text(t))
        step = ConnectStep("region")
        if args:
            return await self._answer(chat, t, step, " ".join(args))
        await self._save(chat.chat_id, step)
        return say(t._("Let's connect your Amazon store. Which region is it in? "
                        "Reply NA (Americas), EU (Europe, Middle East, India) or FE (Japan, "
                        "Singapore, Australia). Send cancel to stop."))  # fmt: skip

    async def on_text(self, chat: ChatRef, t: Translator, text: str) -> list[Reply] | None:
        """The answer to the chat's pending question; None when no /connect is pending."""
        pending = await self.pending(chat.chat_id)
        if pending is None:
            return None
        return await self._answer(chat, t, pending, text)

    async def _answer(
        self, chat: ChatRef, t: Translator, pending: ConnectStep, text: str
    ) -> list[Reply]:
        """An answer; a token sent a step early (or with the other answers, as in
        `/connect NA US Atzr|…`) is taken out first, so no reply can quote it, and used
        once its questions are answered. The step reached is saved for the next answer."""
        rest, secrets = without_secrets(text)
        if rest.strip().lower() in _CANCEL_WORDS and not secrets:
            await self.cancel(chat.chat_id)
            return say(t._("Connecting is cancelled; nothing was stored."))
        if pending.step == "token":
            return await self._on_token(chat.chat_id, pending, t, text)
        if pending.step == "region":
            replies = self._on_region(pending, t, rest)
        else:
            replies = self._on_marketplaces(pending, t, _SEPARATORS.split(rest.strip()))
        if secrets and _asks_for_token(pending):
            return await self._on_token(chat.chat_id, pending, t, secrets[0])
        await self._save(chat.chat_id, pending)
        return replies

    def _on_region(self, pending: ConnectStep, t: Translator, text: str) -> list[Reply]:
        words = [w for w in _SEPARATORS.split(text.strip().upper()) if w]
        if not words or words[0] not in REGIONS:
            return say(t._("Please reply NA, EU or FE."))
        pending.region = words[0]
        pending.step = "marketplaces"
        if len(words) > 1:
            return self._on_marketplaces(pending, t, words[1:])
        codes = ", ".join(amazon_regions().regions[pending.region].marketplaces.values())
        return say(t._("Which marketplaces? Reply their codes, e.g. {example}. This region "
                        "serves: {codes}.", example=_example(pending.region), codes=codes))  # fmt: skip

    def _on_marketplaces(
        self, pending: ConnectStep, t: Translator, words: Sequence[str]
    ) -> list[Reply]:
        assert pending.region is not None
        served = amazon_regions().regions[pending.region].marketplaces
        chosen = [w.strip().upper() for w in words if w.strip()]
        unknown = [w for w in chosen if w not in served.values() and w not in served]
        if not chosen or unknown:
            return say(t._("{region} does not serve {unknown}. It serves: {codes}.",
                            region=pending.region, unknown=", ".join(unknown) or "–",
                            codes=", ".join(served.values())))  # fmt: skip
        pending.marketplaces = tuple(dict.fromkeys(chosen))
        pending.step = "token"
        ask = t._("Now send me the store's refresh token (it starts with Atzr|). In "
                  "Seller Central: Apps and Services → Develop Apps → Authorize. I delete "
                  "your message as soon as I have read it, and keep the token encrypted.")  # fmt: skip
        return say(f"{ask} {_roles(self.amazon.write_enabled, t)}")

    async def _on_token(
        self, chat_id: int, pending: ConnectStep, t: Translator, text: str
    ) -> list[Reply]:
        token = text.strip()
        await self._save(chat_id, pending)  # waiting for a token, ten more minutes
        if not is_refresh_token(token):
            return say(t._("That is not a refresh token: it should start with Atzr|. Send it "
                            "again, or cancel."))  # fmt: skip
        assert pending.region is not None
        result = await self.amazon.connect(chat_id, pending.region, pending.marketplaces,
                                           SecretStr(token))  # fmt: skip
        if result.status != "connected":
            return say(_problem(result, t))
        await self.cancel(chat_id)
        self._in_background(chat_id)
        return say(t._("Connected: {markets}. I am fetching your self-fulfilled shipments of the "
                        "last 45 days in the background; from now on they arrive every day by "
                        "themselves, with Amazon's official VTR. Send /disconnect to stop.",
                        markets=", ".join(pending.marketplaces)))  # fmt: skip

    def _in_background(self, chat_id: int) -> None:
        """The first sync (a backfill can take tens of minutes) runs off the handler."""
        if self.amazon.sync is None:
            return
        task = asyncio.get_running_loop().create_task(_quietly(self.amazon.sync.sync_chat(chat_id)))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def wait_background(self) -> None:
        """For shutdown and tests: let first syncs already started finish."""
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- /categories -----------------------------------------------------------------------

    async def categories(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        """Whose category wins for a synced order: Amazon's catalog (the default) or the
        seller's own uploaded files. A change refetches the last 45 days at the next sync."""
        word = args[0].strip().lower() if args else ""
        chosen: CategoryPreference | None = (
            "upload" if word in _MINE_WORDS else "amazon" if word in _AMAZON_WORDS else None
        )
        if chosen is None:
            current = await self.amazon.repo.category_preference(chat.chat_id)
            return say(_preference_text(current, t))
        await self.amazon.choose_categories(chat.chat_id, chosen)
        return say(_preference_text(chosen, t) + "\n" + t._(
            "The next sync fetches your orders of the last 45 days again to apply it."
        ))  # fmt: skip

    # -- /disconnect -----------------------------------------------------------------------

    async def disconnect(self, chat: ChatRef, t: Translator, args: Sequence[str]) -> list[Reply]:
        await self.cancel(chat.chat_id)
        if await self.amazon.disconnect(chat.chat_id):
            return say(t._("Disconnected: your Amazon credentials are deleted and syncing has "
                            "stopped. Shipments already synced stay until you send /forget."))  # fmt: skip
        return say(t._("No Amazon store is connected to this chat."))


def _problem(result: ConnectResult, t: Translator) -> str:
    texts = {
        "revoked": t._("Amazon refused this token (invalid_grant): authorize the app again in "
                       "Seller Central and send the new token, or cancel."),
        "app_rejected": t._("Amazon refused the bot's own app credentials: nothing is wrong "
                            "with your token, but whoever runs this bot has to renew them."),
        "refused": t._("Amazon accepted the token but refused to show orders: check that the "
                       "app has the Orders role, then send the token again, or cancel."),
        "unavailable": t._("Amazon did not answer. Send the token again in a few minutes, "
                           "or cancel."),
        "malformed": t._("Amazon's answer could not be read. Send the token again in a few "
                         "minutes, or cancel."),
        "not_configured": not_enabled_text(t),
        "unknown_marketplace": t._("One of those marketplaces is not in that region."),
    }  # fmt: skip
    return texts.get(result.status, result.status)


def _asks_for_token(pending: ConnectStep) -> bool:
    """Whether the answers so far leave only the token to ask (read after they are)."""
    return pending.step == "token"


def not_enabled_text(t: Translator) -> str:
    return t._(
        "This bot cannot connect to Amazon stores yet: whoever runs it has to enable the "
        'Amazon connection first (the guide "Connect your Amazon store" tells them how). '
        "Until then, send me your order report as a file and I make the same report from it."
    )


def _preference_text(preference: str, t: Translator) -> str:
    if preference == "upload":
        return t._(
            "Synced orders take the categories of your own uploaded files first, and Amazon's "
            "where you uploaded none. Send /categories amazon to put Amazon's first."
        )
    return t._(
        "Synced orders take Amazon's categories (its catalog, as on the VTR page), and "
        "yours where Amazon has none. Send /categories mine to put your own uploaded "
        "files' categories first."
    )


def _roles(write_enabled: bool, t: Translator) -> str:
    """The roles the seller's app needs: the one that edits shipments only when this bot
    may send fixes (VTRBOT_AMAZON_WRITE)."""
    if write_enabled:
        return t._("The app needs the roles Selling Partner Insights and Inventory and Order "
                   "Tracking: with the latter I can also send the tracking fixes you confirm "
                   "(never without your confirmation).")  # fmt: skip
    return t._("The app needs the role Selling Partner Insights and read access to orders: "
               "this bot only reads, it never changes anything on Amazon.")  # fmt: skip


def _example(region: Region | None) -> str:
    return {"NA": "US CA", "EU": "UK DE", "FE": "JP"}.get(region or "", "US")


async def _quietly(work: Coroutine[Any, Any, Any]) -> None:
    try:
        await work
    except Exception as error:  # the daily sync tries again; the chat was told it is connected
        log.warning("first Amazon sync failed: %s", type(error).__name__)
