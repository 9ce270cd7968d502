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
from collections.abc import Iterable

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


class Redaction(logging.Filter):
    """Secrets never reach the log, in a message or in a traceback: PTB's own error for a
    refused token quotes the token. That refusal is dropped whole, since `vtrbot run`
    reports it in one line of its own, and so are tracebacks from PTB's HTTP layer (an
    answer that is not JSON, from a mistyped TELEGRAM_BASE_URL)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[secret]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        from telegram.error import InvalidToken

        if record.exc_info and isinstance(record.exc_info[1], InvalidToken):
            return False
        if record.name.startswith("telegram.request"):
            record.exc_info = None  # what the HTTP layer could not parse: its line says it
        record.msg, record.args = self.redact(record.getMessage()), None
        if record.exc_info:
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
        return True


def configure_logging(level: str | int = "INFO", secrets: Iterable[str] = ()) -> None:
    """Log to stderr at `level` for the bot's own records, libraries kept at their floors,
    `secrets` replaced wherever they would appear."""
    logging.basicConfig(level=level, format=FORMAT)
    quiet_libraries()
    redaction = Redaction(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redaction)
