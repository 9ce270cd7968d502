"""An order asked by its ID that is no defect of the report ("what about order 205-…?",
'205-… 这单怎么样'): what the report did with it, read from the chat's stored shipments (the
store's order index), each package as the upload decided it: left out and why (the reason
stored at upload, the one the report counts by), outside the report's window, or counted and
valid; or not in the file at all. Nothing is decided again here."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from bot.domain.knowledge.case import Case
from bot.domain.models import VtrReport
from bot.services.i18n import Translator
from bot.services.report_text import exclusion_names
from bot.services.store.store import OrderRow

_AMAZON_ORDER_ID = re.compile(r"(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)")

MAX_ORDERS = 5
"""Orders looked up for one question, at most."""


def order_tokens(case: Case) -> list[str]:
    """The Amazon order IDs a question names (3-7-7 digits), for the store to look up."""
    raw = unicodedata.normalize("NFKC", case.raw)
    return list(dict.fromkeys(m.group() for m in _AMAZON_ORDER_ID.finditer(raw)))[:MAX_ORDERS]


def none_is_a_defect(orders: set[str], report: VtrReport) -> bool:
    """No order named is among the report's invalid packages."""
    return not any(d.order_id.casefold() in orders for d in report.defects)


def orders_looked_up(
    orders: Sequence[str], report: VtrReport, t: Translator, rows: Sequence[OrderRow]
) -> list[str]:
    """Each order named: its packages as the report took them, or that it is not in the file."""
    lines: list[str] = []
    for order in orders:
        own = [r for r in rows if r.order_id.casefold() == order.casefold()]
        if not own:
            lines.append(
                t._(
                    "Order {order} is not in any shipment I have from your files.",
                    order=order,
                )
            )
            continue
        if len(own) > 1:
            lines.append(
                t._(
                    "Order {order} has {count} packages in your file:",
                    order=order,
                    count=len(own),
                )
            )
        lines += [_package_line(order, row, report, t) for row in own]
    return lines


def _package_line(order: str, row: OrderRow, report: VtrReport, t: Translator) -> str:
    """One package of the order, as the report took it."""
    number = row.tracking or t._("no tracking number")
    if row.excluded:
        return t._(
            "Order {order} ({number}) is in your file but not counted in VTR: {reason}.",
            order=order,
            number=number,
            reason=exclusion_names(t).get(row.excluded, row.excluded),
        )
    shipped = date.fromisoformat(row.ship_date) if row.ship_date else None
    if not report.window.holds(shipped):
        return t._(
            "Order {order} ({number}) is in your file but not counted in VTR: shipped "
            "{date}, outside the 30-day window of your last report.",
            order=order,
            number=number,
            date=t.date(shipped) if shipped else "–",
        )
    return t._(
        "Order {order} is counted, and its tracking is valid: {carrier} {number}, shipped {date}.",
        order=order,
        carrier=row.carrier,
        number=number,
        date=t.date(shipped),
    )
