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
import json
import logging
import random
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, SecretStr

from bot.services.amazon.answers import (
    ApiErrors,
    CatalogItem,
    CreatedReport,
    LwaError,
    LwaToken,
    OrdersPage,
    PerformanceDocument,
    Report,
    ReportDocument,
    parse,
)
from bot.services.amazon.errors import (
    AppCredentialsRejected,
    AuthorizationRevoked,
    ReportFailed,
    SpApiError,
    SpApiMalformed,
    SpApiRequestError,
    SpApiUnavailable,
)

__all__ = [
    "AnswerLimits", "AppCredentialsRejected", "AuthorizationRevoked", "LwaApp", "ReportFailed",
    "RetryPolicy", "SpApiClient", "SpApiError", "SpApiMalformed", "SpApiRequestError",
    "SpApiUnavailable",
]  # fmt: skip

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


@dataclass(frozen=True)
class AnswerLimits:
    """What one answer of Amazon's side may cost the bot: every bound is an error, never a
    wait or a bigger buffer. Amazon's real answers are far below each (a page of 100
    orders, a report of a few marketplaces)."""

    body_bytes: int = 8 << 20
    """An API or LWA answer's body, as sent."""
    document_bytes: int = 8 << 20
    """A report document's download, as sent (compressed)."""
    document_json_bytes: int = 16 << 20
    """A report document once decompressed."""
    attempt_s: float = 120.0
    """One request, from sending it to its body's last byte: httpx's timeouts are per
    read, so a body dripped a byte at a time would otherwise hold a sync for ever."""
    pages: int = 500
    """Pages of one search (100 orders each)."""


@dataclass(frozen=True)
class _Answer:
    """A response read whole, within the limits."""

    status: int
    headers: httpx.Headers
    body: bytes

    def json(self, where: str) -> object:
        try:
            return json.loads(self.body)
        except (ValueError, RecursionError):
            raise SpApiMalformed(where, f"HTTP {self.status}, body is not JSON") from None


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


M = TypeVar("M", bound=BaseModel)


@dataclass
class SpApiClient:
    """One seller's store in one region. Use `async with`, or call `aclose()`."""

    app: LwaApp
    refresh_token: SecretStr
    endpoint: str
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    limits: AnswerLimits = field(default_factory=AnswerLimits)
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
        if answer.status != 200:
            _raise_lwa_error(answer)
        token = parse(LwaToken, answer.json("Login with Amazon"), "Login with Amazon")
        self._token = _AccessToken(
            token.access_token, self.clock() + token.expires_in - TOKEN_MARGIN_S
        )
        return self._token.value

    # -- calls ---------------------------------------------------------------------------------

    async def call(
        self, method: str, path: str, *, params: Any = None, body: Any = None
    ) -> dict[str, Any]:
        """One SP-API call with a fresh access token; a 403 on a token is retried once
        with a new token (it expired mid-sync), then it is Amazon's refusal. The answer
        is a JSON object (else SpApiMalformed): give it to `answers.parse` before reading."""
        for renewed in (False, True):
            token = await self.access_token()
            answer = await self._send_with_retries(
                method, self.endpoint + path, params=params, json=body,
                headers={"x-amz-access-token": token},
            )  # fmt: skip
            if answer.status in (401, 403) and not renewed:
                log.info("SP-API access token refused (%s): renewing it", answer.status)
                self._token = _AccessToken()
                continue
            if answer.status >= 400:
                _raise_api_error(answer, _path(path))
            if answer.status == 204:
                return {}  # confirmShipment: accepted, nothing to say
            decoded = answer.json(_path(path))
            if not isinstance(decoded, dict):
                raise SpApiMalformed(_path(path), "body is not a JSON object")
            return decoded
        raise AssertionError("unreachable")  # pragma: no cover

    async def call_as(
        self, model: type[M], method: str, path: str, *, params: Any = None, body: Any = None
    ) -> M:
        """`call`, its answer parsed as `model` (SpApiMalformed when it is not one)."""
        return parse(model, await self.call(method, path, params=params, body=body), _path(path))

    async def _send_with_retries(
        self, method: str, url: str, max_bytes: int | None = None, **kwargs: Any
    ) -> _Answer:
        """Send, waiting out 429s and 5xx/network failures (a whole exchange slower than
        `limits.attempt_s` is one); SpApiUnavailable after the last."""
        problem = ""
        for attempt in range(self.retry.attempts):
            try:
                async with asyncio.timeout(self.limits.attempt_s):
                    answer = await self._exchange(method, url, max_bytes, **kwargs)
            except (httpx.TransportError, TimeoutError) as error:
                problem = type(error).__name__
                await self.retry.sleep(self.retry.delay(attempt))
                continue
            if answer.status == 429:
                problem = "throttled (429)"
                limit = _rate_limit(answer.headers)
                log.info("SP-API throttled %s; limit %s req/s", _path(url), limit)
                await self.retry.sleep(self.retry.delay(attempt, limit))
                continue
            if answer.status >= 500:
                problem = f"HTTP {answer.status}"
                await self.retry.sleep(self.retry.delay(attempt))
                continue
            return answer
        raise SpApiUnavailable(f"{_path(url)}: {problem} after {self.retry.attempts} tries")

    async def _exchange(
        self, method: str, url: str, max_bytes: int | None, **kwargs: Any
    ) -> _Answer:
        """One request and its whole body, refused past `max_bytes` (by its announced
        length before reading, else as it arrives)."""
        limit = max_bytes or self.limits.body_bytes
        # Bodies as sent: a compressed Content-Encoding would be decompressed unbounded.
        headers = {"Accept-Encoding": "identity", **kwargs.pop("headers", {})}
        async with self.http.stream(method, url, headers=headers, **kwargs) as response:
            announced = response.headers.get("content-length", "")
            if announced.isdigit() and int(announced) > limit:
                raise SpApiMalformed(_path(url), f"answer of {announced} bytes, over {limit}")
            body = bytearray()
            async for chunk in response.aiter_raw():
                body += chunk
                if len(body) > limit:
                    raise SpApiMalformed(_path(url), f"answer over {limit} bytes")
            return _Answer(response.status_code, response.headers, bytes(body))

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
        seen: set[str] = set()
        for _ in range(self.limits.pages):
            page = await self.call_as(OrdersPage, "GET", ORDERS_PATH, params=params)
            yield [order.plain() for order in page.orders]
            token = page.next_token
            if not token:
                return
            if token in seen:
                raise SpApiMalformed("searchOrders", "a page token came back a second time")
            seen.add(token)
            params = {**params, "paginationToken": token}
        raise SpApiMalformed("searchOrders", f"more than {self.limits.pages} pages")

    async def verify(self, marketplace_ids: Sequence[str], since: datetime) -> None:
        """One cheap call that proves the token works for these marketplaces: a token
        exchange and one order (searchOrders' burst is 20, so this costs nothing)."""
        await self.call(
            "GET", ORDERS_PATH,
            params={"marketplaceIds": ",".join(marketplace_ids), "createdAfter": _iso(since),
                    "maxResultsPerPage": "1"},
        )  # fmt: skip

    # -- Reports 2021-06-30 ----------------------------------------------------------------

    async def performance_report(self, marketplace_id: str) -> PerformanceDocument:
        """The seller performance report of one marketplace: request, wait, download."""
        created = await self.call_as(
            CreatedReport, "POST", REPORTS_PATH,
            body={"reportType": PERFORMANCE_REPORT, "marketplaceIds": [marketplace_id]},
        )  # fmt: skip
        for _ in range(self.retry.report_polls):
            report = await self.call_as(Report, "GET", f"{REPORTS_PATH}/{created.report_id}")
            status = report.processing_status
            if status == "DONE":
                if not report.report_document_id:
                    raise SpApiMalformed("getReport", "DONE without reportDocumentId")
                return await self.report_document(report.report_document_id)
            if status in ("FATAL", "CANCELLED"):
                raise ReportFailed(status)
            await self.retry.sleep(self.retry.report_poll_s)
        raise SpApiUnavailable(
            f"report {created.report_id} not done after {self.retry.report_polls} polls"
        )

    async def report_document(self, document_id: str) -> PerformanceDocument:
        document = await self.call_as(ReportDocument, "GET", f"{DOCUMENTS_PATH}/{document_id}")
        if document.compression_algorithm not in (None, "GZIP"):
            raise SpApiMalformed("getReportDocument", "unknown compressionAlgorithm")
        # The URL is pre-signed (S3): no access token goes with it.
        answer = await self._send_with_retries(
            "GET", document.url, max_bytes=self.limits.document_bytes
        )
        if answer.status >= 400:
            raise SpApiRequestError(answer.status, "DocumentDownload", "download refused")
        gzipped = document.compression_algorithm == "GZIP"
        decoded = await asyncio.to_thread(
            _document_json, answer.body, gzipped, self.limits.document_json_bytes
        )
        return parse(PerformanceDocument, decoded, "report document")

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
        item = await self.call_as(
            CatalogItem, "GET", f"{CATALOG_PATH}/{quote(asin, safe='')}",
            params={"marketplaceIds": marketplace_id, "includedData": CATALOG_DATA},
        )  # fmt: skip
        return item.plain()

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


def _document_json(raw: bytes, gzipped: bool, limit: int) -> object:
    """The document's JSON, gunzipped within `limit` bytes (run off the event loop)."""
    if gzipped:
        raw = gunzip_within(raw, limit)
    elif len(raw) > limit:
        raise SpApiMalformed("report document", f"over {limit} bytes")
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise SpApiMalformed("report document", "not JSON") from None


def gunzip_within(raw: bytes, limit: int) -> bytes:
    """`raw` gunzipped, refused as soon as it passes `limit` bytes or is not gzip."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        pending = raw
        while pending and not inflater.eof:
            out += inflater.decompress(pending, 1 << 20)
            if len(out) > limit:
                raise SpApiMalformed("report document", f"gunzips to over {limit} bytes")
            pending = inflater.unconsumed_tail
    except zlib.error:
        raise SpApiMalformed("report document", "marked GZIP but is not gzip") from None
    if not inflater.eof:
        raise SpApiMalformed("report document", "gzip stream cut short")
    return bytes(out)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _path(url: str) -> str:
    """A URL without its host or query, for messages (a pre-signed URL's query is a secret)."""
    return httpx.URL(url).path


def _rate_limit(headers: httpx.Headers) -> float | None:
    try:
        return float(headers.get("x-amzn-RateLimit-Limit", ""))
    except ValueError:
        return None


def _lenient(model: type[M], answer: _Answer, where: str) -> M:
    """An error answer's body as `model`, or the model's defaults when it is not one: the
    status already says what happened; the body only adds detail."""
    try:
        return parse(model, answer.json(where), where)
    except SpApiMalformed:
        return model()


def _raise_lwa_error(answer: _Answer) -> None:
    error = _lenient(LwaError, answer, "Login with Amazon")
    if error.error == "invalid_grant":
        raise AuthorizationRevoked("Login with Amazon: invalid_grant (authorization revoked)")
    if error.error in ("invalid_client", "unauthorized_client"):
        raise AppCredentialsRejected(f"Login with Amazon: {error.error}")
    raise SpApiRequestError(answer.status, error.error or "LwaError", error.error_description)


def _raise_api_error(answer: _Answer, where: str) -> None:
    errors = _lenient(ApiErrors, answer, where).errors
    first = errors[0] if errors else None
    raise SpApiRequestError(
        answer.status, first.code if first else "Error", first.message[:200] if first else ""
    )
