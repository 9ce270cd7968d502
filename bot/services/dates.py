"""Dates a user types (a caption, `/as_of`): read once, the same way everywhere."""

from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def parse_date(text: str | None) -> date | None:
    """The first YYYY-MM-DD date in `text`, if any and valid."""
    match = _DATE.search(text or "")
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
