"""The bad-input corpus through the conversation core: every nasty file gets a localized
message or a report, the reply's HTML stays well-formed whatever the file contains, and
the next chat is served as usual."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.services.core import Core
from bot.services.replies import ChatRef
from tests.engine.test_nasty_files import EXPECTED, make

ALLOWED_TAGS = {"b", "i", "code", "pre", "a", "u", "s"}


class TagChecker(HTMLParser):
    """Telegram's HTML subset: only known tags, each closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"</{tag}>")


def well_formed(html: str) -> bool:
    checker = TagChecker()
    checker.feed(html)
    checker.close()
    return not checker.problems and not checker.open


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
async def test_nasty_upload_is_answered_in_well_formed_html(
    core: Core, tmp_path: Path, name: str
) -> None:
    path = make(tmp_path, name)
    replies = await core.handle_file(ChatRef(1, "zh"), path, name, caption="2026-11-20")
    assert replies
    for reply in replies:
        assert well_formed(reply.html), reply.html[:300]
        assert len(reply.html) <= 4096
    text = "\n".join(reply.html for reply in replies)
    if isinstance(EXPECTED[name], str):
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in name)  # the file name is ASCII…
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text)  # …the answer is in Chinese
    else:
        assert "有效追踪率报告" in text
    # The next chat is served as if nothing happened.
    answer = await core.handle_text(ChatRef(2, "en"), "What is Buy Shipping?")
    assert "Buy Shipping" in answer[0].html


async def test_markup_in_fields_is_shown_as_text(core: Core, tmp_path: Path) -> None:
    replies = await core.handle_file(ChatRef(3, "en"), make(tmp_path, "markup.csv"), "m.csv")
    text = "\n".join(reply.html for reply in replies)
    assert "&lt;i&gt;x&lt;/i&gt;" in text  # the carrier "<i>x</i>", escaped
    assert "<script>" not in text
