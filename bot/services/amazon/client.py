"""A small asynchronous Selling Partner API client: the calls the bot makes.

Login with Amazon turns the seller's refresh token into an access token (sent as
`x-amz-access-token`; no AWS signature since 2023). Orders 2026-01-01 `searchOrders` gives
FBM packages with tracking; Reports 2021-06-30 gives the seller performance report; Catalog
Items 2022-04-01 `getCatalogItem` gives an ASIN's classifications (its category), paced by
the client itself to Amazon's usage plan (2 a second, burst 2) so a sync of a few hundred
new ASINs meets few 429s. Orders v0 `confirmShipment` edits a package's carrier and tracking
(the only call that writes), paced likewise (2 a second, burst 10).

Why not a published client: docs/decisions/001-own-sp-api-client.md (token expiry,
invalid_grant and logging, which both candidates get wrong for this bot).

Secrets: the refresh token and client secret go only into the LWA form body, never into a
URL, a log line or an exception message.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx
from pydantic import SecretStr

log = logging.getLogger(__name__)

ORDERS_PATH = "/orders/2026-01-01/orders"
REPORTS_PATH = "/reports/2021-06-30/reports"
DOCUMENTS_PATH = "/reports/2021-06-30/documents"
CATALOG_PATH = "/catalog/2022-04-01/items"
CATALOG_DATA = "classifications,salesRanks,summaries"
CATALOG_RATE_PER_S = 2.0
CATALOG_BURST = 2
"""getCatalogItem's usage plan (Amazon's model of Catalog Items 2022-04-01)."""
CONFIRM_PATH = "/orders/v0/orders/{order_id}/shipmentConfirmation"
CONFIRM_RATE_PER_S = 2.0
CONFIRM_BURST = 10
"""confirmShipment's usage plan (Amazon's model of Orders v0)."""
PERFORMANCE_REPORT = "GET_V2_SELLER_PERFORMANCE_REPORT"
TOKEN_MARGIN_S = 60
"""An access token is renewed this long before Amazon says it expires."""


class SpApiError(Exception):
    """A call to Amazon that did not give what was asked; `str()` never holds a secret."""


class AuthorizationRevoked(SpApiError):
    """LWA answered invalid_grant: the seller revoked the app or the token expired.
    Only the seller can fix it, by connecting again."""


class AppCredentialsRejected(SpApiError):
    """LWA rejected the operator's client id or secret (rotated every 180 days)."""


class SpApiUnavailable(SpApiError):
    """Amazon was down, slow or kept throttling after every retry: try again later."""


class SpApiRequestError(SpApiError):
    """Amazon refused the request itself (4xx): retrying the same request will not help."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"HTTP {status} {code}: {message}")
        self.status = status
        self.code = code


class ReportFailed(SpApiError):
    """The report ended FATAL or CANCELLED: Amazon made none this time."""

    def __init__(self, status: str) -> None:
        super().__init__(f"report ended {status}")
        self.status = status


@dataclass(frozen=True)
class LwaApp:
    """The operator's Login with Amazon app and where its tokens come from."""

    client_id: str
    client_secret: SecretStr
    token_url: str


@dataclass(frozen=True)
class RetryPolicy:
    """How long to keep trying when Amazon throttles (429) or fails (5xx, network)."""

    attempts: int = 6
    base_delay_s: float = 2.0
    max_delay_s: float = 300.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    report_poll_s: float = 15.0
    report_polls: int = 40

    def delay(self, attempt: int, rate_limit: float | None = None) -> float:
        """Exponential backoff with jitter; after a 429, at least one token's refill time
        (1 / x-amzn-RateLimit-Limit: 178 s for searchOrders)."""
        backoff = self.base_delay_s * 2.0**attempt * (1 + random.random() / 4)
        if rate_limit and rate_limit > 0:
            backoff = max(backoff, 1 / rate_limit)
        return min(self.max_delay_s, backoff)


@dataclass
class TokenBucket:
    """Amazon's usage plan, kept on this side: `rate` requests a second, `burst` at once.
    `take` waits (with `sleep`, measured on `clock`) until a request may go."""

    rate: float
    burst: int
    clock: Callable[[], float]
    sleep: Callable[[float], Awaitable[None]]
    _tokens: float = 0.0
    _at: float | None = None
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def take(self) -> None:
        async with self._lock:
            now = self.clock()
            if self._at is None:
                self._tokens = float(self.burst)
            else:
                self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
            self._at = now
            if self._tokens >= 1:
                self._tokens -= 1
                return
            wait = (1 - self._tokens) / self.rate
            await self.sleep(wait)
            self._tokens, self._at = 0.0, now + wait


@dataclass(frozen=True)
class ShipmentConfirmation:
    """One package's carrier and tracking, as Orders v0 `confirmShipment` takes them.
    Sent again with the package's `packageReferenceId`, it replaces what Amazon holds."""

    order_id: str
    marketplace_id: str
    package_reference_id: str
    carrier_code: str
    carrier_name: str | None
    """Only with carrier code "Other": the carrier's name."""
    tracking: str
    ship_date: datetime
    items: tuple[tuple[str, int], ...]
    """(orderItemId, quantity) of each item in the package."""

    def body(self) -> dict[str, Any]:
        detail: dict[str, Any] = {
            "packageReferenceId": self.package_reference_id,
            "carrierCode": self.carrier_code,
            "trackingNumber": self.tracking,
            "shipDate": _iso(self.ship_date),
            "orderItems": [{"orderItemId": i, "quantity": q} for i, q in self.items],
        }
        if self.carrier_name:
            detail["carrierName"] = self.carrier_name
        return {"marketplaceId": self.marketplace_id, "packageDetail": detail}


@dataclass
class _AccessToken:
    value: str = ""
    expires_at: float = 0.0


@dataclass
class SpApiClient:
    """One seller's store in one region. Use `async with`, or call `aclose()`."""

    app: LwaApp
    refresh_token: SecretStr
    endpoint: str
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    http: httpx.AsyncClient = field(default_factory=lambda: httpx.AsyncClient(timeout=60))
    clock: Callable[[], float] = time.monotonic
    _token: _AccessToken = field(default_factory=_AccessToken)
    _catalog_bucket: TokenBucket | None = None
    _confirm_bucket: TokenBucket | None = None

    async def __aenter__(self) -> SpApiClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.http.aclose()

    # -- Login with Amazon ---------------------------------------------------------------------

    async def access_token(self) -> str:
        if self._token.value and self.clock() < self._token.expires_at:
            return self._token.value
        form = {
            "grant_type": "refresh_token",
            "refresh_token": self.refresh_token.get_secret_value(),
            "client_id": self.app.client_id,
            "client_secret": self.app.client_secret.get_secret_value(),
        }
        answer = await self._send_with_retries("POST", self.app.token_url, data=form)
        body = _json(answer)
        if answer.status_code != 200:
            _raise_lwa_error(answer.status_code, body)
        expires_in = float(body.get("expires_in", 3600))
        self._token = _AccessToken(
            str(body["access_token"]), self.clock() + expires_in - TOKEN_MARGIN_S
        )
        return self._token.value

    # -- calls ---------------------------------------------------------------------------------

    async def call(
        self, method: str, path: str, *, params: Any = None, body: Any = None
    ) -> dict[str, Any]:
        """One SP-API call with a fresh access token; a 403 on a token is retried once
        with a new token (it expired mid-sync), then it is Amazon's refusal."""
        for renewed in (False, True):
            token = await self.access_token()
            answer = await self._send_with_retries(
                method, self.endpoint + path, params=params, json=body,
                headers={"x-amz-access-token": token},
            )  # fmt: skip
            if answer.status_code in (401, 403) and not renewed:
                log.info("SP-API access token refused (%s): renewing it", answer.status_code)
                self._token = _AccessToken()
                continue
            if answer.status_code >= 400:
                _raise_api_error(answer.status_code, _json(answer))
            return _json(answer)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _send_with_retries(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send, waiting out 429s and 5xx/network failures; SpApiUnavailable after the last."""
        problem = ""
        for attempt in range(self.retry.attempts):
            try:
                answer = await self.http.request(method, url, **kwargs)
            except httpx.TransportError as error:
                problem = type(error).__name__
                await self.retry.sleep(self.retry.delay(attempt))
                continue
            if answer.status_code == 429:
                problem = "throttled (429)"
                limit = _rate_limit(answer)
                log.info("SP-API throttled %s; limit %s req/s", _path(url), limit)
                await self.retry.sleep(self.retry.delay(attempt, limit))
                continue
            if answer.status_code >= 500:
                problem = f"HTTP {answer.status_code}"
                await self.retry.sleep(self.retry.delay(attempt))
                continue
            return answer
        raise SpApiUnavailable(f"{_path(url)}: {problem} after {self.retry.attempts} tries")

    # -- Orders 2026-01-01 -----------------------------------------------------------------

    async def search_orders(
        self,
        marketplace_ids: Sequence[str],
        *,
        created_after: datetime | None = None,
        last_updated_after: datetime | None = None,
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Merchant-fulfilled orders with their packages, one page (≤100 orders) at a time.

        Exactly one of `created_after` (a backfill) and `last_updated_after` (incremental)."""
        if (created_after is None) == (last_updated_after is None):
            raise ValueError("give exactly one of created_after and last_updated_after")
        params: dict[str, str] = {
            "marketplaceIds": ",".join(marketplace_ids),
            "fulfilledBy": "MERCHANT",
            # PROCEEDS: the order total, for the EU letter and Japan value exemptions.
            "includedData": "PACKAGES,PROCEEDS",
            "maxResultsPerPage": "100",
        }
        if created_after is not None:
            params["createdAfter"] = _iso(created_after)
        else:
            assert last_updated_after is not None  # exactly one of the two is given
            params["lastUpdatedAfter"] = _iso(last_updated_after)
        while True:
            page = await self.call("GET", ORDERS_PATH, params=params)
            yield list(page.get("orders", []))
            token = (page.get("pagination") or {}).get("nextToken")
            if not token:
                return
            params = {**params, "paginationToken": token}

    async def verify(self, marketplace_ids: Sequence[str], since: datetime) -> None:
        """One cheap call that proves the token works for these marketplaces: a token
        exchange and one order (searchOrders' burst is 20, so this costs nothing)."""
        await self.call(
            "GET", ORDERS_PATH,
            params={"marketplaceIds": ",".join(marketplace_ids), "createdAfter": _iso(since),
                    "maxResultsPerPage": "1"},
        )  # fmt: skip

    # -- Reports 2021-06-30 ----------------------------------------------------------------

    async def performance_report(self, marketplace_id: str) -> dict[str, Any]:
        """The seller performance report of one marketplace: request, wait, download."""
        created = await self.call(
            "POST", REPORTS_PATH,
            body={"reportType": PERFORMANCE_REPORT, "marketplaceIds": [marketplace_id]},
        )  # fmt: skip
        report_id = str(created["reportId"])
        for _ in range(self.retry.report_polls):
            report = await self.call("GET", f"{REPORTS_PATH}/{report_id}")
            status = report.get("processingStatus")
            if status == "DONE":
                return await self.report_document(str(report["reportDocumentId"]))
            if status in ("FATAL", "CANCELLED"):
                raise ReportFailed(str(status))
            await self.retry.sleep(self.retry.report_poll_s)
        raise SpApiUnavailable(f"report {report_id} not done after {self.retry.report_polls} polls")

    async def report_document(self, document_id: str) -> dict[str, Any]:
        document = await self.call("GET", f"{DOCUMENTS_PATH}/{document_id}")
        # The URL is pre-signed (S3): no access token goes with it.
        answer = await self._send_with_retries("GET", str(document["url"]))
        if answer.status_code >= 400:
            raise SpApiRequestError(answer.status_code, "DocumentDownload", "download refused")
        raw = answer.content
        if document.get("compressionAlgorithm") == "GZIP":
            raw = await asyncio.to_thread(gzip.decompress, raw)
        report: dict[str, Any] = json.loads(raw)
        return report

    # -- Catalog Items 2022-04-01 ----------------------------------------------------------

    async def catalog_item(self, marketplace_id: str, asin: str) -> dict[str, Any]:
        """An ASIN's classifications, sales ranks and summaries in one marketplace, in that
        marketplace's language (no `locale`: Amazon answers in its primary one). A 429 is
        waited out by the retries (at least 1 / x-amzn-RateLimit-Limit); an unknown ASIN
        is SpApiRequestError 404."""
        if self._catalog_bucket is None:
            self._catalog_bucket = TokenBucket(
                CATALOG_RATE_PER_S, CATALOG_BURST, self.clock, self.retry.sleep
            )
        await self._catalog_bucket.take()
        return await self.call(
            "GET", f"{CATALOG_PATH}/{quote(asin, safe='')}",
            params={"marketplaceIds": marketplace_id, "includedData": CATALOG_DATA},
        )  # fmt: skip

    # -- Orders v0 confirmShipment ---------------------------------------------------------

    async def confirm_shipment(self, confirmation: ShipmentConfirmation) -> None:
        """Send one package's carrier and tracking (204: Amazon took it). Paced to the
        usage plan (2 a second, burst 10); 429 and 5xx are retried by `call`, which is
        safe here: the same details sent twice replace themselves. A refusal (Ship+, a
        carrier off Amazon's list) is SpApiRequestError 400 with Amazon's code."""
        if self._confirm_bucket is None:
            self._confirm_bucket = TokenBucket(
                CONFIRM_RATE_PER_S, CONFIRM_BURST, self.clock, self.retry.sleep
            )
        await self._confirm_bucket.take()
        path = CONFIRM_PATH.format(order_id=quote(confirmation.order_id, safe=""))
        await self.call("POST", path, body=confirmation.body())


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _path(url: str) -> str:
    """A URL without its host or query, for messages (a pre-signed URL's query is a secret)."""
    return httpx.URL(url).path


def _json(answer: httpx.Response) -> dict[str, Any]:
    try:
        body = answer.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _rate_limit(answer: httpx.Response) -> float | None:
    try:
        return float(answer.headers.get("x-amzn-RateLimit-Limit", ""))
    except ValueError:
        return None


def _raise_lwa_error(status: int, body: dict[str, Any]) -> None:
    error = str(body.get("error", ""))
    if error == "invalid_grant":
        raise AuthorizationRevoked("Login with Amazon: invalid_grant (authorization revoked)")
    if error in ("invalid_client", "unauthorized_client"):
        raise AppCredentialsRejected(f"Login with Amazon: {error}")
    raise SpApiRequestError(status, error or "LwaError", str(body.get("error_description", "")))


def _raise_api_error(status: int, body: dict[str, Any]) -> None:
    errors = body.get("errors") or [{}]
    first = errors[0] if isinstance(errors[0], dict) else {}
    raise SpApiRequestError(
        status, str(first.get("code", "Error")), str(first.get("message", ""))[:200]
    )
