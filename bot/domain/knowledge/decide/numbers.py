"""A tracking number pasted into a question, checked as the report checks a row.

"is LX123456785CN a valid tracking number", "1Z999AA10123456784 是UPS的对吗": the number is
judged by the engine's own validation (`bot.domain.tracking.check_numbers`: the formats of
`carriers.yaml`, the check digits of `checkdigits.py`, docs/vtr-rules.md §4.4 and §6) under
the carrier the question names, and under every carrier when none is named. The verdict is
the number's format and check digit only: Amazon counts it valid once it has recorded a
physical carrier scan, which no offline check can see, so "is it valid?" gets no yes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.case.asked import one_way
from bot.domain.knowledge.entities import EntityFinder
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import Carrier, carrier_by_id

if TYPE_CHECKING:
    from bot.domain.tracking import NumberCheck

MAX_NUMBERS = 3
"""A few numbers are checked one by one; more is a pasted list, a file's job."""
_TOKEN = lazy(r"(?<![0-9a-z])[0-9a-z]{10,34}(?![0-9a-z])")
"""A tracking number as typed: 10 to 34 letters and digits, a word of its own (an order
ID's dash-separated parts are shorter)."""
_GROUPED = lazy(
    r"(?<![0-9a-z])(?:(?=[a-z]*[0-9])[0-9a-z]{1,6}[ -]){2,9}(?=[a-z]*[0-9])[0-9a-z]{1,6}(?![0-9a-z])"
)
"""A number typed in groups as a label prints it ("9400 1118 9922 3344 5566 77", "1Z 999 AA1
01 2345 6784"): three or more short groups, each with a digit. Taken only when a carrier's
own marks, check digit included, name the whole (figures in a row are no number)."""
_SPACED = lazy(r"[ -]")
_ASIN = lazy(r"b0[0-9a-z]{8}")
"""An Amazon product ID (B0…, 10 characters): no carrier's number has that shape."""
_FAILS_ASKED = lazy(
    r"错|有问题|问题吗|不对|无效|不行|wrong|invalid|\bbad\b|problem|issue|fake|\bmatters?\b|影响"
)
"""The question asks whether the number is wrong (the answer flips: yes when it is)."""
_VALIDITY_ASKED = lazy(
    r"有效|无效|算数|能算|算吗|认吗|真的|真实|存在|查得到|能查|"
    r"valid|count|accepted|recogni[sz]e|scan|real\b|legit|exists?\b|genuine|fake"
)
"""Asked whether it is valid tracking (or real): a right format is no yes, the scan decides."""
_UNCONFIRMED = lazy(r"unconfirmed|not confirmed|未确认|没确认|不确认")
""""…shows unconfirmed, why?": the entry on a carrier that does not match follows."""
_UNCONFIRMED_ASKED = lazy(
    r"unconfirmed\s*[?？]|\b(?:will|would|does|is) (?:it|this|that)\b[^.?!]{0,25}unconfirmed|"
    r"(?:未确认|没确认)(?:吗|么|嘛)|(?:会|是)(?:显示|变成|变为|被标为|标)?(?:为|成)?\s*[“\"]?未确认"
)
"""Asked whether it will show as unconfirmed: a yes when the number is wrong for the carrier;
when it is right no verdict, since a number no carrier has scanned shows unconfirmed too."""


def numbers_pasted(case: Case) -> list[str]:
    """The tracking-number-like words of the question as typed (at most MAX_NUMBERS): long
    enough, with as many digits as every carrier format has."""
    from bot.domain.tracking import MIN_PACKAGE_DIGITS  # the engine, loaded only when needed

    typed = _typed(case)
    found = [
        m.group()
        for m in [*_TOKEN.finditer(typed), *_GROUPED.finditer(typed)]
        if 10 <= len(_SPACED.sub("", m.group())) <= 34
        and sum(ch.isdigit() for ch in m.group()) >= MIN_PACKAGE_DIGITS
        and not _ASIN.fullmatch(m.group())
    ]
    return list(dict.fromkeys(found))[:MAX_NUMBERS]


def _told_figures(case: Case) -> bool:
    """Figures or an amount told beside the number ("19 of 20 valid, the bad one is LX…"):
    the seller's case is those figures, decided by their own rules."""
    figures = (case.counts, case.total, case.rate, case.amount)
    return any(f is not None for f in figures) or bool(case.groups or case.rate_groups)


def _typed(case: Case) -> str:
    return unicodedata.normalize("NFKC", case.raw or case.text).casefold()


@lru_cache(maxsize=1)
def _finder() -> EntityFinder:
    return EntityFinder()


def carriers_named(case: Case, numbers: list[str]) -> tuple[Carrier, ...]:
    """The carriers the question names in words: not the one the pasted number's shape
    points to (`Case.carriers` holds that one too)."""
    text = _typed(case)
    for number in numbers:
        text = text.replace(number, " ")
    found = _finder().find(text, text)
    return tuple(c for c in found.carriers if c != found.number_carrier)


def tracking_number(case: Case) -> Decision | None:
    """The numbers pasted, each with its verdict: right for the carrier named (or for which
    carriers, none named), wrong check digit, wrong format, or another carrier's number."""
    typed = _typed(case)
    if not (_TOKEN.search(typed) or _GROUPED.search(typed)) or _told_figures(case):
        return None  # no number-like words at all: the engine is not even loaded
    numbers = numbers_pasted(case)
    if not numbers:
        return None
    from bot.domain.tracking import check_numbers

    named = carriers_named(case, numbers)
    entered = named[0] if len(named) == 1 else None
    checks = check_numbers(numbers, entered.id if entered else None)
    kept = [
        (n, c) for n, c in zip(numbers, checks, strict=True) if c.owners or n == c.number.casefold()
    ]
    if not kept:
        return None
    numbers, checks = [n for n, _ in kept], [c for _, c in kept]
    # Two named ("UPS还是USPS的"): the one the first number is not is the one to check under.
    strangers = [c for c in named if c.id not in checks[0].accepting]
    if len(named) > 1 and len(strangers) == 1:
        entered = strangers[0]
        checks = check_numbers(numbers, entered.id)
    decision = _checked(checks)
    verdicts = [str(decision.facts[f"verdict{i}"]) for i in range(1, len(checks) + 1)]
    right = all(v in _CHECKED_RIGHT for v in verdicts)
    wrong = all(v in _WRONG for v in verdicts)
    update: dict[str, object] = {"agrees": _agrees(case, right, wrong)}
    if _UNCONFIRMED.search(typed):
        update["entry"] = "tracking-unconfirmed"
    return decision.model_copy(update=update)


def numbers_checked(numbers: list[str]) -> Decision:
    """The numbers' verdicts by their format alone (no carrier named, no yes or no): for an
    answer from the chat's own data about numbers its files do not hold."""
    from bot.domain.tracking import check_numbers

    return _checked(check_numbers(numbers))


def _checked(checks: list[NumberCheck]) -> Decision:
    entered = checks[0].entered if checks else None
    facts: dict[str, Fact] = {"count": len(checks), "entered": entered or ""}
    verdicts = []
    for i, check in enumerate(checks, start=1):
        verdict, carriers = _verdict(check)
        verdicts.append(verdict)
        facts |= {f"number{i}": check.number, f"verdict{i}": verdict, f"carriers{i}": carriers}
        facts[f"bad_check{i}"] = " ".join(c for c in check.bad_check if c not in carriers.split())
        facts[f"check_digit{i}"] = _has_check_digit(check.number, carriers.split())
    entry = "tracking-unconfirmed" if "other_carrier" in verdicts else "tracking-valid-meaning"
    return Decision(code="tracking_number", facts=facts, entry=entry)


RIGHT = frozenset({"right", "owned", "fits", "unverified"})
"""Verdicts of a number whose format is right (or cannot be checked)."""
_CHECKED_RIGHT = frozenset({"right", "owned"})
"""Right for a carrier it was checked against: the only verdicts that may lead with a yes."""
_WRONG = frozenset({"bad_check", "bad_format", "other_carrier"})
"""Wrong by a rule (a number fitting no format at all may be a carrier's with none)."""


def _has_check_digit(number: str, carrier_ids: list[str]) -> bool:
    """Whether the number takes one of these carriers' formats that carry a check digit
    (a YunExpress number has none: only its format was checked)."""
    known = carrier_by_id()
    return any(
        fmt.check is not None and re.fullmatch(fmt.pattern, number)
        for carrier_id in carrier_ids
        for fmt in known[carrier_id].formats
    )


def _verdict(check: NumberCheck) -> tuple[str, str]:
    """(verdict code, the carrier ids it speaks of, space-separated) of one number."""
    owners = [c for c in check.owners if c != check.entered]
    if check.entered is not None:
        if check.reason is None:
            return ("unverified" if check.unverified else "right"), check.entered
        if owners:
            return "other_carrier", " ".join(owners)
        return ("bad_check" if check.reason == "bad_check_digit" else "bad_format"), check.entered
    if check.owners:
        return "owned", " ".join(check.owners)
    if check.accepting:
        return "fits", " ".join(c for c in check.accepting if c != "other_post") or "other_post"
    if check.bad_check:
        return "bad_check", " ".join(_but_catch_all(check.bad_check))
    return "no_format", ""


def _but_catch_all(ids: tuple[str, ...]) -> list[str]:
    """Carriers without the posts' catch-all (any S10), when a post of its own is there."""
    own = [i for i in ids if i != "other_post"]
    return own or list(ids)


def _agrees(case: Case, right: bool, wrong: bool) -> bool | None:
    """Yes or no to the question as asked: "is it right?" yes when every number is right,
    "is it wrong?" yes when every one is wrong; "is it valid?" never a yes (the carrier's
    scan decides, which no offline check sees), and no verdict when the numbers differ."""
    asked = one_way(_typed(case))  # "对不对", "是不是": asked both ways
    if not (right or wrong):
        return None
    if _UNCONFIRMED_ASKED.search(asked):
        return True if wrong else None
    if _VALIDITY_ASKED.search(asked) and right:
        return None
    return wrong if _FAILS_ASKED.search(asked) else right
