"""The fake SP-API answers as Amazon's published models say: every body it sends is
validated against the model's schema, so the client is tested against Amazon's shapes."""

from __future__ import annotations

import gzip
import json

import httpx

from tests.amazon.conftest import DE, US, us_order
from tests.amazon.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi, FakeVtr
from tests.amazon.models import (
    CATALOG,
    ORDERS,
    REPORTS,
    catalog_example,
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


async def catalog_get(
    client: httpx.AsyncClient, spapi: FakeSpApi, headers: dict[str, str], asin: str, **params: str
) -> httpx.Response:
    query = {"marketplaceIds": US, "includedData": "classifications,salesRanks,summaries"}
    return await client.get(
        f"{spapi.endpoint}/catalog/2022-04-01/items/{asin}",
        params={**query, **params},
        headers=headers,
    )


def test_amazons_catalog_example_validates_and_names_its_top_classification():
    example = catalog_example()
    assert errors_of(swagger_validator(CATALOG, "Item"), example) == []
    leaf = example["classifications"][0]["classifications"][0]
    while "parent" in leaf:
        leaf = leaf["parent"]
    assert leaf["displayName"] == "Electronics"


async def test_catalog_items_validate_in_each_marketplace_language(spapi: FakeSpApi):
    spapi.add_item(US, "B0TOYS0001", "Toys & Games", "Puzzles", "Jigsaw Puzzles")
    spapi.add_item(DE, "B0TOYS0001", "Spielzeug", "Puzzles", display_group="Spielzeug")
    spapi.add_item(US, "B0NOCLASS1")
    validator = swagger_validator(CATALOG, "Item")
    async with httpx.AsyncClient() as client:
        headers = {"x-amz-access-token": await token(client, spapi)}
        us = await catalog_get(client, spapi, headers, "B0TOYS0001")
        de = await catalog_get(client, spapi, headers, "B0TOYS0001", marketplaceIds=DE)
        spapi.clock = lambda: 1e9  # a second later: the bucket has refilled
        bare = await catalog_get(client, spapi, headers, "B0NOCLASS1")
        missing = await catalog_get(client, spapi, headers, "B0UNKNOWN1")
    for answer in (us, de, bare):
        assert answer.status_code == 200 and errors_of(validator, answer.json()) == []
    leaf = us.json()["classifications"][0]["classifications"][0]
    assert leaf["displayName"] == "Jigsaw Puzzles"
    assert leaf["parent"]["parent"]["displayName"] == "Toys & Games"
    assert "parent" not in leaf["parent"]["parent"]
    assert de.json()["summaries"][0]["websiteDisplayGroupName"] == "Spielzeug"
    assert de.json()["classifications"][0]["classifications"][0]["parent"]["displayName"] == (
        "Spielzeug"
    )
    assert bare.json()["classifications"] == [{"marketplaceId": US, "classifications": []}]
    assert missing.status_code == 404
    assert errors_of(swagger_validator(CATALOG, "ErrorList"), missing.json()) == []


async def test_catalog_keeps_amazons_usage_plan_of_2_a_second_burst_2(spapi: FakeSpApi):
    spapi.add_item(US, "B0TOYS0001", "Toys & Games")
    now = [100.0]
    spapi.clock = lambda: now[0]
    async with httpx.AsyncClient() as client:
        headers = {"x-amz-access-token": await token(client, spapi)}
        burst = [(await catalog_get(client, spapi, headers, "B0TOYS0001")).status_code
                 for _ in range(3)]  # fmt: skip
        throttled = await catalog_get(client, spapi, headers, "B0TOYS0001")
        now[0] += 0.5  # one token back
        refilled = [(await catalog_get(client, spapi, headers, "B0TOYS0001")).status_code
                    for _ in range(2)]  # fmt: skip
        spapi.catalog_outage(1)
        now[0] += 10
        down = await catalog_get(client, spapi, headers, "B0TOYS0001")
        no_market = await client.get(
            f"{spapi.endpoint}/catalog/2022-04-01/items/B0TOYS0001", headers=headers
        )
    assert burst == [200, 200, 429] and throttled.status_code == 429
    assert throttled.headers["x-amzn-RateLimit-Limit"] == "2.0"
    assert refilled == [200, 429]
    assert down.status_code == 500 and no_market.status_code == 400
    for answer in (throttled, down, no_market):
        assert errors_of(swagger_validator(CATALOG, "ErrorList"), answer.json()) == []
    assert spapi.catalog_throttled == 3
