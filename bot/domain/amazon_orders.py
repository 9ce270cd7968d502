"""Orders from the Selling Partner API (Orders 2026-01-01) as the shipments VTR counts.

Each FBM package is one shipment (docs/operating.md, "Connect Amazon"): its carrier, tracking number and ship
time, with the order's marketplace. Orders carry no category. It comes from Amazon's catalog
(each item's ASIN, `bot.domain.amazon_catalog`) or from the seller's own uploaded files (by
order ID, else by SKU or ASIN learned from orders that were both uploaded and synced); by
default Amazon's wins, and the seller may choose their own. With neither, the package is
"Uncategorized", and its source "none" says so. No buyer data is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from bot.domain.amazon_regions import marketplace_code_of
from bot.domain.categories import product_category
from bot.domain.exemptions import order_value_exemption
from bot.domain.models import UNCATEGORIZED, ExclusionReason, ShipmentRecord
from bot.domain.values import marketplace_code

DELIVERED = "DELIVERED"
"""Amazon's `packageStatus.status` of a delivered package: its tracking can no longer be
edited (the others: PENDING, IN_TRANSIT, SHIPPED, CANCELLED, UNDELIVERABLE)."""


CategorySource = Literal["amazon", "upload", "none"]
"""Where a synced package's category came from: Amazon's catalog, the seller's upload, or
neither (then it is Uncategorized)."""


@dataclass(frozen=True, slots=True)
class PackageItem:
    """An order item in a package: what confirmShipment names when tracking is edited."""

    order_item_id: str
    quantity: int
    asin: str = ""
    sku: str = ""


@dataclass(frozen=True, slots=True)
class SyncedPackage:
    """One package as a stored shipment, with what only Amazon knows: its status, the
    category's source, the marketplace and the items the package holds."""

    record: ShipmentRecord
    package_id: str
    status: str
    category_source: CategorySource = "none"
    marketplace_id: str = ""
    items: tuple[PackageItem, ...] = ()
    ship_time: str = ""
    """Amazon's `shipTime` as sent (ISO 8601): a fix confirms the same ship date."""
    programs: tuple[str, ...] = ()
    """The order's programs: FBM_SHIP_PLUS and AMAZON_EASY_SHIP labels are Amazon's own."""


@dataclass
class CategoryBook:
    """Where a synced order's category comes from.

    `by_order`: order ID → category, from stored (uploaded) shipments. `by_item`:
    "sku:…"/"asin:…" → category, learned from orders that are in both. `catalog`:
    (marketplace ID, ASIN) → Amazon's category, None when Amazon gave none.
    `prefer_upload`: the seller chose their own categories over Amazon's."""

    by_order: dict[str, str] = field(default_factory=dict)
    by_item: dict[str, str] = field(default_factory=dict)
    catalog: dict[tuple[str, str], str | None] = field(default_factory=dict)
    prefer_upload: bool = False
    learned: dict[str, str] = field(default_factory=dict)
    """Item keys learned during this sync, to be stored."""

    def category(
        self, order_id: str, items: Iterable[str], marketplace_id: str = ""
    ) -> tuple[str, CategorySource]:
        """The order's category and its source, the seller's choice first; an uploaded
        path (stored before paths were read, or learned for an item) as its top level."""
        keys = list(items)
        uploaded = self._uploaded(order_id, keys)
        asins = [key.removeprefix("asin:") for key in keys if key.startswith("asin:")]
        amazon = next((c for a in asins if (c := self.catalog.get((marketplace_id, a)))), None)
        candidates: list[tuple[str | None, CategorySource]] = [
            (amazon, "amazon"), (uploaded, "upload"),
        ]  # fmt: skip
        if self.prefer_upload:
            candidates.reverse()
        return next(
            ((product_category(c) or UNCATEGORIZED, s) for c, s in candidates if c),
            (UNCATEGORIZED, "none"),
        )

    def _uploaded(self, order_id: str, keys: list[str]) -> str | None:
        known = self.by_order.get(order_id)
        if known and known != UNCATEGORIZED:
            return known
        return next((self.by_item[key] for key in keys if key in self.by_item), None)

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


def order_asins(order: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(marketplace ID, ASIN) of the order's items: what the catalog is asked about."""
    marketplace_id = str((order.get("salesChannel") or {}).get("marketplaceId") or "")
    keys = item_keys(order)
    return [(marketplace_id, k.removeprefix("asin:")) for k in keys if k.startswith("asin:")]


def packages_of(order: Mapping[str, Any], book: CategoryBook) -> list[SyncedPackage]:
    """The order's packages as shipments; none for an order not yet packed."""
    order_id = str(order["orderId"])
    keys = item_keys(order)
    book.learn(order_id, keys)
    channel = order.get("salesChannel") or {}
    marketplace_id = str(channel.get("marketplaceId") or "")
    category, source = book.category(order_id, keys, marketplace_id)
    marketplace = _marketplace(channel)
    order_excluded = _order_exclusion(order)
    value = _order_value(order)
    products = _products_by_item(order)
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
            excluded=_package_exclusion(status, ship_date, order_excluded)
            or _value_exemption(marketplace, value, package),
        )
        items = _package_items(package, products)
        programs = tuple(str(p) for p in order.get("programs") or ())
        out.append(
            SyncedPackage(
                record,
                str(package["packageReferenceId"]),
                status,
                source,
                marketplace_id,
                items,
                str(package.get("shipTime") or ""),
                programs,
            )
        )
    return out


def _products_by_item(order: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """orderItemId → (ASIN, SKU) of the order's items."""
    out = {}
    for item in order.get("orderItems") or []:
        product = item.get("product") or {}
        out[str(item.get("orderItemId", ""))] = (
            str(product.get("asin") or ""), str(product.get("sellerSku") or "")
        )  # fmt: skip
    return out


def _package_items(
    package: Mapping[str, Any], products: Mapping[str, tuple[str, str]]
) -> tuple[PackageItem, ...]:
    items = []
    for entry in package.get("packageItems") or []:
        item_id = str(entry.get("orderItemId") or "")
        try:
            quantity = int(entry.get("quantity") or 0)
        except (TypeError, ValueError):
            quantity = 0
        asin, sku = products.get(item_id, ("", ""))
        items.append(PackageItem(item_id, quantity, asin, sku))
    return tuple(items)


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


def _order_exclusion(order: Mapping[str, Any]) -> ExclusionReason | None:
    fulfillment = order.get("fulfillment") or {}
    if fulfillment.get("fulfilledBy") == "AMAZON":
        return "fba"
    if fulfillment.get("fulfillmentStatus") == "CANCELLED":
        return "cancelled"
    return None


def _package_exclusion(
    status: str, ship_date: date | None, order_excluded: ExclusionReason | None
) -> ExclusionReason | None:
    """The engine's order of reasons (`docs/vtr-rules.md §4.2`): FBA, cancelled, not shipped;
    the value exemptions come after them (`_value_exemption`)."""
    if order_excluded is not None:
        return order_excluded
    if status == "CANCELLED":
        return "cancelled"
    if ship_date is None or status == "PENDING":
        return "not_shipped"
    return None


def _order_value(order: Mapping[str, Any]) -> tuple[Decimal, str] | None:
    """The order's total, shipping included and VAT excluded (Amazon's grand total less its
    TAX breakdown), with its currency. Needs `includedData=PROCEEDS`."""
    proceeds = order.get("proceeds") or {}
    total = _money(proceeds.get("grandTotal"))
    if total is None:
        return None
    amount, currency = total
    for breakdown in proceeds.get("breakdowns") or []:
        tax = _money(breakdown.get("subtotal")) if breakdown.get("type") == "TAX" else None
        if tax and tax[1] == currency:
            amount -= tax[0]
    return amount, currency


def _value_exemption(
    marketplace: str, value: tuple[Decimal, str] | None, package: Mapping[str, Any]
) -> ExclusionReason | None:
    """The file path's own rule (`order_value_exemption`), for this package's service."""
    if value is None:
        return None
    amount, currency = value
    service = str(package.get("shippingService") or "")
    return order_value_exemption(marketplace, currency, float(amount), service)


def _money(value: object) -> tuple[Decimal, str] | None:
    if not isinstance(value, Mapping):
        return None
    try:
        return Decimal(str(value.get("amount"))), str(value.get("currencyCode", ""))
    except InvalidOperation:
        return None
