"""Catalog lint: every msgid has a Chinese translation that keeps its placeholders and HTML
tags, and messages.pot is what the code says today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.paths import locales_dir, resources_root

PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
TAG = re.compile(r"</?([a-zA-Z]+)[^>]*>")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}


def _read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def _forms(value: str | tuple[str, ...] | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _zh_messages():
    return [m for m in _read(locales_dir() / "zh" / "LC_MESSAGES" / "messages.po") if m.id]


def test_every_msgid_has_a_chinese_translation() -> None:
    template = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in _read(locales_dir() / "messages.pot")
        if m.id
    }
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in _zh_messages()
        if all(form.strip() for form in _forms(m.string)) and not m.fuzzy
    }
    missing = sorted(template - translated)
    assert not missing, "msgids without a Chinese translation:\n" + "\n".join(missing)


@pytest.mark.parametrize("pattern,what", [(PLACEHOLDER, "placeholders"), (TAG, "HTML tags")])
def test_translations_keep_placeholders_and_tags(pattern: re.Pattern[str], what: str) -> None:
    broken = []
    for message in _zh_messages():
        expected = sorted(pattern.findall(_forms(message.id)[0]))
        for form in _forms(message.string):
            if form and sorted(pattern.findall(form)) != expected:
                broken.append(f"{_forms(message.id)[0]!r} -> {form!r}")
    assert not broken, f"translations that change {what}:\n" + "\n".join(broken)


@pytest.mark.slow  # extracts every message from the code with Babel
def test_messages_pot_is_up_to_date_with_the_code() -> None:
    root = resources_root()
    extracted = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(
            root / "bot",
            method_map=[("**.py", "python")],
            keywords=KEYWORDS,
        )
        if message
    }
    template = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in _read(locales_dir() / "messages.pot")
        if m.id
    }
    assert extracted == template, (
        "messages.pot is stale: run `bash locales/update.sh`.\n"
        f"in code only: {sorted(extracted - template)}\nin .pot only: {sorted(template - extracted)}"
    )


def test_the_linter_catches_a_lost_tag_and_a_renamed_placeholder() -> None:
    assert sorted(TAG.findall("<b>{name}</b>")) != sorted(TAG.findall("<b>{name}"))
    assert sorted(PLACEHOLDER.findall("{count} shipments")) != sorted(PLACEHOLDER.findall("{n} 个"))
