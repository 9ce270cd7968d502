"""Telegram handlers: each turns an update into one core call and sends the replies back."""

from __future__ import annotations

import logging
from pathlib import Path

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
)
from telegram.constants import ChatAction
from telegram.error import BadRequest

from bot.adapters.telegram.context import VtrContext
from bot.services.replies import ChatRef, Reply, Upload

log = logging.getLogger(__name__)


def chat_of(update: Update) -> ChatRef:
    """The core's view of who sent the update."""
    assert update.effective_chat is not None
    user = update.effective_user
    return ChatRef(update.effective_chat.id, user.language_code if user else None)


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(text=button.label, callback_data=button.data) for button in row]
            for row in reply.buttons
        ]
    )


async def send_replies(bot: Bot, chat_id: int, replies: list[Reply]) -> None:
    """Send the core's replies in order: text with buttons, or a document with its caption."""
    for reply in replies:
        if reply.image is not None:
            await bot.send_photo(
                chat_id=chat_id,
                photo=InputFile(reply.image.data, filename=reply.image.filename),
                caption=reply.html or None,
                reply_markup=keyboard(reply),
            )
        elif reply.document is not None:
            await bot.send_document(
                chat_id=chat_id,
                document=InputFile(reply.document.data, filename=reply.document.filename),
                caption=reply.html,
                reply_markup=keyboard(reply),
            )
        else:
            await bot.send_message(chat_id=chat_id, text=reply.html, reply_markup=keyboard(reply))


class StatusMessage:
    """The "analysing…" message: sent on the first update, edited on the next ones."""

    def __init__(self, bot: Bot, chat_id: int) -> None:
        self.bot = bot
        self.chat_id = chat_id
        self.message: Message | None = None
        self.text = ""

    async def __call__(self, text: str) -> None:
        if text == self.text:
            return
        self.text = text
        if self.message is None:
            self.message = await self.bot.send_message(chat_id=self.chat_id, text=text)
            return
        try:
            await self.message.edit_text(text=text)
        except BadRequest as error:  # deleted by the user, or unchanged: the report still comes
            log.debug("status edit failed: %s", type(error).__name__)


async def on_command(update: Update, context: VtrContext) -> None:
    """Any /command: the core knows them all, and answers unknown ones."""
    message = update.effective_message
    if message is None or not message.text:
        return
    name = message.text.split(maxsplit=1)[0].lstrip("/")
    args = context.args if context.args is not None else message.text.split()[1:]
    replies = await context.core.handle_command(chat_of(update), name, args)
    await send_replies(context.bot, message.chat_id, replies)


async def on_text(update: Update, context: VtrContext) -> None:
    """A question in free text: answered from the knowledge base."""
    message = update.effective_message
    if message is None or not message.text:
        return
    # No "typing…" here: answers take milliseconds, and each chat action spends the same
    # flood budget (30 calls/s) as a message (found by bench/bench_load.py).
    replies = await context.core.handle_text(chat_of(update), message.text)
    await send_replies(context.bot, message.chat_id, replies)


async def on_document(update: Update, context: VtrContext) -> None:
    """A file: analysed with a status message that follows the work, then the report."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    document = message.document
    await context.bot.send_chat_action(chat_id=message.chat_id, action=ChatAction.TYPING)

    async def fetch(dest: Path) -> None:
        telegram_file = await context.bot.get_file(file_id=document.file_id)
        await telegram_file.download_to_drive(custom_path=dest)

    upload = Upload(
        filename=document.file_name or "upload",
        size=document.file_size,
        fetch=fetch,
        caption=message.caption,
    )
    status = StatusMessage(context.bot, message.chat_id)
    replies = await context.core.handle_upload(chat_of(update), upload, progress=status)
    if replies and replies[-1].document is not None:
        await context.bot.send_chat_action(
            chat_id=message.chat_id, action=ChatAction.UPLOAD_DOCUMENT
        )
    await send_replies(context.bot, message.chat_id, replies)


async def on_button(update: Update, context: VtrContext) -> None:
    """An inline button: acknowledged at once, then answered like a message."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    if not query.data or update.effective_chat is None:
        return
    replies = await context.core.handle_button(chat_of(update), query.data)
    await send_replies(context.bot, update.effective_chat.id, replies)
