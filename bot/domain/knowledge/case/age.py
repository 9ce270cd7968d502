"""How long ago the package asked about was shipped, said in days or by two dates."""

from __future__ import annotations

import re
from datetime import date

from bot.domain.knowledge.numerals import SMALL_EN, SMALL_ZH
from bot.domain.knowledge.patterns import lazy

_AGE_NUMBER = (
    r"(?<![a-z一二两三四五六七八九十百])(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|一|两|二|三|四|五|六|七|八|九|十|半)"
)


_AGE = lazy(
    _AGE_NUMBER
    + r"\s?(?:个)?\s?(多|and a half|or so)?\s?(?:个)?\s?(天|日|days?|周|星期|礼拜|weeks?|月|months?)\s?(?:前|之前|以前|ago|earlier)"
)


_AGE_SINCE_SHIPPED = lazy(
    r"(?:发|寄)(?:出|走)?了\s?"
    + _AGE_NUMBER
    + r"\s?(?:个)?\s?(多)?\s?(?:个)?\s?(天|周|星期|礼拜|月)(?![以之]?内|前|之前|以前)"
)
"""Shipped so long, said from the shipping ("发了35天的单子", "寄出了两周"): as old as that."""


_SHIPPED_NEAR = lazy(
    r"发|寄|出|ship|sent|mail|dispatch|post|parcel|package|包裹|\borders?\b|订单|[一那这的]单(?!号)"
)


_AGE_WORDS = {"a": 1, "an": 1} | SMALL_EN | SMALL_ZH


_UNIT_DAYS = {"天": 1, "日": 1, "d": 1, "周": 7, "星": 7, "礼": 7, "w": 7, "月": 30, "m": 30}


def shipment_age(text: str) -> int | None:
    """Days since the package was shipped, when the question says so next to a shipping
    verb ("10天前发的", "shipped about 3 months ago", "两周前寄出"; 半个月 is 15 days), or
    names the day it shipped and today ("shipped on October 20 … today is November 25")."""
    dated = _age_between_dates(text)
    if dated is not None:
        return dated
    for match in (*_AGE.finditer(text), *_AGE_SINCE_SHIPPED.finditer(text)):
        near = text[max(0, match.start() - 40) : match.end() + 10]
        if not _SHIPPED_NEAR.search(near):
            continue
        number, more, unit = match.groups()
        count = 0.5 if number == "半" else _AGE_WORDS.get(number) or int(number)
        count += 0.5 if more else 0  # "一个多月前": over a month, about a month and a half
        return round(count * _UNIT_DAYS[unit[0]])
    return None


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


_DAY_NAME = lazy(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|today|tomorrow|yesterday)\.?"
)


def names_a_day(word: str) -> bool:
    """A month's or a weekday's name, short or whole ("Nov", "Sept.", "Monday"): a date's
    word, never a carrier's or a shop's name ("shipped Nov 2")."""
    return bool(_DAY_NAME.fullmatch(word.casefold()))


_DAY_EN = lazy(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b|"
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
)


_DAY_ZH = lazy(r"(?<!\d)(\d{1,2})月(\d{1,2})[日号]")


_TODAY_BEFORE = lazy(r"(?:today|今天|今日|现在|now)(?:\s+is|是)?[\s,，:：]*$")


_AS_OF_BEFORE = lazy(
    r"(?:\bas[- ]of|cut-?off(?: date)?|report date|end date|截止(?:日期|日)?|截至|统计到)"
    r"(?:\s+(?:date|day))?(?:\s+(?:is|of|=)|是|选|选在|定在|设为|设成|为|到)?(?:的话)?[\s,，:：]*$"
)
"""The report's as-of day named ("bot check with as-of Dec 5", "截止日选12月5号")."""


_AS_OF_AFTER = lazy(
    r"^\s*(?:截止|截至|为截止|作为截止|当截止|是截止|cut-?off|as (?:the |my )?(?:as[- ]of|cut-?off|end))"
)
"""The as-of day named before its word ("按12月5号截止的话", "12月5日为截止日", "Dec 5 as the
cut-off"): the dates after it are ship days, never the as-of day."""
_AS_OF_AFTER_CHARS = 20
"""How far after a day its as-of word is looked for: " as the as-of day" is 17 characters."""


def as_of_named(text: str) -> tuple[int, int] | None:
    """(month, day) of the report's as-of day, when one date is named as it beside the day
    a package shipped: the window is that day and the 29 before it (domain.md §4.3)."""
    days, as_of = _days_and_as_of(text, today=False)
    if as_of is None or len(days) < 2:
        return None
    return as_of[1], as_of[2]


def ship_ages(text: str) -> tuple[int, ...]:
    """Days from each ship day named to the as-of day or today, in the order asked
    ("按12月5号截止，11月6号发的…？11月5号发的呢？": 29 and 30); each judged on its own."""
    days, marked = _days_and_as_of(text)
    if marked is None:
        return ()
    ages = (_days_between(d[1:], marked[1:]) for d in days if d != marked)
    return tuple(age for age in ages if age is not None)


def _days_between(shipped_on: tuple[int, int], now_on: tuple[int, int]) -> int | None:
    """Days from one month-day to a later one; a later day earlier in the year is in the
    next year."""
    try:
        shipped, now = date(2001, *shipped_on), date(2001, *now_on)
    except ValueError:
        return None
    if now < shipped:
        now = now.replace(year=2002)
    return (now - shipped).days


def _days_and_as_of(
    text: str, *, today: bool = True
) -> tuple[list[tuple[int, int, int]], tuple[int, int, int] | None]:
    """The dates named, (where, month, day) in order, and the one named as the as-of day (or
    today, when `today`), if exactly one is: by a word before it with no other date between
    them ("截止日选12月5号", "today is Nov 25"), or by one right after it ("按12月5号截止的话")."""
    found = [(m.start(), m.end(), *_month_day(m)) for m in _DAY_EN.finditer(text)]
    found += [
        (m.start(), m.end(), int(m.group(1)), int(m.group(2))) for m in _DAY_ZH.finditer(text)
    ]
    found.sort()
    marked = []
    taken = 0  # where the text a day before could be said of starts
    for start, end, month, day in found:
        before = text[max(taken, start - 16) : start]
        after = _AS_OF_AFTER.search(text[end : end + _AS_OF_AFTER_CHARS])
        if after or _AS_OF_BEFORE.search(before) or (today and _TODAY_BEFORE.search(before)):
            marked.append((start, month, day))
        taken = end + (after.end() if after else 0)  # '12月5号截止的话，11月6号': 截止 is 12/5's
    days = [(start, month, day) for start, _, month, day in found]
    return days, marked[0] if len(marked) == 1 else None


def _age_between_dates(text: str) -> int | None:
    """Days from the (first) ship day to the day called today or the as-of day, both named
    ("10月15号发的…今天11月20号"); a today earlier in the year than the ship day is in the
    next year."""
    ages = ship_ages(text)
    return ages[0] if ages else None


def _month_day(match: re.Match[str]) -> tuple[int, int]:
    if match.group(1):
        return _MONTHS.index(match.group(1)) + 1, int(match.group(2))
    return _MONTHS.index(match.group(4)) + 1, int(match.group(3))
