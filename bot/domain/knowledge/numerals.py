"""The one reader of a number written with units: Chinese numerals (两千三, 三百五, 一万二),
digits with a Chinese or shorthand unit (1千2, 1万5, 2.5万, 1.2k, 1w2), and both mixed (3千5百).

Sellers say round counts the way they speak them: a digit after the last unit is the next
unit down (1千2 is 1,200 and 三百五 is 350, never 1,0002 or 305), as 一千零五 (1,005) says a
smaller one with 零. A number this reader cannot read is never made into another: it is
said as a rough size (若干), so no figure is read from it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bot.domain.knowledge.patterns import lazy

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}  # fmt: skip
SMALL_ZH = {word: value for word, value in DIGITS.items() if value} | {"十": 10}
"""One to ten in Chinese words (两 and 二 alike), for counts said without a unit."""
SMALL_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
"""One to twelve in English words, for counts said without digits."""
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "k": 1000, "w": 10_000}
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[零〇一二两三四五六七八九]|[十百千万kw]")
UNREAD = "若干"
"""What an unreadable number is said as: a rough size, which no count is read from."""

_ZH_DIGIT = "零〇一二两三四五六七八九"
_UNIT = r"[十千万]|百(?!分)|k(?![a-z])|w(?=\d|[\u4e00-\u9fff])"
"""A unit after digits; 'w' (万) only before a digit or Chinese ('1w2', '1w单', never '2w'
for two weeks), 百 never in 百分 (a percent)."""
_MAGNITUDE = lazy(
    rf"(?<![\d.a-z])\d+(?:\.\d+)?\s?(?:{_UNIT})(?:\d+(?:\.\d+)?|[{_ZH_DIGIT}]|{_UNIT})*(?!\d|\.\d)",
    re.IGNORECASE,
)
"""Digits and a unit, maybe more of both: '1千2', '1万5千', '2.5万', '1.2k', '1w2', '3千5百'."""


def numeral_value(text: str) -> int | None:
    """The whole number a numeral with units says, or None when it says none for certain
    (a fraction of a package, '1.2k5', a unit twice in a row)."""
    tokens = _TOKEN.findall(text.casefold())
    if "".join(tokens) != "".join(text.casefold().split()):
        return None
    try:
        return _value(tokens)
    except (InvalidOperation, ValueError):
        return None


def _value(tokens: list[str]) -> int | None:
    if any("." in token for token in tokens) and len(tokens) != 2:
        return None  # a fraction only before its one unit: 2.5万, 1.2k (never 1.2k5)
    total = section = Decimal(0)
    number: Decimal | None = None
    last_unit, zero = 0, False
    for token in tokens:
        if token in UNITS:
            unit = UNITS[token]
            if number is None and (last_unit or zero) and unit < 10_000:
                return None  # '千百', 'kk', '零千': no number before the unit
            if unit >= 10_000:  # 万 closes a section: 1万2千 is (1) 万 + 2千
                total += (section + (number if number is not None else 0)) * unit
                section = Decimal(0)
            else:
                section += (number if number is not None else Decimal(1)) * unit
            number, last_unit, zero = None, unit, False
        elif token in "零〇":
            zero = True
        elif number is not None:
            return None  # two numbers without a unit between them
        else:
            number = Decimal(token) if token[0].isdigit() else Decimal(DIGITS[token])
    return _closed(total + section, number, last_unit, zero)


def _closed(sum_: Decimal, number: Decimal | None, last_unit: int, after_zero: bool) -> int | None:
    """The last number, a digit after a unit of a hundred or more standing for the next unit
    down (三百五 is 350, 1万5 15,000), unless a 零 said it is a small one (一百零五)."""
    if number is not None:
        spoken = last_unit >= 100 and not after_zero and number < 10 and number == int(number)
        sum_ += number * (last_unit // 10) if spoken else number
        if last_unit >= 100 and not spoken and not after_zero:
            return None  # '1k25': the digits after the unit say no size for certain
    if sum_ != int(sum_):
        return None
    return int(sum_)


def magnitudes_as_digits(text: str) -> str:
    """Digits written with a unit as the whole number ('1千2单' → '1200单', '1.2k' → '1200');
    one that cannot be read as a rough size."""

    def whole(match: re.Match[str]) -> str:
        value = numeral_value(match.group())
        return str(value) if value is not None else UNREAD

    return _MAGNITUDE.sub(whole, text)
