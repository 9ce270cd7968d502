"""Reading ahead on a thread: items in order, errors in their place, clean-up on stop."""

from __future__ import annotations

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


def test_work_beside_runs_on_its_own_thread_and_returns_or_raises() -> None:
    import threading

    from bot.domain.prefetch import Beside

    started, release = threading.Event(), threading.Event()

    def waits_for_the_caller(value: int) -> tuple[int, str]:
        started.set()
        assert release.wait(10)  # the caller runs on while this waits: two threads
        return value * 2, threading.current_thread().name

    beside = Beside(waits_for_the_caller, 21)
    assert started.wait(10)
    release.set()
    assert beside.result() == (42, "vtrbot-beside")

    def fails() -> None:
        raise KeyError("from the thread")

    with pytest.raises(KeyError, match="from the thread"):
        Beside(fails).result()
