"""Translations and locale-aware formatting.

Catalogs are the `.po` files in `locales/`, compiled in memory at start-up, so
what runs is never older than what is committed. msgids are English sentences
with named `{placeholders}` filled after translation, never f-strings.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import Translations

from bot.domain.languages import SUPPORTED_LANGS, Lang
from bot.paths import locales_dir

__all__ = ["SUPPORTED_LANGS", "Lang", "Translator", "chat_lang", "spoken_lang", "translator"]

BABEL_LOCALES: dict[Lang, str] = {"zh": "zh_Hans_CN", "en": "en_US"}


class CatalogMissingError(RuntimeError):
    """A language we claim to speak has no catalog: fail at start-up, not silently."""


def spoken_lang(code: str | None) -> Lang | None:
    """The language we speak that a code names (a Telegram `language_code` such as zh-hans
    or en-GB, or what a user typed after /lang), if any."""
    primary = (code or "").replace("_", "-").split("-", 1)[0].lower()
    return next((lang for lang in SUPPORTED_LANGS if lang == primary), None)


def chat_lang(stored: Lang | None, client_code: str | None, default: Lang) -> Lang:
    """A chat's language: the one it chose (stored), else its client's if we speak it,
    else the configured default. Jobs without an update pass no client code."""
    return stored or spoken_lang(client_code) or default


@cache
def _compiled_catalog(lang: Lang) -> Translations:
    po_path = locales_dir() / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.is_file():
        raise CatalogMissingError(f"no catalog for {lang!r} at {po_path}")
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=BABEL_LOCALES[lang])
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain="messages")


class Translator:
    """Everything language-dependent for one reply: text, numbers, percents, dates."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self.locale = Locale.parse(BABEL_LOCALES[lang])
        self._catalog = _compiled_catalog(lang)

    def gettext(self, message: str, /, **values: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**values) if values else text

    _ = gettext

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        text = self._catalog.ngettext(singular, plural, count)
        return text.format(count=self.number(count), **values)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.locale)

    def percent(self, fraction: float | Decimal | None, decimals: int = 1) -> str:
        if fraction is None:
            return "–"
        pattern = "#,##0." + "0" * decimals + "%" if decimals else "#,##0%"
        return format_percent(fraction, format=pattern, locale=self.locale)

    def date(self, value: date) -> str:
        return format_date(value, format="medium", locale=self.locale)


@cache
def translator(lang: Lang) -> Translator:
    return Translator(lang)
