"""What the conversation core takes in and gives back: plain data, no Telegram types."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from bot.services.text_split import split_html


@dataclass(frozen=True, slots=True)
class ChatRef:
    """Who is talking: the chat, the language its user's client reports (if any), and the
    user (recorded with each fix sent to Amazon)."""

    chat_id: int
    language_code: str | None = None
    user_id: int | None = None


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: what it says and what pressing it sends back (≤ 64 bytes)."""

    label: str
    data: str

    def __post_init__(self) -> None:
        if len(self.data.encode()) > 64:
            raise ValueError(f"button data over 64 bytes: {self.data!r}")


@dataclass(frozen=True, slots=True)
class Document:
    """A file to send with a reply."""

    filename: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Reply:
    """One message: HTML text (already escaped and under Telegram's limit), maybe buttons and
    a document. With a document, `html` is its caption-free companion message."""

    html: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    document: Document | None = None
    image: Document | None = None
    """A PNG to show as a picture, with `html` as its caption."""


Progress = Callable[[str], Awaitable[None]]
"""Shows or updates one status message ("analysing…") while a file is worked on."""


@dataclass(frozen=True, slots=True)
class Upload:
    """A file a user sent. `fetch(dest)` puts its bytes at `dest` (download or copy); it is
    called only after the name, size and chat state have been checked."""

    filename: str
    size: int | None
    fetch: Callable[[Path], Awaitable[None]]
    caption: str | None = None


MAX_MESSAGES_PER_REPLY = 4
"""However long a text, one answer is at most this many messages: a file with 50,000
categories must not flood the chat or hold up other chats in the shared rate limit.
What does not fit is in the file the reply comes with."""


def pack(
    html_text: str,
    buttons: tuple[tuple[Button, ...], ...] = (),
    max_messages: int = MAX_MESSAGES_PER_REPLY,
) -> list[Reply]:
    """Split long HTML into at most `max_messages` messages; buttons go on the last one."""
    parts = split_html(html_text)
    if len(parts) > max_messages:
        parts = [*parts[: max_messages - 1], parts[-1]]
    replies = [Reply(part) for part in parts[:-1]]
    replies.append(Reply(parts[-1], buttons=buttons))
    return replies
