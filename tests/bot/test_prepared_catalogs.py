"""What `vtrbot ask` reads prepared instead of making at each start: the compiled catalogs,
and dates written from CLDR's pattern instead of through Babel's locale data. Each is
checked against Babel itself, the independent method it replaces."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from bot.paths import locales_dir
from bot.services import i18n
from bot.services.i18n import BABEL_LOCALES, medium_date


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_medium_date_is_babels_for_every_day_of_three_years(lang: i18n.Lang) -> None:
    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(3 * 366)]
    babel = [format_date(day, format="medium", locale=BABEL_LOCALES[lang]) for day in days]
    assert [medium_date(lang, day) for day in days] == babel
    assert medium_date(lang, date(2026, 9, 6)) == {"zh": "2026年9月6日", "en": "Sep 6, 2026"}[lang]


@pytest.fixture
def cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    i18n._compiled_catalog.cache_clear()
    yield tmp_path / "vtrbot"
    i18n._compiled_catalog.cache_clear()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_prepared_catalog_translates_every_message_as_babels_own(
    lang: i18n.Lang, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled once into the cache folder, read from there the next time (no compile),
    and every message, plural forms included, reads as Babel's in-memory catalog does."""
    with (locales_dir() / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale=BABEL_LOCALES[lang])
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    babels = Translations(fp=buffer, domain="messages")

    first = i18n._compiled_catalog(lang)
    assert [path.suffix for path in cache_home.iterdir()] == [".mo"]
    i18n._compiled_catalog.cache_clear()
    monkeypatch.setattr(i18n, "_compile", lambda *_: pytest.fail("compiled again"))
    again = i18n._compiled_catalog(lang)
    for prepared in (first, again):
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                for count in (0, 1, 2, 5):
                    assert prepared.ngettext(*message.id[:2], count) == babels.ngettext(
                        *message.id[:2], count
                    )
            else:
                assert prepared.gettext(message.id) == babels.gettext(message.id)


@pytest.mark.slow  # starts Python processes
def test_a_command_line_question_reads_no_yaml_and_imports_no_babel(tmp_path: Path) -> None:
    """Once the knowledge base and the catalog are prepared, answering imports neither the
    YAML parser nor Babel (nor the engine's polars and numpy): they cost more than the answer.
    Nor does it import pydantic (its import and model classes were half of the start-up
    left), nor `importlib.metadata`: answers, decisions, entries, cards and registry rows
    are plain classes, validated by pydantic only where their YAML is read. A registry the
    answering code starts reading belongs in the prepared base's `ANSWER_REGISTRIES`
    (bot/services/knowledge_cache.py)."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys\nfrom bot.cli import main\nmain(['ask', sys.argv[1]])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'yaml', 'babel', 'polars', 'numpy', 'pydantic', 'pydantic_core'} "
        "or m == 'importlib.metadata'))"
    )
    env = os.environ | {"XDG_CACHE_HOME": str(tmp_path)}
    imported = []
    for question in ("VTR是什么", "is 94.9% below the bar", "云途的单号格式", "VTR是什么"):
        done = subprocess.run(
            [sys.executable, "-c", probe, question],
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
        imported.append(done.stdout.strip().splitlines()[-1])
    assert imported[1:] == ["[]", "[]", "[]"]  # the first run prepares: it reads the YAML
