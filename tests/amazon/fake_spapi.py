"""A fake Login with Amazon + Selling Partner API server on 127.0.0.1 for tests.

It answers the four calls the bot makes, shaped like Amazon's published models (see
`tests/amazon/models.py`): the LWA token endpoint (refresh_token grant), Orders 2026-01-01
`searchOrders` (nextToken paging, `lastUpdatedAfter`/`createdAfter`, `includedData=PACKAGES`),
and Reports 2021-06-30 create/get/document with a GZIP `GET_V2_SELLER_PERFORMANCE_REPORT`.
Orders are copies of the sandbox's merchant-fulfilled example with the test's own IDs,
dates, SKUs and packages; the report entry is the schema's example with the test's VTR.
Catalog Items 2022-04-01 `getCatalogItem` answers an ASIN's classifications (browse path),
sales ranks and summaries per marketplace, in that marketplace's words, under Amazon's
usage plan (2 requests a second, burst 2: beyond it, 429), measured on `clock` (tests give
the client and the fake one virtual clock, so pacing costs no real time).

Faults, each for the next calls only: `throttle(n)` (429 with x-amzn-RateLimit-Limit),
`expire_tokens_after(n)` (access tokens die mid-sync: 403 "expired"), `revoke(refresh)`
(invalid_grant), `report_outcome = "FATAL"`, `fail_page(k, times)` (the k-th page answers
503), `unavailable(n)` (every call answers 503), `catalog_outage(n)` (catalog calls answer
500), `throttle_catalog(n)` (catalog calls answer 429 whatever the bucket holds), and
`answer_instead(path, answer, market)`: any answer at all (malformed, huge, endless,
dripped) to the calls of one store.

Orders v0 `confirmShipment` (POST .../shipmentConfirmation) edits a package's carrier and
tracking: each request is validated against `ordersV0.json`'s ConfirmShipmentRequest, then
answered as Amazon does: 204 (the next `searchOrders` shows the change, the order counts as
updated), 400 for a Ship+ order, a carrier code off Amazon's list, "Other" without a name,
or a package or item the order does not have, 404 for an unknown order, 429 past its usage
plan (2 a second, burst 10). Its own faults: `confirm_faults(503, 429, …)` (the next calls
answer those statuses), and `hold_confirms()`: a confirmation is applied, then held
unanswered until `release_confirms()`, so a test can kill the sender between Amazon's
acceptance and the bot's record of it (`confirm_applied` is set when one was applied).
"""

from __future__ import annotations

import asyncio
import base64
import functools
import gzip
import itertools
import json
import time
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from bot.domain.amazon_carriers import OTHER, amazon_carrier_codes
from tests.amazon.models import (
    ORDERS_V0,
    performance_metrics_template,
    sandbox_merchant_order,
    swagger_validator,
)
from tests.loopback import serve_on_loopback

CLIENT_ID = "amzn1.application-oa2-client.fake"
CLIENT_SECRET = "fake-client-secret"
REFRESH_TOKEN = "Atzr|IwEBIFakeRefreshTokenForTestsOnly0123456789"
PAGE_LIMIT = 100
ORDERS_PATH = "/orders/2026-01-01/orders"
REPORTS_PATH = "/reports/2021-06-30/reports"
DOCUMENTS_PATH = "/reports/2021-06-30/documents"
CATALOG_PATH = "/catalog/2022-04-01/items"
CONFIRM_PATH = "/orders/v0/orders/{order_id}/shipmentConfirmation"
CATALOG_RATE = 2.0
CATALOG_BURST = 2
CONFIRM_RATE = 2.0
CONFIRM_BURST = 10
PERFORMANCE_REPORT = "GET_V2_SELLER_PERFORMANCE_REPORT"


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass
class FakePackage:
    carrier: str
    tracking: str
    ship_time: datetime | None
    status: str = "IN_TRANSIT"
    service: str = "Standard"


@dataclass
class FakeOrder:
    order_id: str
    marketplace_id: str
    marketplace_name: str
    created: datetime
    updated: datetime
    sku: str = "SKU-1"
    asin: str = "B000000001"
    fulfilled_by: str = "MERCHANT"
    packages: list[FakePackage] = field(default_factory=list)
    total: tuple[str, str] | None = None
    """(amount, currency) of the order, sent when includedData asks for PROCEEDS."""
    tax: str | None = None
    """The TAX part of `total` (its proceeds breakdown), when given."""
    programs: list[str] = field(default_factory=list)
    """Amazon's order programs, e.g. FBM_SHIP_PLUS (confirmShipment answers 400)."""
    item_id: str = ""
    """The order item's ID (from the order ID's digits when not given)."""

    def __post_init__(self) -> None:
        self.item_id = self.item_id or "".join(c for c in self.order_id if c.isdigit())[-14:]

    def to_json(self, with_packages: bool, with_proceeds: bool = False) -> dict[str, Any]:
        """The sandbox's merchant order, made this order (buyer and address dropped)."""
        order = json.loads(_merchant_template())
        order["orderId"] = self.order_id
        order["createdTime"] = iso(self.created)
        order["lastUpdatedTime"] = iso(self.updated)
        order["salesChannel"] = {
            "channelName": "AMAZON",
            "marketplaceId": self.marketplace_id,
            "marketplaceName": self.marketplace_name,
        }
        order["fulfillment"]["fulfilledBy"] = self.fulfilled_by
        item = order["orderItems"][0]
        item["product"]["sellerSku"] = self.sku
        item["product"]["asin"] = self.asin
        item["orderItemId"] = self.item_id
        order["orderItems"] = [item]
        if self.programs:
            order["programs"] = list(self.programs)
        if with_proceeds and self.total:
            amount, currency = self.total
            order["proceeds"] = {"grandTotal": {"amount": amount, "currencyCode": currency}}
            if self.tax is not None:
                order["proceeds"]["breakdowns"] = [
                    {"type": "TAX", "subtotal": {"amount": self.tax, "currencyCode": currency}}
                ]
        template = order.pop("packages")[0]
        if with_packages and self.fulfilled_by == "MERCHANT":
            order["packages"] = [
                self._package(template, number, package, item["orderItemId"])
                for number, package in enumerate(self.packages, start=1)
            ]
        return order

    def _package(
        self, template: dict[str, Any], number: int, package: FakePackage, item_id: str
    ) -> dict[str, Any]:
        out = dict(template)
        # Orders v0 takes only positive numbers as a package reference ID.
        out["packageReferenceId"] = str(number)
        out["carrier"] = package.carrier
        out["trackingNumber"] = package.tracking
        out["shippingService"] = package.service
        out["packageStatus"] = {"status": package.status}
        out["packageItems"] = [{"orderItemId": item_id, "quantity": 1}]
        if package.ship_time is None:
            out.pop("shipTime", None)
        else:
            out["shipTime"] = iso(package.ship_time)
        return out


@dataclass
class FakeVtr:
    """What Amazon's report says of one marketplace's VTR."""

    shipments: int
    valid: int
    status: str = "GOOD"
    date_from: str = "2026-10-18T00:00Z"
    date_to: str = "2026-11-16T23:59Z"


Answer = Callable[[web.Request], Awaitable[web.StreamResponse]]
"""A hostile answer: given the request, any response at all."""


@dataclass
class _Override:
    path_prefix: str
    answer: Answer
    market: str | None
    times: int | None


def raw_answer(
    body: bytes | str, status: int = 200, content_type: str = "application/json"
) -> Answer:
    """An answer with exactly this body (bytes as they are, text UTF-8)."""
    data = body.encode() if isinstance(body, str) else body

    async def answer(_: web.Request) -> web.StreamResponse:
        return web.Response(body=data, status=status, content_type=content_type)

    return answer


def json_answer(body: object, status: int = 200) -> Answer:
    return raw_answer(json.dumps(body), status)


def gzip_answer(body: bytes | str) -> Answer:
    return raw_answer(gzip.compress(body.encode() if isinstance(body, str) else body))


@dataclass
class FakeCatalogItem:
    """An ASIN in one marketplace: its browse path from the top classification down (empty:
    Amazon has no classification for it) and its website display group."""

    browse_path: list[str]
    display_group: str = ""

    def classification(self, marketplace_id: str) -> dict[str, Any] | None:
        """The leaf browse node with its parents, as Amazon nests them."""
        node: dict[str, Any] | None = None
        for depth, name in enumerate(self.browse_path):
            child: dict[str, Any] = {
                "displayName": name,
                "classificationId": str(zlib.crc32(f"{marketplace_id}/{depth}/{name}".encode())),
            }
            if node is not None:
                child["parent"] = node
            node = child
        return node


@dataclass
class FakeReport:
    report_id: str
    marketplace_ids: list[str]
    created: datetime
    polls: int = 0
    outcome: str = "DONE"


class FakeSpApi:
    """Start with `await start()`; `lwa_url` and `endpoint` go into the bot's settings."""

    def __init__(self) -> None:
        self.orders: list[FakeOrder] = []
        self.vtr: dict[str, FakeVtr] = {}
        self.refresh_tokens: set[str] = {REFRESH_TOKEN}
        self.report_outcome = "DONE"
        self.polls_before_done = 2
        self.rate_limit_header = "0.0056"
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        """(method, path, query) of every call, token calls included."""
        self._access: dict[str, bool] = {}
        self._access_ids = itertools.count(1)
        self._report_ids = itertools.count(50001)
        self._reports: dict[str, FakeReport] = {}
        self._throttles = 0
        self._unavailable = 0
        self._expire_after: int | None = None
        self._page_faults: dict[int, int] = {}
        self._searches: dict[tuple[tuple[str, str], ...], list[FakeOrder]] = {}
        self.catalog: dict[tuple[str, str], FakeCatalogItem] = {}
        """(marketplace id, ASIN) → the item; an ASIN in none of them answers 404."""
        self.clock: Callable[[], float] = time.monotonic
        self.catalog_throttled = 0
        """429s the catalog answered (forced or because the bucket was empty)."""
        self._catalog_tokens = float(CATALOG_BURST)
        self._catalog_refilled: float | None = None
        self._catalog_outage = 0
        self._catalog_throttles = 0
        self.confirmations: list[tuple[str, dict[str, Any]]] = []
        """(order ID, request body) of every confirmation Amazon applied, in order."""
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        """When an applied confirmation updates its order (`lastUpdatedAfter` finds it)."""
        self.confirm_applied = asyncio.Event()
        self._confirm_faults: list[int] = []
        self._confirm_gate: asyncio.Event | None = None
        self._confirm_tokens = float(CONFIRM_BURST)
        self._confirm_refilled: float | None = None
        self._overrides: list[_Override] = []
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(middlewares=[self._instead])
        app.router.add_post("/auth/o2/token", self._token)
        app.router.add_get(ORDERS_PATH, self._search_orders)
        app.router.add_post(REPORTS_PATH, self._create_report)
        app.router.add_get(REPORTS_PATH + "/{report_id}", self._get_report)
        app.router.add_get(DOCUMENTS_PATH + "/{document_id}", self._get_document)
        app.router.add_get("/download/{document_id}", self._download)
        app.router.add_get(CATALOG_PATH + "/{asin}", self._get_catalog_item)
        app.router.add_post(CONFIRM_PATH, self._confirm_shipment)
        self._runner, self.port = await serve_on_loopback(app)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def lwa_url(self) -> str:
        return f"{self.endpoint}/auth/o2/token"

    # -- test controls ---------------------------------------------------------------------

    def throttle(self, times: int = 1) -> None:
        self._throttles += times

    def unavailable(self, times: int = 1) -> None:
        self._unavailable += times

    def expire_tokens_after(self, calls: int) -> None:
        """Every access token issued so far stops working after `calls` more API calls."""
        self._expire_after = calls

    def revoke(self, refresh_token: str = REFRESH_TOKEN) -> None:
        self.refresh_tokens.discard(refresh_token)

    def fail_page(self, page: int, times: int = 1) -> None:
        """The `page`-th page (1 = first) of a search answers 503, `times` times."""
        self._page_faults[page] = times

    def catalog_outage(self, times: int = 1) -> None:
        """The next `times` catalog calls answer 500 (the catalog is down, orders are not)."""
        self._catalog_outage += times

    def end_catalog_outage(self) -> None:
        self._catalog_outage = 0

    def throttle_catalog(self, times: int = 1) -> None:
        self._catalog_throttles += times

    def add_item(
        self, marketplace_id: str, asin: str, *browse_path: str, display_group: str = ""
    ) -> None:
        """An ASIN in a marketplace, its browse path given from the top down."""
        self.catalog[(marketplace_id, asin)] = FakeCatalogItem(list(browse_path), display_group)

    def catalog_lookups(self, asin: str | None = None) -> int:
        """getCatalogItem calls (of one ASIN, or all), throttled ones included."""
        prefix = CATALOG_PATH + "/" + (asin or "")
        return sum(1 for _, called, _ in self.requests if called.startswith(prefix))

    def confirm_faults(self, *statuses: int) -> None:
        """The next confirmShipment calls answer these statuses, one each (429, 500, 503…)."""
        self._confirm_faults.extend(statuses)

    def hold_confirms(self) -> None:
        """Apply confirmations but answer none until `release_confirms`."""
        self._confirm_gate = asyncio.Event()

    def release_confirms(self) -> None:
        if self._confirm_gate is not None:
            self._confirm_gate.set()
        self._confirm_gate = None

    def confirm_calls(self) -> int:
        """confirmShipment calls that reached the server, refused ones included."""
        return sum(1 for _, called, _ in self.requests if called.endswith("/shipmentConfirmation"))

    def answer_instead(
        self, path_prefix: str, answer: Answer, market: str | None = None,
        times: int | None = None,
    ) -> None:  # fmt: skip
        """Calls whose path starts with `path_prefix` (of the store selling in `market`, or
        anyone's) get `answer` instead, `times` times (None: from now on)."""
        self._overrides.append(_Override(path_prefix, answer, market, times))

    @web.middleware
    async def _instead(self, request: web.Request, handler: Any) -> web.StreamResponse:
        for override in self._overrides:
            if override.times == 0 or not request.path.startswith(override.path_prefix):
                continue
            if override.market and override.market not in await self._markets_of(request):
                continue
            if override.times is not None:
                override.times -= 1
            self.requests.append((request.method, request.path, dict(request.query)))
            return await override.answer(request)
        return await handler(request)

    async def _markets_of(self, request: web.Request) -> list[str]:
        """The marketplaces a call is about: its query, its body, or its report's."""
        if "marketplaceIds" in request.query:
            return _listed(request.query, "marketplaceIds")
        if request.method == "POST" and request.path == REPORTS_PATH:
            return list((await request.json()).get("marketplaceIds", []))
        report = self._reports.get(request.path.rsplit("/", 1)[-1].rsplit(".", 1)[-1])
        return report.marketplace_ids if report else []

    def calls_to(self, path: str) -> int:
        return sum(1 for _, called, _ in self.requests if called == path)

    # -- LWA -------------------------------------------------------------------------------

    async def _token(self, request: web.Request) -> web.Response:
        form = await request.post()
        self.requests.append(("POST", request.path, {}))
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return _lwa_error(401, "invalid_client", "Client authentication failed")
        if form.get("grant_type") != "refresh_token":
            return _lwa_error(400, "unsupported_grant_type", "Only refresh_token is supported")
        if form.get("refresh_token") not in self.refresh_tokens:
            return _lwa_error(400, "invalid_grant", "The request has an invalid grant parameter")
        token = f"Atza|fake-access-{next(self._access_ids)}"
        self._access[token] = True
        return web.json_response(
            {
                "access_token": token,
                "refresh_token": form["refresh_token"],
                "token_type": "bearer",
                "expires_in": 3600,
            }
        )

    def _denied(self, request: web.Request) -> web.Response | None:
        """The answer to a call that cannot go ahead, or None: auth, then injected faults."""
        self.requests.append((request.method, request.path, dict(request.query)))
        if self._expire_after is not None:
            if self._expire_after <= 0:
                self._access = dict.fromkeys(self._access, False)
                self._expire_after = None
            else:
                self._expire_after -= 1
        token = request.headers.get("x-amz-access-token", "")
        if not self._access.get(token):
            return _api_error(
                403, "Unauthorized", "Access to requested resource is denied.",
                "The access token you provided has expired." if token in self._access else "",
            )  # fmt: skip
        if self._unavailable:
            self._unavailable -= 1
            return _api_error(503, "ServiceUnavailable", "Service temporarily unavailable.")
        if self._throttles:
            self._throttles -= 1
            response = _api_error(429, "QuotaExceeded", "You exceeded your quota.")
            response.headers["x-amzn-RateLimit-Limit"] = self.rate_limit_header
            return response
        return None

    # -- Orders ----------------------------------------------------------------------------

    async def _search_orders(self, request: web.Request) -> web.Response:
        if denied := self._denied(request):
            return denied
        query = request.query
        problem = _search_problem(query)
        if problem:
            return _api_error(400, "InvalidInput", problem)
        offset = _decode_token(query["paginationToken"]) if "paginationToken" in query else 0
        page_number = offset // _page_size(query) + 1
        if self._page_faults.get(page_number):
            self._page_faults[page_number] -= 1
            return _api_error(503, "ServiceUnavailable", "Service temporarily unavailable.")
        size = _page_size(query)
        matching = self._matching(query)
        page = matching[offset : offset + size]
        included = _listed(query, "includedData")
        body: dict[str, Any] = {
            "orders": [
                order.to_json("PACKAGES" in included, "PROCEEDS" in included) for order in page
            ]
        }
        if offset + size < len(matching):
            body["pagination"] = {"nextToken": _encode_token(offset + size)}
        if "lastUpdatedAfter" in query:
            body["lastUpdatedBefore"] = iso(datetime.now(UTC))
        else:
            body["createdBefore"] = iso(datetime.now(UTC))
        return _ok(body, self.rate_limit_header)

    def _matching(self, query: Any) -> list[FakeOrder]:
        """The search's orders in a stable order; a new search (no token) looks again."""
        key = tuple(sorted((k, v) for k, v in query.items() if k != "paginationToken"))
        if "paginationToken" not in query or key not in self._searches:
            found = [order for order in self.orders if _matches(order, query)]
            found.sort(key=lambda order: (order.updated, order.order_id))
            self._searches[key] = found
        return self._searches[key]

    # -- Reports ---------------------------------------------------------------------------

    async def _create_report(self, request: web.Request) -> web.Response:
        if denied := self._denied(request):
            return denied
        spec = await request.json()
        if spec.get("reportType") != PERFORMANCE_REPORT or len(spec.get("marketplaceIds", [])) != 1:
            return _api_error(400, "InvalidInput", "one marketplace, the performance report")
        report = FakeReport(
            str(next(self._report_ids)), spec["marketplaceIds"], datetime.now(UTC),
            outcome=self.report_outcome,
        )  # fmt: skip
        self._reports[report.report_id] = report
        return _ok({"reportId": report.report_id}, "0.0167", status=202)

    async def _get_report(self, request: web.Request) -> web.Response:
        if denied := self._denied(request):
            return denied
        report = self._reports.get(request.match_info["report_id"])
        if report is None:
            return _api_error(404, "NotFound", "No such report")
        report.polls += 1
        body: dict[str, Any] = {
            "reportId": report.report_id,
            "reportType": PERFORMANCE_REPORT,
            "marketplaceIds": report.marketplace_ids,
            "createdTime": iso(report.created),
            "processingStatus": "IN_QUEUE",
        }
        if report.polls > 1:
            body["processingStatus"] = "IN_PROGRESS"
            body["processingStartTime"] = iso(report.created)
        if report.polls > self.polls_before_done:
            body["processingStatus"] = report.outcome
            body["processingEndTime"] = iso(datetime.now(UTC))
            if report.outcome == "DONE":
                body["reportDocumentId"] = f"amzn1.spdoc.1.4.na.{report.report_id}"
        return _ok(body, "2.0")

    async def _get_document(self, request: web.Request) -> web.Response:
        if denied := self._denied(request):
            return denied
        document_id = request.match_info["document_id"]
        return _ok(
            {
                "reportDocumentId": document_id,
                "url": f"{self.endpoint}/download/{document_id}",
                "compressionAlgorithm": "GZIP",
            },
            "0.0167",
        )

    async def _download(self, request: web.Request) -> web.Response:
        """The pre-signed document URL: no access token, as on Amazon's S3."""
        report_id = request.match_info["document_id"].rsplit(".", 1)[1]
        report = self._reports[report_id]
        document = self.performance_document(report.marketplace_ids)
        return web.Response(body=gzip.compress(json.dumps(document).encode()))

    def performance_document(self, marketplace_ids: list[str]) -> dict[str, Any]:
        """The report's JSON: one metrics entry per marketplace, with the test's VTR."""
        entries = []
        for marketplace_id in marketplace_ids:
            entry = performance_metrics_template()
            entry["marketplaceId"] = marketplace_id
            vtr = self.vtr.get(marketplace_id, FakeVtr(0, 0, "NONE"))
            entry["validTrackingRate"] = {
                "reportingDateRange": {
                    "reportingDateFrom": vtr.date_from,
                    "reportingDateTo": vtr.date_to,
                },
                "shipmentCount": vtr.shipments,
                "validTrackingCount": vtr.valid,
                "status": vtr.status,
                "rate": round(vtr.valid / vtr.shipments, 4) if vtr.shipments else 0,
                "targetValue": 0.95,
                "targetCondition": "GREATER_THAN",
            }
            entries.append(entry)
        statuses = [{"marketplaceId": m, "status": "NORMAL"} for m in marketplace_ids]
        return {"accountStatuses": statuses, "performanceMetrics": entries}

    # -- Catalog Items 2022-04-01 ----------------------------------------------------------

    async def _get_catalog_item(self, request: web.Request) -> web.Response:
        if denied := self._denied(request):
            return denied
        if throttled := self._catalog_throttle():
            return throttled
        if self._catalog_outage:
            self._catalog_outage -= 1
            return _api_error(500, "InternalFailure", "We encountered an internal error.")
        markets = _listed(request.query, "marketplaceIds")
        if not markets:
            return _api_error(400, "InvalidInput", "Missing required 'marketplaceIds'.")
        asin = request.match_info["asin"]
        found = [(m, self.catalog[(m, asin)]) for m in markets if (m, asin) in self.catalog]
        if not found:
            return _api_error(404, "NotFound", f"Requested item '{asin}' not found.")
        included = _listed(request.query, "includedData") or ["summaries"]
        return _ok(_catalog_body(asin, found, included), str(CATALOG_RATE))

    def _catalog_throttle(self) -> web.Response | None:
        """Amazon's token bucket for getCatalogItem: 2 a second, 2 at once."""
        now = self.clock()
        if self._catalog_refilled is not None:
            elapsed = now - self._catalog_refilled
            self._catalog_tokens = min(CATALOG_BURST, self._catalog_tokens + elapsed * CATALOG_RATE)
        self._catalog_refilled = now
        if self._catalog_throttles or self._catalog_tokens < 1 - 1e-9:
            self._catalog_throttles = max(0, self._catalog_throttles - 1)
            self.catalog_throttled += 1
            response = _api_error(
                429, "QuotaExceeded", "You exceeded your quota for the requested resource."
            )
            response.headers["x-amzn-RateLimit-Limit"] = str(CATALOG_RATE)
            return response
        self._catalog_tokens -= 1
        return None

    # -- Orders v0 confirmShipment ---------------------------------------------------------

    async def _confirm_shipment(self, request: web.Request) -> web.Response:
        if denied := self._denied(request):
            return denied
        if self._confirm_faults:
            status = self._confirm_faults.pop(0)
            return _limited(_api_error(status, _FAULT_CODES.get(status, "Error"), "Injected."))
        if not self._confirm_bucket():
            return _limited(_api_error(429, "QuotaExceeded", "You exceeded your quota."))
        try:
            body = await request.json()
        except ValueError:
            return _api_error(400, "InvalidInput", "The request body is not JSON.")
        order = next((o for o in self.orders if o.order_id == request.match_info["order_id"]), None)
        if order is None:
            return _api_error(404, "NotFound", "The order was not found.")
        if problem := _confirm_problem(order, body):
            return _limited(_api_error(400, "InvalidInput", problem))
        self._apply(order, body)
        if self._confirm_gate is not None:
            await self._confirm_gate.wait()
        return _limited(web.Response(status=204))

    def _apply(self, order: FakeOrder, body: dict[str, Any]) -> None:
        detail = body["packageDetail"]
        package = order.packages[int(detail["packageReferenceId"]) - 1]
        code = detail["carrierCode"]
        package.carrier = detail.get("carrierName", code) if code == OTHER else code
        package.tracking = detail["trackingNumber"]
        order.updated = max(order.updated, self.now())
        self.confirmations.append((order.order_id, body))
        self.confirm_applied.set()

    def _confirm_bucket(self) -> bool:
        """Amazon's token bucket for confirmShipment: 2 a second, 10 at once."""
        now = self.clock()
        if self._confirm_refilled is not None:
            elapsed = now - self._confirm_refilled
            self._confirm_tokens = min(CONFIRM_BURST, self._confirm_tokens + elapsed * CONFIRM_RATE)
        self._confirm_refilled = now
        if self._confirm_tokens < 1 - 1e-9:
            return False
        self._confirm_tokens -= 1
        return True


_FAULT_CODES = {
    400: "InvalidInput",
    403: "Unauthorized",
    429: "QuotaExceeded",
    500: "InternalFailure",
    503: "ServiceUnavailable",
}


def _limited(response: web.Response) -> web.Response:
    response.headers["x-amzn-RateLimit-Limit"] = str(CONFIRM_RATE)
    return response


def _confirm_problem(order: FakeOrder, body: Any) -> str:
    """Why Amazon refuses this confirmation of `order` (empty: it accepts it)."""
    errors = [e.message for e in _confirm_validator().iter_errors(body)]
    if errors:
        return errors[0][:200]
    if "FBM_SHIP_PLUS" in order.programs:
        return "Ship+ orders cannot be confirmed through this operation."
    detail = body["packageDetail"]
    reference = detail["packageReferenceId"]
    if not (reference.isdigit() and 1 <= int(reference) <= len(order.packages)):
        return f"Invalid packageReferenceId {reference!r} for this order."
    code = detail["carrierCode"]
    if code not in amazon_carrier_codes().codes:
        return f"Invalid carrierCode {code!r}."
    if code == OTHER and not detail.get("carrierName"):
        return "carrierName is required when carrierCode is Other."
    if any(item["orderItemId"] != order.item_id for item in detail["orderItems"]):
        return "An orderItemId does not belong to this order."
    try:
        parse_iso(detail["shipDate"])
    except ValueError:
        return "shipDate must be an ISO 8601 date-time."
    return ""


@functools.cache
def _confirm_validator() -> Any:
    return swagger_validator(ORDERS_V0, "ConfirmShipmentRequest")


def _catalog_body(
    asin: str, found: list[tuple[str, FakeCatalogItem]], included: list[str]
) -> dict[str, Any]:
    """An `Item` with the datasets asked for, one entry per marketplace that has it."""
    body: dict[str, Any] = {"asin": asin}
    if "classifications" in included:
        body["classifications"] = [
            {"marketplaceId": m, "classifications": [leaf]} if (leaf := item.classification(m))
            else {"marketplaceId": m, "classifications": []}
            for m, item in found
        ]  # fmt: skip
    if "salesRanks" in included:
        body["salesRanks"] = [
            {"marketplaceId": m, "displayGroupRanks": [
                {"websiteDisplayGroup": f"{item.browse_path[0].lower()}_display_on_website",
                 "title": item.browse_path[0], "rank": 1234}
            ]} if item.browse_path else {"marketplaceId": m}
            for m, item in found
        ]  # fmt: skip
    if "summaries" in included:
        body["summaries"] = [_summary(m, asin, item) for m, item in found]
    return body


def _summary(marketplace_id: str, asin: str, item: FakeCatalogItem) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "marketplaceId": marketplace_id, "itemName": f"Item {asin}",
        "itemClassification": "BASE_PRODUCT",
    }  # fmt: skip
    if item.browse_path:
        leaf = item.classification(marketplace_id) or {}
        summary["browseClassification"] = {
            "displayName": leaf["displayName"], "classificationId": leaf["classificationId"],
        }  # fmt: skip
    if item.display_group:
        summary["websiteDisplayGroup"] = item.display_group.lower().replace(" ", "_")
        summary["websiteDisplayGroupName"] = item.display_group
    return summary


@functools.cache
def _merchant_template() -> str:
    """The sandbox's merchant order without buyer, address and money, as JSON (read once;
    parsing it again is a fresh copy, much faster than deepcopy)."""
    order = sandbox_merchant_order()
    for private in ("buyer", "recipient", "proceeds", "orderAliases", "associatedOrders"):
        order.pop(private, None)
    for package in order["packages"]:
        package.pop("shipFromAddress", None)
    # Item datasets (proceeds, expense, promotion, …) come only when includedData asks.
    item = order["orderItems"][0]
    order["orderItems"] = [
        {key: item[key] for key in ("orderItemId", "quantityOrdered", "product") if key in item}
    ]
    return json.dumps(order)


def _listed(query: Any, name: str) -> list[str]:
    """An array query parameter: comma-separated (Swagger's default) or repeated."""
    return [part for value in query.getall(name, []) for part in value.split(",") if part]


def _page_size(query: Any) -> int:
    return min(PAGE_LIMIT, max(1, int(query.get("maxResultsPerPage", PAGE_LIMIT))))


def _search_problem(query: Any) -> str:
    """Amazon's rule: exactly one of createdAfter and lastUpdatedAfter."""
    if ("createdAfter" in query) == ("lastUpdatedAfter" in query):
        return "Exactly one of createdAfter and lastUpdatedAfter is required"
    try:
        parse_iso(query.get("createdAfter") or query["lastUpdatedAfter"])
    except ValueError:
        return "Invalid date"
    return ""


def _matches(order: FakeOrder, query: Any) -> bool:
    markets = _listed(query, "marketplaceIds")
    fulfilled = _listed(query, "fulfilledBy")
    if markets and order.marketplace_id not in markets:
        return False
    if fulfilled and order.fulfilled_by not in fulfilled:
        return False
    if "lastUpdatedAfter" in query:
        return order.updated >= parse_iso(query["lastUpdatedAfter"])
    return order.created >= parse_iso(query["createdAfter"])


def _encode_token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def _decode_token(token: str) -> int:
    return int(base64.urlsafe_b64decode(token.encode()).decode().split(":", 1)[1])


def _ok(body: dict[str, Any], rate_limit: str, status: int = 200) -> web.Response:
    response = web.json_response(body, status=status)
    response.headers["x-amzn-RateLimit-Limit"] = rate_limit
    response.headers["x-amzn-RequestId"] = "fake-request"
    return response


def _api_error(status: int, code: str, message: str, details: str = "") -> web.Response:
    error: dict[str, str] = {"code": code, "message": message}
    if details:
        error["details"] = details
    return web.json_response({"errors": [error]}, status=status)


def _lwa_error(status: int, error: str, description: str) -> web.Response:
    return web.json_response({"error": error, "error_description": description}, status=status)
