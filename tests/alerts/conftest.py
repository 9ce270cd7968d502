"""Small stores of shipments, built record by record, for the alert and trend tests."""

from __future__ import annotations

from datetime import date, timedelta

from bot.domain.models import ShipmentRecord
from bot.domain.shipments import ShipmentTable

UPS_OK = "1Z5R89390357567127"  # a valid UPS number (check digit included)


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def shipment(
    order: str,
    ship: date,
    category: str = "Toys",
    tracking: str = UPS_OK,
    carrier: str = "UPS",
    excluded: str | None = None,
) -> ShipmentRecord:
    """A valid UPS shipment unless told otherwise (tracking="" → missing_tracking)."""
    return ShipmentRecord(
        order_id=order,
        ship_date=ship,
        carrier=carrier,
        tracking=tracking,
        category=category,
        excluded=excluded,  # type: ignore[arg-type]
    )


def table(records: list[ShipmentRecord]) -> ShipmentTable:
    return ShipmentTable.from_records(records)


def rolling_store() -> ShipmentTable:
    """What a seller uploaded on 2026-11-30, then never again.

    Toys: no tracking on 11-02 and on 11-03 (one shipment each); one valid shipment a day
    from 11-10 to 11-30 (21). Plus an FBA shipment on 11-20, which never counts.
    """
    records = [
        shipment("T-bad-1", date(2026, 11, 2), tracking=""),
        shipment("T-bad-2", date(2026, 11, 3), tracking=""),
        *(shipment(f"T-{d:%m%d}", d) for d in days(date(2026, 11, 10), date(2026, 11, 30))),
        shipment("FBA-1", date(2026, 11, 20), tracking="", excluded="fba"),
    ]
    return table(records)


def garden_store() -> ShipmentTable:
    """Garden: 10 valid a day 11-01 … 11-07 (70), one a day 11-24 … 11-30 of which the last
    two (11-29, 11-30) have no tracking. As of 11-30: 75/77 = 97.4%, but at risk."""
    return table(
        [
            *(
                shipment(f"G-{d:%d}-{i}", d, "Garden")
                for d in days(date(2026, 11, 1), date(2026, 11, 7))
                for i in range(10)
            ),
            *(
                shipment(f"G-{d:%d}", d, "Garden")
                for d in days(date(2026, 11, 24), date(2026, 11, 28))
            ),
            shipment("G-bad-29", date(2026, 11, 29), "Garden", tracking=""),
            shipment("G-bad-30", date(2026, 11, 30), "Garden", tracking=""),
        ]
    )
