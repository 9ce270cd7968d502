"""Translations and locale-aware formatting.

Catalogs are the `.po` files in `locales/`, compiled at start-up, so what runs is
never older than what is committed. msgids are English sentences with named
`{placeholders}` filled after translation, never f-strings.

Babel is imported only where it is used: compiling a catalog is kept in the user's cache
folder (`bot.services.prepared`, named by the `.po`'s digest), and dates are written
from their pattern, so `vtrbot ask` neither parses a `.po` nor imports Babel to answer.
"""

from __future__ import annotations

import gettext
import hashlib
import io
from datetime import date
from decimal import Decimal
from functools import cache, cached_property
from typing import TYPE_CHECKING

from bot.domain.languages import SUPPORTED_LANGS, Lang
from bot.paths import locales_dir
from bot.services.prepared import default_cache_dir, read_prepared, write_prepared

if TYPE_CHECKING:
    from babel import Locale

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
def _compiled_catalog(lang: Lang) -> gettext.GNUTranslations:
    """The language's catalog, compiled from its `.po` once per content and kept."""
    po_path = locales_dir() / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.is_file():
        raise CatalogMissingError(f"no catalog for {lang!r} at {po_path}")
    po = po_path.read_bytes()
    digest = hashlib.sha256(po).hexdigest()[:32]
    prepared = default_cache_dir() / f"messages-{lang}-{digest}.mo"
    mo = read_prepared(prepared)
    if mo is None:
        mo = _compile(po, lang)
        write_prepared(prepared, mo)
    return gettext.GNUTranslations(io.BytesIO(mo))


def _compile(po: bytes, lang: Lang) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po), locale=BABEL_LOCALES[lang])
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""CLDR's abbreviated month names for en_US, the "MMM" of its medium date."""


def medium_date(lang: Lang, value: date) -> str:
    """CLDR's medium date for the language's locale ("Sep 6, 2026", "2026年9月6日"): its
    pattern written out, since loading Babel's locale data to apply it costs more than a
    command-line answer."""
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{_MONTHS_EN[value.month - 1]} {value.day}, {value.year}"


def month_day(lang: Lang, month: int, day: int) -> str:
    """A day named without its year, as CLDR's medium date writes it ("Nov 6", "11月6日")."""
    if lang == "zh":
        return f"{month}月{day}日"
    return f"{_MONTHS_EN[month - 1]} {day}"


class Translator:
    """Everything language-dependent for one reply: text, numbers, percents, dates."""

    def __init__(self, lang: Lang) -> None:
        self.lang: Lang = lang
        self._catalog = _compiled_catalog(lang)

    @cached_property
    def locale(self) -> Locale:
        from babel import Locale

        return Locale.parse(BABEL_LOCALES[self.lang])

    def gettext(self, message: str, /, **values: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**values) if values else text

    _ = gettext

    def ngettext(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        text = self._catalog.ngettext(singular, plural, count)
        return text.format(count=self.number(count), **values)

    def number(self, value: float) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.locale)

    def percent(self, fraction: float | Decimal | None, decimals: int = 1) -> str:
        if fraction is None:
            return "–"
        from babel.numbers import format_percent

        pattern = "#,##0." + "0" * decimals + "%" if decimals else "#,##0%"
        return format_percent(fraction, format=pattern, locale=self.locale)

    def date(self, value: date) -> str:
        return medium_date(self.lang, value)


@cache
def translator(lang: Lang) -> Translator:
    return Translator(lang)
