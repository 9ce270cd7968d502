"""The one role each figure gets: the assignment that fits best, and its refinements.

A word between two numbers goes to the one it fits best; a part larger than its whole
costs a reading; a fix said late, a supposition, new packages refine a role; figures
left without a role are filled from what the others leave.
"""

from __future__ import annotations

from itertools import product

from bot.domain.knowledge.figures.roles import Figure
from bot.domain.knowledge.patterns import lazy

_WEIGHT = {"fix": 3.0, "invalid": 2.0, "valid": 2.0, "daily": 3.0, "weekly": 3.0, "total": 1.0,
           "whole": 3.0}  # fmt: skip
"""How much a role says: a fix or a daily volume is specific, a package noun is not."""


HYPOTHETICAL = lazy(
    r"\bif\b|what if|suppose|would|\bwill\b|\bshould\b|enough|\bthen\b|要是|如果|假如|假设|万一|"
    r"going to|gonna|about to|likely to|expected to|"
    r"after (?:fixing|correcting|i fix)|之后能|以后能|之后会|后能过|"
    r"再|够|的话|能不能|可不可以|\bmore\b|another|additional|extra|又有|多出|变成?无效|turns?|\bgo(?:es)? |"
    # "又发现其中一单单号错了": one more found wrong among those counted, a new defect.
    r"又(?:发现|查出|查到|找到)|还发现|新发现|"
    # "又多了 2 单无效": more invalid ones after those told ("又多 2 单" alone are new packages).
    r"(?:又|还)多了?(?=\s*\d+\s*[个单件票]?\s*(?:无效|没有?(?:追踪|单号)|不合格|有问题))|"
    r"能过|会过|能达标|能高于|能回到|能不能过|会不会过"
)
_BEFORE_AND_AFTER = lazy(
    r"(?:之前|以前)[^，,。?？]{0,8}(?:之后|以后)|(?:补|改|修)[^，,。?？]{0,3}前后|"
    r"\bbefore (?:and|vs\.?|versus|&) after\b|\bbefore/after\b"
)
"""The figure before a fix and after it, both asked ("补上之前和补上之后分别是多少", "before and
after fixing 8"): the fix is supposed, the window as it is now is the before."""
_BEFORE_DELIVERY = lazy(
    r"before (?:the )?(?:delivery|buyers?|they|it was|it's|deliver)|in time|still in transit|"
    r"之前|前就|签收前|送达前|收货前|妥投前|没签收|未签收|还没收到|在途"
)
_LATE_IN_SENTENCE = lazy(
    r"already (?:been )?(?:received|delivered|got)|had (?:already )?(?:been )?(?:received|delivered)|"
    r"已经签收|已签收|早就签收|签收了|已经收到|已经送达|已送达|已妥投"
)
"""A fix made when the parcel was already delivered, said in the fix's sentence."""
_LATE = lazy(
    r"after (?:the )?(?:delivery|it was delivered|they were delivered|the buyers? (?:got|received))|"
    r"after (?:the |its )?(?:package|parcel|order|buyer|it|they)s? (?:was|were|had been|got|has been) delivered|"
    r"签收后|签收之后|送达后|送达之后|收货后|收到后|妥投后"
)


MISFIT = 1.5
"""What a part larger than its whole costs a reading: more than a nearer word's gain."""
WHOLE_LEFT_OPEN = 0.01
"""What a total smaller than a figure left without a role costs a reading: a tie-break only
("50单，1单没上传追踪号，2单承运商选错": the 50 is the whole, the 2 a part, not the reverse)."""
MAX_SEARCHED = 6
"""Numbers of one message whose roles are searched jointly; more are read one by one."""
MAX_READINGS = 600
"""Combinations of roles tried at most: with many figures, only each one's nearest words."""


TURNING_INVALID = lazy(
    r"(?:end|turn|come)s? (?:up |out )?(?:invalid|bad|untracked)|go(?:es)? bad|become (?:invalid|bad)|"
    r"变成?无效|结果无效|最后无效"
)
"""Packages supposed to turn invalid ("if 3 more of the pending ones end up invalid"): in
the window, not orders left out."""
_SUPPOSED_WORSE = lazy(
    TURNING_INVALID.pattern
    + r"|\b(?:\d+ )?(?:more|another|additional|extra)\b|再有|又有|再多|多出|再来|又来|还有\s*\d+\s*[个单件]?\s*(?:要|会)|"
    r"又(?:发现|查出|查到|找到)|还发现|新发现"
)
"""More packages supposed to go wrong: a fix said late in their clause ("if 3 more go bad
(tracking added after delivery)", "又有3单是送达后才补上单号的") is why they are defects (a
tracking number added after delivery is one: domain.md §1b), never a fix that helps."""


def assign_roles(figures: list[Figure]) -> dict[str, int]:
    """Each figure's role: the combination of candidates (each word and each role used
    once) that gives the most figures a specific, near role, the whole not smaller than
    its parts where the words allow it."""
    if len(figures) > MAX_SEARCHED:
        figures = figures[:MAX_SEARCHED]
    nearest = 1
    while nearest < 8 and (nearest + 2) ** len(figures) <= MAX_READINGS:
        nearest += 1
    options = [[None, *sorted(f.candidates, key=lambda c: c[2])[:nearest]] for f in figures]
    best: tuple[float, dict[str, int], tuple[object, ...]] = (float("-inf"), {}, ())
    for choice in product(*options):
        roles: dict[str, int] = {}
        used: set[int] = set()
        score = 0.0
        for figure, pick in zip(figures, choice, strict=True):
            if pick is None:
                score -= 1.0
                continue
            said, word, distance = pick
            role = _refined(said, figure)
            if role in roles or word in used:
                score = float("-inf")
                break
            roles[role] = figure.value
            used.add(word)
            score += _WEIGHT[said] - 0.02 * distance
        # A reading with a part over its whole is kept only when no other fits nearly as
        # well: then the figures contradict each other, and the reading says so.
        score -= 0 if _fits(roles) else MISFIT
        score -= WHOLE_LEFT_OPEN if _whole_left_open(roles, figures, choice) else 0
        if score > best[0]:
            best = (score, roles, choice)
    open_figures = [f for f, pick in zip(figures, best[2], strict=False) if pick is None]
    roles, open_figures = _periods_told_alike(best[1], figures, open_figures)
    roles = _late_beside_kinds(_more_invalid_figures(roles, open_figures), figures, best[2])
    return _filled(_fix_after_worsening(roles, figures, best[2]), open_figures)


_DONE_BEFORE = lazy(
    r"\balready\b|\bearlier\b|\blast (?:week|month)\b|已经|之前|早就|上周|上个月|昨天"
)
"""A fix said as made before the rest was told ("I already fixed 2"): not of the supposition."""


def _fix_after_worsening(
    roles: dict[str, int], figures: list[Figure], choice: tuple[object, ...]
) -> dict[str, int]:
    """ "if 2 more go bad and I fix 1", "要是再坏3单，又修好1单": a fix said after more
    invalid ones in its sentence is a change of the same what-if, taken in order (47 of 50,
    2 worse, 1 fixed: 46), not a fix already made that lifts the window as it is now."""
    if "fixed" not in roles or "more_invalid" not in roles:
        return roles
    picked = {
        _refined(str(p[0]), f): f
        for f, p in zip(figures, choice, strict=False)
        if isinstance(p, tuple)
    }
    fix, worse = picked.get("fixed"), picked.get("more_invalid")
    if fix is None or worse is None or worse.start > fix.start or worse.sentence != fix.sentence:
        return roles
    if _DONE_BEFORE.search(fix.clause):
        return roles
    rest = {role: value for role, value in roles.items() if role != "fixed"}
    return rest | {"to_fix": roles.get("to_fix", 0) + roles["fixed"]}


_OF_THE_INVALID = lazy(
    r"其中|\b(?:of|among) (?:them|those|these)\b|这些|那些|里面|(?:这|那)\s*\d*\s*[个单件]?(?:里|中)"
)
_INVALID_IN_GENERAL = lazy(
    r"无效|\binvalid\b|\bdefects?\b|缺陷|不合格|有问题|\bproblems?\b|\bissues?\b"
)


def _late_beside_kinds(
    roles: dict[str, int], figures: list[Figure], choice: tuple[object, ...]
) -> dict[str, int]:
    """ "3个单号格式不对，1个是签收后才补的单号", "2 with no tracking, 1 uploaded after
    delivery": tracking given after delivery told as one more kind of defect beside kinds
    that cannot be it (missing, bad format, wrong carrier), not of them: summed with them.
    Told of the invalid ones ("10 invalid, 4 of them fixed after delivery", "其中") or beside
    invalid ones in general, the late ones are among them."""
    if "late_fix" not in roles or "invalid" not in roles or "valid" in roles:
        return roles
    picked = [
        (f, _refined(str(p[0]), f))
        for f, p in zip(figures, choice, strict=True)
        if isinstance(p, tuple)
    ]
    late = [f for f, role in picked if role == "late_fix"]
    kinds = [f for f in figures if any(_refined(r, f) == "invalid" for r, _, _ in f.candidates)]
    if any(_OF_THE_INVALID.search(f.clause) for f in late):
        return roles
    if not kinds or any(_INVALID_IN_GENERAL.search(f.clause) for f in kinds):
        return roles
    return roles | {"invalid": roles["invalid"] + roles["late_fix"]}


_PERIOD_WORD = lazy(
    r"\b(?:weeks?|days?|months?|yesterday|today)\b|before that|earlier|周|星期|礼拜|天|日|月"
)


def _whole_left_open(
    roles: dict[str, int], figures: list[Figure], choice: tuple[object, ...]
) -> bool:
    """A total is read and a larger figure is given no role: the larger is likelier the whole."""
    total = roles.get("total")
    return total is not None and any(
        pick is None and f.value > total for f, pick in zip(figures, choice, strict=True)
    )


def _periods(clause: str) -> set[str]:
    """The kinds of period a clause names ("weeks" and "week" alike)."""
    return {m.group().rstrip("s") for m in _PERIOD_WORD.finditer(clause)}


def _periods_told_alike(
    roles: dict[str, int], figures: list[Figure], open_figures: list[Figure]
) -> tuple[dict[str, int], list[Figure]]:
    """ "last week 3 bad, the week before 2", "上周3个无效，再上一周2个": a bare figure of the
    same kind of period, after a period's invalid figure, is that many more invalid ones
    ("2 bad today, the other 290 this month" is no such pair)."""
    invalid = roles.get("invalid")
    told = [f for f in figures if f.value == invalid and _periods(f.clause)]
    if invalid is None or not told:
        return roles, open_figures
    alike = [
        f
        for f in open_figures
        if not f.candidates
        and f.start > told[0].start
        and f.clause_at != told[0].clause_at
        and _periods(f.clause) & _periods(told[0].clause)
    ]
    if not alike:
        return roles, open_figures
    rest = [f for f in open_figures if f not in alike]
    return roles | {"invalid": invalid + sum(f.value for f in alike)}, rest


def _more_invalid_figures(roles: dict[str, int], open_figures: list[Figure]) -> dict[str, int]:
    """Invalid packages told in parts ("3个单号填错了，2个没传"): the parts add up, unless
    they are a breakdown of the invalid figure already read ("12 invalid: 8 blank, 4 wrong")."""
    parts = [
        f.value
        for f in open_figures
        if any(r == "invalid" and _refined(r, f) == "invalid" for r, _, _ in f.candidates)
    ]
    if not parts or "invalid" not in roles:
        return roles
    told = [*parts, roles["invalid"]]
    # "10 invalid, 4 not fixed yet, 6 fixed before delivery": the 10 told apart, fixes too.
    fixes = roles.get("fixed", 0) + roles.get("late_fix", 0)
    # "1 missing tracking, 1 wrong carrier": two kinds alike, not a whole and its part.
    kinds_alike = len(told) == 2 and told[0] == told[1] and not fixes
    if 2 * max(told) == sum(told) + fixes and not kinds_alike:
        return roles | {"invalid": max(told)}  # the largest is the others' sum
    return roles | {"invalid": sum(told)}


def _refined(role: str, figure: Figure) -> str:
    """A fix or an invalid figure read with its clause: a fix supposed ("if I fix 3") or
    made before delivery ("改好了"), more packages supposed invalid ("再有2个变无效")."""
    if role == "whole":
        return "total"
    if role == "fix":
        if _late(figure) and _SUPPOSED_WORSE.search(_FIX_MORE.sub(" ", figure.clause)):
            return (
                "more_invalid"  # "再有3个变成无效（签收后才补的单号）": the late fix is the defect
            )
        if _BEFORE_AND_AFTER.search(figure.clause):
            return "to_fix"  # "这8单补上之前和补上之后": both asked, the fix supposed
        if _late(figure):
            # "if I fix 3 after delivery": a supposed fix that cannot count (domain.md §1b),
            # told apart from one made late, which the window already holds as invalid.
            return "late_to_fix" if HYPOTHETICAL.search(figure.clause) else "late_fix"
        return "to_fix" if HYPOTHETICAL.search(figure.clause) else "fixed"
    if role == "valid" and NEW_SHIPPED.search(figure.clause) and HYPOTHETICAL.search(figure.clause):
        return "new_valid"  # "if I ship 200 more valid packages": added to both sides
    if role == "invalid" and HYPOTHETICAL.search(figure.clause):
        before = figure.clause[: max(0, figure.start - figure.clause_at)]
        if _PART_OF.search(before):
            return "invalid"  # "fix 4 of the 7 bad ones": the 7 are there already
        if _fix_supposed_after(figure, before):
            return "invalid"  # "坏的那3个如果修好2个": the supposition is the fix's, not theirs
        if _told_as_more(figure.clause):
            return "invalid"  # "and 1 more has no number": one more told, none supposed
        if _shipped_untracked(figure):
            return "new_invalid"  # "再来1个没追踪的": a package added, not one turned bad
        return "more_invalid"
    return role


_FIX_MORE = lazy(r"\b(?:fix|correct|repair|edit|update)\w*\s+(?:\d+\s+)?more\b")
"""More fixes ("fix 3 more after delivery"): the "more" is the fixes', not packages gone bad."""
_FIX_AFTER = lazy(r"\b(?:fix|correct|repair|edit|update)|修|改|补")


def _fix_supposed_after(figure: Figure, before: str) -> bool:
    """The clause's supposition comes after the invalid figure, with a fix after it ("坏的那
    3个如果修好2个", "of the 3 bad ones, if I correct 2"): what is supposed is the fix."""
    if HYPOTHETICAL.search(before):
        return False
    after = figure.clause[figure.end - figure.clause_at :]
    supposed = HYPOTHETICAL.search(after)
    return supposed is not None and bool(_FIX_AFTER.search(after, supposed.end()))


NEW_SHIPPED = lazy(
    r"\b(?:ship|send|sell|add)\w*\b[^,.;?]{0,24}\b(?:more|another|additional|extra|new)\b|"
    r"\b(?:more|new|additional|extra) (?:valid |good |tracked )?(?:packages|shipments|orders|parcels)\b|"
    r"再发|多发|新发|再寄|新增"
)
"""New packages supposed shipped, not packages told of the window."""
_SHIPPED_UNTRACKED = lazy(
    NEW_SHIPPED.pattern + r"|再来|又来|再出|\bgo(?:es)? out\b|\bship(?:s|ped)?\b|\bsen[dt]s?\b|"
    r"\bcomes? in\b"
)
"""A package supposed shipped without tracking ("再来1个没追踪的", "if 1 more goes out
without tracking"): it joins the window as an invalid one."""


def _shipped_untracked(figure: Figure) -> bool:
    """The figure is packages supposed shipped without tracking: the shipping said of it,
    after it or just before it ("if 1 more goes out untracked", "再来1个没追踪的"), not of the
    total before it ("if I ship 200 and 9 are invalid": 9 of the 200, the whole supposed)."""
    after = figure.clause[figure.end - figure.clause_at :]
    own = figure.before + after
    return bool(_SHIPPED_UNTRACKED.search(own)) and not TURNING_INVALID.search(figure.clause)


_MORE_ONLY = lazy(r"\bmore\b|\banother\b|\badditional\b|\bextra\b")
_TOLD_VERB = lazy(r"\b(?:has|have|had|is|are|was|were)\b")


def _told_as_more(clause: str) -> bool:
    """ "1 more has no number", "another 2 were blank": more packages told in the present or
    past, with no word that supposes them ("what if 2 more go bad" does)."""
    if not _TOLD_VERB.search(clause):
        return False
    return not HYPOTHETICAL.search(_MORE_ONLY.sub(" ", clause))


def _late(figure: Figure) -> bool:
    """The fix came after delivery: said so in its clause, or in its sentence when its
    clause does not say it came before ("改了10个单号，但是买家已经签收了")."""
    if _LATE.search(figure.clause):
        return True
    return not _BEFORE_DELIVERY.search(figure.clause) and bool(
        _LATE_IN_SENTENCE.search(figure.sentence)
    )


def _fits(roles: dict[str, int]) -> bool:
    total = roles.get("total")
    parts = [roles[r] for r in ("valid", "invalid") if r in roles]
    return total is None or all(p <= total for p in parts)


def _filled(roles: dict[str, int], open_figures: list[Figure]) -> dict[str, int]:
    """Roles the words leave open, from the others: the figure beside a whole is its valid
    part ("57/60"), the largest figure beside a part is the whole ("100个96个有效"); two
    bare figures after a name are its valid ones and its whole ("Toys 57 60")."""
    roles = dict(roles)
    bare = [f.value for f in open_figures if not f.candidates]
    together = len({f.clause_at for f in open_figures}) == 1  # "toys 57 60", not "toys 99, pets 96"
    together = together and not _ALTERNATIVES.search(_between(open_figures))  # not "45 or 60"
    if not roles and len(open_figures) == len(bare) == 2 and together:
        return _part_of({"total": max(bare)}, min(bare))  # "toys 57 60", "toys 120 113"
    larger = [
        f.value
        for f in open_figures
        if "total" in roles
        and f.value > roles["total"]
        and not _PREFIX_AFTER.match(f.clause, f.end - f.clause_at)
    ]
    if larger and not _YEAR.fullmatch(str(larger[0])):
        # "10 today, 2 untracked, the other 290 were fine": a figure left over that is larger
        # than the total read means the total is not the window's.
        return roles | {"other_total": larger[0]}
    if "total" in roles and any(_another_total(f, roles) for f in open_figures):
        return roles | {
            "other_total": next(f.value for f in open_figures if _another_total(f, roles))
        }
    if len(open_figures) == 1 and _more_told(open_figures[0], roles):
        # "400 单里 19 单无效, 又多 2 单": two more, told as the invalid ones were.
        more = open_figures[0].value
        return roles | {"total": roles["total"] + more, "invalid": roles["invalid"] + more}
    if len(open_figures) != 1:
        return roles
    figure, value = open_figures[0], open_figures[0].value
    if figure.candidates and not ("total" not in roles and _words_taken(figure, roles)):
        return roles  # a figure whose words were read otherwise is not guessed at
    if "total" in roles and not {"valid", "invalid"} & set(roles) and value <= roles["total"]:
        return _part_of(roles, value)
    parts = [roles[r] for r in ("valid", "invalid") if r in roles]
    if "total" not in roles and parts and all(value >= p for p in parts):
        roles["total"] = value
    return roles


_MORE_BEFORE = lazy(r"(?:又|还)(?:多|来|冒|出)(?:了|出|出来)?了?\s*$|(?<![a-z])another\s*$")
"""More packages told after the invalid ones ("又多 2 单", "another 2"), not supposed."""


def _more_told(figure: Figure, roles: dict[str, int]) -> bool:
    """A bare figure told as more packages after a total and its invalid ones, with no
    words of its own and nothing supposed: more invalid ones shipped in the window."""
    own = {role for role, _, _ in figure.candidates}
    if not {"total", "invalid"} <= set(roles) or "valid" in roles or own - {"total"}:
        return False  # "又多 2 单": its 单 says packages, no other role
    return bool(_MORE_BEFORE.search(figure.before)) and not HYPOTHETICAL.search(figure.clause)


def _another_total(figure: Figure, roles: dict[str, int]) -> bool:
    """A figure left over whose own words make it a total too ("toys 40 orders, home 60
    orders, 5 invalid"): two wholes, and which one the parts belong to is unsaid."""
    own = [role for role, _, distance in figure.candidates if distance <= 2]
    if "total" not in own or not all(role in ("total", "whole") for role in own):
        return False  # "a team of 5": a whole by its "of" only is no second total
    total = roles["total"]
    rest = total - roles["valid"] if "valid" in roles else roles.get("invalid", 0)
    return figure.value != total and figure.value > rest  # "剩下3单" of 30 with 27 valid: the rest


_PART_OF = lazy(r"\d+\s*(?:out )?of (?:the|my|those|these|our)?\s*$|\d+\s*个?(?:里|中)的?\s*$")
"""A figure after "4 of the": the whole the part is taken from, not a supposition."""
_YEAR = lazy(r"20\d\d")
_PREFIX_AFTER = lazy(r"\s*(?:numbers?\b|号|开头|prefix|series|tracking)")
"""A number's first digits ("USPS 9400 numbers"): no count."""
_ALTERNATIVES = lazy(r"\bor\b|还是|或者|或")


def _between(figures: list[Figure]) -> str:
    """The words between the first two figures (of one clause)."""
    if len(figures) < 2:
        return ""
    first, second = sorted(figures[:2], key=lambda f: f.start)
    start = second.start - second.clause_at
    return second.clause[:start][first.end - second.clause_at :] if start > 0 else ""


def _words_taken(figure: Figure, roles: dict[str, int]) -> bool:
    """Every role the figure's words could give it is another's ("60个有效57": 有效 is the
    57's), so its own role is left to the others."""
    return all(_refined(role, figure) in roles for role, _, _ in figure.candidates)


def _part_of(roles: dict[str, int], value: int) -> dict[str, int]:
    """A part told without words ("57/60", "toys 57 60"): the valid ones when it is most of
    the whole; a small part ("3/60") could as well be the invalid ones, so it is not read."""
    if 2 * value >= roles["total"]:
        return roles | {"valid": value}
    return roles | {"unsure": value}
