"""Fill Chinese msgstrs from a Python dict file: `python locales/tools/fill.py zh TRANSLATIONS.py`.

For translators who prefer a table to editing the .po by hand; existing entries are kept
unless the dict names them. The dict's variable must be called ZH.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def main(lang: str, source: str) -> None:
    table: dict[str, str] = runpy.run_path(source)["ZH"]
    po_path = Path(__file__).resolve().parents[1] / lang / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key in table:
            message.string = (table[key],) if isinstance(message.id, tuple) else table[key]
    with po_path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
