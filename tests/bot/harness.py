"""Starting and stopping the real Application the way `run_polling` would, inside the
caller's event loop: for the end-to-end tests and the load benchmark."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from telegram.ext import Application

from bot.bootstrap import build_services
from bot.domain.engine import analyse_file
from bot.domain.knowledge import KnowledgeBase
from bot.services.core import Core
from bot.services.store import Store
from bot.settings import Settings
from tests.bot.fake_bot_api import FakeBotApi


@asynccontextmanager
async def started(application: Application, *, poll: bool = True) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Initialised, post_init run, started, and (unless `poll=False`) polling; stopped after."""
    await application.initialize()
    # run_polling would call these hooks; started by hand, we call them ourselves.
    assert application.post_init is not None and application.updater is not None
    try:
        await application.post_init(application)
    except BaseException:
        await application.shutdown()  # or its HTTP clients' sockets outlive the failed test
        raise
    await application.start()
    if poll:
        await application.updater.start_polling(poll_interval=0, timeout=1)
    try:
        yield application
    finally:
        if application.updater.running:
            await application.updater.stop()
        await application.stop()
        await application.shutdown()
        assert application.post_shutdown is not None
        await application.post_shutdown(application)


def core_for(store: Store, kb: KnowledgeBase, lang: str = "zh", **wiring: Any) -> Core:
    """The conversation core wired as `vtrbot run` wires it, over an already opened store."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        VTRBOT_DATA_DIR=store.path.parent,
        VTRBOT_DEFAULT_LANG=lang,
    )
    wiring.setdefault("analyse", analyse_file)  # in this process, so tests can patch the engine
    return build_services(settings, kb=kb, store=store, **wiring).core


def settings_for(bot_api: FakeBotApi, data_dir: Path, database_url: str | None = None) -> Settings:
    """Settings of a bot that talks to `bot_api` and keeps its data in `data_dir` (its
    store too, unless `database_url` names a PostgreSQL database)."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        TELEGRAM_BOT_TOKEN=bot_api.token,
        VTRBOT_DATA_DIR=data_dir,
        VTRBOT_DEFAULT_LANG="zh",
        TELEGRAM_BASE_URL=bot_api.base_url,
        TELEGRAM_BASE_FILE_URL=bot_api.base_file_url,
        VTRBOT_DATABASE_URL=database_url,
    )
