"""The role words of a message and each figure's candidate roles from its own clause.

Role words (shipped, valid, invalid, fixed, daily…) are found once; each count gets the
role words of its clause with their distance, for the assignment to choose among.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.domain.knowledge.figures.numbers import count_matches
from bot.domain.knowledge.patterns import CLAUSE, SENTENCE, lazy

ROLE_WORDS = (
    "fix fixes fixed fixing corrected correcting repaired edited flagged defective untracked "
    "delivered shipped shipments parcels packages orders blank missing lacking bad ones failed "
    "failing rejected unconfirmed untracked"
)
"""English words the figures are read by: real words, never typos to repair ("fixes" is
not "files")."""


_NOISE = r"defect report|缺陷报告|缺陷明细|有效追踪率|追踪率|跟踪率|valid tracking rate|tracking rate|order defect"
"""Words that hold a role word but name something else ("defect report" is no defect)."""
_NUMBER_NOUNS = r"tracking numbers?|单号|运单号|追踪号|跟踪号|号码"
"""The tracking number itself: its 单 is no package count (after "没单号" is read)."""
_ROLE_PATTERNS: tuple[tuple[str | None, str], ...] = (
    # What a VTR defect report lists are the invalid packages ("the defect report showed 50").
    # "Defect report: 150 packages, 139 valid" names what the figures come from: a label.
    ("invalid", r"(?:defect report|缺陷报告|缺陷明细|defects? list|缺陷列表)(?!\s*[:：])"),
    (None, _NOISE),
    # A fix one can still make is none made ("still in transit so I can still fix them").
    (
        None,
        r"\b(?:can|could|able to|may|might)\s+(?:still\s+|also\s+)?(?:fix|correct|edit|repair|update)\w*|"
        r"(?:还)?(?:能|可以|来得及)(?:再)?(?:修|改|补)",
    ),
    # A fix denied is none made: the package stays invalid ("if one goes unconfirmed and
    # never gets fixed", "3个没修好").
    (
        "invalid",
        r"(?:\bnever|\bnot|n't|\bno one)\s+(?:(?:been|be|get|gets|got|being|ever|yet)\s+)*"
        r"(?:fix|correct|repair|edit|update)\w*|"
        r"(?:没(?:有)?|未|不)(?:再)?(?:修|改|补救|补)(?:好|正|上|过|复)?",
    ),
    ("daily", r"per day|a day|/day|daily|each day|every day|每天|一天|日均|每日"),
    ("weekly", r"per week|a week|/week|weekly|each week|every week|每周|每星期|每礼拜|周均"),
    (
        "fix",
        r"\bfix(?:ed|ing|es)?\b|\bcorrect(?:ed|ing)?\b|\brepair(?:ed|ing)?\b|\bedit(?:ed|ing)?\b|"
        r"修好|修复|修正|改好|改正|更正|改对|补上|补好|补传|补录|修了|改了|补了|再修|再改|再补|重新上传|"
        r"(?<![没未不弥能以得])(?:修|改|补)(?=\s*\d)|"
        r"\badd(?:ed|ing)? (?:the |valid )?tracking\b|\bre-?upload(?:ed|ing)?\b|"
        r"\b(?:added|uploaded|entered) (?:it|them|the number|the tracking number)\b|"
        # Tracking given after delivery is a late fix whatever the verb ("1 of them got its
        # tracking uploaded after delivery", "有2个是签收后才上传的").
        r"\bafter (?:the |its )?(?:delivery|(?:package|parcel|order|it|they)s? (?:was|were|had been|got) delivered|"
        r"(?:buyer|customer)s? (?:got|received|had))\b|"
        r"(?:签收|送达|妥投|收货)(?:之)?后(?:才)?(?:上传|补|填|传|加|录)",
    ),
    (
        "invalid",
        r"no (?:valid )?tracking|without (?:a |valid |any )?(?:valid )?tracking|not (?:have )?valid|invalid|"
        r"(?:\bnot|n'?t|never) (?:been |get |got |being )?(?:tracked|scanned|trackable)|"
        r"missing|(?:\b(?:don|didn|doesn|haven|hasn)(?:'?t)?|do not|did not|does not|never) "
        r"(?:have|had|get|got|has) "
        r"(?:a |any )?(?:valid )?tracking|untracked|no number|defects?|defective|lack(?:ed|ing)?|flagged|"
        r"\bbad\b|\bwrong\b|incorrect|\bfail(?:ed|ing)?\b|blank|no scans?|unscanned|"
        r"(?:without|no|zero|not a single) (?:a single |a |any |one |single )?(?:carrier |pickup |physical )?scans?\b|"
        r"没有?(?:上传|填写?|传|录入|提供|添加|加|给)?(?:有效)?(?:的)?(?:追踪|跟踪|单号|物流)|"
        r"(?<=[个单件票])\s*(?:都)?没有(?=\s*(?:[,，。;；!！?？]|$))|"
        r"无(?:有效)?(?:追踪|单号)|无效|没传|没上传|没填|不合格|不算有效|没扫描|没有扫描|错|缺|空白|是空的|为空|空着|"
        r"坏|出问题|\brejected\b|\bunconfirmed\b|not accepted|被拒|未确认|不被认可|"
        # A placeholder for a number ("填的是占位符", "N/A as a placeholder"): missing tracking.
        r"占位|假单号|虚拟单号|\bplaceholders?\b|\bdummy\b|\bfake (?:tracking|numbers?)\b|"
        r"(?<![a-z])n/a(?![a-z])|待上传|待填|\btbd\b|"
        r"有问题(?!吗)|有毛病|问题件|\bwith (?:problems?|issues?)\b|"
        r"忘了?(?:上传|填|传|录入?|加|给|贴)?(?:的)?(?:单号|追踪|跟踪|物流)|漏(?:传|填|上传|录)|"
        r"\bforg[oe]t(?:ten)? (?:to (?:add|upload|enter|put) )?(?:the |a |its |their )?(?:tracking|number)|"
        r"\ball but\b|\ball except\b|\bempty\b|"
        r"没(?:有)?(?:被)?扫|"
        # Not online or not found at the carrier ("8单没上网", "9个查不到物流"), told wrong
        # ("单号不对", not the tag 对不对).
        r"[没未]上网|(?:查|追踪|跟踪|追)不到|(?<![对是])不对(?![吗呢嘛])|"
        r"(?:can'?t|cannot|could ?n'?t|won'?t) be (?:tracked|traced|found)|not (?:showing|found)\b",
    ),
    (
        "valid",
        r"valid|(?:with|have|has|had) (?:a |valid )?tracking|tracked|scanned|(?<!not )\bgood\b|"
        r"tracking on (?:all|every|each)\b|"
        r"有效|有追踪|有单号|有跟踪|合格|能追踪|可追踪",
    ),
    (None, _NUMBER_NOUNS),
    (
        "total",
        r"\bship(?:ped|ments?)?\b|\bsen[dt]\b|\b(?:dispatch|mail)(?:ed)?\b|"
        r"packages?|\bpkgs?\b|\bpcs\b|\borders?\b|parcels?|"
        r"\bboxes\b|\btotal\b|\bin all\b|altogether|发了|发货|包裹|订单|货件|(?<=\d)\s*[单件票笔]|"
        r"[个单件](?:包裹|订单|货件)|总共|一共|总计|总数|总量|合计|共|卖了|出了",
    ),
)


_ROLE_WORDS = [(role, re.compile(p)) for role, p in _ROLE_PATTERNS]
INVALID_WORDS = [pattern for role, pattern in _ROLE_WORDS if role == "invalid"][-1]
ROLE_WORDS_BY = {role: pattern for role, pattern in _ROLE_WORDS if role is not None}
"""The words of invalid packages themselves (the last invalid pattern; the first is the
defect report that lists them)."""


_WHOLE_BEFORE = lazy(
    r"(?:out of|\bof|in total of|(?<![a-z])in)\s*(?:(?:my|our|the|all|these|those|total|a|an)\s+)?$|"
    r"^\s*/\s*$"
)
_WHOLE_AFTER = lazy(
    r"\s*(?:[个单件票笔])?(?:包裹|订单|货件|单|packages?|shipments?|orders?)?\s*(?:里|中|当中|里面|之中)"
)
"""A pair's whole: "57 out of 60", "57/60", "480个包裹里有31个无效"."""


MAX_WORD_DISTANCE = 60
"""Characters between a figure and a role word of its clause, at most: "Account Health
flagged us last week and … shows 412 of 436" does not make the 412 flagged ones."""


@dataclass(frozen=True, slots=True)
class _Word:
    """A role word of the message and where it stands."""

    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Figure:
    """A count of the message, where it stands, and the role words it may take."""

    value: int
    start: int
    end: int
    clause: str
    candidates: tuple[tuple[str, int, float], ...]
    """(role, word index, distance) for the role words of its clause."""
    sentence: str = ""
    """The figure's sentence, for what its clause leaves unsaid (whether a fix was late)."""
    clause_at: int = 0
    """Where its clause starts: two bare figures are one group's only within one clause."""
    before: str = ""
    """Its clause's words since the number before it, nearer to it than to that number:
    what is said of this figure rather than of its neighbour ("ship 1000 parcels and 50
    …": the ship is the 1000's)."""
    earlier: str = ""
    """Its sentence's words before it, other clauses' too: a supposition said there ("if 2
    more go bad and I fix 1") is what a fix after it belongs to."""


def role_words(text: str) -> list[_Word]:
    """Every role word of the text, the earlier patterns first where two overlap
    ("don't have tracking" is invalid, not the "have tracking" inside it)."""
    taken: list[tuple[int, int]] = []
    found: list[_Word] = []
    for role, pattern in _ROLE_WORDS:
        for match in pattern.finditer(text):
            span = match.span()
            if span[0] == span[1] or any(span[0] < e and s < span[1] for s, e in taken):
                continue
            taken.append(span)
            if role is not None:
                found.append(_Word(role, *span))
    return sorted(found, key=lambda w: w.start)


def _candidates(
    text: str, words: list[_Word], match: re.Match[str], span: tuple[int, int], i: int
) -> list[tuple[str, int, float]]:
    """The role words the i-th count may take, (role, word index, distance): those within
    `span` (its clause, up to the numbers on either side) and near enough; "whole" too when
    the count is said as a whole ("of 50 packages")."""
    low, high = span
    candidates = [
        (w.role, k, distance)
        for k, w in enumerate(words)
        if w.start >= low
        and w.end <= high
        and (distance := float(max(w.start - match.end(), match.start() - w.end)))
        <= MAX_WORD_DISTANCE
    ]
    if _WHOLE_BEFORE.search(text[low : match.start()]) or _WHOLE_AFTER.match(text, match.end()):
        candidates.append(("whole", -1 - i, 0.0))
    return candidates


def find_figures(text: str, words: list[_Word]) -> list[Figure]:
    """Each count of the text with the role words it may take: those of its clause, up to
    the numbers on either side (a word between two numbers is seen by both)."""
    numbers = count_matches(text)
    bounds = [m.end() for m in CLAUSE.finditer(text)]
    figures: list[Figure] = []
    for i, match in enumerate(numbers):
        start = max([b for b in bounds if b <= match.start()], default=0)
        end = min([b - 1 for b in bounds if b - 1 >= match.end()], default=len(text))
        low = max(start, numbers[i - 1].end() if i else 0)
        high = min(end, numbers[i + 1].start() if i + 1 < len(numbers) else len(text))
        candidates = _slash_pair_whole(
            text, numbers, i, _candidates(text, words, match, (low, high), i)
        )
        descending = i and _descending_pair(text, numbers[i - 1], match)
        if (
            i
            and not descending
            and _WHOLE_BEFORE.search(text[numbers[i - 1].end() : match.start()])
        ):
            # "3 out of 50 packages have no tracking": what follows the whole is said of the part.
            # A bracket right after the whole describes the whole ("2 of my 40 (all valid
            # now) get flagged"): its words are not the part's.
            bracket = _BRACKET_AFTER.match(text, match.end())
            told = [
                (r, k, d + 1.0)
                for r, k, d in candidates
                if k >= 0
                and words[k].start > match.end()
                and not (bracket and words[k].start < bracket.end())
                and not _SUBORDINATE.search(text, match.end(), words[k].start)
            ]
            figures[-1] = replace(figures[-1], candidates=figures[-1].candidates + tuple(told))
        value, clause = int(match.group(1)), text[start:high]
        earlier = SENTENCE.split(text[: match.start()])[-1]
        sentence = earlier + SENTENCE.split(text[match.start() :], 1)[0]
        figure = Figure(value, *match.span(), clause, tuple(candidates), sentence, start)
        said_before = _said_before(text, start, low, match.start())
        figures.append(replace(figure, before=said_before, earlier=earlier))
    return _fixed_ones_described(figures, words)


_SLASH = lazy(r"\s*/\s*")


def _descending_pair(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    """Two counts written "75/72": the larger first, so the shipped ones before the valid
    ones (a part is never larger than its whole)."""
    between = text[first.end() : second.start()]
    return bool(_SLASH.fullmatch(between)) and int(first.group(1)) > int(second.group(1))


def _slash_pair_whole(
    text: str, numbers: list[re.Match[str]], i: int, candidates: list[tuple[str, int, float]]
) -> list[tuple[str, int, float]]:
    """The whole of a pair written with a slash is its larger count, whichever comes
    first: "57/60" (valid of shipped) and "75/72" (shipped, then valid)."""
    if i and _descending_pair(text, numbers[i - 1], numbers[i]):
        return [c for c in candidates if c[0] != "whole"]
    after = i + 1 < len(numbers) and _descending_pair(text, numbers[i], numbers[i + 1])
    if after and all(c[0] != "whole" for c in candidates):
        return [*candidates, ("whole", -1 - i, 0.0)]
    return candidates


def _said_before(text: str, clause_at: int, low: int, at: int) -> str:
    """The words before a figure said of it: back to its clause's start, or, with a number
    before it in its clause, the half of the words between them nearer to it."""
    before = text[low:at]
    return before[len(before) // 2 :] if low > clause_at else before


_SUBORDINATE = lazy(
    r"\b(?:after|because|since|when|once|as soon as|until|due to)\b|因为|由于|之后|以后|后来"
)
"""A clause of its own begins ("59/62 after one number got flagged unconfirmed"): the words
after it are said of what it names (the one number), not of the part before the whole."""


_BRACKET_AFTER = lazy(r"[^()（）\d]{0,12}[(（][^()（）]*[)）]")


def _fixed_ones_described(figures: list[Figure], words: list[_Word]) -> list[Figure]:
    """ "correct all 4 wrong tracking numbers": the invalid word right after a figure that a
    fix word comes just before describes the packages fixed; no other figure takes it."""
    claimed: dict[int, int] = {}
    for i, figure in enumerate(figures):
        roles = {(role, k): distance for role, k, distance in figure.candidates}
        fixed = any(
            r == "fix" and d <= 12 and words[k].end <= figure.start for (r, k), d in roles.items()
        )
        for (role, k), distance in roles.items():
            if not (fixed and role == "invalid" and distance <= 3 and words[k].start >= figure.end):
                continue
            if not any(figure.end <= f.start < words[k].start for f in figures):
                claimed[k] = i  # no other figure between them ("fix 2 of my 3 invalid")
    if not claimed:
        return figures
    return [
        replace(f, candidates=tuple(c for c in f.candidates if claimed.get(c[1], i) == i))
        for i, f in enumerate(figures)
    ]


OWN_WORD_DISTANCE = 24
"""Characters after a figure where a fix's or a defect's words are still its own ("1 added
after delivery", "1个单号是N/A"), not a repeat of an earlier figure."""


def _words_after(figure: Figure) -> set[str]:
    """A fix's or a defect's words just after the figure, in its clause."""
    at = figure.end - figure.clause_at
    after = figure.clause[at : at + OWN_WORD_DISTANCE]
    return {role for role in ("fix", "invalid") if ROLE_WORDS_BY[role].search(after)}


def without_repeats(figures: list[Figure]) -> list[Figure]:
    """A figure said again in a later clause with no role of its own ("有1单没追踪……才1单
    而已"): the same packages, not another group."""
    kept: list[Figure] = []
    for figure in figures:
        # "…, 1 added after delivery", "1个单号是N/A": a fix's or a defect's words a few
        # words on are its own too.
        own = {role for role, _, distance in figure.candidates if distance <= 2}
        own |= _words_after(figure)
        repeat = any(k.value == figure.value and k.clause_at != figure.clause_at for k in kept)
        if repeat and own <= {"total", "whole"}:
            continue
        kept.append(figure)
    return kept
