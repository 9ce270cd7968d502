"""The error handler: log what broke (never message text, file content or the token), then
tell the user, in their language, that something went wrong."""

from __future__ import annotations

import html
import logging
import traceback

from telegram import Update

from bot.adapters.telegram.context import VtrContext
from bot.adapters.telegram.handlers import chat_of
from bot.services.i18n import translator
from bot.services.store import storage_problem, storage_problem_text

log = logging.getLogger(__name__)


def where(error: BaseException) -> str:
    """The failing call chain as `file:line in function`: no exception message, no locals."""
    frames = traceback.extract_tb(error.__traceback__)[-4:]
    return " <- ".join(
        f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} in {f.name}" for f in reversed(frames)
    )


async def on_error(update: object, context: VtrContext) -> None:
    """Log the exception type and update id, then apologise to the chat."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    if error is not None:
        log.error("update %s failed: %s at %s", update_id, type(error).__name__, where(error))
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    chat = chat_of(update)
    try:
        t = translator(await context.core.lang_of(chat))
    except Exception:  # the store may be what failed
        t = translator(context.core.default_lang)
    problem = storage_problem(error) if error is not None else None
    if problem is not None:
        text = storage_problem_text(problem, t)
    elif isinstance(error, TimeoutError):  # a handler's total deadline (updates.py)
        text = t._("That took too long, so I stopped. Please try again in a few minutes.")
    else:
        text = t._("Sorry, something went wrong on my side. Please try again in a moment.")
    try:
        await context.bot.send_message(chat_id=chat.chat_id, text=html.escape(text, quote=False))
    except Exception as send_error:
        log.error("could not tell chat about the error: %s", type(send_error).__name__)
