"""Dates a user types (a caption, `/as_of`): read once, the same way everywhere."""

from __future__ import annotations

import re
from datetime import date

from bot.domain.values import plausible_report_date

_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def parse_date(text: str | None) -> date | None:
    """The first YYYY-MM-DD date in `text`, if any, valid and one a seller can mean: a
    report date of 0001-01-01 would make every later upload empty."""
    match = _DATE.search(text or "")
    if not match:
        return None
    try:
        day = date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    return day if plausible_report_date(day) else None
