"""Packages said to be out of the counts (exempt, not shipped, counted apart).

"480个包裹里有31个无效，其中12个是20欧以下的信件": the part left out is read apart and
taken out of the window's counts, both shipped and its role, after the rest is read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.domain.knowledge.case.amounts import NOT_LETTER
from bot.domain.knowledge.figures.assign import TURNING_INVALID
from bot.domain.knowledge.figures.counts import Counts, Reading
from bot.domain.knowledge.figures.numbers import count_matches
from bot.domain.knowledge.figures.roles import INVALID_WORDS
from bot.domain.knowledge.patterns import CLAUSE, lazy
from bot.domain.value_limits import EU_LETTER_LIMIT_EUR

_UNDER = r"(?:under|below|less than|不到|低于|小于|不足)\s?"
_EXEMPT_WORDS = lazy(
    r"exempt|豁免|免除|" + _UNDER + r"(?:¥|jpy)|" + _UNDER + r"\d[\d,]*\s?(?:日元|日币|円|yen|jpy)|"
    r"(?<![\d,.])[1-9]\d{0,2}\s?(?:日元|日币|円|yen\b|jpy\b)|(?:¥|￥|jpy\s?)[1-9]\d{0,2}(?![\d,])|"
    r"\d[\d,]*\s?(?:日元|日币|円|yen|jpy)\s?(?:以下|以内|之内|or less)"
)
_EURO_UNDER = lazy(
    _UNDER + r"(?:€|eur)|" + _UNDER + r"\d+\s?(?:欧|euros?|eur)|"
    # The limit after its amount: "20欧以下", "€20 or less".
    r"(?:€\s?\d+|\d+\s?(?:欧元?|euros?|eur|€))\s?(?:以下|以内|之内|or less|and under|or under)"
)
_LETTER = lazy(r"letters?|信件|平信|\bbrief\b")
_EURO_AMOUNT = lazy(
    r"€\s?(\d+(?:[.,]\d+)?)|(?<![\d.,])(\d+(?:[.,]\d+)?)\s?(?:欧元?|euros?\b|eur\b|€)"
)
"""An amount in euros, as an order's ("10欧的信件", "€12 letters")."""
"""A part of the packages the seller says is exempt: said so, JP orders under ¥1,000, EU
orders under €20 sent as letters (a parcel under €20 is not)."""
_NOT_COUNTED = lazy(
    r"cancel+(?:ed|ations?)|取消|(?<![a-z])(?:fba|afn)(?![a-z])|fulfilled by amazon|amazon[- ]fulfilled|亚马逊配送|"
    r"not (?:yet )?shipped|unshipped|未发货|没发货|还没发"
)
"""A part of the orders VTR never counts (domain.md: cancelled, Amazon-fulfilled, not
shipped): left out of the total like an exempt one, and said so by its own reason."""
REST_VALID = lazy(
    r"all (?:the )?others? (?:are |were |have |had )?(?:valid|tracked|fine|ok)|(?:the )?rest (?:are |were |have |had )?"
    r"(?:all )?(?:valid|tracked|fine)|其余(?:的)?(?:都|全)?(?:有效|有追踪|正常)|其他(?:的)?(?:都|全)(?:有效|有追踪|正常)|"
    r"剩下(?:的)?(?:都|全)(?:有效|有追踪|正常)"
)
"""Every package not told of is valid ("all others tracked", "其余都有效")."""
_UNSHIPPED = lazy(
    r"pending(?: shipment)?|awaiting shipment|not (?:yet )?shipped|unshipped|未发货|没发货|待发货|还没发"
)
"""Orders not shipped yet: never counted, and never among the packages told as shipped."""
APART = lazy(
    r"另外|此外|除此之外|除了这些|其他还有|\bothers?\b|\banother\b|\bbesides\b|apart from|on top of|"
    r"in addition|plus"
)
"""Invalid packages told as others than the left-out ones ("另外还有3单单号无效")."""


_BACK_REFERENCE = lazy(
    r"(?:of|among) (?:those|them|these|the|which)|其中|里有|中有|里面有|当中有|这些里|那些里"
)


@dataclass(frozen=True, slots=True)
class _LeftOut:
    """Packages a clause takes out of the window, why, and the figure they are a part of."""

    count: int
    role: str
    """ "exempt" (an exemption), "left_out" (cancelled, FBA, not shipped) or "kept" (a part
    told of figures before that still counts: EU orders under €20 not sent as letters)."""
    of: int | None
    """The figure told before that they are a part of (None: none was)."""
    untracked: bool = False
    """Their clause says they have no tracking ("10单是800日元的小件没有单号")."""
    reason: str = ""
    """Which exemption, when the clause says it: "jp" (under JPY 1,000), "eu_letter"."""

    @property
    def roles(self) -> dict[str, int]:
        """The roles it adds to a reading: its count, and its exemption's when known."""
        prefix = "kept" if self.role == "kept" else "exempt"
        return {self.role: self.count} | (
            {f"{prefix}_{self.reason}": self.count} if self.reason else {}
        )


def left_out_part(text: str, skip: frozenset[float]) -> tuple[str, _LeftOut | None]:
    """The packages a clause says are exempt or never counted, of figures told before ("4 of
    those 9 were EU letters under €20", "其中10单是取消的", "2 of the 3 bad were FBA"): the
    smallest count of that clause, taken out of the text, with the figure it is a part of
    (one the clause names again is blanked too)."""
    for clause in CLAUSE.split(text):
        role = _left_out_role(clause)
        if role is None:
            continue
        at = text.index(clause)
        counts = [m for m in count_matches(clause) if int(m.group(1)) not in skip]
        if not counts:
            continue
        if role == "unshipped" and not _BACK_REFERENCE.search(clause):
            # "75 orders pending shipment": never among the shipped told, only not a total.
            part = counts[0]
            start, end = at + part.start(1), at + part.end(1)
            text = text[:start] + " " * (end - start) + text[end:]
            continue
        part = min(counts, key=lambda m: int(m.group(1)))
        told = [int(m.group(1)) for m in count_matches(text[:at])]
        again = [m for m in counts if m is not part and int(m.group(1)) in told]
        nearest = [int(m.group(1)) for m in counts if m.start() < part.start()] or told
        of = int(again[0].group(1)) if again else (nearest[-1] if nearest else None)
        for m in again:
            start, end = at + m.start(1), at + m.end(1)
            text = text[:start] + " " * (end - start) + text[end:]
        # The part and its own words, up to the next figure ("其中有2单没追踪的是…": its
        # 没追踪 would otherwise go to another figure).
        later = [m.start() for m in counts if m.start() > part.start() and m not in again]
        start, end = at + part.start(1), at + (later[0] if later else len(clause))
        text = text[:start] + " " * (end - start) + text[end:]
        untracked = bool(INVALID_WORDS.search(clause))
        return text, _LeftOut(int(part.group(1)), role, of, untracked, _exemption(clause, role))
    return text, None


def _counted_without(reading: Reading, left_out: _LeftOut, rest_valid: bool) -> Reading:
    """Figures that fit only once the left-out packages are out of the total ("20 packages:
    18 valid, 1 exempt letter, 1 untracked"), or a total whose other packages are all said
    valid ("1000 orders, 60 under 1000 yen untracked, all others tracked")."""
    roles, count = reading.roles, left_out.count
    rest = _rest_after_left_out(roles, left_out)
    if rest is not None:
        return Reading(roles | left_out.roles, now=rest)
    total, valid, invalid = roles.get("total"), roles.get("valid"), roles.get("invalid")
    if total is None or count >= total:
        return reading
    if valid is not None and invalid is not None and valid + invalid + count == total:
        return Reading(roles | left_out.roles, now=Counts(total - count, valid))
    if rest_valid and valid is None and invalid is None:
        return Reading(roles | left_out.roles, now=Counts(total - count, total - count))
    return reading


def _rest_after_left_out(roles: dict[str, int], left_out: _LeftOut) -> Counts | None:
    """Two totals, the second the first without the left-out part ("100个包裹，其中5个是20欧
    以下的平信，剩下95个里有效92个"): the second is the whole counted, its parts told of it."""
    if "total" not in roles or "other_total" not in roles:
        return None
    whole = max(roles["total"], roles["other_total"])
    rest = min(roles["total"], roles["other_total"])
    if left_out.of != whole or whole - left_out.count != rest:
        return None
    valid, invalid = roles.get("valid"), roles.get("invalid")
    if valid is not None and valid <= rest and (invalid is None or valid + invalid == rest):
        return Counts(rest, valid)
    if valid is None and invalid is not None and invalid <= rest:
        return Counts(rest, rest - invalid)
    return None


def _exemption(clause: str, role: str) -> str:
    """Which exemption a clause of exempt packages names, if it names one; of a part still
    counted, whether it was said to go as a parcel ("eu_parcel") or by no service at all."""
    if role == "kept":
        return "eu_parcel" if _PARCEL.search(clause) else "eu_unsaid"
    if role != "exempt":
        return ""
    if _euro_letter(clause):
        return "eu_letter"
    return "jp" if _YEN.search(clause) else ""


_YEN = lazy(r"日元|日币|円|\byen\b|\bjpy\b|¥|￥")
_PARCEL = lazy(r"parcels?|packets?|包裹|小包|挂号|快递|\bpaket")
_PART_OF_TOLD = lazy(
    r"(?:of|among) (?:those|them|these|the (?:invalid|bad|untracked|defect|wrong)|which)|其中|"
    r"(?:无效|没追踪|没有追踪|缺陷|错)的?(?:\d+\s?[个单件]?)?(?:里|中|当中|里面)"
)
"""A clause naming its count as a part of figures told before ("2 of the invalid", "其中",
"无效的6个里"): the part is among them, never more packages."""


def _euro_letter(clause: str) -> bool:
    """Letters said under the EU letter limit, as a limit ("20欧以下的信件") or by their
    amount ("10欧的信件", "letters at €12"): exempt from VTR."""
    if not _LETTER.search(clause):
        return False
    if _EURO_UNDER.search(clause):
        return True
    if NOT_LETTER.search(clause) or _PARCEL.search(clause):
        return False  # "€10 parcels (not letters)": a parcel under €20 counts
    if len(count_matches(_EURO_AMOUNT.sub(" ", clause))) != 1:
        return False  # "3 were €8 letters and 1 more has no number": which part is unclear
    amounts = [
        float((m.group(1) or m.group(2)).replace(",", ".")) for m in _EURO_AMOUNT.finditer(clause)
    ]
    return bool(amounts) and all(a < EU_LETTER_LIMIT_EUR for a in amounts)


def _left_out_role(clause: str) -> str | None:
    if _EXEMPT_WORDS.search(clause) or _euro_letter(clause):
        return "exempt"
    if _EURO_UNDER.search(clause) and _PART_OF_TOLD.search(clause):
        return "kept"  # "2 of the invalid were parcels under €20": a part, still counted
    if _UNSHIPPED.search(clause) and not TURNING_INVALID.search(clause):
        return "unshipped"
    return "left_out" if _NOT_COUNTED.search(clause) else None


def without_left_out(
    reading: Reading, left_out: _LeftOut | None, rest_valid: bool = False, apart: bool = False
) -> Reading:
    """Exempt or uncounted packages left out of both sides: the total and the invalid ones
    they were counted among (260 shipped, 14 invalid of which 3 exempt: 246 of 257). Said of
    the total when only the invalid ones are told ("300 orders, 15 without tracking, 5 of
    the 300 cancelled"), whether they were among the invalid is unknown: asked, not guessed."""
    if left_out is None:
        return reading
    if left_out.role == "kept":
        # EU orders under €20 not sent as letters: not exempt, so the counts stand as told.
        return replace(reading, roles=reading.roles | left_out.roles)
    if reading.now is None:
        return _counted_without(reading, left_out, rest_valid)
    now, roles = reading.now, reading.roles
    if apart and left_out.untracked and "valid" not in roles and "invalid" in roles:
        # "10 of the 100 are exempt and untracked, another 3 invalid": the invalid ones told
        # are others; the exempt ones leave the total and the rest that was counted valid.
        if left_out.count > now.valid:
            return Reading(roles | left_out.roles, unclear=True)
        return replace(
            reading,
            roles=roles | left_out.roles,
            now=Counts(now.shipments - left_out.count, now.valid - left_out.count),
            then=None,
        )
    if _among_the_valid(roles, now, left_out.count):
        # "97 valid of 100 but 4 of those were FBA": more than the 3 invalid, so among the
        # valid ones: 93 of 96.
        now = Counts(now.shipments - left_out.count, now.valid - left_out.count)
        return replace(reading, roles=roles | left_out.roles, now=now, then=None)
    of_total = left_out.of is not None and left_out.of == roles.get("total")
    guessed = of_total and "valid" not in roles and left_out.of != roles.get("invalid")
    if left_out.count > now.shipments - now.valid or guessed:
        return Reading(roles | left_out.roles, unclear=True)
    then = reading.then
    return replace(
        reading,
        roles=roles | left_out.roles,
        now=Counts(now.shipments - left_out.count, now.valid),
        then=Counts(then.shipments - left_out.count, then.valid) if then else None,
    )


def _among_the_valid(roles: dict[str, int], now: Counts, count: int) -> bool:
    """Packages left out that cannot all be among the invalid ones, with the valid ones told
    and enough of them: they were counted valid."""
    return "valid" in roles and now.shipments - now.valid < count <= now.valid


def without_exempt(reading: Reading, count: int) -> Reading:
    """`count` of the reading's invalid packages found exempt, left out of both sides."""
    return without_left_out(reading, _LeftOut(count, "exempt", None))
