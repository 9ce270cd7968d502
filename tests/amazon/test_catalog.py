"""Catalog Items through the client: an ASIN's category, paced to Amazon's usage plan
(2 a second, burst 2), 429s waited out, an ASIN without classifications, an outage."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from bot.domain.amazon_catalog import catalog_category
from bot.services.amazon.client import (
    LwaApp,
    RetryPolicy,
    SpApiClient,
    SpApiRequestError,
    SpApiUnavailable,
)
from tests.amazon.conftest import DE, US, VirtualTime
from tests.amazon.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi
from tests.amazon.models import catalog_example


def paced_client(spapi: FakeSpApi, time: VirtualTime, attempts: int = 4) -> SpApiClient:
    spapi.clock = time.monotonic
    return SpApiClient(
        app=LwaApp(CLIENT_ID, SecretStr(CLIENT_SECRET), spapi.lwa_url),
        refresh_token=SecretStr(REFRESH_TOKEN),
        endpoint=spapi.endpoint,
        retry=RetryPolicy(sleep=time.sleep, attempts=attempts, base_delay_s=0.1),
        clock=time.monotonic,
    )


def test_the_category_is_the_top_of_the_browse_path_of_amazons_own_example():
    # QLED TVs → Televisions → Television & Video → Electronics (Amazon's example item).
    assert catalog_category(catalog_example(), US) == "Electronics"
    assert catalog_category(catalog_example(), DE) is None


def test_without_classifications_the_display_group_names_it_else_nothing():
    ranks = {
        "salesRanks": [
            {
                "marketplaceId": US,
                "displayGroupRanks": [
                    {
                        "websiteDisplayGroup": "toy_display_on_website",
                        "title": "Toys & Games",
                        "rank": 9,
                    }
                ],
            }
        ]
    }
    group = {"summaries": [{"marketplaceId": US, "websiteDisplayGroupName": "Toy"}]}
    empty = {"asin": "B0X", "classifications": [{"marketplaceId": US, "classifications": []}]}
    assert catalog_category({**empty, **ranks, **group}, US) == "Toys & Games"
    assert catalog_category({**empty, **group}, US) == "Toy"
    assert catalog_category(empty, US) is None
    assert catalog_category({"classifications": "garbage", "summaries": [None, 3]}, US) is None


async def test_six_lookups_take_two_seconds_of_amazons_clock_and_meet_no_429(spapi: FakeSpApi):
    asins = [f"B0TOYS000{n}" for n in range(6)]
    for asin in asins:
        spapi.add_item(US, asin, "Toys & Games", "Puzzles")
    time = VirtualTime()
    async with paced_client(spapi, time) as client:
        started = time.now
        items = [await client.catalog_item(US, asin) for asin in asins]
    # Burst 2 at once, then one every 0.5 s: (6 - 2) × 0.5 s.
    assert time.now - started == pytest.approx(2.0)
    assert spapi.catalog_throttled == 0 and spapi.catalog_lookups() == 6
    assert {catalog_category(item, US) for item in items} == {"Toys & Games"}


async def test_a_429_is_waited_out_at_least_one_token_long(spapi: FakeSpApi):
    spapi.add_item(DE, "B0TOYS0001", "Spielzeug", "Puzzles")
    spapi.throttle_catalog(2)
    time = VirtualTime()
    async with paced_client(spapi, time) as client:
        item = await client.catalog_item(DE, "B0TOYS0001")
    assert catalog_category(item, DE) == "Spielzeug"
    assert spapi.catalog_lookups("B0TOYS0001") == 3
    assert len(time.waits) == 2 and min(time.waits) >= 0.5  # 1 / x-amzn-RateLimit-Limit


async def test_an_unknown_asin_is_refused_and_an_outage_is_unavailable(spapi: FakeSpApi):
    spapi.add_item(US, "B0TOYS0001", "Toys & Games")
    spapi.catalog_outage(10)
    time = VirtualTime()
    async with paced_client(spapi, time, attempts=3) as client:
        with pytest.raises(SpApiUnavailable):
            await client.catalog_item(US, "B0TOYS0001")
        spapi.end_catalog_outage()
        with pytest.raises(SpApiRequestError) as refused:
            await client.catalog_item(US, "B0UNKNOWN1")
    assert refused.value.status == 404
