"""The checks `pybabel compile` runs before it writes a .mo file, run here, so a catalog the
image build would refuse fails a test first. The bot itself compiles catalogs in memory,
without these checks (bot/services/i18n.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.paths import locales_dir

CATALOGS = sorted(locales_dir().glob("*/LC_MESSAGES/messages.po"))


def _compile_errors(handle: io.BufferedIOBase | io.BytesIO, locale: str) -> list[str]:
    """What `pybabel compile` reports as errors for one catalog: Catalog.check() runs the
    checkers registered under babel.checkers (plural count, printf placeholders)."""
    catalog = read_po(handle, locale=locale)
    return [
        f"line {message.lineno}: {message.id!r}: {error}"
        for message, errors in catalog.check()
        for error in errors
    ]


def test_there_are_catalogs_to_check() -> None:
    assert {path.parts[-3] for path in CATALOGS} == {"en", "zh"}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_pybabel_compile_accepts_the_catalog(path: Path) -> None:
    with path.open("rb") as handle:
        errors = _compile_errors(handle, path.parts[-3])
    assert not errors, f"pybabel compile refuses {path}:\n" + "\n".join(errors)


def test_no_msgid_reads_as_a_printf_format() -> None:
    """Messages use {name} placeholders only; a "%" followed by a letter ("95% line") makes
    Babel flag the msgid python-format, and any translation without the same "% l" is then
    refused at compile time."""
    with (locales_dir() / "messages.pot").open("rb") as handle:
        flagged = [m.id for m in read_po(handle) if m.id and "python-format" in m.flags]
    assert not flagged, "msgids Babel reads as printf formats:\n" + "\n".join(map(str, flagged))


def test_the_check_refuses_a_translation_that_drops_a_printf_placeholder() -> None:
    """The catalog that broke the image build, reduced to its one message."""
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        "#, python-brace-format, python-format\n"
        'msgid "Daily VTR over the 30 days to {date}, with the 95% line."\n'
        'msgstr "截至 {date} 的 30 天每日 VTR 走势（虚线为 95%）。"\n'
    )
    [error] = _compile_errors(io.BytesIO(po.encode()), "zh")
    assert "placeholders are incompatible" in error
