"""Trim the image's virtualenv to what `vtrbot` uses at run time; run by the Dockerfile's build
stage with the venv's own python, after the project is installed in it.

What goes, and why it is safe:
- pip, setuptools, wheel: nothing is installed into a running container.
- packages' own test suites (`tests/` folders, with their bytecode): never imported.
- Babel's locale data for languages the bot does not speak: it formats dates and numbers
  only in the locales of `bot.services.i18n.BABEL_LOCALES` (and their parents).
- symbol tables of compiled extensions (`strip --strip-unneeded`): polars alone ships 40 MB
  of them. Libraries bundled in `*.libs/` folders are left alone: auditwheel rewrote them
  with patchelf, and strip can break such files.

Then it checks that every language still formats, and prints the venv's size before and after.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

VENV = Path(sys.prefix)


def size_mb(path: Path) -> float:
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def remove_installers() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "uninstall",
            "--yes",
            "--quiet",
            "pip",
            "setuptools",
            "wheel",
        ],
        check=True,
    )


def remove_test_suites(site_packages: Path) -> None:
    for folder in sorted(site_packages.rglob("tests"), reverse=True):
        if folder.is_dir():
            shutil.rmtree(folder)


def babel_locales_kept() -> set[str]:
    """Each locale the bot formats in, and the ones it inherits from (zh_Hans_CN → zh_Hans → zh)."""
    from bot.services.i18n import BABEL_LOCALES

    kept = {"root"}
    for identifier in BABEL_LOCALES.values():
        parts = identifier.split("_")
        kept.update("_".join(parts[:n]) for n in range(1, len(parts) + 1))
    return kept


def remove_unused_locale_data() -> None:
    import babel

    kept = babel_locales_kept()
    for data in (Path(babel.__file__).parent / "locale-data").glob("*.dat"):
        if data.stem not in kept:
            data.unlink()


def strip_extensions(site_packages: Path) -> None:
    extensions = [
        str(p)
        for p in site_packages.rglob("*.so")
        if not any(part.endswith(".libs") for part in p.relative_to(site_packages).parts)
    ]
    subprocess.run(["strip", "--strip-unneeded", *extensions], check=True)


def check_every_language_formats() -> None:
    """Fail the build, not a chat, when a deletion above went too far."""
    from babel.dates import format_skeleton

    from bot.services.i18n import SUPPORTED_LANGS, Translator

    for lang in SUPPORTED_LANGS:
        t = Translator(lang)
        print(lang, t.date(date(2026, 11, 20)), t.percent(0.9512), t.number(12345))
        print(lang, format_skeleton("MMMd", date(2026, 11, 20), locale=t.locale))


def main() -> None:
    site_packages = next(VENV.glob("lib/python3*/site-packages"))
    before = size_mb(VENV)
    remove_installers()
    remove_test_suites(site_packages)
    remove_unused_locale_data()
    strip_extensions(site_packages)
    import polars  # the stripped extension still loads

    print("polars", polars.__version__, polars.DataFrame({"a": [1, 2]}).sum().item())
    check_every_language_formats()
    print(f"venv: {before:.0f} MB before trimming, {size_mb(VENV):.0f} MB after")


if __name__ == "__main__":
    main()
