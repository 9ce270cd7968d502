"""The workers' allocator settings, set in the server they are forked from.

Imported first by that server (`isolation._PRELOAD`), before polars loads and reads them:
the analyses forked from it then keep one arena in polars' allocator, as a fresh worker's
does (`isolation.ONE_ARENA`). Setting them is this module's whole point; the bot's own
process never imports it, so its allocator keeps the bot's settings."""

import os

from bot.services.isolation import worker_allocator_settings

_settings = os.environ.get("_RJEM_MALLOC_CONF")
if _settings is not None:  # `bot` sets its own unless an operator set theirs
    os.environ["_RJEM_MALLOC_CONF"] = worker_allocator_settings(_settings)
