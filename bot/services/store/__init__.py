"""Per-chat storage: SQLite in one file by default, PostgreSQL for many processes.

`open_store(settings)` builds the store the settings ask for; `Store` is the one interface
the services use, whichever backend is behind it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.services.store.backend import StoreClosedError
from bot.services.store.problems import StorageProblem, storage_problem, storage_problem_text
from bot.services.store.schema import SCHEMA_VERSION
from bot.services.store.store import Store

if TYPE_CHECKING:
    from bot.settings import Settings

__all__ = [
    "SCHEMA_VERSION",
    "StorageProblem",
    "Store",
    "StoreClosedError",
    "open_store",
    "storage_problem",
    "storage_problem_text",
]


def open_store(settings: Settings) -> Store:
    """The store `settings` ask for, not yet opened: PostgreSQL when VTRBOT_DATABASE_URL is
    set, else the SQLite file in the data folder."""
    url = settings.database_url.get_secret_value() if settings.database_url else None
    return Store(settings.database_path, database_url=url)
