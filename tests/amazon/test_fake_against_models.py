"""The fake SP-API answers as Amazon's published models say: every body it sends is
validated against the model's schema, so the client is tested against Amazon's shapes."""

from __future__ import annotations

import gzip
import json

import httpx

from tests.amazon.conftest import US, us_order
from tests.amazon.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi, FakeVtr
from tests.amazon.models import (
    ORDERS,
    REPORTS,
    performance_validator,
    sandbox_orders,
    swagger_validator,
)


def errors_of(validator, body) -> list[str]:
    return [error.message for error in validator.iter_errors(body)]


async def token(client: httpx.AsyncClient, spapi: FakeSpApi) -> str:
    answer = await client.post(
        spapi.lwa_url,
        data={
            "grant_type": "refresh_token",
            "refresh_token": REFRESH_TOKEN,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        },
    )
    assert answer.status_code == 200
    return answer.json()["access_token"]


def test_the_sandbox_examples_themselves_validate():
    validator = swagger_validator(ORDERS, "Order")
    orders = sandbox_orders()
    assert len(orders) == 3
    for order in orders:
        assert errors_of(validator, order) == []


async def test_search_orders_pages_validate_against_the_orders_model(spapi: FakeSpApi):
    spapi.orders = [us_order(n, days_ago=n % 40 + 1, total=("19.99", "USD")) for n in range(150)]
    validator = swagger_validator(ORDERS, "SearchOrdersResponse")
    async with httpx.AsyncClient() as client:
        headers = {"x-amz-access-token": await token(client, spapi)}
        params = {
            "createdAfter": "2026-10-01T00:00:00Z",
            "marketplaceIds": US,
            "includedData": "PACKAGES,PROCEEDS",
        }
        first = (
            await client.get(
                f"{spapi.endpoint}/orders/2026-01-01/orders", params=params, headers=headers
            )
        ).json()
        params["paginationToken"] = first["pagination"]["nextToken"]
        second = (
            await client.get(
                f"{spapi.endpoint}/orders/2026-01-01/orders", params=params, headers=headers
            )
        ).json()
    assert errors_of(validator, first) == [] and errors_of(validator, second) == []
    assert len(first["orders"]) == 100 and len(second["orders"]) == 50
    assert "pagination" not in second
    ids = {o["orderId"] for o in first["orders"]} | {o["orderId"] for o in second["orders"]}
    assert len(ids) == 150
    package = first["orders"][0]["packages"][0]
    assert package["carrier"] == "UPS" and package["packageStatus"]["status"] == "IN_TRANSIT"
    assert first["orders"][0]["proceeds"]["grandTotal"]["amount"] == "19.99"
    assert "buyer" not in first["orders"][0] and "recipient" not in first["orders"][0]


async def test_report_calls_and_document_validate_against_reports_and_schema(spapi: FakeSpApi):
    spapi.vtr[US] = FakeVtr(shipments=400, valid=376, status="BAD")
    async with httpx.AsyncClient() as client:
        headers = {"x-amz-access-token": await token(client, spapi)}
        created = await client.post(
            f"{spapi.endpoint}/reports/2021-06-30/reports",
            json={"reportType": "GET_V2_SELLER_PERFORMANCE_REPORT", "marketplaceIds": [US]},
            headers=headers,
        )
        assert created.status_code == 202
        assert errors_of(swagger_validator(REPORTS, "CreateReportResponse"), created.json()) == []
        report_id = created.json()["reportId"]
        statuses = []
        for _ in range(3):
            report = (
                await client.get(
                    f"{spapi.endpoint}/reports/2021-06-30/reports/{report_id}", headers=headers
                )
            ).json()
            assert errors_of(swagger_validator(REPORTS, "Report"), report) == []
            statuses.append(report["processingStatus"])
        assert statuses == ["IN_QUEUE", "IN_PROGRESS", "DONE"]
        document = (
            await client.get(
                f"{spapi.endpoint}/reports/2021-06-30/documents/{report['reportDocumentId']}",
                headers=headers,
            )
        ).json()
        assert errors_of(swagger_validator(REPORTS, "ReportDocument"), document) == []
        raw = (await client.get(document["url"])).content
    body = json.loads(gzip.decompress(raw))
    assert errors_of(performance_validator(), body) == []
    vtr = body["performanceMetrics"][0]["validTrackingRate"]
    assert (vtr["shipmentCount"], vtr["validTrackingCount"], vtr["status"]) == (400, 376, "BAD")
    assert vtr["rate"] == 0.94


async def test_error_bodies_validate_against_the_error_list(spapi: FakeSpApi):
    spapi.throttle(1)
    validator = swagger_validator(ORDERS, "ErrorList")
    async with httpx.AsyncClient() as client:
        headers = {"x-amz-access-token": await token(client, spapi)}
        url = f"{spapi.endpoint}/orders/2026-01-01/orders"
        throttled = await client.get(
            url, params={"createdAfter": "2026-10-01T00:00:00Z"}, headers=headers
        )
        bad = await client.get(url, params={}, headers=headers)
        expired = await client.get(
            url,
            params={"createdAfter": "2026-10-01T00:00:00Z"},
            headers={"x-amz-access-token": "nope"},
        )
        revoked_before = await token(client, spapi)
        spapi.revoke()
        lwa = await client.post(
            spapi.lwa_url,
            data={
                "grant_type": "refresh_token",
                "refresh_token": REFRESH_TOKEN,
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
            },
        )
    assert throttled.status_code == 429 and throttled.headers["x-amzn-RateLimit-Limit"] == "0.0056"
    assert bad.status_code == 400 and expired.status_code == 403
    for answer in (throttled, bad, expired):
        assert errors_of(validator, answer.json()) == []
    assert revoked_before.startswith("Atza|")
    assert lwa.status_code == 400 and lwa.json()["error"] == "invalid_grant"
