"""The SP-API client against the fake server: paging, backoff, token renewal, failures."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import SecretStr

from bot.services.amazon.client import (
    AppCredentialsRejected,
    AuthorizationRevoked,
    LwaApp,
    ReportFailed,
    RetryPolicy,
    SpApiClient,
    SpApiUnavailable,
)
from tests.amazon.conftest import NOW, UK, US, us_order
from tests.amazon.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi, FakeVtr


class Sleeps:
    """Records the waits the client asks for, without waiting."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def make_client(spapi: FakeSpApi, sleeps: Sleeps, secret: str = CLIENT_SECRET, **kw) -> SpApiClient:
    return SpApiClient(
        app=LwaApp(CLIENT_ID, SecretStr(secret), spapi.lwa_url),
        refresh_token=SecretStr(kw.pop("refresh_token", REFRESH_TOKEN)),
        endpoint=spapi.endpoint,
        retry=RetryPolicy(sleep=sleeps, **kw),
    )


async def all_orders(client: SpApiClient, **kw) -> list[dict]:
    pages = [page async for page in client.search_orders([US], **kw)]
    return [order for page in pages for order in page]


async def test_pages_are_followed_to_the_end(spapi: FakeSpApi):
    spapi.orders = [us_order(n, days_ago=n % 30 + 1) for n in range(250)]
    async with make_client(spapi, Sleeps()) as client:
        orders = await all_orders(client, created_after=NOW - timedelta(days=45))
    assert len(orders) == 250
    assert len({order["orderId"] for order in orders}) == 250
    assert spapi.calls_to("/orders/2026-01-01/orders") == 3
    assert spapi.calls_to("/auth/o2/token") == 1


async def test_last_updated_after_returns_only_later_updates(spapi: FakeSpApi):
    spapi.orders = [us_order(n, days_ago=n) for n in range(1, 11)]
    async with make_client(spapi, Sleeps()) as client:
        orders = await all_orders(client, last_updated_after=NOW - timedelta(days=3, hours=2))
    # Updated one hour after shipping: orders shipped 1, 2 and 3 days ago.
    assert sorted(order["orderId"] for order in orders) == [
        "111-0000001-0000001", "111-0000002-0000001", "111-0000003-0000001",
    ]  # fmt: skip


async def test_a_429_waits_at_least_the_rate_limit_then_succeeds(spapi: FakeSpApi):
    spapi.orders = [us_order(1, days_ago=2)]
    spapi.rate_limit_header = "0.0056"
    spapi.throttle(2)
    sleeps = Sleeps()
    async with make_client(spapi, sleeps, base_delay_s=1.0) as client:
        orders = await all_orders(client, created_after=NOW - timedelta(days=45))
    assert len(orders) == 1
    # 1 / 0.0056 req/s = 178.6 s: one token's refill, longer than the backoff.
    assert len(sleeps.waits) == 2
    assert all(wait == pytest.approx(1 / 0.0056) for wait in sleeps.waits)


async def test_backoff_grows_and_is_capped():
    policy = RetryPolicy(base_delay_s=2.0, max_delay_s=20.0)
    delays = [policy.delay(attempt) for attempt in range(5)]
    assert 2.0 <= delays[0] <= 2.5 and 4.0 <= delays[1] <= 5.0 and 8.0 <= delays[2] <= 10.0
    assert delays[4] == 20.0


async def test_an_access_token_that_expires_mid_sync_is_renewed(spapi: FakeSpApi):
    spapi.orders = [us_order(n, days_ago=n % 30 + 1) for n in range(300)]
    spapi.expire_tokens_after(1)
    async with make_client(spapi, Sleeps()) as client:
        orders = await all_orders(client, created_after=NOW - timedelta(days=45))
    assert len({order["orderId"] for order in orders}) == 300
    assert spapi.calls_to("/auth/o2/token") == 2
    # Page 2 was refused once (expired token), then asked again with the new token.
    assert spapi.calls_to("/orders/2026-01-01/orders") == 4


async def test_invalid_grant_is_authorization_revoked_and_says_no_secret(spapi: FakeSpApi):
    spapi.revoke()
    async with make_client(spapi, Sleeps()) as client:
        with pytest.raises(AuthorizationRevoked) as caught:
            await client.access_token()
    assert REFRESH_TOKEN not in str(caught.value) and CLIENT_SECRET not in str(caught.value)
    assert spapi.calls_to("/auth/o2/token") == 1  # no retry: only the seller can fix it


async def test_a_wrong_client_secret_is_the_operators_problem(spapi: FakeSpApi):
    async with make_client(spapi, Sleeps(), secret="rotated-away") as client:
        with pytest.raises(AppCredentialsRejected):
            await client.access_token()


async def test_amazon_down_gives_unavailable_after_the_retries(spapi: FakeSpApi):
    spapi.orders = [us_order(1, days_ago=2)]
    spapi.unavailable(10)
    sleeps = Sleeps()
    async with make_client(spapi, sleeps, attempts=4) as client:
        with pytest.raises(SpApiUnavailable):
            await all_orders(client, created_after=NOW - timedelta(days=45))
    assert len(sleeps.waits) == 4
    assert sleeps.waits == sorted(sleeps.waits)


async def test_performance_report_is_polled_until_done_and_gunzipped(spapi: FakeSpApi):
    spapi.vtr[UK] = FakeVtr(shipments=200, valid=188, status="BAD")
    sleeps = Sleeps()
    async with make_client(spapi, sleeps, report_poll_s=15.0) as client:
        document = await client.performance_report(UK)
    (entry,) = document.performance_metrics
    assert entry.marketplace_id == UK
    assert entry.valid_tracking_rate is not None
    assert entry.valid_tracking_rate.valid_tracking_count == 188
    assert sleeps.waits == [15.0, 15.0]  # IN_QUEUE, IN_PROGRESS, then DONE


async def test_a_fatal_report_raises_report_failed(spapi: FakeSpApi):
    spapi.report_outcome = "FATAL"
    async with make_client(spapi, Sleeps()) as client:
        with pytest.raises(ReportFailed) as caught:
            await client.performance_report(US)
    assert caught.value.status == "FATAL"
