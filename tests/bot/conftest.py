"""Fixtures for the bot: a temporary store, the knowledge base, and the real Application
running against a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.services.core import Core
from bot.services.store import Store
from bot.settings import Settings
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import core_for, settings_for, started


@pytest.fixture
def core(sqlite_store: Store, kb: KnowledgeBase) -> Core:
    return core_for(sqlite_store, kb, "zh", progress_interval=0.05)


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def settings(
    tmp_path, bot_api: FakeBotApi, backend: str, request: pytest.FixtureRequest
) -> Settings:
    """A bot's settings; its store on PostgreSQL (a fresh database) when `backend` says so."""
    url = request.getfixturevalue("postgres_url") if backend == "postgresql" else None
    return settings_for(bot_api, tmp_path / "data", url)


@pytest.fixture
async def running_bot(settings: Settings, kb: KnowledgeBase, bot_api: FakeBotApi):
    """The real Application from app.py, polling the fake server until the test ends."""
    from bot.adapters.telegram.app import build_application

    async with started(build_application(settings, kb)) as application:
        yield application
