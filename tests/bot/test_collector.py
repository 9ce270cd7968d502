"""`bot.collector.kept_for_good`: a process's start-up made with the cyclic collector paused,
then frozen out of its way; and the commands that use it only in their own process."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from bot.collector import kept_for_good


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """The test process's objects put back in the collector's reach afterwards."""
    yield
    gc.unfreeze()


@pytest.mark.usefixtures("unfrozen")
def test_the_block_runs_uncollected_and_what_it_made_is_frozen() -> None:
    assert gc.isenabled()
    before = gc.get_freeze_count()
    with kept_for_good():
        inside = gc.isenabled()
        made = [[n] for n in range(1_000)]  # a thousand tracked objects, kept
    assert not inside
    assert gc.isenabled()
    assert gc.get_freeze_count() >= before + len(made)


@pytest.mark.usefixtures("unfrozen")
def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with kept_for_good():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.usefixtures("unfrozen")
def test_an_error_in_the_block_still_gives_the_collector_back() -> None:
    with pytest.raises(ValueError), kept_for_good():
        raise ValueError("start-up failed")
    assert gc.isenabled()


def test_ask_run_as_the_program_freezes_its_knowledge_base() -> None:
    """The command's own process (`python -m bot ask`): its start-up frozen. Counted at exit,
    by a hook the probe adds, so the answer is printed as usual before it."""
    probe = (
        "import atexit, gc, sys; "
        "atexit.register(lambda: print('frozen', gc.get_freeze_count(), gc.isenabled())); "
        "sys.argv = ['vtrbot', 'ask', 'is 94.9% below the bar']; "
        "from bot.cli import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    frozen, count, enabled = done.stdout.splitlines()[-1].split()
    assert frozen == "frozen"
    assert int(count) > 10_000  # the knowledge base and the modules it needs
    assert enabled == "True"


def test_ask_called_by_a_program_freezes_nothing_of_it(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    before = gc.get_freeze_count()
    assert main(["ask", "is 94.9% below the bar"]) == 0
    assert "94.9%" in capsys.readouterr().out
    assert gc.get_freeze_count() == before
    assert gc.isenabled()
