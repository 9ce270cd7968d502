"""Per-chat storage: SQLite in one file by default, PostgreSQL for many processes.

`Store` is the one interface the services use, whichever backend is behind it; the
bootstrap builds the one the settings ask for (`bot.bootstrap.open_store`).
"""

from __future__ import annotations

from bot.services.store.backend import StoreClosedError, StoreTimeoutError
from bot.services.store.problems import StorageProblem, storage_problem, storage_problem_text
from bot.services.store.schema import SCHEMA_VERSION
from bot.services.store.store import Store

__all__ = [
    "SCHEMA_VERSION",
    "StorageProblem",
    "Store",
    "StoreClosedError",
    "StoreTimeoutError",
    "storage_problem",
    "storage_problem_text",
]
