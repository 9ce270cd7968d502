"""What `Store` needs from a database: the few operations SQLite and PostgreSQL do differently.

Everything else (the queries themselves) is written once, in `store.py`, with `?` placeholders.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bot.services.store.schema import Dialect

if TYPE_CHECKING:
    import polars as pl

Row = tuple[object, ...]
Params = Sequence[object]

STAGING_COLUMNS = (
    "order_id TEXT NOT NULL, ship_date TEXT, carrier TEXT NOT NULL, tracking TEXT NOT NULL, "
    "category TEXT NOT NULL, marketplace TEXT NOT NULL, excluded TEXT, shop TEXT NOT NULL"
)
"""The temporary table `upload` an upload is staged in before it replaces stored orders."""
SHIPMENT_COLUMNS = "order_id, ship_date, carrier, tracking, category, marketplace, excluded, shop"
"""RECORD_FIELDS, in order, as stored."""
UPLOAD_BATCH_ROWS = 50_000
"""Rows an upload's merge inserts and replaces per statement (`Transaction.merge`)."""
Frames = Iterator["pl.DataFrame"]
"""An upload's shipments as columns, already as stored (SHIPMENT_COLUMNS, dates as ISO
text), each frame in order ID order (`Shipments.stored_frames`)."""


def stored_time(moment: datetime) -> str:
    """How the store writes a moment: UTC, ISO 8601 to the second, so that comparing the
    text compares the times, on both backends."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def stored_now() -> str:
    """Now, as the store writes a moment (`stored_time`)."""
    return stored_time(datetime.now(UTC))


def blob(value: object) -> bytes:
    """A BLOB (SQLite) or BYTEA (PostgreSQL) column's value as bytes, whichever buffer type
    the driver handed back."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    raise TypeError(f"expected a binary column value, got {type(value).__name__}")


class StoreClosedError(RuntimeError):
    """The store was used before `open()` or after `close()`."""


class StoreTimeoutError(RuntimeError):
    """The database did not answer in time (no free connection, a lock held elsewhere, a
    statement too slow): the seller is told the store is busy, instead of waiting forever."""


class Transaction(Protocol):
    """Statements that commit together or not at all."""

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; the number of rows it changed."""
        ...

    async def write_returning(self, sql: str, params: Params = ()) -> Row | None:
        """One write statement with RETURNING; its first row, None when it wrote nothing."""
        ...

    async def start_merge(self, chat_id: int) -> None:
        """An upload for the chat begins: each order in it will replace the chat's stored
        shipments of that order. Staging starts empty."""
        ...

    async def merge(self, rows: Sequence[Row]) -> None:
        """One batch of the upload, as fast as the database takes rows in bulk. Where its
        orders replace the stored ones (now or in `finish_merge`) is the backend's choice;
        an order split across batches keeps the rows of every batch."""
        ...

    async def finish_merge(self) -> None:
        """The upload is whole: whatever is left of the replacing is done, staging freed."""
        ...

    async def merge_upload(self) -> int:
        """The shipments given to `Backend.upload`, merged as `start_merge`, `merge` and
        `finish_merge` merge rows; the number written."""
        ...


class Backend(Protocol):
    dialect: Dialect

    async def open(self) -> None:
        """Connect, and migrate the schema to this code's version."""
        ...

    async def close(self) -> None: ...

    async def schema_version(self) -> int: ...

    async def fetch(self, sql: str, params: Params = ()) -> list[Row]:
        """Rows of a read, from committed data (never waits for a merge in progress)."""
        ...

    async def execute(self, sql: str, params: Params = ()) -> int:
        """One write statement on its own; the number of rows it changed."""
        ...

    def transaction(self, chat_id: int) -> AbstractAsyncContextManager[Transaction]:
        """All-or-nothing writes for one chat; one such transaction per chat at a time."""
        ...

    def upload(
        self, chat_id: int, frames: Frames, scratch: Path | None
    ) -> AbstractAsyncContextManager[Transaction]:
        """`transaction(chat_id)`, in which `merge_upload()` merges `frames` the fastest way
        the database takes columns; `scratch` is where staged copies may be written (they
        are removed before this ends)."""
        ...

    def stream(self, sql: str, params: Params, size: int) -> AsyncIterator[list[Row]]:
        """A read's rows, `size` at a time."""
        ...

    def hold(self, key: str) -> AbstractAsyncContextManager[bool]:
        """Hold a named lock across every process sharing the database while inside; yields
        False at once when another holder has it. A holder that dies releases it."""
        ...

    async def ping(self, seconds: float) -> None:
        """One trivial query answered within `seconds`, or `StoreTimeoutError`: the health
        check's proof that this process still gets answers from its database."""
        ...

    async def scrub(self) -> None:
        """Make deleted rows unreadable from the database's files (after /forget)."""
        ...
