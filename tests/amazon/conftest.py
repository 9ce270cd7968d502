"""Fixtures for the Amazon connection: the fake SP-API server and a few orders in it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr

from bot.services.amazon.repository import AmazonRepository
from bot.services.amazon.sync import AmazonSync, ClientFactory
from bot.services.amazon.vault import CredentialVault
from bot.services.store import Store
from tests.amazon.fake_spapi import REFRESH_TOKEN, FakeOrder, FakePackage, FakeSpApi

US = "ATVPDKIKX0DER"
UK = "A1F83G8C2ARO7P"
DE = "A1PA6795UKMFR9"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
UPS_OK = "1Z5R89390357567127"
"""A UPS number in UPS's published format, so a package that carries it is valid."""


@pytest.fixture
async def spapi() -> AsyncIterator[FakeSpApi]:
    server = FakeSpApi()
    await server.start()
    yield server
    await server.stop()


def us_order(number: int, days_ago: int, tracking: str = UPS_OK, **kw) -> FakeOrder:
    """A merchant-fulfilled Amazon.com order shipped `days_ago` days before NOW by UPS."""
    shipped = NOW - timedelta(days=days_ago)
    return FakeOrder(
        order_id=f"111-{number:07d}-0000001",
        marketplace_id=US,
        marketplace_name="Amazon.com",
        created=shipped - timedelta(hours=6),
        updated=shipped + timedelta(hours=1),
        sku=kw.pop("sku", "SKU-1"),
        asin=kw.pop("asin", "B000000001"),
        packages=kw.pop("packages", None)
        or [FakePackage("UPS", tracking, shipped, kw.pop("status", "IN_TRANSIT"))],
        **kw,
    )


@pytest.fixture
def secret_key() -> str:
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


class VirtualTime:
    """One clock for the client and the fake SP-API: `sleep` moves it on at once, so the
    client's pacing and Amazon's usage plan meet without real waiting."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.waits: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


class Clock:
    """The sync's clock: NOW until a test moves it on."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def repo(sqlite_store: Store) -> AmazonRepository:
    return AmazonRepository(sqlite_store)


async def no_wait(_: float) -> None:
    """A retry's sleep that returns at once: the tests' retries cost no time."""
    return None


async def connected_sync(
    chat: int,
    repo: AmazonRepository,
    secret_key: str,
    clients: ClientFactory,
    clock: Clock,
) -> AmazonSync:
    """A sync over `repo`'s store with `chat` connected to Amazon.com (NA), its refresh
    token sealed as the bot seals it; `clients` says how the sync reaches the fake."""
    vault = CredentialVault(SecretStr(secret_key))
    await repo.connect(chat, "NA", [US], vault.seal(SecretStr(REFRESH_TOKEN)))
    return AmazonSync(repo, repo.store, vault, clients, clock)
