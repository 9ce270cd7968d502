"""A message rewritten before its figures are read: numbers in words as digits.

"a dozen", "two hundred", "1.2k", "一单", "1 in every 20", "all but 3", "250 more, all
tracked": each said as the figures and role words the reading looks for, so one reading
serves every way of saying them.
"""

from __future__ import annotations

import re

from bot.domain.knowledge.numerals import SMALL_EN, SMALL_ZH, magnitudes_as_digits
from bot.domain.knowledge.patterns import lazy

_WORD_NUMBERS = SMALL_EN
_TEENS = {
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_ZERO = lazy(
    r"\b(?:zero|none)\b(?=\s+(?:invalid|bad|untracked|without|missing|of them|defects?)\b)"
)
"""None of them said in words ("zero untracked out of 30"): a count of 0."""
_TEEN = lazy(r"\b(" + "|".join(_TEENS) + r")\b")
"""A teen is never an article: a count wherever it is written ("sixteen without tracking")."""
_WORD_NUMBER = lazy(
    r"(?<!the )(?<!this )(?<!that )(?<!no )(?<!any )(?<!each )(?<!every )(?<!which )(?<!every single )"
    r"\b("
    + "|".join(_WORD_NUMBERS)
    + r")\b(?=\s+(?:more|of them|went|goes|go|turns?|becomes?|ends?|was|were|is|are|has|have|had|got|gets?|"
    r"invalid|bad|untracked|without|missing|lack|valid|tracked|fixed|corrected|"
    r"comes?|came|marked|flagged|unconfirmed|rejected|defective|fail(?:s|ed)?|slips?|"
    r"never|don't|didn't|doesn't|"
    r"(?:out of|in|of) (?:every|each))\b)"
)
_ON_ONE_OF_THEM = lazy(
    r"(?:(?<=\bon )|(?<=\bfor ))(one|two|three)\b(?= (?:the|its|their) (?:tracking|number)s?\b)"
)
"""Some of the packages told by what happened to their tracking ("on one the number was
added after delivery"): a count, not an article."""
_ANOTHER = lazy(
    # "another 15 go bad" counts its own number: "another" is one only without one.
    r"\banother(?: one)?\b(?!\s*\d)(?=[^.?!,;]{0,40}(?:invalid|bad|untracked|without|defect|fail))"
)
_A_SINGLE = lazy(
    r"\b(?:a single|just one|only one)\b(?=\s+(?:bad|invalid|untracked|missing|defective|package|"
    r"parcel|order|shipment|one)\b)"
)
"""One package said as "a single bad one", "just one order": a count of one."""
_ZH_ONE = lazy(
    r"(?<![\d一二两三四五六七八九十百千第同唯统某任哪])([一两二三四五六七八九十])(?=[个单件票笔]"
    r"(?!类目|品类|分类|站|月|问题|方面|原因|办法|人|地方|国家|小时|星期|礼拜|事))"
)
_ZH_TWO_OF = lazy(r"(?<![咱们他她你我])俩[个单件]?")
"""俩, two with its measure word in it ("修好俩", "坏了俩"): a count of 2."""
_WITHOUT = lazy(r"\bw/o(?:ut)?\s?")
_NEXT_ONE = lazy(
    r"\ba (?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|new) (?=one\b|package\b|parcel\b|shipment\b|order\b)"
)
"""One package supposed after the ones told ("if a 3rd one goes out untracked"): one more."""
_SHIPPED_WORD_NUMBER = lazy(
    r"\b((?:shipped|sent(?: out)?|mailed|dispatched)\s+(?:only\s+|just\s+)?)("
    + "|".join(_WORD_NUMBERS)
    + r")\b(?=\s+(?:orders?|packages?|parcels?|shipments?)\b)"
)
"""Packages counted by what was shipped ("shipped one order so far"): a count after the
verb, not an article ("one order ships in 3 boxes" keeps its one)."""
_FIXED_WORD_NUMBER = lazy(
    r"\b((?:fix|correct|repair|edit|update|amend|sort out|clean up)(?:e?[sd]|ing)?\s+"
    r"(?:only\s+|just\s+|another\s+)?)("
    + "|".join(_WORD_NUMBERS)
    + r")\b(?=\s*(?:[,.;?!]|$)|\s+(?:of|more|ones?|packages?|parcels?|orders?|shipments?|numbers?|"
    r"bad|invalid|wrong|and|then|now|today)\b)"
)
"""Packages counted by the fix supposed ("if I correct two of them", "fix three more"): a
count after the verb, as after "shipped"."""
_OF_THE_WORD_NUMBER = lazy(
    r"(?<=\bof the )("
    + "|".join(_WORD_NUMBERS)
    + r")\b(?=\s+(?:bad|invalid|wrong|untracked|defective|unconfirmed|missing|broken|failed)\b)"
)
"""The invalid ones a part is taken from ("two of the three bad ones"): their count."""
_EXCEPT_WORD_NUMBER = lazy(
    r"\b((?:except(?: for)?|apart from|other than|save for|all but|but for)\s+)("
    + "|".join(_WORD_NUMBERS)
    + r")\b"
)
"""The exceptions to all valid counted in words ("every one tracked except three"): their count."""
_DOZEN = lazy(r"\b(half )?a dozen\b")
"""A dozen (12) or half a dozen (6) packages, as sellers round small counts."""


_EVERY = lazy(r"(?<=\d)\s*(?:out of|in|of) (?:every|each)\s*(?=\d)")
_EVERY_ZH = lazy(
    r"每\s*(\d+)\s*([个单件]?(?:包裹|订单|货件)?)(?:里|中|当中)?(?:就|大概|差不多)?有\s*(?=\d)"
)
"""A share told as "1 in every 20", "每20个包裹就有1个": a part of a whole like "1 of 20"."""


_NOT_A_SINGLE = lazy(r"(?<![\d.])(?:一|1)\s?(?:单|个|件|包|份)?\s?都(?=不|没)")
"""一…都不 ("一单都不修", "1个都没补"): not a single one, no count of one."""


def _word_kept_count_as_digits(match: re.Match[str]) -> str:
    """ "shipped three", "except three", "fix three": the word that makes it a count kept,
    the count as digits."""
    return f"{match.group(1)}{_WORD_NUMBERS[match.group(2)]}"


def _count_as_digits(match: re.Match[str]) -> str:
    """The count a number word told ("two more go bad"), as digits."""
    return str(_WORD_NUMBERS[match.group(1)])


def spell_digits(text: str) -> str:
    """Number words as digits where a count is told: before a word that says what the
    packages are or did ("one went out without tracking", "two more go bad", "一个没单号"),
    never as an article ("one order ships in 3 boxes")."""
    text = _NOT_A_SINGLE.sub("都", text)
    text = _ZH_TWO_OF.sub("2个", text)
    text = _ZH_ONE.sub(lambda m: str(SMALL_ZH[m.group(1)]), text)
    text = _WITHOUT.sub("without ", text)
    text = _NEXT_ONE.sub("1 more", text)
    text = _DOZEN.sub(lambda m: "6" if m.group(1) else "12", text)
    text = _ANOTHER.sub("1 more", text)
    text = _A_SINGLE.sub("1", text)
    for after_its_word in (_SHIPPED_WORD_NUMBER, _EXCEPT_WORD_NUMBER, _FIXED_WORD_NUMBER):
        text = after_its_word.sub(_word_kept_count_as_digits, text)
    text = _OF_THE_WORD_NUMBER.sub(_count_as_digits, text)
    text = _WORD_NUMBER.sub(_count_as_digits, text)
    text = _ON_ONE_OF_THEM.sub(_count_as_digits, text)
    text = _TEEN.sub(lambda m: f"{_TEENS[m.group(1)]}", text)
    text = _ZERO.sub("0", text)
    text = magnitudes_as_digits(text)
    text = _EVERY_ZH.sub(lambda m: f"{m.group(1)}{m.group(2) or '个'}里有", text)
    return _EVERY.sub(" out of ", text)


_NEW_ALL_TRACKED = lazy(
    r"\b((?:ship|send|sell)\w*\s+(?:another\s+)?)(\d+)(?=\s+more\b[^.?!;]{0,30}?\ball\b[^.?!;]{0,12}?"
    r"\b(?:tracked|valid|with (?:valid )?tracking))|"
    r"((?:再发|多发|新发|再寄)\s*)(\d+)(?=\s*[单个件]?[^。？?]{0,6}(?:都有(?:追踪|单号)|全部有效|都有效|全部有追踪|都是有效))"
)


def new_ones_valid(text: str) -> str:
    """ "if we send 250 more, all tracked", "再发300单都有追踪": the new packages told valid
    where the figure is, so they are read as new valid ones, not a total."""

    def valid(match: re.Match[str]) -> str:
        lead, number = (match.group(1), match.group(2)) if match.group(2) else match.group(3, 4)
        return f"{lead}{number} valid" if match.group(2) else f"{lead}{number}个有效"

    return _NEW_ALL_TRACKED.sub(valid, text)


_EXCEPT = r"(?:\bexcept(?: for)?|\bbut(?: for)?|\bapart from|\bother than|除了|除去|除)\s*(\d+)"
_ALL_BUT = lazy(
    r"(?:\ball\b|every (?:single )?(?:one|package|shipment|order|parcel)|everything|全部|全都|都)"
    r"[^,.;!?，。；！？\d]{0,40}?(?:valid|tracked|tracking|有效|追踪|跟踪|单号)[^,.;!?，。；！？\d]{0,12}?"
    + _EXCEPT
    + r"|"
    + _EXCEPT
    + r"(?=\s*[个单件]?\s*(?:包裹|订单|packages?|shipments?|orders?|parcels?)?\s*(?:以外|之外)?\s*[,，]?\s*"
    r"(?:其他|其余|剩下|the rest|all (?:the )?others?|everything else))|"
    # "除了3件都有效", "除了2单以外全部有追踪": the "all" after the exceptions, no "others".
    r"(?:除了|除去)\s*(\d+)(?=\s*[个单件]?\s*(?:包裹|订单|货件)?\s*(?:以外|之外)?\s*[,，]?\s*"
    r"(?:都|全都|全部|全)(?:是|都)?(?:有效|有追踪|有跟踪|有单号|有效追踪|(?:上传|传|填|录入?)了?))"
)
"""The packages told as the exceptions to all valid ("all tracked except 4", "全部都有追踪
除了2单", "除了3单，其他都有效", "除了3件都有效"): the invalid ones."""


def all_but(text: str) -> str:
    return _ALL_BUT.sub(lambda m: f" {m.group(1) or m.group(2) or m.group(3)} invalid ", text)
