"""The upload line of one process: how many at once, who is next, what each is told."""

from __future__ import annotations

import asyncio

import pytest

from bot.services.upload_queue import QueueFull, UploadQueue


class Upload:
    """One file's way through the line: what it was told, and events the test releases."""

    def __init__(self, queue: UploadQueue) -> None:
        self.queue = queue
        self.told: list[int] = []
        self.started = asyncio.Event()
        self.finish = asyncio.Event()

    async def tell(self, ahead: int) -> None:
        self.told.append(ahead)

    async def run(self) -> None:
        async with self.queue.turn(self.tell):
            self.started.set()
            await self.finish.wait()


async def _settle() -> None:
    """Let every ready task run until each waits on something the test controls."""
    for _ in range(10):
        await asyncio.sleep(0)


async def test_files_beyond_the_limit_wait_in_order_and_hear_how_many_are_ahead() -> None:
    queue = UploadQueue(at_once=2, waiting=5)
    uploads = [Upload(queue) for _ in range(5)]
    tasks = [asyncio.create_task(u.run()) for u in uploads]
    await _settle()
    assert [u.started.is_set() for u in uploads] == [True, True, False, False, False]
    # Two at work; the third has 2 ahead, the fourth 3, the fifth 4.
    assert [u.told for u in uploads] == [[], [], [2], [3], [4]]
    uploads[1].finish.set()
    await _settle()
    assert tasks[1].done()
    assert [u.started.is_set() for u in uploads] == [True, True, True, False, False]
    assert [u.told for u in uploads[3:]] == [[3, 2], [4, 3]]  # the line moved by one
    for upload in uploads:
        upload.finish.set()
    await asyncio.gather(*tasks)
    assert (queue.running, queue.queued) == (0, 0)


async def test_a_full_line_turns_a_file_away_at_once() -> None:
    queue = UploadQueue(at_once=1, waiting=1)
    first, second = Upload(queue), Upload(queue)
    tasks = [asyncio.create_task(first.run()), asyncio.create_task(second.run())]
    await _settle()
    with pytest.raises(QueueFull) as full:
        await Upload(queue).run()
    assert full.value.ahead == 2
    first.finish.set()
    second.finish.set()
    await asyncio.gather(*tasks)


async def test_a_file_cancelled_while_waiting_leaves_the_line() -> None:
    queue = UploadQueue(at_once=1, waiting=3)
    first, second, third = Upload(queue), Upload(queue), Upload(queue)
    running = asyncio.create_task(first.run())
    waiting = asyncio.create_task(second.run())
    last = asyncio.create_task(third.run())
    await _settle()
    assert third.told == [2]
    waiting.cancel()
    await _settle()
    assert third.told == [2, 1]  # one fewer ahead
    first.finish.set()
    await _settle()
    assert third.started.is_set()
    third.finish.set()
    await asyncio.gather(running, last)
    assert waiting.cancelled()
    assert (queue.running, queue.queued) == (0, 0)
