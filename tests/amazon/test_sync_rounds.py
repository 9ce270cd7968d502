"""The repeating sync round: run by every replica sharing one PostgreSQL, each store is
synced once per interval; one process on SQLite still syncs every store."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.services.amazon.client import RetryPolicy
from bot.services.amazon.repository import AmazonRepository
from bot.services.amazon.service import AmazonService
from bot.services.amazon.sync import client_factory
from bot.services.amazon.vault import CredentialVault
from bot.services.store import Store
from tests.amazon.conftest import NOW, Clock, no_wait
from tests.amazon.fake_spapi import (
    CLIENT_ID,
    CLIENT_SECRET,
    ORDERS_PATH,
    REFRESH_TOKEN,
    FakeOrder,
    FakePackage,
    FakeSpApi,
)
from tests.stored import stored_count

EVERY = timedelta(hours=1)
STORES = {
    101: ("ATVPDKIKX0DER", "Amazon.com"),
    102: ("A2EUQ1WTGCTBG2", "Amazon.ca"),
    103: ("A1AM78C64UM0Y8", "Amazon.com.mx"),
    104: ("A2Q3Y263D00KWC", "Amazon.com.br"),
}
"""Four sellers, each selling in its own NA marketplace: the fake SP-API's log tells whose
orders each search fetched by the marketplace it names."""
ORDERS_PER_STORE = 3


def orders_of(market: str, name: str) -> list[FakeOrder]:
    return [
        FakeOrder(
            f"{market[:3]}-{n:07d}", market, name, NOW - timedelta(days=n, hours=6),
            NOW - timedelta(days=n) + timedelta(hours=1),
            packages=[FakePackage("UPS", "1Z5R89390357567127", NOW - timedelta(days=n))],
        )
        for n in range(1, ORDERS_PER_STORE + 1)
    ]  # fmt: skip


def searches_per_store(spapi: FakeSpApi) -> Counter[int]:
    """How many times each store's orders were searched for."""
    chat_of = {market: chat for chat, (market, _) in STORES.items()}
    return Counter(
        chat_of[query["marketplaceIds"]]
        for _, path, query in spapi.requests
        if path == ORDERS_PATH and "paginationToken" not in query
    )


def replica(store: Store, spapi: FakeSpApi, secret_key: str, clock: Clock) -> AmazonService:
    """One bot process's Amazon service, as `bot.bootstrap.amazon_service` builds it."""
    clients = client_factory(
        client_id=CLIENT_ID, client_secret=SecretStr(CLIENT_SECRET), token_url=spapi.lwa_url,
        endpoint=spapi.endpoint, retry=RetryPolicy(sleep=no_wait, attempts=2),
    )  # fmt: skip
    vault = CredentialVault(SecretStr(secret_key))
    return AmazonService(AmazonRepository(store), store, vault, clients, clock=clock)


async def connect_every_store(service: AmazonService, spapi: FakeSpApi) -> None:
    assert service.vault is not None
    for chat, (market, name) in STORES.items():
        sealed = service.vault.seal(SecretStr(REFRESH_TOKEN))
        await service.repo.connect(chat, "NA", [market], sealed)
        spapi.orders.extend(orders_of(market, name))


async def test_two_replicas_on_one_postgres_sync_each_store_once_per_round(
    spapi: FakeSpApi, postgres_url: str, tmp_path: Path, secret_key: str
) -> None:
    clock = Clock()
    stores = [Store(tmp_path / name / "vtrbot.sqlite3", database_url=postgres_url)
              for name in ("a", "b")]  # fmt: skip
    for store in stores:
        await store.open()
    try:
        replicas = [replica(store, spapi, secret_key, clock) for store in stores]
        await connect_every_store(replicas[0], spapi)
        for expected in (1, 2):
            rounds = await asyncio.gather(*(r.sync_now(every=EVERY) for r in replicas))
            assert searches_per_store(spapi) == {chat: expected for chat in STORES}
            synced = Counter(o.chat_id for outcomes in rounds for o in outcomes if o.fresh)
            assert synced == {chat: 1 for chat in STORES}
            left = {o.status for outcomes in rounds for o in outcomes if not o.fresh}
            assert left <= {"busy", "not_due"}
            clock.now += EVERY
        for chat in STORES:
            assert await stored_count(stores[1], chat) == ORDERS_PER_STORE
    finally:
        for store in stores:
            await store.close()


@pytest.mark.slow
async def test_one_process_on_sqlite_syncs_every_store_each_round(
    spapi: FakeSpApi, tmp_path: Path, secret_key: str
) -> None:
    clock = Clock()
    async with Store(tmp_path / "vtrbot.sqlite3") as store:
        service = replica(store, spapi, secret_key, clock)
        await connect_every_store(service, spapi)
        first = await service.sync_now(every=EVERY)
        assert [(o.chat_id, o.status) for o in first] == [(chat, "ok") for chat in STORES]
        # The scheduler's next round comes an interval later, give or take: all synced again.
        clock.now += EVERY - timedelta(seconds=1)
        assert {o.status for o in await service.sync_now(every=EVERY)} == {"ok"}
        # A round run again at once (a second process on the file would) fetches nothing.
        clock.now += timedelta(minutes=5)
        assert {o.status for o in await service.sync_now(every=EVERY)} == {"not_due"}
        # An operator's `vtrbot sync --now` syncs regardless of the interval.
        assert {o.status for o in await service.sync_now()} == {"ok"}
        assert searches_per_store(spapi) == {chat: 3 for chat in STORES}
        for chat in STORES:
            assert await stored_count(store, chat) == ORDERS_PER_STORE
