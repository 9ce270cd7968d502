"""How a worker hands its answer over: used at once, without waiting for the worker's
process to end (`isolation._reap_in_background`)."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from bot.services.isolation import WORKER_ADDRESS_SPACE, call_isolated


def answer_then_linger(fifo: str) -> str:
    """Answers at once, but its process cannot end before a byte is written to `fifo`: a
    thread that is no daemon reads it, and a worker's exit waits for such threads."""
    readable = os.open(fifo, os.O_RDWR)  # never blocks; the read below waits for the byte
    threading.Thread(target=os.read, args=(readable, 1)).start()
    return "answered"


@pytest.mark.slow  # starts a worker process
def test_an_answer_is_not_held_back_by_its_worker_s_exit(tmp_path: Path) -> None:
    fifo = tmp_path / "release"
    os.mkfifo(fifo)
    answers: list[str] = []
    answered = threading.Event()

    def ask() -> None:
        answers.append(call_isolated(answer_then_linger, (str(fifo),), (WORKER_ADDRESS_SPACE, 60)))
        answered.set()

    caller = threading.Thread(target=ask)
    caller.start()
    try:
        assert answered.wait(timeout=60), "the answer waited for its worker to end"
        assert answers == ["answered"]
    finally:
        with contextlib.suppress(OSError):  # no reader: the worker has ended already
            release = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            os.write(release, b"x")
            os.close(release)
        caller.join()
