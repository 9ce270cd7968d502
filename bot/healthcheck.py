"""Container health without calling Telegram: the running bot touches a heartbeat file
(see bot.adapters.telegram); this checks that it was touched recently.

    python -m bot.healthcheck        exit 0 when healthy, 1 otherwise
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

HEARTBEAT_FILE = "heartbeat"
HEARTBEAT_SECONDS = 30
"""How often the bot touches the file; it is stale after four missed beats."""
STALE_AFTER_SECONDS = 4 * HEARTBEAT_SECONDS


def heartbeat_path(data_dir: Path) -> Path:
    return data_dir / HEARTBEAT_FILE


def beat(data_dir: Path) -> None:
    """Touch the heartbeat, making the data folder if need be: with the store on
    PostgreSQL, nothing else may have made it before the first beat."""
    path = heartbeat_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    os.utime(path)


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
