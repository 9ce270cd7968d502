"""Orders from the Selling Partner API (Orders 2026-01-01) as the shipments VTR counts.

Each FBM package is one shipment (docs/operating.md, "Connect Amazon"): its carrier, tracking number and ship
time, with the order's marketplace. Orders carry no category: it comes from the seller's
own uploaded files, by order ID, else by SKU or ASIN learned from orders that were both
uploaded and synced, else "Uncategorized". No buyer data is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from bot.domain.amazon_regions import marketplace_code_of
from bot.domain.exemptions import EU_LETTER_LIMIT_EUR, JP_EXEMPT_LIMIT_JPY, _is_letter_service
from bot.domain.models import UNCATEGORIZED, ExclusionReason, ShipmentRecord
from bot.domain.reference import marketplace_by_code
from bot.domain.values import marketplace_code

DELIVERED = "DELIVERED"
"""Amazon's `packageStatus.status` of a delivered package: its tracking can no longer be
edited (the others: PENDING, IN_TRANSIT, SHIPPED, CANCELLED, UNDELIVERABLE)."""


@dataclass(frozen=True, slots=True)
class SyncedPackage:
    """One package as a stored shipment, with what only Amazon knows: its status."""

    record: ShipmentRecord
    package_id: str
    status: str


@dataclass
class CategoryBook:
    """Where a synced order's category comes from: the seller's uploads.

    `by_order`: order ID → category, from stored (uploaded) shipments. `by_item`:
    "sku:…"/"asin:…" → category, learned from orders that are in both."""

    by_order: dict[str, str] = field(default_factory=dict)
    by_item: dict[str, str] = field(default_factory=dict)
    learned: dict[str, str] = field(default_factory=dict)
    """Item keys learned during this sync, to be stored."""

    def category(self, order_id: str, items: Iterable[str]) -> str:
        known = self.by_order.get(order_id)
        if known and known != UNCATEGORIZED:
            return known
        return next((self.by_item[key] for key in items if key in self.by_item), UNCATEGORIZED)

    def learn(self, order_id: str, items: Iterable[str]) -> None:
        known = self.by_order.get(order_id)
        if not known or known == UNCATEGORIZED:
            return
        for key in items:
            if self.by_item.get(key) != known:
                self.by_item[key] = known
                self.learned[key] = known


def item_keys(order: Mapping[str, Any]) -> list[str]:
    """'sku:…' then 'asin:…' keys of the order's items (SKU first: a seller's own)."""
    products = [item.get("product") or {} for item in order.get("orderItems") or []]
    skus = [f"sku:{p['sellerSku']}" for p in products if p.get("sellerSku")]
    asins = [f"asin:{p['asin']}" for p in products if p.get("asin")]
    return skus + asins


def packages_of(order: Mapping[str, Any], book: CategoryBook) -> list[SyncedPackage]:
    """The order's packages as shipments; none for an order not yet packed."""
    order_id = str(order["orderId"])
    keys = item_keys(order)
    book.learn(order_id, keys)
    category = book.category(order_id, keys)
    marketplace = _marketplace(order.get("salesChannel") or {})
    order_excluded = _order_exclusion(order, marketplace)
    out = []
    for package in order.get("packages") or []:
        status = str((package.get("packageStatus") or {}).get("status", ""))
        ship_date = _date(package.get("shipTime"))
        record = ShipmentRecord.model_construct(
            order_id=order_id,
            ship_date=ship_date,
            carrier=str(package.get("carrier") or ""),
            tracking=str(package.get("trackingNumber") or ""),
            category=category,
            marketplace=marketplace,
            excluded=_package_exclusion(status, ship_date, order_excluded, package),
        )
        out.append(SyncedPackage(record, str(package["packageReferenceId"]), status))
    return out


def _marketplace(channel: Mapping[str, Any]) -> str:
    name = str(channel.get("marketplaceName") or "")
    code = marketplace_code(name) if name else ""
    return (
        code
        if code and code != name
        else marketplace_code_of(str(channel.get("marketplaceId", "")))
    )


def _date(value: object) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _order_exclusion(order: Mapping[str, Any], marketplace: str) -> ExclusionReason | None:
    fulfillment = order.get("fulfillment") or {}
    if fulfillment.get("fulfilledBy") == "AMAZON":
        return "fba"
    if fulfillment.get("fulfillmentStatus") == "CANCELLED":
        return "cancelled"
    return _value_exemption(order, marketplace)


def _package_exclusion(
    status: str, ship_date: date | None, order_excluded: ExclusionReason | None,
    package: Mapping[str, Any],
) -> ExclusionReason | None:  # fmt: skip
    """The engine's order of reasons (`docs/vtr-rules.md §4.2`): FBA, cancelled, not shipped,
    then the value exemptions (a letter-service package only)."""
    if order_excluded in ("fba", "cancelled"):
        return order_excluded
    if status == "CANCELLED":
        return "cancelled"
    if ship_date is None or status == "PENDING":
        return "not_shipped"
    if order_excluded == "eu_letter_under_20":
        service = str(package.get("shippingService") or "")
        return order_excluded if _is_letter_service(service) else None
    return order_excluded


def _value_exemption(order: Mapping[str, Any], marketplace: str) -> ExclusionReason | None:
    """EUR orders under 20 (VAT excluded, shipping included) may be letter-exempt; JPY orders
    under 1,000 on amazon.co.jp are exempt. Needs `includedData=PROCEEDS`."""
    proceeds = order.get("proceeds") or {}
    total = _money(proceeds.get("grandTotal"))
    if total is None:
        return None
    amount, currency = total
    for breakdown in proceeds.get("breakdowns") or []:
        tax = _money(breakdown.get("subtotal")) if breakdown.get("type") == "TAX" else None
        if tax and tax[1] == currency:
            amount -= tax[0]
    if marketplace == "JP" and currency == "JPY" and amount < JP_EXEMPT_LIMIT_JPY:
        return "jp_under_1000"
    market = marketplace_by_code().get(marketplace)
    letter_rule = market is not None and market.letter_rule
    if letter_rule and currency == "EUR" and amount < EU_LETTER_LIMIT_EUR:
        return "eu_letter_under_20"
    return None


def _money(value: object) -> tuple[Decimal, str] | None:
    if not isinstance(value, Mapping):
        return None
    try:
        return Decimal(str(value.get("amount"))), str(value.get("currencyCode", ""))
    except InvalidOperation:
        return None
