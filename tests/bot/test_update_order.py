"""Updates of different chats at once, each chat's in order, a bounded number in flight."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from telegram import Chat, Message, Update

from bot.adapters.telegram.updates import PerChatUpdates, within_deadline


def update_from(chat_id: int, update_id: int) -> Update:
    chat = Chat(id=chat_id, type=Chat.PRIVATE)
    message = Message(message_id=update_id, date=datetime.now(UTC), chat=chat, text="hi")
    return Update(update_id=update_id, message=message)


class Handling:
    """What the test saw of each update's handling, and an event to let each one finish."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.finish: dict[int, asyncio.Event] = {}

    async def handle(self, update_id: int) -> None:
        self.started.append(update_id)
        await self.finish.setdefault(update_id, asyncio.Event()).wait()

    def let_finish(self, update_id: int) -> None:
        self.finish.setdefault(update_id, asyncio.Event()).set()


async def _settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


async def _run(processor: PerChatUpdates, handling: Handling, chat_id: int, update_id: int) -> None:
    await processor.process_update(update_from(chat_id, update_id), handling.handle(update_id))


async def test_a_stalled_chat_holds_only_its_own_next_update() -> None:
    processor, handling = PerChatUpdates(in_flight=8), Handling()
    # Update 1 (chat 10) stalls; 2 (chat 20) and 3 (chat 10 again) arrive after it.
    tasks = [
        asyncio.create_task(_run(processor, handling, chat, update))
        for chat, update in ((10, 1), (20, 2), (10, 3))
    ]
    await _settle()
    assert handling.started == [1, 2]  # chat 20 is not held up; chat 10's next waits
    handling.let_finish(2)
    await _settle()
    assert tasks[1].done() and handling.started == [1, 2]
    handling.let_finish(1)
    await _settle()
    assert handling.started == [1, 2, 3]  # in the order chat 10 sent them
    handling.let_finish(3)
    await asyncio.gather(*tasks)


async def test_no_more_than_the_bound_are_handled_at_once() -> None:
    processor, handling = PerChatUpdates(in_flight=2), Handling()
    tasks = [asyncio.create_task(_run(processor, handling, chat, chat)) for chat in (1, 2, 3)]
    await _settle()
    assert handling.started == [1, 2]
    handling.let_finish(1)
    await _settle()
    assert handling.started == [1, 2, 3]
    handling.let_finish(2)
    handling.let_finish(3)
    await asyncio.gather(*tasks)


async def test_an_update_cancelled_while_waiting_does_not_block_its_chat() -> None:
    processor, handling = PerChatUpdates(in_flight=8), Handling()
    first = asyncio.create_task(_run(processor, handling, 10, 1))
    second = asyncio.create_task(_run(processor, handling, 10, 2))
    third = asyncio.create_task(_run(processor, handling, 10, 3))
    await _settle()
    second.cancel()
    await _settle()
    assert handling.started == [1] and not first.done()  # the first one is left running
    handling.let_finish(1)
    await _settle()
    assert handling.started == [1, 3]
    handling.let_finish(3)
    await asyncio.gather(first, third)
    assert second.cancelled()


async def test_a_handler_past_its_deadline_is_stopped() -> None:
    never = asyncio.Event()

    async def stalled(update: object, context: object) -> None:
        await never.wait()

    with pytest.raises(TimeoutError):
        await within_deadline(stalled, seconds=0.05)(object(), object())
