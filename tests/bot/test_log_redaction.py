"""The running bot's log filter (bot/adapters/telegram/logs.py), record by record: the log scan
of tests/bot/test_security.py runs a whole bot, in the full tier."""

from __future__ import annotations

import logging
import sys

from telegram.error import InvalidToken

from bot.adapters.telegram.logs import Redaction

TOKEN = "123456:AAsecret-token"


def _record(name: str, message: str, *args: object, error: BaseException | None = None):
    exc_info = None
    if error is not None:
        try:
            raise error
        except type(error):
            exc_info = sys.exc_info()
    return logging.LogRecord(name, logging.ERROR, __file__, 1, message, args, exc_info)


def test_a_secret_is_replaced_in_the_message_and_its_arguments() -> None:
    record = _record("bot.core", "calling %s/getMe with %s", f"https://api/{TOKEN}", TOKEN)
    assert Redaction([TOKEN, ""]).filter(record)
    assert record.getMessage() == "calling https://api/[secret]/getMe with [secret]"


def test_a_secret_in_a_traceback_is_replaced() -> None:
    record = _record("bot.core", "failed", error=RuntimeError(f"bad url .../bot{TOKEN}/"))
    assert Redaction([TOKEN]).filter(record)
    assert record.exc_text is not None
    assert "RuntimeError: bad url .../bot[secret]/" in record.exc_text
    assert TOKEN not in record.exc_text


def test_a_refused_token_is_dropped_whole() -> None:
    record = _record("telegram.ext.Application", "error", error=InvalidToken(f"{TOKEN} refused"))
    assert not Redaction([TOKEN]).filter(record)


def test_the_http_layers_traceback_is_left_out_and_its_line_kept() -> None:
    record = _record("telegram.request", "could not parse %s", "<html>", error=ValueError("x"))
    assert Redaction([]).filter(record)
    assert (record.exc_info, record.exc_text, record.getMessage()) == (
        None,
        None,
        "could not parse <html>",
    )
