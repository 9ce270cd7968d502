"""Dates and times of day a user types (a caption, `/as_of`, `/subscribe`, a button): read
once, the same way everywhere."""

from __future__ import annotations

import re
from datetime import date, time

from bot.domain.values import plausible_report_date

_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_CLOCK = re.compile(r"^(\d{1,2})[:：](\d{2})$")
"""A time of day as H:MM or HH:MM, with an ASCII or a full-width colon (09：00)."""


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


def looks_like_clock(text: str) -> bool:
    """Whether `text` is written as a time of day (a valid one or not: 25:00 is)."""
    return _CLOCK.match(text) is not None


def parse_clock(text: str) -> time | None:
    """The time of day `text` writes (09:00, 9:00, 09：00), if it is one."""
    match = _CLOCK.match(text)
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    return time(hours, minutes) if hours < 24 and minutes < 60 else None
