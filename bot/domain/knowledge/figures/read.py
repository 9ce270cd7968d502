"""A message's figures read by role: the steps of the reading, in their order.

Rewrite the spelled numbers, set the left-out part aside, find the counts and their role
words, assign the roles, then work them into the window's counts.
"""

from __future__ import annotations

from functools import lru_cache

from bot.domain.knowledge.figures.assign import HYPOTHETICAL, assign_roles
from bot.domain.knowledge.figures.counts import BAR_PERCENT, Reading, counts_of
from bot.domain.knowledge.figures.left_out import (
    APART,
    REST_VALID,
    left_out_part,
    without_left_out,
)
from bot.domain.knowledge.figures.numbers import count_matches, without_back_references
from bot.domain.knowledge.figures.roles import (
    INVALID_WORDS,
    ROLE_WORDS_BY,
    find_figures,
    role_words,
    without_repeats,
)
from bot.domain.knowledge.figures.spelled import all_but, new_ones_valid, spell_digits
from bot.domain.knowledge.patterns import CLAUSE, lazy

_ANY_DIGIT = lazy(r"\d")
"""No digit left once the spelled numbers are digits: nothing is counted."""
_RATE_OF = lazy(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%\s*of\s*(?:the |my |our )?\d")
"""A rate said of a total ("97% of 100 shipments"): the seller's VTR, or its invalid share."""
ASKED = lazy(
    r"how many(?:\s+[a-z']+){0,4}?\s+(?:lack|without|invalid|bad|untracked|missing|valid|fix)[a-z]*"
    r"(?: (?:valid )?tracking)?|"
    r"how many(?: more)?(?: (?:packages?|shipments?|orders?))?|"
    r"(?:多少|几)(?:个|单|件|票)?(?:包裹|订单)?(?:[^，,。？?\d]{0,6}?(?:有效|无效|没有?(?:追踪|单号)|不合格))?|"
    r"(?:max(?:imum)?|at most|\bmost\b|最多|至多)[^\d,.?，。？]{0,40}?"
    r"(?:bad|invalid|defects?|untracked|without (?:valid )?tracking|无效(?:追踪)?|没有?(?:追踪|单号))|"
    r"(?:need to|do i need to|to|should i) fix(?: any)?|fix(?:es)? needed|要修|需要修|还差|修几|"
    # "do I need 1 more valid or 2?": choices asked, not figures told.
    r"\b(?:do|would|will|should|shall) (?:i|we|it) (?:still )?need\s+\d+[^,.;?，。？\d]*?\bor\s+\d+|"
    r"\d+\s*[个单件]?还是(?:再)?(?:修|改|补)?\d+\s*[个单件]?|"
    # "which one is failing?", "哪个不达标": asked of the groups, not said of a figure.
    r"(?:(?<!of )(?<!among )(?<!in )\bwhich\b|哪个|哪些|哪几个)[^,.;?，。；？\d]*"
)
"""What is asked, not told ("how many valid do I need", "最多能有几个无效"): its role words
belong to no figure."""
_ALL_VALID = lazy(
    r"全都有|全部有|都有(?:有效)?(?:追踪|单号)|全都有效|全部有效|(?:(?<=[个单件票\d])|(?<=包裹)|(?<=订单)|(?<=货件))\s?全(?:是)?有效|all (?:of them )?(?:have|had|with) (?:valid )?tracking|"
    r"(?:all|both) (?:\d+ )?(?:of them |(?:of (?:my |the |our )?)?(?:packages|shipments|orders|parcels) )?"
    r"(?:are |were |have |had )?(?:(?:all|now|still) )?(?:valid|tracked|scanned)|"
    r"none (?:are |is |were )?invalid|\bit(?:'s| is| was| has| had)(?: got)? (?:valid|tracked|tracking|scanned)|"
    r"没有一个无效|都(?:是)?有效"
)


@lru_cache(maxsize=512)
def read_figures(
    text: str, skip: frozenset[float] = frozenset(), rate: float | None = None
) -> Reading:
    """The figures of a normalised text by role, checked against each other; `skip` holds
    numbers that are something else (an order's amount), `rate` the seller's VTR.

    Remembered for the last texts read: a message's pieces are read once for each way of
    splitting it into groups, and again for each of its parts, most of them the same text
    (a `Reading` is never changed once made; callers build new role dicts from it)."""
    text = all_but(new_ones_valid(spell_digits(text)))
    text = ASKED.sub(lambda m: " " * len(m.group()), text)
    if not _ANY_DIGIT.search(text):
        return Reading({})  # nothing counted: the role words need not be looked for
    rate_of = _RATE_OF.search(text)
    said_of = CLAUSE.split(text[rate_of.end() :], 1)[0] if rate_of else ""
    told = bool(INVALID_WORDS.search(said_of) or ROLE_WORDS_BY["valid"].search(said_of))
    if rate is None and rate_of and (float(rate_of.group(1)) != BAR_PERCENT or told):
        # "97% of 100 shipments valid", "95% of 300 have tracking": the seller's (95% of a
        # total said of nothing is a sum to work out, "what's 95% of 400").
        rate = float(rate_of.group(1))
        if INVALID_WORDS.search(said_of):
            rate = 100 - rate  # "5% of my 400 have no tracking": the valid share is the rest
    text, left_out = left_out_part(text, skip)
    text = without_back_references(text)
    words = role_words(text)
    figures = without_repeats([f for f in find_figures(text, words) if f.value not in skip])
    roles = assign_roles(figures)
    rest_valid = bool(REST_VALID.search(text))
    if len(figures) == 1 and _ALL_VALID.search(text) and not (left_out and rest_valid):
        # "玩具60单全部有效"; "200单，其中8单是12欧的平信，其余都有效" says the rest valid.
        roles = {"total": figures[0].value, "valid": figures[0].value}
    if rate is None:
        roles = _all_told_alike(roles, text)
    apart = bool(APART.search(text))
    return without_left_out(counts_of(roles, rate), left_out, rest_valid, apart)


def _all_told_alike(roles: dict[str, int], text: str) -> dict[str, int]:
    """A total whose packages are told all alike in a clause of their own, beside a
    supposition ("3个包裹都有追踪，要是再来1个没追踪的", "only 1 package, no tracking"): all
    valid, or all invalid when they are all (or the one) said to have none."""
    told = [c for c in CLAUSE.split(text) if c.strip() and not HYPOTHETICAL.search(c)]
    if set(roles) & {"valid", "total", "invalid"} == {"valid"} and any(
        _ALL_VALID.search(c) for c in told
    ):
        return roles | {"total": roles["valid"]}  # "3个包裹都有追踪": valid, all of them
    lone = roles.get("invalid") == 1 and bool(_ONE_THEN_IT.search(text))
    if set(roles) & {"valid", "total", "invalid"} == {"invalid"} and (
        _ONLY_ONE.search(text) or lone
    ):
        # "only 1 order, and it has no tracking", "1 parcel shipped … it has no tracking"
        return roles | {"total": roles["invalid"]}
    if "total" not in roles or {"valid", "invalid"} & set(roles):
        return roles
    if any(_ALL_VALID.search(c) and not REST_VALID.search(c) for c in told):
        return roles | {"valid": roles["total"]}  # "其余都有效" is of the rest, not all
    # A clause with no count of its own ("no tracking yet, VTR is 0 then?": the 0 is a rate).
    alike = [c for c in told if not count_matches(c) and INVALID_WORDS.search(c)]
    # One package in all ("only 1", or "1 … shipped … it"): the one said to have none; "一单
    # 1500日元" is one order for example, not the window's whole.
    lone = bool(_ONLY_ONE.search(text) or _ONE_THEN_IT.search(text))
    every = (roles["total"] == 1 and lone) or any(_all_before_invalid(c) for c in alike)
    if alike and every and not any(_SOME.search(c) for c in alike):
        return roles | {"invalid": roles["total"]}
    return roles


def _all_before_invalid(clause: str) -> bool:
    """ "都没有追踪号", "none have tracking": all of them said to have none; "错的单号都还没签收"
    says all the wrong ones are something else."""
    every = _ALL_WORD.search(clause)
    invalid = INVALID_WORDS.search(clause)
    return bool(every and invalid and every.start() < invalid.start())


_ONLY_ONE = lazy(
    r"(?:\bonly|\bjust|就|只有|只|才|仅)\s?(?:这|那|这么|那么)?\s?(?:有|发[了过]?|(?:shipped|sent|had|have)\s)?\s?1(?!\d)"
)
"""One package and no more ("就1个包裹", "只发了1个", "总共就这1单", "only shipped 1 order"):
the whole, not one among others."""
_ONE_THEN_IT = lazy(
    r"(?:(?<![\d.])1\s?(?:个|单|件|票)?\s?(?:parcels?|packages?|orders?|shipments?|包裹|订单|货件)?\s?"
    r"(?:shipped|sent|went out|发(?:了|出去?)?|寄(?:了|出)?)|"
    r"(?:shipped|sent out|sent|发(?:了|出去?了?)?|寄(?:了|出去?了?)?)\s?(?:just |only )?1(?![\d.]))"
    r"[^.?!。？]{0,60}?(?:\bits?\b|\bthat one\b|\bthis one\b|它|这个|那个|这单|那单|这一?个)"
)
"""One package shipped, then referred back to ("1 parcel shipped … and it has no tracking"):
the one is the whole, whatever is said of it."""
_ALL_WORD = lazy(r"都|全|\ball\b|\bboth\b|\bnone\b|\bany of them\b|\bneither\b")
_SOME = lazy(r"一些|有些|有的|部分|几个|少数|个别|\bsome\b|\bfew\b|\bseveral\b|\bmany\b|\bmost\b")
