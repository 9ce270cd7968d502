"""Container health without calling Telegram: the running bot touches a heartbeat file
(see bot.adapters.telegram) each time its event loop runs the heartbeat and its store
answers a query in time; this checks that it was touched recently. A replica whose loop is
blocked, or whose store stopped answering (a pool that never frees a connection, a database
gone away), goes stale and is restarted by the orchestrator.

    python -m bot.healthcheck        exit 0 when healthy, 1 otherwise
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

log = logging.getLogger(__name__)

HEARTBEAT_FILE = "heartbeat"
HEARTBEAT_SECONDS = 30
"""How often the bot touches the file; it is stale after four missed beats."""
STALE_AFTER_SECONDS = 4 * HEARTBEAT_SECONDS
STORE_ANSWER_SECONDS = 10.0
"""How long a heartbeat waits for the store's answer before it skips the beat."""


def heartbeat_path(data_dir: Path) -> Path:
    return data_dir / HEARTBEAT_FILE


def beat(data_dir: Path) -> None:
    """Touch the heartbeat, making the data folder if need be: with the store on
    PostgreSQL, nothing else may have made it before the first beat."""
    path = heartbeat_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    os.utime(path)


async def beat_if_store_answers(data_dir: Path, ping: Callable[[float], Awaitable[None]]) -> bool:
    """Touch the heartbeat only when `ping` (the store's) answered within
    STORE_ANSWER_SECONDS: a store silent for STALE_AFTER_SECONDS makes the process unhealthy."""
    try:
        await ping(STORE_ANSWER_SECONDS)
    except Exception as error:  # any failure to answer is the same: no beat
        log.warning("heartbeat skipped: the store did not answer (%s)", type(error).__name__)
        return False
    beat(data_dir)
    return True


def is_healthy(data_dir: Path, now: float | None = None) -> bool:
    try:
        age = (now or time.time()) - heartbeat_path(data_dir).stat().st_mtime
    except OSError:
        return False
    return age <= STALE_AFTER_SECONDS


def main() -> int:
    from bot.settings import Settings

    return 0 if is_healthy(Settings().data_dir) else 1


if __name__ == "__main__":
    sys.exit(main())
