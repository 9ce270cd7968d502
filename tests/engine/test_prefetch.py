"""Reading ahead on a thread: items in order, errors in their place, clean-up on stop."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from bot.domain.prefetch import read_ahead


def test_items_arrive_in_order() -> None:
    assert list(read_ahead(iter(range(50)))) == list(range(50))


def test_an_error_is_raised_where_its_item_would_be() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("bad chunk")

    received = []
    with pytest.raises(ValueError, match="bad chunk"):
        for item in read_ahead(items()):
            received.append(item)
    assert received == [1, 2]


def test_stopping_early_closes_the_source_and_reads_at_most_one_ahead() -> None:
    pulled: list[int] = []
    closed = []

    def items() -> Iterator[int]:
        try:
            for number in range(1000):
                pulled.append(number)
                yield number
        finally:
            closed.append(True)

    for item in read_ahead(items()):
        if item == 3:
            break
    assert closed == [True]
    # the consumer took 0..3; the producer may have read one more and queued one more
    assert len(pulled) <= 6


def test_an_item_ready_while_the_consumer_is_busy_is_finished_on_the_thread() -> None:
    """The consumer stays on item 1 until the thread has finished an item: one of the next
    two is ready while the one before it still waits for the consumer (2 beside 1, or 3
    beside 2), and the thread finishes it; never item 1, ready with nothing waiting. The
    consumer finishes what comes unfinished: every item once, in order."""
    consumer = threading.current_thread()
    finished_on_thread = threading.Event()
    finished_by: dict[int, str] = {}

    def finish(item: int) -> int:
        by_thread = threading.current_thread() is not consumer
        finished_by[item] = "thread" if by_thread else "consumer"
        if by_thread:
            finished_on_thread.set()
        return item * 10

    received = []
    for item in read_ahead(iter([1, 2, 3]), finish):
        if item == 1:  # busy with 1 until the thread has had an item to finish
            assert finished_on_thread.wait(timeout=30)
        received.append(item if item >= 10 else finish(item))
    assert received == [10, 20, 30]
    assert sorted(finished_by) == [1, 2, 3]
    assert finished_by[1] == "consumer"
    assert "thread" in (finished_by[2], finished_by[3])
