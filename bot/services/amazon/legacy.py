"""Upgrading from the release that kept the Amazon connection in its own file.

That release wrote `amazon.sqlite3` beside the bot's database. At start-up its rows are
copied into the store once, then the file is renamed `amazon.sqlite3.imported` (its WAL
and shared-memory files with it), so it is never read again and stays as a backup the
operator may delete. Rows the store already holds win (`ON CONFLICT DO NOTHING`): an import
cut short by a crash is simply done again at the next start.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections import defaultdict
from pathlib import Path

from bot.services.store import Store
from bot.services.store.backend import Row

log = logging.getLogger(__name__)

LEGACY_NAME = "amazon.sqlite3"
IMPORTED_SUFFIX = ".imported"
COLUMNS = {
    "connections": "chat_id, region, marketplaces, sealed_token, state, created_at, updated_at",
    "sync_state": "chat_id, orders_cursor, last_good_sync, last_attempt, last_problem, "
    "report_retry_on",
    "packages": "chat_id, order_id, package_id, tracking, status",
    "item_categories": "chat_id, item_key, category",
    "performance_snapshots": "chat_id, marketplace_id, snapshot_date, shipment_count, "
    "valid_tracking_count, status, rate, date_from, date_to, account_status, metrics_json",
}
"""The old file's tables and the columns copied, the same in the store's tables named
`amazon_…` (the snapshots' as `amazon_snapshots`)."""
STORE_TABLE = {
    "connections": "amazon_connections",
    "sync_state": "amazon_sync_state",
    "packages": "amazon_packages",
    "item_categories": "amazon_item_categories",
    "performance_snapshots": "amazon_snapshots",
}


def legacy_file(store: Store) -> Path | None:
    """The old file beside the store's database, when there is one to import."""
    if str(store.path) == ":memory:":
        return None
    path = store.path.with_name(LEGACY_NAME)
    return path if path.is_file() else None


async def import_legacy_file(store: Store) -> int:
    """Copy the old file's rows into the open store, then rename the file; the number of
    rows copied (0 when there was no file)."""
    path = legacy_file(store)
    if path is None:
        return 0
    tables = await asyncio.to_thread(_read, path)
    by_chat: dict[int, list[tuple[str, Row]]] = defaultdict(list)
    for table, rows in tables.items():
        for row in rows:
            by_chat[int(row[0])].append((table, row))  # type: ignore[call-overload]
    for chat_id, rows in by_chat.items():
        async with store.backend.transaction(chat_id) as transaction:
            for table, row in rows:
                marks = ", ".join("?" * len(row))
                await transaction.execute(
                    f"INSERT INTO {STORE_TABLE[table]} ({COLUMNS[table]}) VALUES ({marks}) "
                    "ON CONFLICT DO NOTHING",
                    row,
                )
    await asyncio.to_thread(_set_aside, path)
    copied = sum(len(rows) for rows in by_chat.values())
    log.info("imported %d rows of %d chats from %s", copied, len(by_chat), path.name)
    return copied


def _read(path: Path) -> dict[str, list[Row]]:
    """Every row of the old tables present (a file never migrated has none). Opened
    read-write so a WAL left by a killed process is recovered, then folded in on close."""
    connection = sqlite3.connect(path)
    try:
        present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        return {
            table: [tuple(row) for row in connection.execute(f"SELECT {columns} FROM {table}")]
            for table, columns in COLUMNS.items()
            if table in present
        }
    finally:
        connection.close()


def _set_aside(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(path.with_name(path.name + IMPORTED_SUFFIX + suffix))
    path.rename(path.with_name(path.name + IMPORTED_SUFFIX))
