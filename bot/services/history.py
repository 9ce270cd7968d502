"""A chat's stored shipments as columns, for the alert pass and /chart."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import date

import polars as pl

from bot.domain.shipments import DELIVERY_COLUMNS, ShipmentTable, stored_frame
from bot.domain.trend import history_start
from bot.services.store import Store


async def stored_history(
    store: Store,
    chat_id: int,
    end: date,
    delivered: Mapping[tuple[str, str], str] | None = None,
) -> ShipmentTable:
    """The chat's stored shipments that the report as of `end` and its trend chart count,
    built into columns batch by batch off the event loop: a chat that uploaded a million
    orders costs its columns (~0.15 KB a shipment), not a million record objects.

    `delivered`: (order ID, tracking) → "delivered" or "in_transit", as a connected store's
    package status says; it fills the same column a file's delivery status does."""
    parts = [
        await asyncio.to_thread(stored_frame, rows)
        async for rows in store.shipment_rows(chat_id, since=history_start(end))
    ]
    if delivered:
        parts = [await asyncio.to_thread(with_delivered, part, delivered) for part in parts]
    return await asyncio.to_thread(ShipmentTable.from_stored, parts)


def with_delivered(frame: pl.DataFrame, delivered: Mapping[tuple[str, str], str]) -> pl.DataFrame:
    """The frame with the delivery column: "delivered", "in_transit", or null where nothing
    is known."""
    known = pl.DataFrame(
        {
            "order_id": [order_id for order_id, _ in delivered],
            "tracking": [tracking for _, tracking in delivered],
            DELIVERY_COLUMNS[0]: list(delivered.values()),
        },
        schema={"order_id": pl.String, "tracking": pl.String, DELIVERY_COLUMNS[0]: pl.String},
    )
    return frame.join(known, on=["order_id", "tracking"], how="left", maintain_order="left")
