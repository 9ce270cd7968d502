"""What Amazon answers, as models of the fields the bot reads: parsed at the boundary.

Every body from Login with Amazon and the Selling Partner API goes through one of these
models before any other code reads it (`parse`), so an answer that is not what Amazon's
models describe (a missing field, `null` where a list belongs, a string where a number
belongs, an array instead of an object) is one `SpApiMalformed` error, not a `KeyError` or
`TypeError` deep in the sync. Only the fields the bot reads are declared; others are
ignored (`extra="ignore"`), except in a performance-metrics entry, which is stored whole.

Orders are validated here and handed on as plain dicts (`Order.plain()`): the domain's
`packages_of` reads mappings, and after this check every key it reads has the right type.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.alias_generators import to_camel

from bot.services.amazon.errors import SpApiMalformed

MAX_TEXT = 1000
"""Longest string field accepted (IDs, carriers, tracking numbers are far shorter)."""
MAX_PAGE_TOKEN = 4096
MAX_ORDERS_PER_PAGE = 100
"""searchOrders' `maxResultsPerPage` ceiling: a page claiming more is not Amazon's."""
MAX_ACCESS_TOKEN = 4096
MAX_EXPIRES_IN_S = 86_400
"""LWA access tokens live an hour; a day is the most the bot believes."""


class _Answer(BaseModel):
    model_config = ConfigDict(
        extra="ignore", populate_by_name=True, frozen=True, alias_generator=to_camel
    )


def _text(default: Any = "", **kw: Any) -> Any:
    return Field(default, max_length=MAX_TEXT, **kw)


# -- Login with Amazon ---------------------------------------------------------------------


class LwaToken(BaseModel):
    access_token: str = Field(min_length=1, max_length=MAX_ACCESS_TOKEN, pattern=r"^[!-~]+$")
    """Printable ASCII only: it goes into a header."""
    expires_in: float = Field(3600, gt=0, le=MAX_EXPIRES_IN_S)


class LwaError(BaseModel):
    error: str = _text()
    error_description: str = _text()


# -- Selling Partner API errors ------------------------------------------------------------


class ApiErrorItem(_Answer):
    code: str = _text("Error")
    message: str = _text()


class ApiErrors(_Answer):
    errors: list[ApiErrorItem] = Field(default_factory=list, max_length=100)


# -- Orders 2026-01-01 ---------------------------------------------------------------------


class Money(_Answer):
    amount: str | float = Field(union_mode="left_to_right")
    currency_code: str = _text()


class ProceedsBreakdown(_Answer):
    type: str | None = _text(None)
    subtotal: Money | None = None


class Proceeds(_Answer):
    grand_total: Money | None = None
    breakdowns: list[ProceedsBreakdown] | None = None


class PackageStatus(_Answer):
    status: str | None = _text(None)


class PackageItem(_Answer):
    order_item_id: str | None = _text(None)
    quantity: int = Field(0, ge=0, le=1_000_000)


class Package(_Answer):
    package_reference_id: str = _text(..., min_length=1)
    package_items: list[PackageItem] | None = Field(None, max_length=1000)
    carrier: str | None = _text(None)
    tracking_number: str | None = _text(None)
    ship_time: str | None = _text(None)
    shipping_service: str | None = _text(None)
    package_status: PackageStatus | None = None


class Product(_Answer):
    seller_sku: str | None = _text(None)
    asin: str | None = _text(None)


class OrderItem(_Answer):
    order_item_id: str | None = _text(None)
    product: Product | None = None


class SalesChannel(_Answer):
    marketplace_id: str | None = _text(None)
    marketplace_name: str | None = _text(None)


class Fulfillment(_Answer):
    fulfilled_by: str | None = _text(None)
    fulfillment_status: str | None = _text(None)


class Order(_Answer):
    order_id: str = _text(..., min_length=1)
    sales_channel: SalesChannel | None = None
    fulfillment: Fulfillment | None = None
    order_items: list[OrderItem] | None = Field(None, max_length=1000)
    packages: list[Package] | None = Field(None, max_length=1000)
    proceeds: Proceeds | None = None
    programs: list[str] | None = Field(None, max_length=50)
    """FBM_SHIP_PLUS, AMAZON_EASY_SHIP…: labels Amazon made, which a fix does not edit."""

    def plain(self) -> dict[str, Any]:
        """The order as the domain reads it: only validated keys, no `None`s."""
        return self.model_dump(by_alias=True, exclude_none=True)


class Pagination(_Answer):
    next_token: str | None = Field(None, max_length=MAX_PAGE_TOKEN)


class OrdersPage(_Answer):
    orders: list[Order] = Field(max_length=MAX_ORDERS_PER_PAGE)
    pagination: Pagination | None = None

    @property
    def next_token(self) -> str | None:
        return self.pagination.next_token if self.pagination else None


# -- Reports 2021-06-30 --------------------------------------------------------------------


class CreatedReport(_Answer):
    report_id: str = _text(..., min_length=1)


class Report(_Answer):
    processing_status: str = _text(...)
    report_document_id: str | None = _text(None, min_length=1)


class ReportDocument(_Answer):
    url: str = Field(max_length=8192, pattern=r"^https?://")
    compression_algorithm: str | None = _text(None)


class ReportingDateRange(_Answer):
    reporting_date_from: str = _text()
    reporting_date_to: str = _text()


class ValidTrackingRate(_Answer):
    shipment_count: int = Field(0, ge=0)
    valid_tracking_count: int = Field(0, ge=0)
    status: str = _text("NONE")
    rate: float = Field(0.0, ge=0, le=1)
    reporting_date_range: ReportingDateRange | None = None


class MetricsEntry(BaseModel):
    """One marketplace's metrics: the VTR is read, the whole entry is kept beside it."""

    model_config = ConfigDict(
        extra="allow", populate_by_name=True, frozen=True, alias_generator=to_camel
    )
    marketplace_id: str = _text(..., min_length=1)
    valid_tracking_rate: ValidTrackingRate | None = None


class AccountStatus(_Answer):
    marketplace_id: str = _text(..., min_length=1)
    status: str | None = _text(None)


class PerformanceDocument(_Answer):
    account_statuses: list[AccountStatus] = Field(default_factory=list, max_length=100)
    performance_metrics: list[MetricsEntry] = Field(default_factory=list, max_length=100)


# -- Catalog Items 2022-04-01 ----------------------------------------------------------------


class BrowseNode(_Answer):
    """A classification (browse node) and its parents, as Amazon nests them."""

    display_name: str = _text("")
    classification_id: str = _text("")
    parent: BrowseNode | None = None


class MarketplaceClassifications(_Answer):
    marketplace_id: str = _text(..., min_length=1)
    classifications: list[BrowseNode] = Field(default_factory=list, max_length=100)


class DisplayGroupRank(_Answer):
    title: str = _text("")


class MarketplaceSalesRanks(_Answer):
    marketplace_id: str = _text(..., min_length=1)
    display_group_ranks: list[DisplayGroupRank] = Field(default_factory=list, max_length=100)


class ItemSummary(_Answer):
    marketplace_id: str = _text(..., min_length=1)
    website_display_group_name: str | None = _text(None)


class CatalogItem(_Answer):
    """The datasets of `getCatalogItem` the category is read from."""

    asin: str = _text(..., min_length=1)
    classifications: list[MarketplaceClassifications] = Field(default_factory=list, max_length=100)
    sales_ranks: list[MarketplaceSalesRanks] = Field(default_factory=list, max_length=100)
    summaries: list[ItemSummary] = Field(default_factory=list, max_length=100)

    def plain(self) -> dict[str, Any]:
        """The item as the domain reads it (`bot.domain.amazon_catalog`)."""
        return self.model_dump(by_alias=True, exclude_none=True)


# -- parsing -------------------------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], body: object, where: str) -> M:
    """`body` (decoded JSON) as `model`, or SpApiMalformed naming `where` and what was
    wrong (field paths and pydantic's reasons; never the values, which may be secrets)."""
    try:
        return model.model_validate(body)
    except ValidationError as error:
        raise SpApiMalformed(where, _reasons(error)) from None


def _reasons(error: ValidationError) -> str:
    problems = [
        f"{'.'.join(str(part) for part in item['loc']) or 'body'}: {item['msg']}"
        for item in error.errors(include_url=False, include_input=False, include_context=False)
    ]
    more = f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""
    return "; ".join(problems[:3]) + more
