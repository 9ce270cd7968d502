"""Whose numbers start or end so ("1Z开头的单号是UPS的吗", "does a tracking number starting
with 92 mean USPS?", "a number that ends in CN is China Post, right?").

Decided from the carriers' published formats, the table the report validates numbers with
(carriers.yaml): a first or last letters only one carrier's formats take names it; first
digits a carrier's numbers usually take (USPS's 92–95) make it likely, never sure.
"""

from __future__ import annotations

import re

from bot.domain.knowledge.cards import describe_format, format_lengths
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.entities import told_starts
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import Carrier, carriers

_TOLD_END = lazy(
    r"(?:ends?|ending|ended)\s+(?:in|with)\s+(?:an?\s+|the\s+)?['\"“]?([a-z]{2})\b|"
    r"(?<![a-z0-9])([a-z]{2})\s*(?:结尾|收尾)|(?:结尾|后缀|尾巴)(?:是|为|带)?\s*([a-z]{2})(?![a-z])"
)
_WHOSE = lazy(
    r"哪家|哪个(?:快递|物流|承运商|公司)|什么(?:快递|物流|承运商|公司)|谁家|是谁的|"
    r"\bwhose\b|\bwhich (?:carrier|courier|company)\b|\bwhat (?:carrier|courier|company)\b"
)
_ENTERED = lazy(
    r"选|录|填|输入|用的|走的|发的|\bentered\b|\bpicked\b|\bselected\b|\bchose\b|\bunder\b|"
    r"\bused?\b|\busing\b|\bset\b|\bput\b|\bbut i\b|instead|by mistake|wrong carrier|其实|搞错|弄错"
)
"""A carrier said to be picked or used for the number: the carrier rules' case, not whose."""
_LITERAL_HEAD = re.compile(r"^[0-9A-Z]+")
_LITERAL_TAIL = re.compile(r"[A-Z]+$")


def number_prefix(case: Case) -> Decision | None:
    """A number's first (or last) letters told and whose it is asked: the carrier whose
    formats take them (yes when it is the one named, no when another is named)."""
    if case.counts is not None or case.markets or _ENTERED.search(case.text):
        return None  # a marketplace named: its rule on numbers ("日本站…CN结尾") decides
    aliases = {a.casefold() for c in carriers() for a in (c.name, *c.aliases)}
    starts = [s for s in told_starts(case.text) if s not in aliases]
    ends = [next(g for g in m.groups() if g) for m in _TOLD_END.finditer(case.text)]
    if len(starts) + len(ends) != 1:
        return None
    named = [c for c in case.carriers if c.id != "other_post" and _named_in(c, case.text)]
    if len(named) > 1 or not (named or _WHOSE.search(case.text)):
        return None
    told = (starts or ends)[0].upper()
    owners, usual = _owners(told, at_end=bool(ends))
    if not owners:
        return None
    owner = owners[0]
    owned = {c.id for c in owners}
    facts: dict[str, Fact] = {
        "told": told,
        "at_end": bool(ends),
        "usual": usual,
        "owner": owner.name,
        "others": ",".join(c.name for c in owners[1:]),
        "named": named[0].name if named else "",
        "usual_starts": ", ".join(owner.usual_starts),
        **_formats(
            owner,
            "owner",
            [] if usual else [p for p in _own_patterns(owner) if _takes(p, told, bool(ends))],
        ),
    }
    agrees = None
    if named and named[0].id in owned:
        agrees = None if usual else True
    elif named:
        facts.update(_formats(named[0], "named"))
        # A start only one carrier's numbers take is no other's; a usual start is another's
        # only when the one named hands out no number that could start so.
        could = any(_could_start(p, told) for f in named[0].formats for p in f.pattern.split("|"))
        agrees = None if usual and (could or not named[0].formats) else False
    return Decision(code="number_prefix", facts=facts, agrees=agrees, entry="carrier-choose")


def _named_in(carrier: Carrier, text: str) -> bool:
    """The carrier named in the words, not only found as the owner of the letters told."""
    return any(a.casefold() in text for a in (carrier.name, *carrier.aliases))


_FIRST_PIECE = re.compile(r"^(?:\[[^\]]+\]|[0-9A-Z])")


def _could_start(pattern: str, told: str) -> bool:
    """Whether a number of the pattern could start with the letters told (judged on the
    pattern's literal head, else on its first character class)."""
    head = _LITERAL_HEAD.match(pattern)
    if head is not None:
        return head.group().startswith(told) or told.startswith(head.group())
    first = _FIRST_PIECE.match(pattern)
    return first is not None and re.fullmatch(first.group(), told[0]) is not None


def _owners(told: str, at_end: bool) -> tuple[list[Carrier], bool]:
    """The carriers whose own formats start (or end) with `told`, then those that hand such
    numbers out too (may_use); else those whose numbers usually start so (likely only)."""
    own = [c for c in carriers() if any(_takes(p, told, at_end) for p in _own_patterns(c))]
    if own:
        lent = [
            c
            for c in carriers()
            if c not in own and any(_takes(p, told, at_end) for p in c.may_use)
        ]
        return own + lent, False
    if at_end:
        return [], False
    return [c for c in carriers() if any(told.startswith(s) for s in c.usual_starts)], True


def _own_patterns(carrier: Carrier) -> list[str]:
    return [f.pattern for f in carrier.formats if f.distinctive] + carrier.looks_like


def _takes(pattern: str, told: str, at_end: bool) -> bool:
    """The pattern's own literal first (or last) letters are the ones told."""
    literal = (_LITERAL_TAIL if at_end else _LITERAL_HEAD).search(pattern)
    return literal is not None and literal.group() == told


def _formats(carrier: Carrier, role: str, patterns: list[str] | None = None) -> dict[str, Fact]:
    """The carrier's formats (or the patterns given) as a seller reads them, in each
    language."""
    chosen = patterns or [f.pattern for f in carrier.formats]
    facts: dict[str, Fact] = {}
    for lang in ("zh", "en"):
        described = [
            text
            for pattern in chosen
            for option in pattern.split("|")
            if (text := describe_format(option, lang)) is not None
        ]
        separator = "，或 " if lang == "zh" else "; or "
        facts[f"{role}_formats_{lang}"] = separator.join(dict.fromkeys(described))
    return facts


_LENGTH_TOLD = lazy(r"(?<![\d.])(\d{1,2})\s*(?:位|个字符|digits?\b|characters?\b|chars?\b)")


_VALID_ASKED = lazy(r"\bvalid\b|有效|\bcounts?\b|算")


def number_length(case: Case) -> Decision | None:
    """ "USPS 单号 22位 对吗", "is a fedex number 12 digits?": a length told of one carrier's
    numbers, checked against its formats (yes when one of them has it), formats shown."""
    told = _LENGTH_TOLD.search(case.text)
    named = [c for c in case.carriers if c.id != "other_post" and _named_in(c, case.text)]
    if told is None or len(named) != 1 or case.counts is not None or case.markets:
        return None
    if _VALID_ASKED.search(case.text):
        return None  # "is a USPS number with 19 digits valid?": the card's format and scan
    lengths = [format_lengths(o) for f in named[0].formats for o in f.pattern.split("|")]
    if not lengths:
        return None
    fits = any(int(told.group(1)) in n for n in lengths if n is not None)
    # A format we cannot measure (an optional part) may have the length: no "no" then.
    agrees = True if fits else (None if None in lengths else False)
    facts: dict[str, Fact] = {"named": named[0].name, **_formats(named[0], "named")}
    return Decision(code="number_length", facts=facts, agrees=agrees, entry="carrier-choose")
