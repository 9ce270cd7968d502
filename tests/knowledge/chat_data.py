"""A chat that has uploaded a file, asked through the chat's own path: the own-data tests'
one setup (the upload as a seller sends it, then each question as plain text)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from bot.domain.knowledge import KnowledgeBase
from bot.services.replies import ChatRef
from bot.services.store import Store
from tests.bot.harness import core_for
from tests.knowledge.grading import plain_text

Ask = Callable[[str], Awaitable[str]]
"""A question to the chat that uploaded the file; the functions given also take another chat
(a `ChatRef`) as a second argument, to ask there instead."""


@asynccontextmanager
async def chat_after_upload(
    folder: Path, kb: KnowledgeBase, data: str | bytes, chat_id: int, as_of: str
) -> AsyncIterator[Ask]:
    """Chat `chat_id` (Chinese) uploads `data` (text is written as UTF-8, bytes as they are)
    as orders.csv with `as_of` as the caption; the context gives a function asking it a
    question, the reply as plain text."""
    upload = folder / "orders.csv"
    upload.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    uploader = ChatRef(chat_id, "zh")
    async with Store(folder / "vtrbot.sqlite3") as store:
        core = core_for(store, kb, "zh")
        await core.handle_file(uploader, upload, caption=as_of)

        async def asking(question: str, chat: ChatRef = uploader) -> str:
            return plain_text(await core.handle_text(chat, question))

        yield asking
