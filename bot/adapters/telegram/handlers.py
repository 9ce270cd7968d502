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
from telegram.constants import ChatAction, ChatMemberStatus, ChatType, ParseMode
from telegram.error import TelegramError

from bot.adapters.telegram.context import VtrContext
from bot.services import buttons
from bot.services.replies import ChatRef, Reply, Upload

log = logging.getLogger(__name__)


ADMINS = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)
ADMIN_ONLY_COMMANDS = frozenset({"forget", "disconnect", "fix", "fixes"})
"""In a group, deleting its data, its store and fixing its store are for its administrators."""
ADMIN_ONLY_BUTTONS = (
    buttons.Forget, buttons.FixPackage, buttons.FixConfirm, buttons.FixCancel, buttons.FixList,
)  # fmt: skip


def chat_of(update: Update) -> ChatRef:
    """The core's view of who sent the update."""
    assert update.effective_chat is not None
    user = update.effective_user
    return ChatRef(
        update.effective_chat.id, user.language_code if user else None, user.id if user else None
    )


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
    """Send the core's replies in order: text with buttons, or a document with its caption.
    The parse mode is set on each call: a `Bot` without the application's defaults (the
    `vtrbot alerts` command) must not show raw tags."""
    for reply in replies:
        if reply.image is not None:
            await bot.send_photo(
                chat_id=chat_id,
                photo=InputFile(reply.image.data, filename=reply.image.filename),
                caption=reply.html or None,
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard(reply),
            )
        elif reply.document is not None:
            await bot.send_document(
                chat_id=chat_id,
                document=InputFile(reply.document.data, filename=reply.document.filename),
                caption=reply.html,
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard(reply),
            )
        else:
            await bot.send_message(
                chat_id=chat_id,
                text=reply.html,
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard(reply),
            )


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
        try:
            if self.message is None:
                self.message = await self.bot.send_message(chat_id=self.chat_id, text=text)
            else:
                await self.message.edit_text(text=text)
        except TelegramError as error:
            # Deleted by the user, unchanged, or flood control (429): a status line is a
            # courtesy, and Telegram refusing it must never fail the seller's analysis.
            log.debug("status update failed: %s", type(error).__name__)


async def on_command(update: Update, context: VtrContext) -> None:
    """Any /command: the core knows them all, and answers unknown ones."""
    message = update.effective_message
    if message is None or not message.text:
        return
    name, _, addressee = message.text.split(maxsplit=1)[0].lstrip("/").partition("@")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        return  # "/forget@other_bot" in a group is another bot's business
    if await context.core.wants_secret(message.chat_id, message.text):
        await _delete_secret(message)  # "/connect NA US Atzr|…", in any chat
    if name.lower() in ADMIN_ONLY_COMMANDS and not await _is_admin(update, context):
        return
    args = context.args if context.args is not None else message.text.split()[1:]
    replies = await context.core.handle_command(chat_of(update), name, args)
    await send_replies(context.bot, message.chat_id, replies)


async def on_text(update: Update, context: VtrContext) -> None:
    """A question in free text: answered from the knowledge base."""
    message = update.effective_message
    if message is None or not message.text:
        return
    if await context.core.wants_secret(message.chat_id, message.text):
        await _delete_secret(message)
    # No "typing…" here: answers take milliseconds, and each chat action spends the same
    # flood budget (30 calls/s) as a message (found by bench/bench_load.py).
    replies = await context.core.handle_text(chat_of(update), message.text)
    await send_replies(context.bot, message.chat_id, replies)


async def on_photo(update: Update, context: VtrContext) -> None:
    """A photo with a caption: the number a fix waits for (the caption is read, no OCR)."""
    message = update.effective_message
    if message is None or not message.caption:
        return
    replies = await context.core.handle_caption(chat_of(update), message.caption)
    await send_replies(context.bot, message.chat_id, replies)


async def _delete_secret(message: Message) -> None:
    """A message carrying a secret (an Amazon refresh token) must not stay in the chat."""
    try:
        await message.delete()
    except TelegramError as error:  # too old, or already deleted by the user
        log.info("could not delete a message carrying a secret: %s", type(error).__name__)


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
    if isinstance(buttons.decode(query.data), ADMIN_ONLY_BUTTONS) and not await _is_admin(
        update, context
    ):
        return
    replies = await context.core.handle_button(chat_of(update), query.data)
    await send_replies(context.bot, update.effective_chat.id, replies)


async def _is_admin(update: Update, context: VtrContext) -> bool:
    """Private chats belong to their one user; in groups, ask Telegram who administers."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    member = await context.bot.get_chat_member(chat_id=chat.id, user_id=user.id)
    return member.status in ADMINS
