"""Connecting a store, and the one object the adapters hold for everything Amazon.

The bootstrap builds it from the settings (`bot.bootstrap.amazon_service`): the Amazon
tables of the bot's store and, when the operator configured the LWA app and the secret key,
the vault and the sync. Without them, `missing_settings()` names what the operator must set.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import SecretStr

from bot.domain.amazon_regions import Region, marketplace_id_of
from bot.services.amazon.client import (
    AppCredentialsRejected,
    AuthorizationRevoked,
    SpApiMalformed,
    SpApiRequestError,
    SpApiUnavailable,
)
from bot.services.amazon.fix_records import FixRecords
from bot.services.amazon.fixing import FixService
from bot.services.amazon.repository import AmazonRepository, CategoryPreference
from bot.services.amazon.sync import AmazonSync, ClientFactory, SyncOutcome
from bot.services.amazon.vault import CredentialVault
from bot.services.store import Store

log = logging.getLogger(__name__)

ConnectStatus = Literal[
    "connected", "not_configured", "unknown_marketplace", "revoked", "app_rejected",
    "refused", "unavailable", "malformed",
]  # fmt: skip


@dataclass(frozen=True)
class ConnectResult:
    status: ConnectStatus
    marketplace_ids: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    """Marketplaces the region does not serve, as the seller wrote them."""


class AmazonService:
    """Connections, their credentials and the sync, for both adapters."""

    def __init__(
        self,
        repo: AmazonRepository,
        store: Store,
        vault: CredentialVault | None,
        clients: ClientFactory | None,
        missing: Sequence[str] = (),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        write_enabled: bool = True,
    ) -> None:
        self.repo = repo
        self.store = store
        self.vault = vault
        self.clients = clients
        self._missing = tuple(missing)
        self.clock = clock
        self.sync = AmazonSync(repo, store, vault, clients, clock) if vault and clients else None
        self.write_enabled = write_enabled
        """Off (VTRBOT_AMAZON_WRITE=off): nothing is ever sent to Amazon, only read."""
        self.fixes = FixService(FixRecords(store), repo, vault, clients, write_enabled, clock)

    def missing_settings(self) -> tuple[str, ...]:
        """Environment variables the operator must set before sellers can connect."""
        return self._missing

    async def connect(
        self, chat_id: int, region: Region, marketplaces: Sequence[str], token: SecretStr
    ) -> ConnectResult:
        """Check the token with one cheap call, then store it encrypted."""
        if self.vault is None or self.clients is None:
            return ConnectResult("not_configured")
        ids = [marketplace_id_of(region, m) for m in marketplaces]
        unknown = tuple(m for m, found in zip(marketplaces, ids, strict=True) if found is None)
        if unknown or not ids:
            return ConnectResult("unknown_marketplace", unknown=unknown)
        chosen = tuple(dict.fromkeys(i for i in ids if i))
        status = await self._verify(region, chosen, token)
        if status == "connected":
            await self.repo.connect(chat_id, region, chosen, self.vault.seal(token))
        return ConnectResult(status, chosen)

    async def _verify(
        self, region: Region, marketplace_ids: Sequence[str], token: SecretStr
    ) -> ConnectStatus:
        assert self.clients is not None
        try:
            async with self.clients(region, token) as client:
                # A person is waiting: two quick tries, not the sync's minutes of backoff.
                client.retry = replace(client.retry, attempts=2, max_delay_s=5.0)
                await client.verify(marketplace_ids, self.clock() - timedelta(days=1))
        except AuthorizationRevoked:
            return "revoked"
        except AppCredentialsRejected:
            return "app_rejected"
        except SpApiUnavailable:
            return "unavailable"
        except SpApiRequestError:
            return "refused"
        except SpApiMalformed as error:
            log.warning("connect: Amazon's answer could not be read: %s", error)
            return "malformed"
        return "connected"

    async def disconnect(self, chat_id: int) -> bool:
        return await self.repo.disconnect(chat_id)

    async def choose_categories(self, chat_id: int, preference: CategoryPreference) -> None:
        """Store whose categories win, and have the next sync fetch the 45 days again so
        the stored orders follow the choice (the catalog's answers are cached: no lookups)."""
        await self.repo.set_category_preference(chat_id, preference)
        await self.repo.restart_backfill(chat_id)

    async def sync_now(
        self, chat_id: int | None = None, every: timedelta | None = None
    ) -> list[SyncOutcome]:
        """One chat, or every connected chat; `every` is the repeating round's interval
        (see `AmazonSync.sync_all`)."""
        if self.sync is None:
            return []
        if chat_id is not None:
            return [await self.sync.sync_chat(chat_id)]
        return await self.sync.sync_all(every)
