"""confirmShipment: the fake answers as Amazon's Orders v0 model says, and the client sends
Amazon's shape, paced to its usage plan, retrying 429 and 5xx."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from pydantic import SecretStr

from bot.services.amazon.client import (
    LwaApp,
    RetryPolicy,
    ShipmentConfirmation,
    SpApiClient,
    SpApiRequestError,
    SpApiUnavailable,
)
from tests.amazon.conftest import NOW, US, VirtualTime, us_order
from tests.amazon.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi
from tests.amazon.models import ORDERS_V0, swagger_validator

UPS_NUMBER = "1Z5R89390357567127"
USPS_NUMBER = "9400111899223197428490"


def client_on(spapi: FakeSpApi, time: VirtualTime, attempts: int = 6) -> SpApiClient:
    spapi.clock = time.monotonic
    return SpApiClient(
        app=LwaApp(CLIENT_ID, SecretStr(CLIENT_SECRET), spapi.lwa_url),
        refresh_token=SecretStr(REFRESH_TOKEN),
        endpoint=spapi.endpoint,
        retry=RetryPolicy(sleep=time.sleep, attempts=attempts),
        clock=time.monotonic,
    )


def confirmation(
    order_id: str, code: str = "USPS", name: str | None = None, **kw
) -> ShipmentConfirmation:
    digits = "".join(c for c in order_id if c.isdigit())[-14:]
    return ShipmentConfirmation(
        order_id=order_id, marketplace_id=US, package_reference_id=kw.pop("package", "1"),
        carrier_code=code, carrier_name=name, tracking=kw.pop("tracking", USPS_NUMBER),
        ship_date=NOW - timedelta(days=2), items=kw.pop("items", ((digits, 1),)),
    )  # fmt: skip


def test_the_request_the_client_sends_validates_against_orders_v0():
    validator = swagger_validator(ORDERS_V0, "ConfirmShipmentRequest")
    body = confirmation("111-0000001-0000001", "Other", "CNE Express").body()
    assert [e.message for e in validator.iter_errors(body)] == []
    assert body["packageDetail"]["carrierName"] == "CNE Express"
    assert "carrierName" not in confirmation("111-0000001-0000001").body()["packageDetail"]


async def test_an_accepted_change_shows_in_the_next_search(spapi: FakeSpApi):
    order = us_order(1, days_ago=2, tracking=USPS_NUMBER)  # a USPS number entered as UPS
    spapi.orders = [order]
    async with client_on(spapi, VirtualTime()) as client:
        await client.confirm_shipment(confirmation(order.order_id))
        pages = [p async for p in client.search_orders([US], created_after=NOW - timedelta(days=9))]
    package = pages[0][0]["packages"][0]
    assert (package["carrier"], package["trackingNumber"]) == ("USPS", USPS_NUMBER)
    assert len(spapi.confirmations) == 1


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"code": "Royal Mayl"}, "carrierCode"),
        ({"code": "Other"}, "carrierName"),
        ({"package": "7"}, "packageReferenceId"),
        ({"items": (("99999", 1),)}, "orderItemId"),
    ],
)
async def test_amazon_refuses_what_it_cannot_apply(spapi: FakeSpApi, change, problem):
    order = us_order(1, days_ago=2)
    spapi.orders = [order]
    async with client_on(spapi, VirtualTime()) as client:
        with pytest.raises(SpApiRequestError) as refused:
            await client.confirm_shipment(confirmation(order.order_id, **change))
    assert refused.value.status == 400 and problem in str(refused.value)
    assert spapi.confirmations == [] and order.packages[0].tracking == "1Z5R89390357567127"


async def test_a_ship_plus_order_answers_400(spapi: FakeSpApi):
    order = us_order(1, days_ago=2, programs=["FBM_SHIP_PLUS"])
    spapi.orders = [order]
    async with client_on(spapi, VirtualTime()) as client:
        with pytest.raises(SpApiRequestError) as refused:
            await client.confirm_shipment(confirmation(order.order_id))
    assert refused.value.status == 400 and "Ship+" in str(refused.value)


async def test_429_and_5xx_are_retried_and_the_change_applied_once(spapi: FakeSpApi):
    order = us_order(1, days_ago=2)
    spapi.orders = [order]
    spapi.confirm_faults(429, 503, 500)
    time = VirtualTime()
    async with client_on(spapi, time) as client:
        await client.confirm_shipment(confirmation(order.order_id))
    assert spapi.confirm_calls() == 4
    assert len(spapi.confirmations) == 1
    assert min(time.waits) >= 0.5  # after the 429: at least one token's refill (1 / 2 per s)


async def test_amazon_down_past_every_retry_is_unavailable(spapi: FakeSpApi):
    order = us_order(1, days_ago=2)
    spapi.orders = [order]
    spapi.confirm_faults(*[503] * 3)
    async with client_on(spapi, VirtualTime(), attempts=3) as client:
        with pytest.raises(SpApiUnavailable):
            await client.confirm_shipment(confirmation(order.order_id))
    assert spapi.confirmations == []


async def test_the_client_keeps_to_two_a_second_after_a_burst_of_ten(spapi: FakeSpApi):
    spapi.orders = [us_order(n, days_ago=2) for n in range(1, 15)]
    time = VirtualTime()
    async with client_on(spapi, time) as client:
        for order in spapi.orders:
            await client.confirm_shipment(confirmation(order.order_id))
    assert len(spapi.confirmations) == 14
    assert spapi.confirm_calls() == 14  # no 429: the client waited its turn
    assert time.now - 1000.0 == pytest.approx(2.0)  # 4 beyond the burst, 0.5 s each


async def test_an_unknown_order_is_404_and_a_bad_body_400(spapi: FakeSpApi):
    async with client_on(spapi, VirtualTime()) as client:
        with pytest.raises(SpApiRequestError) as missing:
            await client.confirm_shipment(confirmation("999-0000000-0000000"))
        token = await client.access_token()
    assert missing.value.status == 404
    spapi.orders = [us_order(1, days_ago=2)]
    async with httpx.AsyncClient() as http:
        answer = await http.post(
            f"{spapi.endpoint}/orders/v0/orders/{spapi.orders[0].order_id}/shipmentConfirmation",
            json={"marketplaceId": US, "packageDetail": {"carrierCode": "UPS"}},
            headers={"x-amz-access-token": token},
        )
    assert answer.status_code == 400
    assert "required" in answer.json()["errors"][0]["message"]
