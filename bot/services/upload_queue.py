"""How many uploads one process works on at once, and the line the others wait in.

A replica admits only the uploads its CPU and its database connections can carry at once
(`at_once`); the next ones wait their turn in the order they came, each told how many files
are ahead of it (and told again as the line moves); beyond `waiting` more, a file is turned
away at once rather than queued for longer than a seller would wait. Waiting holds nothing:
no database connection, no worker process.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

Tell = Callable[[int], Awaitable[None]]
"""Told the number of files ahead of this one, each time it changes while it waits."""


class QueueFull(Exception):
    """Too many files are waiting already: this one is not queued."""

    def __init__(self, ahead: int) -> None:
        super().__init__(f"{ahead} files ahead")
        self.ahead = ahead


@dataclass(eq=False)
class _Ticket:
    moved: asyncio.Event = field(default_factory=asyncio.Event)
    granted: bool = False


class UploadQueue:
    """`at_once` uploads in progress, at most `waiting` more in line, first come first
    served."""

    def __init__(self, at_once: int, waiting: int) -> None:
        if at_once < 1 or waiting < 0:
            raise ValueError("need at least one upload at once and no negative line")
        self.at_once = at_once
        self.waiting = waiting
        self._running = 0
        self._line: deque[_Ticket] = deque()

    @property
    def running(self) -> int:
        return self._running

    @property
    def queued(self) -> int:
        return len(self._line)

    @asynccontextmanager
    async def turn(self, tell: Tell) -> AsyncIterator[None]:
        """Inside, this upload is one of the `at_once`; `QueueFull` when the line is full."""
        if self._running < self.at_once and not self._line:
            self._running += 1
        else:
            await self._wait(tell)
        try:
            yield
        finally:
            self._leave()

    async def _wait(self, tell: Tell) -> None:
        if len(self._line) >= self.waiting:
            raise QueueFull(self._running + len(self._line))
        ticket = _Ticket()
        self._line.append(ticket)
        try:
            while not ticket.granted:
                ticket.moved.clear()  # before telling: a move while telling is not missed
                await tell(self._running + self._line.index(ticket))
                if not ticket.granted:
                    await ticket.moved.wait()
        except BaseException:
            if ticket.granted:
                self._leave()  # given the turn while being cancelled: pass it on
            else:
                self._line.remove(ticket)
                self._tell_line()
            raise

    def _leave(self) -> None:
        """One upload is done: the first in line takes its place (the count stays)."""
        if self._line:
            first = self._line.popleft()
            first.granted = True
            first.moved.set()
        else:
            self._running -= 1
        self._tell_line()

    def _tell_line(self) -> None:
        for ticket in self._line:
            ticket.moved.set()
