"""A chat's stored shipments as columns, for the alert pass and /chart."""

from __future__ import annotations

import asyncio
from datetime import date

from bot.domain.shipments import ShipmentTable, stored_frame
from bot.domain.trend import history_start
from bot.services.store import Store


async def stored_history(store: Store, chat_id: int, end: date) -> ShipmentTable:
    """The chat's stored shipments that the report as of `end` and its trend chart count,
    built into columns batch by batch off the event loop: a chat that uploaded a million
    orders costs its columns (~0.15 KB a shipment), not a million record objects."""
    parts = [
        await asyncio.to_thread(stored_frame, rows)
        async for rows in store.shipment_rows(chat_id, since=history_start(end))
    ]
    return await asyncio.to_thread(ShipmentTable.from_stored, parts)
