#!/usr/bin/env bash
# Re-extract msgids from the code into messages.pot and merge them into each
# language's .po (existing translations are kept). Then translate what is new
# in locales/zh/LC_MESSAGES/messages.po; English msgids are their own text.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel extract --no-wrap -F locales/babel.cfg -k _ -k gettext -k ngettext:1,2 \
    --no-location --sort-output --project=vtrbot -o locales/messages.pot bot
for lang in zh en; do
    po="locales/$lang/LC_MESSAGES/messages.po"
    if [ -f "$po" ]; then
        pybabel update --no-wrap --no-fuzzy-matching -i locales/messages.pot -o "$po" -l "$lang"
    else
        pybabel init --no-wrap -i locales/messages.pot -o "$po" -l "$lang"
    fi
done
