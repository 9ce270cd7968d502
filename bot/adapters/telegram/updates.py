"""Updates of different chats handled at the same time, each chat's in the order it sent them.

python-telegram-bot handles one update at a time by default, so one chat's slow step (an
Amazon sign-in taking a hundred seconds, a database lock, a Telegram retry) held every other
chat's answer. `PerChatUpdates` runs updates concurrently: each waits only for the previous
update of its own chat, then for one of `in_flight` places, so a flood from one chat queues
behind itself and never takes the places other chats need. Updates without a chat (none the
bot handles today) are not ordered.

Documents are handled off the update (`block=False`), so a chat's question is answered while
its file is analysed; its files stay in order through the upload guard.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, ParamSpec

from telegram import Update
from telegram.ext import BaseUpdateProcessor

UPDATES_IN_FLIGHT = 32
"""Updates handled at once per process. Each needs at most one database connection at a
time and most need none for long, so a few connections serve them (see bootstrap)."""
ANSWER_DEADLINE_S = 180.0
"""Longest one message, command or button is worked on, whatever it waits for (Amazon,
Telegram, the database): each of those has its own timeouts per read or per try, and this
bounds their sum, so no chat waits without end. Files have their own progress and limits."""
UPDATES_ACCEPTED = 10_000
"""Updates a process holds, waiting or in flight, before it stops taking more from Telegram
(python-telegram-bot's own bound, applied before the per-chat order)."""


class PerChatUpdates(BaseUpdateProcessor):
    """Concurrent across chats, in order within a chat, at most `in_flight` at once."""

    def __init__(self, in_flight: int = UPDATES_IN_FLIGHT) -> None:
        super().__init__(max_concurrent_updates=UPDATES_ACCEPTED)
        self.in_flight = in_flight
        self._places = asyncio.Semaphore(in_flight)
        self._last_of_chat: dict[int, asyncio.Future[None]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            async with self._places:
                await coroutine
            return
        # Before the first await: the chat's next update, already queued, waits for this one.
        previous = self._last_of_chat.get(chat.id)
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._last_of_chat[chat.id] = done
        try:
            if previous is not None:
                await asyncio.shield(previous)  # cancelling this one must not cancel that one
            async with self._places:
                await coroutine
        finally:
            if asyncio.iscoroutine(coroutine):
                coroutine.close()  # never awaited when cancelled while waiting its turn
            if previous is not None and not previous.done():  # cancelled while waiting:
                previous.add_done_callback(lambda _: self._done(chat.id, done))  # keep the order
            else:
                self._done(chat.id, done)

    def _done(self, chat_id: int, done: asyncio.Future[None]) -> None:
        """This update's turn is over: the chat's next one may go."""
        done.set_result(None)
        if self._last_of_chat.get(chat_id) is done:
            del self._last_of_chat[chat_id]

    async def initialize(self) -> None:
        """Nothing to set up: the places and the chats' order live in this object."""

    async def shutdown(self) -> None:
        """Nothing to free: python-telegram-bot waits for the updates in flight."""


P = ParamSpec("P")


def within_deadline(
    handler: Callable[P, Awaitable[None]], seconds: float = ANSWER_DEADLINE_S
) -> Callable[P, Coroutine[Any, Any, None]]:
    """`handler`, stopped with TimeoutError after `seconds` in all: the error handler then
    tells the chat it took too long."""

    @functools.wraps(handler)
    async def bounded(*args: P.args, **kwargs: P.kwargs) -> None:
        async with asyncio.timeout(seconds):
            await handler(*args, **kwargs)

    return bounded
