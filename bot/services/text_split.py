"""Split Telegram HTML into messages under the 4,096-character limit.

Cuts at line breaks where it can, never inside a tag or an entity, and closes the tags
still open at a cut (reopening them in the next part) so every part is valid HTML.
"""

from __future__ import annotations

import re

TELEGRAM_LIMIT = 4096
_TAG = re.compile(r"<[^>]*>")

_TOKEN = re.compile(r"<(/?)([a-zA-Z-]+)[^>]*>|&[#\w]+;|\n|[^<&\n ]+ *| +")


def units(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _closing(tags: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(tags))


def _tokens(text: str, limit: int) -> list[tuple[str, str, str]]:
    """(token, slash, tag name); words keep their trailing spaces; an overlong word is cut."""
    tokens = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if match.group(2) or len(token) == 1:
            tokens.append((token, match.group(1) or "", (match.group(2) or "").lower()))
            continue
        step = max(1, limit // 4)
        tokens.extend((token[i : i + step], "", "") for i in range(0, len(token), step))
    return tokens


class _Splitter:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.current: list[str] = []
        self.open_tags: list[tuple[str, str]] = []  # (name, opening tag as written)
        self.total = 0
        self.reopened = 0  # leading tokens of `current` that only reopen tags
        self.newline_at = -1  # index in `current` just after the last line break
        self.tags_at_newline: list[tuple[str, str]] = []

    def cut(self) -> bool:
        """Close a part at the last line break (else here); False when there is nothing
        to close but the tags reopened at the last cut."""
        if self.newline_at > 0:
            at, tags = self.newline_at, self.tags_at_newline
        else:
            at, tags = len(self.current), list(self.open_tags)
            if at <= self.reopened:
                return False
        head, tail = self.current[:at], self.current[at:]
        self.parts.append("".join(head).rstrip("\n") + _closing(tags))
        self.current = [opening for _, opening in tags] + tail
        self.reopened = len(tags)
        self.total = sum(units(piece) for piece in self.current)
        self.newline_at = -1
        return True

    def add(self, token: str, slash: str, name: str) -> None:
        opening = bool(name) and not slash
        grows = units(token) + (units(f"</{name}>") if opening else 0)
        # A cut at a line break keeps the rest of that line, which may still not leave
        # room for the token: cut again, at the end, until it does.
        while self.current and self.total + grows + units(_closing(self.open_tags)) > self.limit:
            if not self.cut():
                break
        self.current.append(token)
        self.total += units(token)
        if opening:
            self.open_tags.append((name, token))
        elif name:
            for position in range(len(self.open_tags) - 1, -1, -1):
                if self.open_tags[position][0] == name:
                    del self.open_tags[position]
                    break
        if token == "\n":
            self.newline_at = len(self.current)
            self.tags_at_newline = list(self.open_tags)


def split_html(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Parts of `text`, each at most `limit` UTF-16 units, with balanced tags."""
    if units(text) <= limit:
        return [text]
    splitter = _Splitter(limit)
    for token, slash, name in _tokens(text, limit):
        splitter.add(token, slash, name)
    splitter.parts.append("".join(splitter.current))
    return [part for part in splitter.parts if _shows_something(part)]


def _shows_something(part: str) -> bool:
    """False for a part of only tags and blanks (`<b></b>`): Telegram refuses it as an
    empty message (a cut at a line break right after an opening tag makes one)."""
    return bool(_TAG.sub("", part).strip())


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-16 units, with an ellipsis when cut: for a
    seller's own words quoted back (a header, a time zone), which can be any length.
    Clip plain text before escaping it, so no entity is cut in half."""
    if units(text) <= limit:
        return text
    kept, used = [], units("…")
    for char in text:
        used += units(char)
        if used > limit:
            break
        kept.append(char)
    return "".join(kept) + "…"
