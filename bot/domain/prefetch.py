"""Read ahead: the next batch of a file is read and parsed on a thread of its own while
the engine works on the current one. polars parses without Python's lock, so on a machine
with a free core the reading costs no wall time; one batch waits at most, so memory holds
one more batch than it would (a few MB)."""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def read_ahead(items: Iterator[T], finish: Callable[[T], T] | None = None) -> Iterator[T]:
    """`items`, produced one ahead on a thread; an error raised there is raised here, in
    its place. A consumer that stops early stops the producer at its next item.

    `finish`: work the consumer would otherwise do on an item, done on the thread instead
    when the item is ready while the consumer is still busy with the one before (the
    handoff is full): the two threads then share the work as their pace allows, whatever
    the file and the machine's load. The consumer finishes the items that come unfinished
    (the same work, so either way gives the same result)."""
    handoff: queue.Queue[object] = queue.Queue(maxsize=1)
    stop = threading.Event()
    thread = threading.Thread(
        target=_produce,
        args=(items, handoff, stop, finish),
        name="vtrbot-read-ahead",
        daemon=True,
    )
    thread.start()
    try:
        while (item := handoff.get()) is not _DONE:
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]  # anything else is one of `items`
    finally:
        stop.set()
        while thread.is_alive():  # unblock a producer waiting to hand over its item
            with contextlib.suppress(queue.Empty):
                handoff.get(timeout=0.05)
        thread.join()


def _produce(
    items: Iterator[T],
    handoff: queue.Queue[object],
    stop: threading.Event,
    finish: Callable[[T], T] | None,
) -> None:
    try:
        while not stop.is_set():
            item = next(items, _DONE)
            if finish is not None and item is not _DONE and handoff.full():
                item = finish(item)  # type: ignore[arg-type]  # anything else is one of `items`
            handoff.put(item)
            if item is _DONE:
                return
    except BaseException as error:  # handed to the consumer, which raises it
        handoff.put(_Failed(error))
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # a generator's own clean-up (its scratch folder) runs here
