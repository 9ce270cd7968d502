"""Starting and stopping the real Application the way `run_polling` would, inside the
caller's event loop: for the end-to-end tests and the load benchmark."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram.ext import Application


@asynccontextmanager
async def started(application: Application, *, poll: bool = True) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Initialised, post_init run, started, and (unless `poll=False`) polling; stopped after."""
    await application.initialize()
    # run_polling would call these hooks; started by hand, we call them ourselves.
    assert application.post_init is not None and application.updater is not None
    await application.post_init(application)
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
