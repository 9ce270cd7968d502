"""What the running bot may log: its own records at any level, libraries' only when safe.

Libraries below these levels write what users sent and what the bot answered:
- httpx logs every request URL at INFO, and Bot API URLs hold the token;
- PTB's bot logs every call's parameters and result at DEBUG: messages, reports with order IDs
  and tracking numbers, file paths with the token in them;
- aiosqlite logs every statement with its parameters at DEBUG: order and tracking numbers.

So `vtrbot run --log-level DEBUG` debugs the bot, never dumps sellers' data. Found by the log
scan in tests/bot/test_security.py.
"""

from __future__ import annotations

import logging

LIBRARY_FLOORS: dict[str, int] = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "telegram": logging.INFO,
    "aiosqlite": logging.INFO,
}
"""The most verbose level each library logger is allowed, whatever the root level."""

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def quiet_libraries() -> None:
    """Set each library logger to its floor (one set quieter than that stays as it is)."""
    for name, floor in LIBRARY_FLOORS.items():
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.level, floor))


def configure_logging(level: str | int = "INFO") -> None:
    """Log to stderr at `level` for the bot's own records, libraries kept at their floors."""
    logging.basicConfig(level=level, format=FORMAT)
    quiet_libraries()
