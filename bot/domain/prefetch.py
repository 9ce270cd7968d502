"""Read ahead: the next batch of a file is read and parsed on a thread of its own while
the engine works on the current one. polars parses without Python's lock, so on a machine
with a free core the reading costs no wall time; one batch waits at most, so memory holds
one more batch than it would (a few MB)."""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def read_ahead(items: Iterator[T]) -> Iterator[T]:
    """`items`, produced one ahead on a thread; an error raised there is raised here, in
    its place. A consumer that stops early stops the producer at its next item."""
    handoff: queue.Queue[object] = queue.Queue(maxsize=1)
    stop = threading.Event()
    thread = threading.Thread(
        target=_produce, args=(items, handoff, stop), name="vtrbot-read-ahead", daemon=True
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


def _produce(items: Iterator[T], handoff: queue.Queue[object], stop: threading.Event) -> None:
    try:
        while not stop.is_set():
            item = next(items, _DONE)
            handoff.put(item)
            if item is _DONE:
                return
    except BaseException as error:  # handed to the consumer, which raises it
        handoff.put(_Failed(error))
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # a generator's own clean-up (its scratch folder) runs here


class Beside(Generic[T]):
    """`function(*args)` run on a thread of its own while the caller does other work:
    polars' queries let go of Python's lock, so on two cores two independent steps of one
    analysis overlap. `result()` waits for it, and raises what it raised."""

    def __init__(self, function: Callable[..., T], *args: object) -> None:
        self._outcome: list[object] = []
        self._thread = threading.Thread(
            target=self._run, args=(function, args), name="vtrbot-beside", daemon=True
        )
        self._thread.start()

    def _run(self, function: Callable[..., T], args: tuple[object, ...]) -> None:
        try:
            self._outcome.append(function(*args))
        except BaseException as error:  # raised in the caller, by result()
            self._outcome.append(_Failed(error))

    def result(self) -> T:
        self._thread.join()
        (outcome,) = self._outcome
        if isinstance(outcome, _Failed):
            raise outcome.error
        return outcome  # type: ignore[return-value]  # what `function` returned
