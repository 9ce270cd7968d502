"""Which failures mean "the database cannot be written now", for either backend, and what a
seller is told when it happens."""

from __future__ import annotations

import errno
import sqlite3
from typing import Literal

from bot.services.i18n import Translator
from bot.services.store.backend import StoreTimeoutError

StorageProblem = Literal["locked", "full"]

_POSTGRES_FULL = frozenset({"53100"})  # disk_full
_POSTGRES_BUSY = frozenset({"55P03", "40P01", "53300", "57P03"})
"""lock_not_available, deadlock_detected, too_many_connections, cannot_connect_now."""


def storage_problem(error: BaseException) -> StorageProblem | None:
    """Whether an error means the database cannot be written now, and why.

    SQLite reports both as OperationalError text; a full disk can also surface as ENOSPC,
    which polars (writing a big file's parts) reports only in its message. PostgreSQL's
    driver carries the server's SQLSTATE code."""
    if isinstance(error, OSError) and (
        error.errno == errno.ENOSPC or f"os error {errno.ENOSPC})" in str(error)
    ):
        return "full"
    if isinstance(error, sqlite3.OperationalError):
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            return "locked"
        if "full" in text:
            return "full"
    if isinstance(error, StoreTimeoutError):
        return "locked"
    code = getattr(error, "sqlstate", None)
    if code in _POSTGRES_FULL:
        return "full"
    if code in _POSTGRES_BUSY:
        return "locked"
    return None


def storage_problem_text(problem: StorageProblem, t: Translator) -> str:
    """What the seller is told: nothing was saved, and whether waiting a minute helps."""
    if problem == "locked":
        return t._(
            "My database is busy right now, so nothing was saved. Please try again in a minute."
        )
    return t._(
        "My storage is full, so nothing was saved and your earlier data is unchanged. "
        "Please try again later; the bot's operator needs to free disk space."
    )
