"""The one place the services are wired, from `Settings`: the Telegram bot, `vtrbot chat`
and `vtrbot alerts` all start from `build_services`, so they behave alike.

Defaults (language, time zone, upload limit) live in `Settings` alone; nothing here or in
the services repeats them.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.domain.knowledge import KnowledgeBase
from bot.services.alert_settings import AlertSettings
from bot.services.alerting import AlertService, Clock, Scheduler, utc_now
from bot.services.amazon.conversation import ConnectConversation
from bot.services.amazon.fix_conversation import FixConversation
from bot.services.amazon.repository import AmazonRepository
from bot.services.amazon.service import AmazonService
from bot.services.amazon.sync import client_factory
from bot.services.amazon.vault import CredentialVault
from bot.services.core import Core
from bot.services.forgetting import Forgetting
from bot.services.isolation import analyse_upload_isolated, warm_up
from bot.services.knowledge_cache import cached_knowledge_base
from bot.services.questions import QuestionService
from bot.services.store import Store
from bot.services.uploads import UPLOADS_AT_ONCE, Analyse, UploadService
from bot.settings import Settings

OTHER_WORK_CONNECTIONS = 6
"""Database connections beside the uploads': questions and commands (one short statement at
a time each, so a few serve many chats), the alert pass, the Amazon sync round, the
heartbeat. Named locks have a connection of their own and need none of these."""


def store_connections(uploads_at_once: int = UPLOADS_AT_ONCE) -> int:
    """The pool a process needs for the work it admits at once: each admitted upload uses at
    most one connection at a time, and no code holds one while waiting for another."""
    return uploads_at_once + OTHER_WORK_CONNECTIONS


@dataclass(frozen=True)
class Services:
    """Everything an adapter needs, built once per process."""

    settings: Settings
    store: Store
    core: Core
    alerts: AlertService
    uploads: UploadService
    amazon: AmazonService

    async def open(self) -> None:
        """Open the store and clear what a killed process left in the scratch folder."""
        await self.store.open()
        self.uploads.clear_scratch()
        if self.uploads.analyse is analyse_upload_isolated:
            # The worker server imports the engine once (about a second), before the first upload.
            await asyncio.to_thread(warm_up)

    async def close(self) -> None:
        await self.core.connect.wait_background()
        await self.store.close()


def build_services(
    settings: Settings,
    *,
    kb: KnowledgeBase | None = None,
    store: Store | None = None,
    scheduler: Scheduler | None = None,
    clock: Clock = utc_now,
    progress_interval: float = 4.0,
    analyse: Analyse = analyse_upload_isolated,
) -> Services:
    """The services, not yet opened (`Services.open` runs inside the caller's loop). Without
    `kb`, the knowledge base prepared from the same sources is read (`vtrbot ask`'s, built
    and kept on a first start), not built again at every start of `vtrbot run` or `alerts`."""
    store = store or open_store(settings, store_connections())
    amazon = amazon_service(settings, store, clock)
    alerts = AlertService(
        store,
        settings.default_lang,
        scheduler=scheduler,
        clock=clock,
        allowed_chats=settings.telegram.allowed_chats,
        amazon=amazon.repo,
    )
    uploads = UploadService(
        store,
        max_upload_bytes=settings.max_upload_bytes,
        scratch_folder=scratch_folder(store),
        progress_interval=progress_interval,
        analyse=analyse,
        fix_marks=amazon.fixes.marks,
    )
    connect = ConnectConversation(amazon)
    core = Core(
        store,
        questions=QuestionService(kb or cached_knowledge_base(), store),
        uploads=uploads,
        alert_settings=AlertSettings(store, alerts, settings.timezone),
        forgetting=Forgetting(store, alerts, uploads),
        connect=connect,
        amazon=amazon.repo,
        fixes=FixConversation(amazon.fixes),
        default_lang=settings.default_lang,
    )
    return Services(
        settings=settings, store=store, core=core, alerts=alerts, uploads=uploads, amazon=amazon
    )


def open_store(settings: Settings, connections: int | None = None) -> Store:
    """The store `settings` ask for, not yet opened: PostgreSQL when VTRBOT_DATABASE_URL is
    set (with a pool of `connections`), else the SQLite file in the data folder."""
    shared = settings.scale_out.database_url
    url = shared.get_secret_value() if shared else None
    return Store(settings.database_path, database_url=url, connections=connections)


def amazon_service(settings: Settings, store: Store, clock: Clock = utc_now) -> AmazonService:
    """The Amazon side, not yet open: with the vault and the SP-API clients when the
    operator set the key and the LWA app, else naming what is missing."""
    amazon = settings.amazon
    vault = CredentialVault(amazon.secret_key) if amazon.secret_key else None
    clients = None
    if amazon.client_id and amazon.client_secret:
        clients = client_factory(
            client_id=amazon.client_id,
            client_secret=amazon.client_secret,
            token_url=amazon.lwa_token_url,
            endpoint=amazon.endpoint,
        )
    repo = AmazonRepository(store)
    return AmazonService(repo, store, vault, clients, amazon.missing(), clock, amazon.write)


@asynccontextmanager
async def opened(services: Services) -> AsyncIterator[Services]:
    await services.open()
    try:
        yield services
    finally:
        await services.close()


def scratch_folder(store: Store) -> Path | None:
    """Uploads are worked on beside the database; an in-memory store (tests) has no
    folder, so they go to the system's temporary folder."""
    if str(store.path) == ":memory:":
        return None
    return store.path.parent / "scratch"
