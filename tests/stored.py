"""What tests read and write in a store beyond what the bot itself needs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from bot.domain.models import RECORD_FIELDS, ShipmentRecord
from bot.services.store import Store


async def merge_records(store: Store, chat_id: int, records: Iterable[ShipmentRecord]) -> int:
    """`Store.merge_shipment_rows` for records, as one batch."""
    rows = [record.as_row() for record in records]
    return await store.merge_shipment_rows(chat_id, iter([rows]))


async def stored_records(store: Store, chat_id: int) -> list[ShipmentRecord]:
    """Every stored shipment of the chat, by ship date (undated first) and order ID."""
    records = [_record(row) async for rows in store.shipment_rows(chat_id) for row in rows]
    return sorted(
        records, key=lambda r: (r.ship_date is not None, r.ship_date or date.min, r.order_id)
    )


def _record(row: tuple[object, ...]) -> ShipmentRecord:
    """A stored row (ship date as ISO text) as the record that was merged."""
    fields = dict(zip(RECORD_FIELDS, row, strict=True))
    shipped = fields["ship_date"]
    fields["ship_date"] = date.fromisoformat(shipped) if isinstance(shipped, str) else None
    return ShipmentRecord.model_construct(**fields)  # type: ignore[arg-type]


async def stored_count(store: Store, chat_id: int) -> int:
    return sum([len(rows) async for rows in store.shipment_rows(chat_id)])
