"""A line of text in a reply: escaped for Telegram's HTML, or sent as a message of its own.

Every flow answers in HTML (`Reply.html`), so any text that is not markup, a translated
sentence or a seller's value, goes through `esc` first; `say` is the common answer of one
such sentence.
"""

from __future__ import annotations

import html

from bot.services.i18n import Translator
from bot.services.replies import Button, Reply


def esc(value: object) -> str:
    """Text safe inside Telegram HTML."""
    return html.escape(str(value), quote=False)


def say(text: str, buttons: tuple[tuple[Button, ...], ...] = ()) -> list[Reply]:
    """One message holding `text` (a translated sentence, not markup), escaped."""
    return [Reply(esc(text), buttons=buttons)]


def sentence_gap(t: Translator) -> str:
    """What goes between two sentences: a space in English, nothing after Chinese 。"""
    return "" if t.lang == "zh" else " "


def list_separator(t: Translator) -> str:
    """What goes between the names of a list: 、 in Chinese, a comma and space in English."""
    return "、" if t.lang == "zh" else ", "
